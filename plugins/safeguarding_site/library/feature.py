"""MkDocs glue for the library: item files in, generated pages, cards and open data out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown as md
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..checked import page_refs
from ..errors import SafeguardingError
from ..languages.model import marked_source
from ..languages.strings import SiteLanguage
from ..sources import decode_source
from .catalogue import Catalogue, ItemSource, Vocabulary, load_catalogue
from .config import LibraryConfig
from .model import Item, Term
from .render import Links, cards_html, fill_slots, index_page, mark_slots, term_page, where_label

if TYPE_CHECKING:
    from ..jsoncache import JsonCache
    from ..search.documents import Document

log = get_plugin_logger(__name__)

Render = Callable[..., str]
_TAGS = re.compile(r"<[^>]+>")


class Library:
    """State of one build: the catalogue of items and the cards each page asked for."""

    def __init__(self, options: LibraryConfig, render: Render, cache: JsonCache | None = None):
        self.options = options
        self.render = render
        self.cache = cache
        self.catalogue: Catalogue | None = None
        self.files: Files | None = None
        self.site_url = ""
        self.site = SiteLanguage()  # the language items are written in, and its words
        self.slots: dict[str, list[list[Item]]] = {}
        self.page_cards: dict[str, list[Item]] = {}

    @property
    def prefix(self) -> str:
        return self.options.folder.strip("/") + "/"

    @property
    def index_src(self) -> str:
        return f"{self.prefix}index.md"

    def topic_src(self, topic_id: str) -> str:
        return f"{self.prefix}topics/{topic_id}.md"

    def audience_src(self, audience_id: str) -> str:
        return f"{self.prefix}for/{audience_id}.md"

    def add_to_nav(self, config: MkDocsConfig) -> None:
        """A nav that does not name the library's index gets it at the end."""
        if not (self.options.enabled and (Path(config.docs_dir) / self.prefix).is_dir()):
            return
        if config.nav is not None and not _mentions(config.nav, self.index_src):
            config.nav = [*config.nav, {self.options.title: self.index_src}]

    def load(self, files: Files, config: MkDocsConfig, today: dt.date) -> None:
        """Take the item files out of the site, check them, and generate the library pages."""
        self.catalogue, self.files = None, files
        self.site_url = config.site_url or ""
        item_files = [
            f for f in files if f.src_uri.startswith(self.prefix) and f.is_documentation_page()
        ]
        if not self.options.enabled or not item_files:
            return
        vocabulary = Vocabulary(
            types=_terms(self.options.types),
            audiences=_terms(self.options.audiences),
            topics=_terms(self.options.topics),
        )
        reserved_folders = (f"{self.prefix}topics/", f"{self.prefix}for/")
        sources = []
        for file in item_files:
            if file.src_uri == self.index_src or file.src_uri.startswith(reserved_folders):
                raise SafeguardingError(
                    f"Library item '{file.src_uri}' has a name the plugin uses for a generated "
                    f"library page ('{self.index_src}' and the folders 'topics/' and 'for/'). "
                    "Rename it or move it, for example after the document's title."
                )
            raw = Path(file.abs_src_path).read_bytes()
            sources.append(ItemSource(file.src_uri, decode_source(raw, file.src_uri)))
            files.remove(file)
        renderer = md.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        self.catalogue = load_catalogue(
            sources,
            vocabulary,
            lambda text: renderer.reset().convert(text),
            config.docs_dir,
            today,
            self.options.review_after_months,
            cache=self.cache,
        )
        for item in self.catalogue.items.values():
            page = item.data.page
            found = files.get_file_from_path(page) if page else None
            if page and (found is None or not found.is_documentation_page()):
                raise SafeguardingError(
                    f"Library item '{item.src_path}': field 'page': there is no page '{page}' "
                    f"in docs_dir ('{config.docs_dir}') outside the library folder. Give the "
                    "path of a Markdown page from docs_dir, such as 'guidance/index.md'."
                )
            if item.attachment and files.get_file_from_path(item.attachment.path) is None:
                raise SafeguardingError(
                    f"Library item '{item.src_path}': field 'file': '{item.attachment.path}' is "
                    "left out of the site (by 'exclude_docs' in mkdocs.yml, or a name starting "
                    "with '.'), so the link would lead nowhere. Publish the file, or link to it "
                    "with 'url'."
                )
        self._generate(files, config)
        self._warn_overdue(today)

    def _generate(self, files: Files, config: MkDocsConfig) -> None:
        catalogue = self.catalogue
        assert catalogue is not None
        vocabulary = catalogue.vocabulary
        index = index_page(
            self.options.title,
            self.options.intro,
            catalogue,
            lambda topic_id: f"topics/{topic_id}.md",
            lambda audience_id: f"for/{audience_id}.md",
            self.site.words,
        )
        files.append(File.generated(config, self.index_src, content=index))
        pages: list[tuple[str, str]] = []
        for kind, terms, items_of, src_of in (
            ("topic", vocabulary.topics, catalogue.in_topic, self.topic_src),
            ("audience", vocabulary.audiences, catalogue.for_audience, self.audience_src),
        ):
            for term in terms.values():
                items = items_of(term.id)
                if items:
                    title, words = self.options.title, self.site.words
                    content = term_page(term, items, kind, "../index.md", title, words)
                    pages.append((src_of(term.id), content))
        for src, content in pages:
            # Reached from the index's links, as a directory's categories are from theirs.
            files.append(
                File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            )
        data = catalogue.to_json(lambda item: self._absolute(item))
        files.append(File.generated(config, self.options.json_file, content=data))

    def _warn_overdue(self, today: dt.date) -> None:
        assert self.catalogue is not None
        for item in self.catalogue.overdue(today):
            log.warning(
                f"Library item '{item.src_path}': review was due on {item.due.isoformat()}. "
                "Check that the document is still current and its link still works, then "
                "update 'last_reviewed' (and 'review_due')."
            )

    def a_to_z_entries(self) -> list[tuple[str, str]]:
        """The library's index and its topics, for the A to Z page."""
        if self.catalogue is None:
            return []
        entries = [(self.options.title, self.index_src)]
        for topic in self.catalogue.vocabulary.topics.values():
            if self.catalogue.in_topic(topic.id):
                entries.append((topic.title, self.topic_src(topic.id)))
        return entries

    def search_documents(self, make: Callable[..., Document]) -> list[tuple[list, Callable]]:
        """Each item as a search result that leads to its card in the library's index."""
        if self.catalogue is None or self.files is None:
            return []
        index = self.files.get_file_from_path(self.index_src)
        vocabulary = self.catalogue.vocabulary
        found = []
        for item in self.catalogue.all():
            data = item.data
            fields = {
                "ref": f"library:{item.id}",
                "url": f"{index.url}#item-{item.id}" if index else "",
                "title": data.title,
                "page": ", ".join(
                    filter(
                        None,
                        [
                            f"{self.options.title}: {vocabulary.types[data.type].title}",
                            where_label(item),
                        ],
                    )
                ),
                "body": " ".join(
                    [
                        _TAGS.sub(" ", item.summary_html).strip(),
                        data.publisher,
                        *(vocabulary.audiences[a].title for a in data.audiences),
                        *(vocabulary.topics[t].title for t in data.topics),
                    ]
                ),
                "kind": "library",
            }
            found.append((["search-library-1", fields], lambda f=fields: [make(**f)]))
        return found

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Note the cards a page asks for; leave placeholders where they go."""
        where = page.file.src_uri
        refs = page_refs(
            page.meta, where, "library", "topic or item ids", "msp-toolkit, mental-capacity"
        )
        if self.catalogue is None:
            if refs or "[library:" in markdown:
                raise SafeguardingError(
                    f"Page '{where}' asks for library cards, but there is no library folder "
                    f"'{self.options.folder}' in docs_dir with items in it (or the library is "
                    "disabled)."
                )
            return markdown
        markdown, self.slots[where] = mark_slots(markdown, self.catalogue, where)
        self.page_cards[where] = self.catalogue.resolve(refs, where)
        return markdown

    def page_content(
        self,
        html: str,
        page: Page,
        words: dict[str, str] | None = None,
        language: str | None = None,
    ) -> str:
        """Fill in the cards, in the page ``language``'s ``words``."""
        if self.catalogue is None:
            return html
        # Items are written in the site's language: name it on what they say.
        source = marked_source(language, self.site.code)
        where = page.file.src_uri
        links = self._links(page)
        anchors = where == self.index_src

        def make(items: list[Item], heading: str | None = None) -> str:
            return cards_html(
                items, self.catalogue, links, self.render, heading, anchors, words, source
            )

        html = fill_slots(html, self.slots.pop(where, []), make)
        cards = self.page_cards.pop(where, [])
        if cards:
            html += make(cards, self.options.cards_heading)
        return html

    def report_rows(self) -> list[tuple[str, str, str | None]]:
        """Every item for the report: file, title, review due (or None)."""
        if self.catalogue is None:
            return []
        return [
            (i.src_path, i.title, i.due.isoformat() if i.due else None)
            for i in self.catalogue.all()
        ]

    def _links(self, page: Page) -> Links:
        assert self.catalogue is not None and self.files is not None
        catalogue, files = self.catalogue, self.files

        def document(item: Item) -> str:
            target = item.attachment.path if item.attachment else item.data.page
            if target is None:
                return item.data.url or ""
            return files.get_file_from_path(target).url_relative_to(page.file)

        def topic(topic_id: str) -> str | None:
            file = files.get_file_from_path(self.topic_src(topic_id))
            if file is None or not catalogue.in_topic(topic_id):
                return None
            return file.url_relative_to(page.file)

        return Links(document=document, topic=topic, absolute=self._absolute)

    def _absolute(self, item: Item) -> str:
        """An item's address for open data: absolute when site_url is set."""
        if item.data.url is not None:
            return item.data.url
        assert self.files is not None
        target = item.attachment.path if item.attachment else item.data.page
        url = self.files.get_file_from_path(target).url
        return self.site_url.rstrip("/") + "/" + url if self.site_url else url


def _terms(options: list[Any]) -> dict[str, Term]:
    return {o.id: Term(o.id, o.title, o.description) for o in options}


def _mentions(nav: list[Any], uri: str) -> bool:
    for item in nav:
        if item == uri:
            return True
        if isinstance(item, dict):
            for value in item.values():
                if value == uri or (isinstance(value, list) and _mentions(value, uri)):
                    return True
    return False
