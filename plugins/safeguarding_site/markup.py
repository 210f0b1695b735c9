"""Writing generated Markdown safely: text from options and titles stays text."""

from __future__ import annotations

import html
import json
import re

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
