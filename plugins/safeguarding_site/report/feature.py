"""MkDocs glue: gather each page's figures during a build, write the report at its end."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from ..dates import months_after
from ..front_matter import review_due
from .history import last_changed
from .model import (
    DocumentRow,
    PageRow,
    Report,
    ServiceRow,
    TranslationRow,
    page_text,
    reading_figures,
)

log = get_plugin_logger(__name__)


class _LinkWarnings(logging.Handler):
    """MkDocs' own warnings about links that lead nowhere, kept for the report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "contains a link" in message or "but the target" in message:
            self.found.append(message)


class SiteReport:
    """State of one build's report; does nothing unless the report is asked for."""

    def __init__(self, enabled: bool, folder: Path, render: Callable[..., str]) -> None:
        self.enabled = enabled
        self.folder = folder
        self.render = render
        self.pages: list[PageRow] = []
        self.links = _LinkWarnings()
        if enabled:
            logging.getLogger("mkdocs").addHandler(self.links)

    def close(self) -> None:
        """Stop listening for MkDocs' link warnings (at the end of a build, or its failure)."""
        logging.getLogger("mkdocs").removeHandler(self.links)

    def page(self, page: Page, content: str, easy_read: str, months: int, today: dt.date) -> None:
        """Note a page: its review dates, how it reads, whether it has an easy read."""
        if not self.enabled or page.file.abs_src_path is None:
            return
        ease, longest = reading_figures(page_text(content))
        due = review_due(page.meta, months)
        reviewed = page.meta.get("last_reviewed")
        self.pages.append(
            PageRow(
                src=page.file.src_uri,
                title=html.unescape(page.title or ""),
                url=page.url,
                easy_read=easy_read,
                last_reviewed=reviewed.isoformat() if isinstance(reviewed, dt.date) else None,
                review_due=due.isoformat() if due else None,
                overdue=bool(due and due < today),
                reading_ease=ease,
                longest_sentence=longest,
            )
        )

    def write(
        self,
        site_name: str,
        services: list[tuple[str, str, dt.date]],
        months: int,
        today: dt.date,
        durations: dict[str, float],
        findings: dict[str, list[str]],
        documents: list[tuple[str, str, str | None]] = (),
        translations: list[tuple[str, str, str]] = (),
        docs_dir: Path | None = None,
    ) -> None:
        """Write report.html and report.json; stop listening for link warnings.

        ``translations`` are (translation, page, language code) source paths in ``docs_dir``.
        """
        self.close()
        if not self.enabled:
            return
        for row in self.pages:
            seconds = durations.get(row.src)
            row.audio_minutes = round(seconds / 60, 1) if seconds else None
            row.findings = findings.get(row.src, [])
        rows = [
            ServiceRow(src, name, checked.isoformat(), due.isoformat(), due < today)
            for src, name, checked in services
            for due in [months_after(checked, months)]
        ]
        library = [
            DocumentRow(src, title, due, bool(due and due < today.isoformat()))
            for src, title, due in documents
        ]
        report = Report(
            site_name,
            today.isoformat(),
            rows,
            self.pages,
            self.links.found,
            library,
            _translation_rows(translations, docs_dir),
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "report.json").write_text(report.to_json(), encoding="utf-8")
        page = self.render("report.html", report=report.sorted())
        (self.folder / "report.html").write_text(page, encoding="utf-8")
        log.info(f"Report for the site's editors written to {self.folder / 'report.html'}")


def _translation_rows(
    translations: list[tuple[str, str, str]], docs_dir: Path | None
) -> list[TranslationRow]:
    """Each translation with the times (UTC) it and its page last changed in git."""
    if not translations:
        return []
    folder = docs_dir or Path(".")
    paths = {src: folder / src for pair in translations for src in pair[:2]}
    changed = last_changed(paths.values())

    def day(src: str) -> str | None:
        found = changed.get(paths[src])
        return found.strftime("%Y-%m-%d %H:%M") if found else None

    return [
        TranslationRow(src, original, code, day(src), day(original))
        for src, original, code in translations
    ]
