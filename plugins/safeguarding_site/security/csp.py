"""A Content Security Policy for every page, built from what the page really contains.

Everything a page loads comes from the site itself; the only inline scripts allowed are the
ones the theme writes into its templates, each by the SHA-256 of its text. Inline scripts an
editor writes in Markdown are not allowed (the build warns), nor are style attributes, inline
event handlers, plugins (``object``), a changed ``<base>`` or forms sent elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=", re.S)

FIXED_DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)
"""Every directive but script-src, in the order they are written."""


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (not data blocks like JSON)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() not in _JAVASCRIPT_TYPES:
            continue
        found.append(text)
    return found


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def has_style_attribute(html: str) -> bool:
    """Whether markup carries a ``style`` attribute, which the policy does not allow."""
    return _STYLE_ATTRIBUTE.search(html) is not None


def policy(script_hashes: Iterable[str], *, frame_ancestors: bool = False) -> str:
    """The policy text: ``frame_ancestors`` only for HTTP headers (browsers ignore it in meta)."""
    script_src = " ".join(["'self'", *sorted(set(script_hashes))])
    directives = [("default-src", "'self'"), ("script-src", script_src), *FIXED_DIRECTIVES[1:]]
    if frame_ancestors:
        directives.append(("frame-ancestors", "'none'"))
    return "; ".join(f"{name} {value}" for name, value in directives)


def meta_tag(script_hashes: Iterable[str]) -> str:
    """The policy as a ``<meta>`` element for the top of ``<head>``."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes)}">'
