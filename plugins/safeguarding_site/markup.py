"""Writing generated Markdown safely: text from options and titles stays text."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")


def md_text(text: str) -> str:
    """Plain text for a generated Markdown page: HTML-escaped, Markdown punctuation escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def front_matter_title(title: str) -> str:
    """A front matter block setting the page title (a JSON string is valid YAML)."""
    return f"---\ntitle: {json.dumps(title)}\n---\n"


def script_json(record: object) -> str:
    """JSON safe to place inside a <script type="application/ld+json"> element."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    # "</script>" or "<!--" inside a value must not end the element early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


Card = TypeVar("Card")


class Slots:
    """Cards asked for by a line of their own, ``[name: id, id]``, in a page's Markdown.

    ``mark`` replaces each line with a numbered comment the Markdown keeps, and resolves its
    ids while the page's name is known for errors; ``fill`` puts the cards there once the
    Markdown has run, so nothing in a card can be mistaken for Markdown.
    """

    def __init__(self, name: str) -> None:
        self.line = re.compile(rf"^[ ]{{0,3}}\[{name}:\s*([^\]\n]*)\][ \t]*$", re.M | re.I)
        self.slot = f"<!-- sg-{name} {{}} -->"
        self.pattern = re.compile(rf"<!-- sg-{name} (\d+) -->")

    def refs(self, markdown: str) -> list[tuple[re.Match[str], list[str]]]:
        """Every such line with the ids it names."""
        return [
            (match, [ref.strip() for ref in match.group(1).split(",") if ref.strip()])
            for match in self.line.finditer(markdown)
        ]

    def mark(
        self, markdown: str, resolve: Callable[[list[str]], list[Card]]
    ) -> tuple[str, list[list[Card]]]:
        """The Markdown with numbered placeholders, and what each placeholder shows."""
        pieces, slots, last = [], [], 0
        for match, refs in self.refs(markdown):
            slots.append(resolve(refs))
            pieces += [markdown[last : match.start()], "\n", self.slot.format(len(slots) - 1)]
            pieces.append("\n")
            last = match.end()
        pieces.append(markdown[last:])
        return "".join(pieces), slots

    def fill(
        self, html: str, slots: Sequence[list[Card]], make: Callable[[list[Card]], str]
    ) -> str:
        """The page's HTML with each placeholder replaced by its cards."""
        if not slots:
            return html
        return self.pattern.sub(lambda m: make(slots[int(m.group(1))]), html)
