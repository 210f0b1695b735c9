"""The "picture beside words" syntax of easy-read pages.

A point is a paragraph whose first line is ``[picture: SOURCE | ALT TEXT]``; the lines after it
are the words. SOURCE is an image in docs (``pictures/phone.png``) or an icon bundled with the
theme (``material/phone``).

``PointsExtension`` teaches Python-Markdown the syntax, the way Markdown's own admonition
extension adds its blocks: each point becomes a row in the page's element tree while the page
converts, and its words are parsed as Markdown in place.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

PICTURE_LINE = re.compile(r"^[ ]{0,3}\[picture:\s*([^|\]\n]*?)\s*(?:\|\s*([^\]\n]*?)\s*)?\][ \t]*$")
# The same line anywhere in a block of several lines.
_PICTURE_IN_BLOCK = re.compile(PICTURE_LINE.pattern, re.M)
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
    """Every point of a page body, with its line: what checks and error messages need."""
    lines = markdown.splitlines()
    points = []
    i = 0
    while i < len(lines):
        match = PICTURE_LINE.match(lines[i])
        if not match:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].strip() and not PICTURE_LINE.match(lines[j]):
            j += 1
        text = "\n".join(lines[i + 1 : j]).strip()
        points.append(Point(first_line + i, match.group(1), match.group(2) or "", text))
        i = j
    return points


_LIST_OR_MORE = re.compile(r"\s*(?:[-*+]|\d+[.)])\s|\s{2,}\S|\s*>")


def one_line_each(words: str) -> str:
    """Each plain line of a point as a paragraph of its own, as easy read is written (one
    sentence a line); Markdown would join them. List items and their lines stay as written."""
    out: list[str] = []
    for line in words.split("\n"):
        plain = line.strip() and not _LIST_OR_MORE.match(line)
        if plain and out and out[-1].strip() and not _LIST_OR_MORE.match(out[-1]):
            out.append("")
        out.append(line)
    return "\n".join(out)


class PointsExtension(Extension):
    """Picture rows for the page being converted; other pages keep the lines as they are.

    MkDocs makes a new ``Markdown`` for every page from the same extension objects, so the
    plugin says which page is converting next: ``icons`` holds that page's icons (their SVG by
    name) when it is an easy read, and is None for every other page.
    """

    def __init__(self) -> None:
        super().__init__()
        self.icons: dict[str, str] | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        # After indented code (80), so an indented picture line stays code; before headings.
        md.parser.blockprocessors.register(_PointProcessor(md.parser, self), "sg_points", 75)


class _PointProcessor(BlockProcessor):
    def __init__(self, parser: BlockParser, extension: PointsExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return self.extension.icons is not None and _PICTURE_IN_BLOCK.search(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        picture = _PICTURE_IN_BLOCK.search(block)
        assert picture is not None, "test() found it"
        before = block[: picture.start()].rstrip("\n")
        if before:  # lines above the picture line: they end the paragraph before the point
            self.parser.parseBlocks(parent, [before])
        words = block[picture.end() :].strip("\n")
        following = _PICTURE_IN_BLOCK.search(words)
        if following:  # a picture line with no blank line above it starts the next point
            blocks.insert(0, words[following.start() :])
            words = words[: following.start()].rstrip("\n")
        words = one_line_each(words)
        row = etree.SubElement(parent, "div", {"class": "sg-point"})
        frame = etree.SubElement(row, "div", {"class": "sg-point__picture"})
        self._picture(frame, picture.group(1), picture.group(2) or "")
        self.parser.parseChunk(etree.SubElement(row, "div", {"class": "sg-point__words"}), words)

    def _picture(self, frame: etree.Element, source: str, alt: str) -> None:
        svg = (self.extension.icons or {}).get(source)
        if svg is None:  # an image file: MkDocs checks and rewrites its address like any image
            etree.SubElement(frame, "img", {"src": source, "alt": alt})
            return
        icon = etree.SubElement(
            frame, "span", {"class": "sg-point__icon", "role": "img", "aria-label": alt}
        )
        icon.text = self.parser.md.htmlStash.store(svg)
