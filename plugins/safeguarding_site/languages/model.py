"""Languages the plugin knows, and how one page's versions relate; no MkDocs here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import SafeguardingError


@dataclass(frozen=True)
class Language:
    """A language by its code (BCP 47, as in ``lang``), named in itself."""

    code: str
    name: str  # in the language itself: "Polski", "اردو"
    direction: str = "ltr"  # or "rtl"
    voice: str | None = None  # eSpeak NG voice id


SHIPPED: dict[str, Language] = {
    language.code: language
    for language in [
        Language("en", "English", voice="gmw/en-gb-x-rp"),
        Language("cy", "Cymraeg", voice="cel/cy"),
        Language("pl", "Polski", voice="zlw/pl"),
        Language("ro", "Română", voice="roa/ro"),
        Language("pa", "ਪੰਜਾਬੀ", voice="inc/pa"),
        Language("ur", "اردو", direction="rtl", voice="inc/ur"),
    ]
}
"""Languages with a shipped table of the plugin's words (check with a qualified translator)."""

_TRANSLATION = re.compile(
    r"^(?P<base>.+)\.(?P<code>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)(?P<easy>\.easy)?\.md$"
)


@dataclass(frozen=True)
class Translation:
    """A file that is another language's version of a page."""

    src: str
    original: str
    code: str


@dataclass
class Versions:
    """Every page's versions by language: what the switcher and ``hreflang`` list."""

    default: str
    languages: Mapping[str, Language]
    language_of: dict[str, str] = field(default_factory=dict)  # src -> code, translations only
    groups: dict[str, dict[str, str]] = field(default_factory=dict)  # original -> {code: src}
    original_of: dict[str, str] = field(default_factory=dict)  # translation src -> original

    def language(self, src: str) -> Language:
        code = self.language_of.get(src, self.default)
        return self.languages.get(code) or Language(code, code)

    def of(self, src: str) -> dict[str, str]:
        """The versions of the page ``src`` belongs to, by language code ({} for none)."""
        original = self.original(src)
        others = self.groups.get(original)
        return {self.default: original, **others} if others else {}

    def original(self, src: str) -> str:
        return self.original_of.get(src, src)


def is_english(code: str) -> bool:
    """Whether a language code is English, of any country ("en", "en-GB")."""
    return code.split("-")[0].lower() == "en"


def marked_source(page_language: str | None, source: str) -> str | None:
    """The language to mark (``lang``) on words quoted from files written in ``source`` (the
    site's language), on a page in ``page_language``: None on pages in that language."""
    return source if page_language not in (None, source) else None


def find_translations(
    src_paths: Iterable[str], languages: Mapping[str, Language], default: str
) -> list[Translation]:
    """Every translation among the pages; one whose page is missing is an error naming both."""
    paths = set(src_paths)
    found, orphans = [], []
    for src in sorted(paths):
        match = _TRANSLATION.match(src)
        if not match or match["code"] not in languages or match["code"] == default:
            continue
        original = f"{match['base']}{match['easy'] or ''}.md"
        if original in paths:
            found.append(Translation(src, original, match["code"]))
        else:
            name = languages[match["code"]].name
            orphans.append(
                f"Translation '{src}' ({name}) has no page '{original}'. A translation is "
                "another language's version of a page: create the page in the site's own "
                "language, or rename the file after the page it translates."
            )
    if orphans:
        raise SafeguardingError("\n".join(orphans))
    return found


def group(translations: Iterable[Translation], default: str, languages) -> Versions:
    versions = Versions(default, languages)
    for translation in translations:
        versions.language_of[translation.src] = translation.code
        versions.original_of[translation.src] = translation.original
        versions.groups.setdefault(translation.original, {})[translation.code] = translation.src
    return versions
