"""The report's rows and figures, as plain data: JSON for tools, HTML for people."""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict, dataclass, field

from ..audio.sentences import split_sentences

_TAG = re.compile(r"<[^>]+>")
_SKIPPED = re.compile(
    r"<(script|style|svg|code|pre)\b.*?</\1>|<a class=\"headerlink\".*?</a>", re.S | re.I
)


def page_text(content: str) -> str:
    """The words of a page's HTML, one block a line."""
    text = _SKIPPED.sub(" ", content)
    text = re.sub(r"</(p|li|h[1-6]|td|th|div|dt|dd)>", "\n", text, flags=re.I)
    return "\n".join(
        line.strip() for line in html.unescape(_TAG.sub(" ", text)).splitlines() if line.strip()
    )


def reading_figures(text: str) -> tuple[float | None, int]:
    """Flesch reading ease (None for no words) and the longest sentence, in words."""
    longest = 0
    for line in text.splitlines():
        for start, end in split_sentences(line):
            longest = max(longest, len(line[start:end].split()))
    if not text.strip():
        return None, 0
    import textstat  # about half a second to load: only when a report is asked for

    return round(float(textstat.flesch_reading_ease(text)), 1), longest


@dataclass
class PageRow:
    """One page of the site."""

    src: str
    title: str
    url: str
    easy_read: str  # "yes", "no", or "is easy read"
    last_reviewed: str | None = None
    review_due: str | None = None
    overdue: bool = False
    reading_ease: float | None = None
    longest_sentence: int = 0
    audio_minutes: float | None = None
    findings: list[str] = field(default_factory=list)


@dataclass
class ServiceRow:
    """One service file."""

    src: str
    name: str
    last_verified: str
    review_due: str
    overdue: bool


@dataclass
class DocumentRow:
    """One item of the library."""

    src: str
    title: str
    review_due: str | None
    overdue: bool


@dataclass
class TranslationRow:
    """A translation and the page it translates, with the times each last changed (UTC,
    "2026-11-30 14:05", from the site's git history; None when it has none)."""

    src: str
    original: str
    language: str
    translation_changed: str | None
    original_changed: str | None

    @property
    def out_of_date(self) -> bool:
        """The page changed after its translation did: the translation may be wrong now."""
        return bool(
            self.translation_changed
            and self.original_changed
            and self.original_changed > self.translation_changed
        )


@dataclass
class Report:
    """Everything the report shows, worked out on ``built``."""

    site_name: str
    built: str
    services: list[ServiceRow]
    pages: list[PageRow]
    broken_links: list[str]
    documents: list[DocumentRow] = field(default_factory=list)
    translations: list[TranslationRow] = field(default_factory=list)

    def sorted(self) -> Report:
        """Services due first; pages overdue first, then by review date, then by name."""
        services = sorted(self.services, key=lambda s: (s.review_due, s.name.casefold()))
        pages = sorted(self.pages, key=lambda p: (not p.overdue, p.review_due or "9999", p.src))
        documents = sorted(self.documents, key=lambda d: (d.review_due or "9999", d.src))
        translations = sorted(self.translations, key=lambda t: (not t.out_of_date, t.src))
        return Report(
            self.site_name,
            self.built,
            services,
            pages,
            sorted(self.broken_links),
            documents,
            translations,
        )

    def to_json(self) -> str:
        """The report as JSON."""
        data = asdict(self.sorted())
        for row, translation in zip(data["translations"], self.sorted().translations, strict=True):
            row["out_of_date"] = translation.out_of_date
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
