"""The A to Z of topics: where the search form leads when JavaScript is off."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby

from ..languages.strings import shipped
from ..markup import front_matter_title, md_text


def a_to_z_markdown(
    title: str, entries: list[tuple[str, str]], words: Mapping[str, str] | None = None
) -> str:
    """Markdown listing ``(title, link)`` entries under their first letters, introduced in
    the site language's ``words``."""
    words = words or shipped("en")
    lines = [front_matter_title(title), f"# {md_text(title)}\n"]
    lines.append(f"{md_text(words['a_to_z_intro'])}\n")
    entries = sorted(set(entries), key=lambda e: e[0].casefold())
    for letter, group in groupby(entries, key=lambda e: _letter(e[0])):
        lines.append(f"## {letter}\n")
        lines += [f"- [{md_text(name)}]({link})" for name, link in group]
        lines.append("")
    return "\n".join(lines)


def _letter(name: str) -> str:
    first = name.lstrip()[:1].upper()
    return first if first.isalpha() else "0-9"
