"""Place rendered snippets at fixed points of a finished HTML page.

The theme's own templates stay untouched: the plugin renders its partials itself and puts the
result at points every HTML page has (at the top of ``<head>``, right after ``<body>``,
before ``</head>``, before ``</body>``). Only these tag boundaries are located, in markup the
theme generated, so a search for the first matching tag is exact; re-parsing and
re-serialising whole pages with an HTML library would rewrite the theme's markup and cost a
parse per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import SafeguardingError

_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.I)
# The character set must stay first in <head>: what goes at its top follows this element.
_CHARSET = re.compile(r"\s*<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.I)
_BODY_CLOSE = re.compile(r"</body\s*>", re.I)
# Material's skip link container; other themes have none and get the link after the bar.
# Material's footer line (copyright, "Made with"); other themes get the footer before </body>.
_FOOTER_META = re.compile(r'<div class="md-footer-meta__inner[^"]*">')
_SKIP_BLOCK = re.compile(r'<div data-md-component="skip">.*?</div>', re.S)


@dataclass(frozen=True)
class Snippets:
    """HTML to add to one page; empty strings add nothing."""

    head_start: str = ""
    head_end: str = ""
    body_start: str = ""
    after_skip_link: str = ""
    body_end: str = ""
    footer: str = ""


def inject(html: str, snippets: Snippets, page_name: str, first: str = "") -> str:
    """Return ``html`` with every snippet placed at its point.

    ``first`` goes before ``snippets.head_start``, as early in ``<head>`` as a page allows:
    for markup that must come before everything else, such as a security policy.
    """
    head_open = _HEAD_OPEN.search(html)
    head_close = _HEAD_CLOSE.search(html)
    body_open = _BODY_OPEN.search(html)
    body_close = _last(_BODY_CLOSE, html)
    if not (head_open and head_close and body_open and body_close):
        raise SafeguardingError(
            f"Page '{page_name}' was rendered without <head> and <body> tags, so the "
            "safeguarding features cannot be added. Check that the theme's templates produce a "
            "full HTML page."
        )
    skip = _SKIP_BLOCK.search(html, body_open.end())
    after_skip_at = skip.end() if skip else body_open.end()
    after_skip = snippets.after_skip_link
    body_start = snippets.body_start
    if not skip:
        body_start, after_skip = body_start + after_skip, ""
    footer_meta = _FOOTER_META.search(html, after_skip_at) if snippets.footer else None
    footer_at = footer_meta.end() if footer_meta else body_close.start()
    charset = _CHARSET.match(html, head_open.end())
    head_start_at = charset.end() if charset else head_open.end()
    parts = [
        html[:head_start_at],
        first,
        snippets.head_start,
        html[head_start_at : head_close.start()],
        snippets.head_end,
        html[head_close.start() : body_open.end()],
        body_start,
        html[body_open.end() : after_skip_at],
        after_skip,
        html[after_skip_at:footer_at],
        snippets.footer,
        html[footer_at : body_close.start()],
        snippets.body_end,
        html[body_close.start() :],
    ]
    return "".join(parts)


def _last(pattern: re.Pattern[str], html: str) -> re.Match[str] | None:
    """The last match: ``</body>`` may appear earlier inside a script or code sample."""
    found = None
    for found in pattern.finditer(html):  # noqa: B007 - we want the final match
        pass
    return found
