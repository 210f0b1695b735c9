"""MkDocs glue for signposting: files in, generated pages and cards out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import markdown as md
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..checked import page_refs
from ..errors import SafeguardingError
from ..languages.model import marked_source
from ..languages.strings import SiteLanguage
from ..sources import decode_source
from .config import SignpostingConfig
from .directory import Directory, ServiceSource, load_directory
from .model import Category, Service
from .nav import add_directory_to_nav, remove_from_nav
from .phone import parse_uk_phone
from .render import cards_html, category_page, fill_slots, index_page, mark_slots

if TYPE_CHECKING:
    from ..jsoncache import JsonCache

log = get_plugin_logger(__name__)

Render = Callable[..., str]


class Signposting:
    """State of one build: the directory of services and the cards each page asked for."""

    def __init__(
        self, options: SignpostingConfig, render: Render, cache: JsonCache | None = None
    ) -> None:
        self.options = options
        self.render = render
        self.cache = cache  # checked service files: unchanged ones need no pydantic next time
        self.directory: Directory | None = None
        self.site = SiteLanguage()  # the language services are written in, and its words
        self.slots: dict[str, list[list[Service]]] = {}
        self.page_cards: dict[str, list[Service]] = {}

    @property
    def prefix(self) -> str:
        return self.options.services_dir.strip("/") + "/"

    def category_src(self, category_id: str) -> str:
        """Source path of a category's generated directory page."""
        return f"{self.prefix}{category_id}.md"

    def add_to_nav(self, config: MkDocsConfig) -> None:
        """Make the generated directory a section of the site's navigation."""
        if not (self.options.enabled and (Path(config.docs_dir) / self.prefix).is_dir()):
            return
        config.nav = add_directory_to_nav(
            config.nav,
            f"{self.prefix}index.md",
            [self.category_src(c.id) for c in self.options.categories],
            self.options.directory_title,
        )

    def load(self, files: Files, config: MkDocsConfig) -> None:
        """Take the service files out of the site, check them, and generate the directory."""
        service_files = [
            f for f in files if f.src_uri.startswith(self.prefix) and f.is_documentation_page()
        ]
        if not self.options.enabled or not service_files:
            return
        categories = [Category(c.id, c.title, c.description) for c in self.options.categories]
        reserved = {f"{self.prefix}index.md"} | {self.category_src(c.id) for c in categories}
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
        today = self.options.today or dt.date.today()
        self.directory = load_directory(
            sources,
            categories,
            lambda text: renderer.reset().convert(text),
            today,
            cache=self.cache,
        )
        listed = self._leave_out_empty(config, categories)
        self._generate(files, config, listed)
        self._warn_stale(today)

    def _leave_out_empty(self, config: MkDocsConfig, categories: list[Category]) -> list[Category]:
        """Categories with services; each empty one is named and left out of the directory
        and the navigation (a page saying "0 services" helps nobody looking for help)."""
        assert self.directory is not None
        empty = [c for c in categories if not self.directory.in_category(c.id)]
        for category in empty:
            log.warning(
                f"Signposting category '{category.id}' ('{category.title}') has no services, so "
                "it is left out of the directory and the navigation. Add a service file with "
                f"'categories: [{category.id}]', or remove the category from "
                "'signposting.categories' in mkdocs.yml."
            )
        config.nav = remove_from_nav(config.nav, {self.category_src(c.id) for c in empty})
        return [c for c in categories if c not in empty]

    def _generate(self, files: Files, config: MkDocsConfig, categories: list[Category]) -> None:
        assert self.directory is not None
        index = index_page(
            self.options.directory_title,
            self.options.directory_intro,
            self.directory,
            lambda category_id: f"{category_id}.md",
            self.site.words,
        )
        files.append(File.generated(config, f"{self.prefix}index.md", content=index))
        for category in categories:
            content = category_page(category, self.directory, "index.md", self.site.words)
            files.append(File.generated(config, self.category_src(category.id), content=content))
        json_data = self.directory.to_json()
        files.append(File.generated(config, self.options.json_file, content=json_data))

    def _warn_stale(self, today: dt.date) -> None:
        assert self.directory is not None
        months = self.options.stale_after_months
        for service in self.directory.stale(today, months):
            log.warning(
                f"Service '{service.src_path}': details last checked on "
                f"{service.data.last_verified.isoformat()}, more than {months} months ago. "
                f"Check them with '{service.data.source}' and update 'last_verified'."
            )

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Note the cards a page asks for; leave placeholders where they go."""
        where = page.file.src_uri
        refs = page_refs(
            page.meta,
            where,
            "signposting",
            "category or service ids",
            "domestic-abuse, samaritans",
        )
        if self.directory is None:
            if refs or "[services:" in markdown:
                raise SafeguardingError(
                    f"Page '{where}' asks for service cards, but there is no services folder "
                    f"'{self.options.services_dir}' in docs_dir (or signposting is disabled)."
                )
            return markdown
        markdown, self.slots[where] = mark_slots(markdown, self.directory, where)
        self.page_cards[where] = self.directory.resolve(refs, where)
        return markdown

    def page_content(
        self,
        html: str,
        page: Page,
        words: dict[str, str] | None = None,
        language: str | None = None,
    ) -> str:
        """Fill in the cards, in the page ``language``'s ``words``."""
        if self.directory is None:
            return html
        where = page.file.src_uri
        # Services are written in the site's language: name it on the words left in it.
        source = marked_source(language, self.site.code)
        slots = self.slots.pop(where, [])
        html = fill_slots(html, slots, self.render, words, language, source)
        cards = self.page_cards.pop(where, [])
        if cards:
            heading = self.options.cards_heading
            html += cards_html(cards, self.render, heading, words, language, source)
        return html

    def banner_in(self, words: dict[str, str] | None = None) -> str:
        """The emergency banner's markup, in the site's words (the options) or in another
        language's ``words``; nothing when it is off."""
        banner = self.options.emergency_banner
        if not (self.options.enabled and banner.enabled):
            return ""
        return self.render(
            "emergency-banner.html",
            banner={
                "message": words["danger"] if words else banner.message,
                "label": words["emergency_help"] if words else banner.label,
                "call": words["call"] if words else "Call",
                "phone": parse_uk_phone(banner.phone),
            },
        )
