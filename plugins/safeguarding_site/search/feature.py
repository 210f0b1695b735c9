"""MkDocs glue for search: collect documents while pages render, write the index at the end."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..errors import SafeguardingError
from ..jsoncache import JsonCache
from ..languages.strings import SiteLanguage
from ..signposting.directory import Directory
from ..sources import title_of_source
from ..storage import digest, place_file, read_json
from .a_to_z import a_to_z_markdown
from .config import SearchConfig
from .documents import Document, page_documents, service_document
from .shards import FORMAT, build_shards
from .synonyms import groups_from_config

log = get_plugin_logger(__name__)

Render = Callable[..., str]
SEARCH_DIR = "search"
MANIFEST_URI = f"{SEARCH_DIR}/manifest.json"
LUNR_URI = "assets/safeguarding/lunr.js"
A_TO_Z_SRC = "a-z.md"
SCRIPT_WORDS = (
    "searching", "search_unavailable", "no_results", "one_result", "results", "call", "easy_read"
)  # fmt: skip
"""The words search.js writes, given to it in the page's language."""
# lunr.js 2.3.9 as shipped inside MkDocs; lunr.py writes indexes in the same version.
LUNR_SOURCE = Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js"


class Search:
    """State of one build: the documents gathered so far."""

    def __init__(
        self, options: SearchConfig, render: Render, cache: JsonCache | None = None
    ) -> None:
        self.options = options
        # Sections and the index are pure functions of the pages: keep them between builds.
        self.cache = cache
        self.render = render
        self.groups = groups_from_config(options.synonyms)
        self.site = SiteLanguage()  # the site's own language (translations name theirs)
        # Each page's documents, or the cache file that holds them: a warm build, whose index
        # is cached too, never reads them back, so it holds no copy of the site's text.
        self.parts: list[str | list[Document]] = []
        # What the documents were made from, hashed as they arrive: the index's cache key.
        self.sources = hashlib.sha256()
        self.a_to_z: File | None = None

    def check_conflicts(self, config: MkDocsConfig) -> None:
        """Two search boxes would confuse readers; MkDocs' own one also keeps no promises."""
        if self.options.enabled and "search" in config.plugins:
            log.warning(
                "The 'search' plugin is enabled as well as the safeguarding plugin's search. "
                "Remove 'search' from 'plugins' in mkdocs.yml: it builds its index on the "
                "reader's device and shows a second search box."
            )

    def load(
        self,
        files: Files,
        config: MkDocsConfig,
        directory: Directory | None,
        category_src: Callable[[str], str],
        generated: Sequence[tuple[str, str]] = (),
        listed: Callable[[str], bool] = lambda src: True,
    ) -> None:
        """Generate the A to Z page from every page's title and every service category.

        ``category_src`` gives the source path of a category's directory page; ``generated``
        lists other generated pages (title, source path) that belong in the A to Z; ``listed``
        leaves pages out (translations, found through their page's switcher).
        """
        self.parts, self.a_to_z = [], None
        self.sources = hashlib.sha256()
        if not self.options.enabled:
            return
        entries = []
        for file in files.documentation_pages():
            if file.src_uri.endswith(".easy.md") or file.abs_src_path is None:
                continue
            if not listed(file.src_uri):
                continue
            text = Path(file.abs_src_path).read_text(encoding="utf-8-sig", errors="replace")
            title = title_of_source(text)
            if title:
                entries.append((title, file.src_uri))
        if directory is not None:
            for category in directory.categories.values():
                if directory.in_category(category.id):  # empty ones have no page
                    entries.append((category.title, category_src(category.id)))
        entries += generated
        self.a_to_z = File.generated(
            config,
            A_TO_Z_SRC,
            content=a_to_z_markdown(self.options.a_to_z_title, entries, self.site.words),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        files.append(self.a_to_z)
        if directory is not None:
            self._add_services(files, directory, category_src)

    def _add_services(
        self, files: Files, directory: Directory, category_src: Callable[[str], str]
    ) -> None:
        for service in directory.services.values():
            category = service.data.categories[0]
            page = files.get_file_from_path(category_src(category))
            url = page.url if page else ""
            titles = ", ".join(directory.categories[c].title for c in service.data.categories)
            phone = service.data.phone[0].number if service.data.phone else None
            fields = {
                "ref": f"service:{service.id}",
                "url": url,
                "name": service.name,
                "categories": list(service.data.categories),
                "category_titles": titles,
                "description_html": service.description_html,
                "who_for": service.data.who_for or "",
                "phone": phone.shown if phone else "",
                "tel": phone.tel if phone else "",
                "order": service.data.order,
            }
            # Made once for the same fields: it parses the description.
            self._add(
                ["search-service-2", fields],
                lambda f=fields: [service_document(**{**f, "categories": tuple(f["categories"])})],
            )

    def add_documents(self, key: list, make: Callable[[], list[Document]]) -> None:
        """Count in documents of another feature (the library's items); ``key`` names them
        for the cache, so ``make`` runs only when they changed."""
        if self.options.enabled and self.a_to_z is not None:
            self._add(key, make)

    def _add(self, key: list, make: Callable[[], list[Document]]) -> None:
        """Count in the documents made by ``make``, from the cache when it has them."""
        key_digest = digest(key)
        self.sources.update(key_digest.encode())
        stored = self.cache.file(key_digest) if self.cache else None
        if stored is not None and os.path.isfile(stored):
            self.parts.append(stored)
            return
        documents = make()
        if self.cache:
            self.cache.put(key, [dataclasses.asdict(d) for d in documents])
        self.parts.append(stored if stored is not None and os.path.isfile(stored) else documents)

    def documents(self) -> list[Document]:
        """Every document of the build, read back from the cache where it was kept."""
        found: list[Document] = []
        for part in self.parts:
            if isinstance(part, list):
                found += part
                continue
            stored = read_json(part)
            if not isinstance(stored, list):
                raise SafeguardingError(
                    f"The search cache file '{part}' went missing or changed during the build "
                    "(was the cache folder cleared?). Build again."
                )
            found += [Document.from_json(fields) for fields in stored]
        return found

    def collect(self, page: Page, kind: str, language: str = "") -> None:
        """Index a rendered page, section by section; ``language`` is a translation's."""
        if not self.options.enabled or page.content is None:
            return
        if self.a_to_z is not None and page.file is self.a_to_z:
            return  # a list of links, already found through each page
        title = html.unescape(page.title or "")  # front matter titles arrive escaped
        content, url = page.content, page.file.url
        self._add(
            ["search-sections-3", content, url, title, kind, language],
            lambda: page_documents(content, url, title, kind, language),
        )

    def form(
        self,
        root: str,
        words: dict[str, str] | None = None,
        script_words: Mapping[str, str] | None = None,
    ) -> str:
        """The search form, with links relative to the page's folder (``root`` is '../..'),
        in the options' words or another language's ``words``; ``script_words`` is the
        page language's table, for what the script writes (results, "Searching…")."""
        if not self.options.enabled or self.a_to_z is None:
            return ""
        prefix = root.rstrip("/") + "/" if root not in ("", ".") else ""
        return self.render(
            "search.html",
            label=words["search_label"] if words else self.options.label,
            button=words["search_button"] if words else "Search",
            action=prefix + self.a_to_z.url,
            a_to_z=words["a_to_z"] if words else self.options.a_to_z_title,
            index=prefix + MANIFEST_URI,
            lunr=prefix + LUNR_URI,
            root=prefix or "./",
            max_results=self.options.max_results,
            script_words={key: (script_words or {}).get(key, "") for key in SCRIPT_WORDS},
        )

    def write(self, site_dir: str) -> None:
        """Write the sharded index and lunr.js into the built site.

        Each shard is a cache entry of its own, linked into the site: a build whose pages did
        not change reads none of them, and one that changed writes only the shards that did.
        """
        if not self.options.enabled:
            return
        folder = os.path.join(site_dir, SEARCH_DIR)
        key = ["search-shards", FORMAT, self.sources.hexdigest(), self.groups, self.site.code]
        listing = self.cache.get(key) if self.cache else None
        if not (isinstance(listing, list) and all(os.path.isfile(f) for _, f in listing)):
            shards = build_shards(self.documents(), self.groups, self.site.code).files
            listing = self._store(shards, key) if self.cache else None
            if listing is None:  # no cache, or one that cannot be written
                for name, text in shards.items():
                    target = Path(folder, name)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
                listing = []
        for name, stored in listing:
            place_file(stored, os.path.join(folder, name))
        lunr_target = Path(site_dir) / LUNR_URI
        lunr_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LUNR_SOURCE, lunr_target)

    def _store(self, shards: dict[str, str], key: list) -> list[list[str]] | None:
        """Keep each shard in the cache under a hash of its text; None if it cannot."""
        assert self.cache is not None
        listing = []
        for name, text in shards.items():
            entry = ["search-shard-1", digest(text)]
            stored = self.cache.path(entry)
            if not os.path.isfile(stored):  # unchanged shards are not written again
                self.cache.put_text(entry, text)
            if not os.path.isfile(stored):
                return None
            listing.append([name, stored])
        self.cache.put(key, listing)
        return listing
