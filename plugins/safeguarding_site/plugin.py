"""MkDocs adapter: wires MkDocs events to the plain-Python features of this package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import markdown as md
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
from .signposting.directory import Directory, ServiceSource, load_directory
from .signposting.model import Category, Service, parse_uk_phone
from .signposting.nav import add_directory_to_nav
from .signposting.render import cards_html, category_page, fill_slots, index_page, mark_slots
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
        self.directory: Directory | None = None
        self.slots: dict[str, list[list[Service]]] = {}
        self.page_cards: dict[str, list[Service]] = {}

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
        self.env = config.theme.get_env()
        signposting = self.config.signposting
        if signposting.enabled and (Path(config.docs_dir) / signposting.services_dir).is_dir():
            prefix = self._services_prefix()
            config.nav = add_directory_to_nav(
                config.nav,
                f"{prefix}index.md",
                [f"{prefix}{c.id}.md" for c in signposting.categories],
                signposting.directory_title,
            )
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
        try:
            self._load_services(files, config)
        except SafeguardingError as error:
            raise PluginError(str(error)) from None
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        where = page.file.src_uri
        try:
            refs = self._front_matter_refs(page)
            if self.directory is None:
                if refs or "[services:" in markdown:
                    raise SafeguardingError(
                        f"Page '{where}' asks for service cards, but there is no services "
                        f"folder '{self.config.signposting.services_dir}' in docs_dir (or "
                        "signposting is disabled)."
                    )
                return markdown
            markdown, self.slots[where] = mark_slots(markdown, self.directory, where)
            self.page_cards[where] = self.directory.resolve(refs, where)
        except SafeguardingError as error:
            raise PluginError(str(error)) from None
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.directory is None:
            return None
        where = page.file.src_uri
        html = fill_slots(html, self.slots.pop(where, []), self._render)
        cards = self.page_cards.pop(where, [])
        if cards:
            heading = self.config.signposting.cards_heading
            html += cards_html(cards, self._render, heading=heading)
        return html

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or page.file.abs_src_path is None:
            return None  # generated pages are made by code, not typed by an editor
        src_path = page.file.src_uri
        try:
            text = decode_source(Path(page.file.abs_src_path).read_bytes(), src_path)
            check_front_matter(text, src_path)
        except SafeguardingError as error:
            raise PluginError(str(error)) from None
        return text

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

    def _services_prefix(self) -> str:
        return self.config.signposting.services_dir.strip("/") + "/"

    def _load_services(self, files: Files, config: MkDocsConfig) -> None:
        """Take the service files out of the site, check them, and generate the directory."""
        self.directory = None
        options = self.config.signposting
        prefix = self._services_prefix()
        service_files = [
            f for f in files if f.src_uri.startswith(prefix) and f.is_documentation_page()
        ]
        if not options.enabled or not service_files:
            return
        categories = [Category(c.id, c.title, c.description) for c in options.categories]
        reserved = {f"{prefix}index.md"} | {f"{prefix}{c.id}.md" for c in categories}
        sources = []
        for file in service_files:
            if file.src_uri in reserved:
                raise SafeguardingError(
                    f"Service file '{file.src_uri}' has a name the plugin uses for a generated "
                    "directory page. Rename it, for example after the organisation."
                )
            raw = Path(file.abs_src_path).read_bytes()
            sources.append(ServiceSource(file.src_uri, decode_source(raw, file.src_uri)))
            files.remove(file)
        renderer = md.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        today = options.today or dt.date.today()
        self.directory = load_directory(
            sources, categories, lambda text: renderer.reset().convert(text), today
        )
        files.append(
            File.generated(
                config,
                f"{prefix}index.md",
                content=index_page(
                    options.directory_title,
                    options.directory_intro,
                    self.directory,
                    lambda category_id: f"{category_id}.md",
                ),
            )
        )
        for category in categories:
            content = category_page(category, self.directory, "index.md")
            files.append(File.generated(config, f"{prefix}{category.id}.md", content=content))
        files.append(File.generated(config, options.json_file, content=self.directory.to_json()))
        for service in self.directory.stale(today, options.stale_after_months):
            log.warning(
                f"Service '{service.src_path}': details last checked on "
                f"{service.data.last_verified.isoformat()}, more than "
                f"{options.stale_after_months} months ago. Check them with '{service.data.source}' "
                "and update 'last_verified'."
            )

    def _front_matter_refs(self, page: Page) -> list[str]:
        refs = page.meta.get("signposting", [])
        if isinstance(refs, str):
            refs = [refs]
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            raise SafeguardingError(
                f"Page '{page.file.src_uri}': front matter field 'signposting' must be a list of "
                f"category or service ids, received {refs!r}. Write it as "
                "'signposting: [domestic-abuse, samaritans]'."
            )
        return refs

    def _emergency_banner(self) -> str:
        banner = self.config.signposting.emergency_banner
        if not (self.config.signposting.enabled and banner.enabled):
            return ""
        return self._render(
            "emergency-banner.html",
            banner={
                "message": banner.message,
                "label": banner.label,
                "phone": parse_uk_phone(banner.phone),
            },
        )

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
        privacy = self.config.privacy
        qe = self._quick_exit(help_url)
        snippets = Snippets(
            head_end=head_snippet(
                no_referrer=privacy.no_referrer, memory_storage=privacy.memory_storage
            ),
            body_start=self._render("quick-exit.html", qe=qe) if qe else "",
            after_skip_link=(self._render("quick-exit-skip.html", qe=qe) if qe else "")
            + self._emergency_banner(),
        )
        try:
            return inject(html, snippets, name)
        except SafeguardingError as error:
            raise PluginError(str(error)) from None

    def _render(self, partial: str, **context: object) -> str:
        assert self.env is not None, "on_config creates the template environment"
        return self.env.get_template(f"safeguarding/partials/{partial}").render(**context)
