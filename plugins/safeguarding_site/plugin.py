"""MkDocs adapter: wires MkDocs events to the plain-Python features of this package."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .config import PluginConfig
from .errors import SafeguardingError
from .inject import Snippets, inject
from .privacy.snippets import head_snippet
from .publish import Staging
from .quick_exit.model import Messages, QuickExit
from .sources import check_front_matter, decode_source

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
STYLESHEET = "assets/safeguarding/safeguarding.css"
SCRIPTS = ("assets/safeguarding/quick-exit.js",)


class SafeguardingPlugin(BasePlugin[PluginConfig]):
    """Adds quick exit and no-trace browsing to every page of a MkDocs site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.dirty = False
        self.staging: Staging | None = None
        self.failed = False
        self.built = False
        self.env: Environment | None = None
        self.help_file: File | None = None
        self.mkdocs_config: MkDocsConfig | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    # Last, so that every other plugin has set up the theme before assets are added.
    @event_priority(-100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.mkdocs_config = config
        self.failed = self.built = False
        config.theme.dirs.append(str(THEME_DIR))
        # First, so the site's own stylesheets can restyle every component.
        config.extra_css.insert(0, STYLESHEET)
        config.extra_javascript.extend(SCRIPTS)
        self._stage(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        help_page = self.config.quick_exit.help_page
        self.help_file = None
        if self.config.quick_exit.enabled and help_page:
            self.help_file = files.get_file_from_path(help_page)
            if self.help_file is None or not self.help_file.is_documentation_page():
                raise PluginError(
                    f"Plugin 'safeguarding' option 'quick_exit.help_page': received "
                    f"'{help_page}', but there is no such page in '{config.docs_dir}'. Give the "
                    "path of a Markdown page relative to docs_dir, such as "
                    "'staying-safe-online.md', or remove the option."
                )
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        src_path = page.file.src_uri
        try:
            text = decode_source(Path(page.file.abs_src_path).read_bytes(), src_path)
            check_front_matter(text, src_path)
        except SafeguardingError as error:
            raise PluginError(str(error)) from None
        return text

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        help_url = self.help_file.url_relative_to(page.file) if self.help_file else None
        return self._inject(output, page.file.src_uri, help_url)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not self.config.enabled or template_name != "404.html":
            return None
        # The 404 page is served at any depth, so its links start from the site root.
        root = urlsplit(config.site_url or "/").path or "/"
        help_url = root.rstrip("/") + "/" + self.help_file.url if self.help_file else None
        return self._inject(output_content, template_name, help_url)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            self.built = True

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    def on_shutdown(self) -> None:
        if self.staging is None:
            return
        staging, self.staging = self.staging, None
        if self.mkdocs_config is not None:
            self.mkdocs_config.site_dir = str(staging.site_dir)
        if self.built and not self.failed:
            staging.publish()
            log.info(f"Published the build to {staging.site_dir}")
        else:
            staging.discard()
            log.info(f"The build failed: {staging.site_dir} was left as it was")

    def _stage(self, config: MkDocsConfig) -> None:
        """Redirect a one-off build into a staging folder, published in ``on_shutdown``."""
        one_off = self.command in {"build", "gh-deploy"} and not self.dirty
        if not (self.config.safe_publish and one_off) or self.staging is not None:
            return
        self.staging = Staging.beside(config.site_dir)
        config.site_dir = str(self.staging.staging_dir)

    def _quick_exit(self, help_url: str | None) -> QuickExit | None:
        options = self.config.quick_exit
        if not options.enabled:
            return None
        return QuickExit(
            destination=options.destination,
            label=options.label,
            skip_label=options.skip_label,
            shift_shortcut=options.shift_shortcut,
            new_tab=options.new_tab,
            help_label=options.help_label,
            help_url=help_url,
            messages=Messages(
                press_two_more=options.messages.press_two_more,
                press_one_more=options.messages.press_one_more,
                expired=options.messages.expired,
                loading=options.messages.loading,
            ),
        )

    def _inject(self, html: str, name: str, help_url: str | None) -> str:
        assert self.env is not None, "on_env runs before any page is rendered"
        privacy = self.config.privacy
        qe = self._quick_exit(help_url)
        snippets = Snippets(
            head_end=head_snippet(
                no_referrer=privacy.no_referrer, memory_storage=privacy.memory_storage
            ),
            body_start=self._render("quick-exit.html", qe=qe) if qe else "",
            after_skip_link=self._render("quick-exit-skip.html", qe=qe) if qe else "",
        )
        try:
            return inject(html, snippets, name)
        except SafeguardingError as error:
            raise PluginError(str(error)) from None

    def _render(self, partial: str, **context: object) -> str:
        assert self.env is not None
        return self.env.get_template(f"safeguarding/partials/{partial}").render(**context)

