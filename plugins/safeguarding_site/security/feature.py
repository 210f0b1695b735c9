"""MkDocs glue for the security feature: settings refused, policies per page, host files."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from .config import SecurityConfig
from .csp import has_style_attribute, inline_scripts, meta_tag, script_hash
from .headers import HostHeaders, host_files
from .third_party import (
    FONTS_WHY,
    Refusal,
    is_other_host,
    refused_extra,
    refused_features,
    refused_files,
    refused_repo,
)

log = get_plugin_logger(__name__)


class Security:
    """Keeps the site to itself: refuses settings that reach other hosts, adds the policy."""

    def __init__(self, options: SecurityConfig, *, preview: bool = False) -> None:
        self.options = options
        self.script_hashes: set[str] = set()
        # `mkdocs serve` adds an inline reload script of its own to every page it serves,
        # different each time: a policy in the page would block it, so the preview has none.
        self.page_policies = options.csp and not preview
        if options.csp and preview:
            log.info("The preview pages have no Content Security Policy, so they can reload.")

    def check_config(self, config: MkDocsConfig) -> list[Refusal]:
        """Turn off every setting that would contact another website; warn about each."""
        theme = config.theme
        refusals: list[Refusal] = []
        font = theme.get("font")
        if font:
            if font != _MATERIAL_DEFAULT_FONT:
                refusals.append(Refusal("theme.font", FONTS_WHY))
            theme["font"] = False  # Material's default Roboto comes from Google too
        features = list(theme.get("features") or [])
        refused = refused_features(features)
        if refused:
            names = {r.item for r in refused}
            theme["features"] = [name for name in features if name not in names]
        refusals += refused
        for refusal in refused_extra(config.extra):
            config.extra.pop(refusal.item, None)
            refusals.append(refusal)
        for setting, items in (
            ("extra_css", config.extra_css),
            ("extra_javascript", config.extra_javascript),
        ):
            paths = [str(item) for item in items]
            refused = refused_files(setting, paths)
            if refused:
                gone = {r.item for r in refused}
                items[:] = [item for item in items if str(item) not in gone]
            refusals += refused
        for key in ("favicon", "logo"):
            value = theme.get(key)
            if isinstance(value, str) and is_other_host(value):
                refusals.append(
                    Refusal(
                        f"theme.{key}",
                        "it would load from another website; save the "
                        "picture in docs/ and give its path instead",
                    )
                )
                theme[key] = None if key == "logo" else "assets/images/favicon.png"
        refused = refused_repo(config.repo_url)
        if refused:
            config.repo_url = config.repo_name = config.edit_uri = None
        refusals += refused
        for refusal in refusals:
            log.warning(refusal.message())
        self._align_table_cells(config)
        return refusals

    def _align_table_cells(self, config: MkDocsConfig) -> None:
        """Aligned table columns as 'align' attributes: the policy refuses style attributes."""
        if "tables" in config.markdown_extensions:
            config.mdx_configs.setdefault("tables", {}).setdefault("use_align_attribute", True)

    def page_policy(self, output: str, content: str, where: str) -> str:
        """The policy ``<meta>`` for a finished page; warns about what the page's own text
        holds that the policy will block (``content`` is the page's converted Markdown)."""
        if not self.page_policies:
            return ""
        written = set(inline_scripts(content)) if content else set()
        if written:
            log.warning(
                f"Page '{where}' has a <script> written into its text. The site's Content "
                "Security Policy blocks it: save the script as a file in docs/ and list it "
                "under 'extra_javascript' in mkdocs.yml."
            )
        if content and has_style_attribute(content):
            log.warning(
                f"Page '{where}' has a 'style' attribute written into its text. The site's "
                "Content Security Policy ignores it: give the element a class and style the "
                "class in a stylesheet listed under 'extra_css'."
            )
        hashes = {script_hash(text) for text in inline_scripts(output) if text not in written}
        self.script_hashes |= hashes
        return meta_tag(hashes)

    def write(self, site_dir: str, site_url: str | None) -> None:
        """Write the header file for each host asked for into the built site."""
        if not self.options.host_files:
            return
        headers = HostHeaders(
            script_hashes=frozenset(self.script_hashes),
            cache_pages=self.options.cache_pages,
            cache_assets=self.options.cache_assets,
            policy=self.options.csp,
        )
        base = urlsplit(site_url or "/").path
        for name, text in host_files(headers, base, self.options.host_files).items():
            (Path(site_dir) / name).write_text(text, encoding="utf-8")
        self.script_hashes = set()


_MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}
"""What Material's theme sets when mkdocs.yml says nothing about fonts."""
