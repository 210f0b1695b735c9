"""Readability table for editors: every page's reading ease, longest sentence, easy read.

Usage: python scripts/readability.py [DOCS_DIR]   (default: docs)

Reads the Markdown sources directly (no build needed). Reading ease is Flesch reading ease
from textstat 0.7.8 (higher is easier; 60 to 70 is plain English, easy read aims for 70+).
Easy-read pages are also checked with the same rules the build applies, and their findings
are counted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import textstat

from safeguarding_site.easy_read.checks import Rules, check_page, plain_text, sentences_of, words
from safeguarding_site.easy_read.pairing import EASY_SUFFIX, standard_for
from safeguarding_site.sources import split_front_matter, title_of_source


def page_text(markdown: str) -> str:
    """Prose of a page: no headings, no service lines, no Markdown marks."""
    lines = [
        line
        for line in markdown.splitlines()
        if not line.lstrip().startswith(("#", "[services:", "[picture:", "???", "!!!", "|", "*["))
    ]
    return plain_text("\n".join(lines))


def row(path: Path, docs: Path, easy_files: set[str]) -> str:
    text = path.read_text(encoding="utf-8-sig")
    body = split_front_matter(text)[1]
    prose = page_text(body)
    ease = textstat.flesch_reading_ease(prose) if prose.strip() else 100.0
    longest = max(sentences_of(prose), key=words, default="")
    rel = path.relative_to(docs).as_posix()
    if rel.endswith(EASY_SUFFIX):
        findings = len(check_page(body, Rules(acronyms=frozenset({"BBC", "NHS"}))).findings)
        easy = f"is easy read ({findings} findings)"
    else:
        easy = "yes" if rel.removesuffix(".md") + EASY_SUFFIX in easy_files else "no"
    title = title_of_source(text) or rel
    short = longest if len(longest) <= 70 else longest[:67] + "..."
    return f"| {title} | `{rel}` | {ease:.0f} | {words(longest)}: {short} | {easy} |"


def main() -> None:
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    pages = sorted(p for p in docs.rglob("*.md") if "services" not in p.relative_to(docs).parts)
    easy_files = {p.relative_to(docs).as_posix() for p in pages if p.name.endswith(EASY_SUFFIX)}
    print("| page | file | reading ease | longest sentence (words) | easy read |")
    print("| --- | --- | --- | --- | --- |")
    for path in pages:
        print(row(path, docs, easy_files))
    orphans = [e for e in easy_files if not (docs / standard_for(e)).is_file()]
    if orphans:
        print(f"\nEasy-read files without a standard page: {', '.join(orphans)}")


if __name__ == "__main__":
    main()
