"""The "picture beside words" syntax of easy-read pages.

A point is a paragraph whose first line is ``[picture: SOURCE | ALT TEXT]``; the lines after it
are the words. SOURCE is an image in docs (``pictures/phone.png``) or an icon bundled with the
theme (``material/phone``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

PICTURE_LINE = re.compile(r"^[ ]{0,3}\[picture:\s*([^|\]\n]*?)\s*(?:\|\s*([^\]\n]*?)\s*)?\][ \t]*$")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")


@dataclass(frozen=True)
class Point:
    """One picture and its words, with the line the picture is on (1-based)."""

    line: int
    source: str
    alt: str
    text: str

    @property
    def is_icon(self) -> bool:
        """Icons are named 'set/name'; everything with an image suffix is a file."""
        return not self.source.lower().endswith(IMAGE_SUFFIXES)


def split_points(markdown: str, first_line: int = 1) -> list[Point]:
    """Every point of a page body."""
    return [point for point, _, _ in _scan(markdown, first_line)]


def render_points(markdown: str, picture: Callable[[Point], str], first_line: int = 1) -> str:
    """Replace each point with a two-column block; ``picture`` gives the picture's HTML."""
    out, last = [], 0
    for point, start, end in _scan(markdown, first_line):
        out.append(markdown[last:start])
        out.append(
            '<div class="sg-point" markdown="block">\n'
            f'<div class="sg-point__picture" markdown="span">{picture(point)}</div>\n'
            '<div class="sg-point__words" markdown="block">\n\n'
            f"{point.text}\n\n</div>\n</div>\n"
        )
        last = end
    out.append(markdown[last:])
    return "".join(out)


def _scan(markdown: str, first_line: int):
    """Yield (point, start offset, end offset) for each point."""
    lines = markdown.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    i = 0
    while i < len(lines):
        match = _is_picture(lines[i])
        if not match:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _is_picture(lines[j]):
            j += 1
        text = "".join(lines[i + 1 : j]).strip()
        point = Point(first_line + i, match.group(1), match.group(2) or "", text)
        yield point, offsets[i], offsets[j]
        i = j


def _is_picture(line: str) -> re.Match[str] | None:
    return PICTURE_LINE.match(line.rstrip("\r\n"))
