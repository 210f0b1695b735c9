"""Markup at the top of every page's ``<head>`` that keeps a visit private and the exit ready."""

from __future__ import annotations

import html

NO_REFERRER = '<meta name="referrer" content="no-referrer">'
QUICK_EXIT_JS = "assets/safeguarding/quick-exit.js"
PRIVACY_JS = "assets/safeguarding/privacy.js"


def head_start(root: str, *, no_referrer: bool, memory_storage: bool, quick_exit: bool) -> str:
    """What opens ``<head>``, before any stylesheet or script of the theme.

    The referrer policy comes first, so even the page's own stylesheet requests carry no
    address. The quick exit script loads asynchronously and first, so no other script can
    delay it or stop it. ``privacy.js`` runs before the theme's scripts define their storage
    helpers; ``root`` is the site's root seen from the page ('../../', or '' at the top).
    """
    prefix = html.escape(root, quote=True)
    parts = [NO_REFERRER] if no_referrer else []
    if quick_exit:
        parts.append(f'<script src="{prefix}{QUICK_EXIT_JS}" async></script>')
    flag = " data-sg-memory-storage" if memory_storage else ""
    parts.append(f'<script src="{prefix}{PRIVACY_JS}"{flag}></script>')
    return "".join(parts)
