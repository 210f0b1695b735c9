"""Everyday words people type, mapped to the words the site uses.

The same table is used when the index is built (a section that uses one word of a group also
gets the others) and when a query runs in the browser (each phrase typed is widened to its
group), so "DV", "domestic violence" and "domestic abuse" all find the same sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

WORD_EDGE = r"(?<![\w]){}(?![\w])"


def normalise(text: str) -> str:
    """Lower case, single spaces, curly apostrophes straightened."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").lower()).strip()


def groups_from_config(table: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """``{canonical: [variants]}`` into groups of normalised phrases, canonical first."""
    return [
        [normalise(canonical), *(normalise(v) for v in variants)]
        for canonical, variants in table.items()
    ]


def expansions(text: str, groups: list[list[str]]) -> list[str]:
    """Every phrase of every group that ``text`` mentions any phrase of."""
    lowered = normalise(text)
    found: list[str] = []
    for group in groups:
        if any(re.search(WORD_EDGE.format(re.escape(p)), lowered) for p in group):
            found += [p for p in group if p not in found]
    return found
