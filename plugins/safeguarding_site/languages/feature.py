"""MkDocs glue for translations: addresses, the switcher, lang and dir.

The versions of a page name each other in the switcher's links (``rel="alternate"`` with
``hreflang``), not with ``<link>`` elements in the head: Material's script fetches a
``sitemap.xml`` beside every ``<link rel="alternate">`` it finds, a request a reader's page
must not make."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from .config import LanguagesConfig
from .model import SHIPPED, Language, Versions, find_translations, group
from .strings import words

THEME_FIRST = Path(__file__).parent.parent / "theme_first"
_H1_END = re.compile(r"</h1>", re.I)
_HTML_OPEN = re.compile(r"<html\b[^>]*>", re.I)
_BODY_DIR = re.compile(r'(<body\b[^>]*?\bdir=")[^"]*(")', re.I)

Render = Callable[..., str]


class Languages:
    """State of one build: which page is which language's version of which."""

    def __init__(self, options: LanguagesConfig, render: Render) -> None:
        self.options = options
        self.render = render
        self.languages: dict[str, Language] = dict(SHIPPED)
        for extra in options.add:
            self.languages[extra.code] = Language(extra.code, extra.name, extra.direction)
        self.default = "en"
        self.versions = Versions("en", self.languages)
        self.files: Files | None = None
        self._words: dict[str, dict[str, str]] = {}
        self.theme_languages: str | None = None  # the theme's folder of language files

    def default_for(self, config: MkDocsConfig) -> str:
        """The language of the site's own pages: the option, the theme's, or English."""
        return self.options.default or config.theme.get("language") or "en"

    def voices(self, config: MkDocsConfig) -> dict[str, str]:
        """The shipped eSpeak NG voice of each language the site's pages may be in."""
        codes = set(self.languages) if self.options.enabled else {self.default_for(config)}
        return {
            code: language.voice
            for code, language in self.languages.items()
            if code in codes and language.voice
        }

    def check(self) -> None:
        """Refuse replacement words for keys the plugin does not have, before any page."""
        for code in self.options.strings:
            self.words(code)

    def load(self, files: Files, config: MkDocsConfig) -> None:
        """Find the translations; publish each under its language's folder, out of the nav."""
        self.default = self.default_for(config)
        self.files = files
        if not self.options.enabled:
            self.versions = Versions(self.default, self.languages)
            return
        pages = {f.src_uri: f for f in files.documentation_pages()}
        found = find_translations(pages, self.languages, self.default)
        self.versions = group(found, self.default, self.languages)
        for translation in found:
            file = pages[translation.src]
            file.inclusion = InclusionLevel.NOT_IN_NAV
            if translation.src.endswith(".easy.md"):
                continue  # easy read places it beside its standard page, the translation
            file.dest_uri = f"{translation.code}/{pages[translation.original].dest_uri}"
            for cached in ("url", "abs_dest_path"):
                file.__dict__.pop(cached, None)

    def translations(self) -> list[tuple[str, str, str]]:
        """Every translation: (its source path, its page's, its language code)."""
        versions = self.versions
        return [
            (src, versions.original_of[src], code)
            for src, code in sorted(versions.language_of.items())
        ]

    def is_original(self, src: str) -> bool:
        """Whether a page is in the site's own language (not a translation)."""
        return src not in self.versions.language_of

    def language(self, page: Page) -> Language:
        return self.versions.language(page.file.src_uri)

    def is_default(self, page: Page) -> bool:
        return self.language(page).code == self.default

    def page_words(self, page: Page) -> dict[str, str] | None:
        """The plugin's words for a translated page; None for the site's own language, whose
        words are the options'."""
        return None if self.is_default(page) else self.words(self.language(page).code)

    def words(self, code: str) -> dict[str, str]:
        """The plugin's words in ``code``, worked out once a build per language."""
        if code not in self._words:
            self._words[code] = words(code, self.options.strings)
        return self._words[code]

    def translated(self, src: str, code: str) -> str:
        """The source path of ``src``'s version in ``code`` (``src`` itself if none)."""
        return self.versions.of(src).get(code, src)

    def theme_dir(self, theme_dirs: list[str]) -> None:
        """Put the plugin's language partial just before Material's own, so a translation
        gets the theme's words in its language (a custom_dir keeps coming first)."""
        for number, folder in enumerate(theme_dirs):
            if os.path.isfile(os.path.join(folder, "partials", "languages", "en.html")):
                theme_dirs.insert(number, str(THEME_FIRST))
                self.theme_languages = folder
                return

    def tell_theme(self, page: Page) -> None:
        """Name the page's language for the theme, where the theme has words for it."""
        code = self.language(page).code
        if code == self.default or self.theme_languages is None:
            return
        if os.path.isfile(
            os.path.join(self.theme_languages, "partials", "languages", f"{code}.html")
        ):
            page.meta["sg_language"] = code

    def page_content(self, html: str, page: Page) -> str:
        """The switcher, just after the page's heading, on every page with versions."""
        versions = self._others(page)
        if not versions:
            return html
        switcher = self.render(
            "language-switcher.html",
            label=self.words(self.language(page).code)["other_languages"],
            versions=versions,
        )
        match = _H1_END.search(html)
        at = match.end() if match else 0
        return html[:at] + switcher + html[at:]

    def post_page(self, output: str, page: Page) -> str:
        """The page's language and direction on <html> and <body>; its alternates in <head>."""
        language = self.language(page)
        opening = _HTML_OPEN.search(output)
        if opening:
            tag = re.sub(r'\s(lang|dir)="[^"]*"', "", opening.group(0))
            tag = tag.replace(
                "<html", f'<html lang="{language.code}" dir="{language.direction}"', 1
            )
            output = output[: opening.start()] + tag + output[opening.end() :]
        output = _BODY_DIR.sub(rf"\g<1>{language.direction}\g<2>", output, count=1)
        return output

    def _others(self, page: Page) -> list[dict[str, str]]:
        src = page.file.src_uri
        versions = self.versions.of(src)
        if not versions or self.files is None:
            return []
        found = []
        for code, other in versions.items():
            if other == src:
                continue
            file = self.files.get_file_from_path(other)
            language = self.languages.get(code) or Language(code, code)
            found.append(
                {
                    "code": code,
                    "name": language.name,
                    "direction": language.direction,
                    "href": file.url_relative_to(page.file),
                }
            )
        return found
