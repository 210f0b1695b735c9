"""Head markup that keeps a visit private."""

from __future__ import annotations

NO_REFERRER = '<meta name="referrer" content="no-referrer">'

# Material for MkDocs remembers the palette, tabs, dismissed banners and repository facts
# through two global helpers that write localStorage and sessionStorage. Redefining them
# after the theme has defined them (this snippet closes <head>) keeps the same behaviour
# for the length of one page view and writes nothing to the browser.
MEMORY_STORAGE = (
    "<script>(function(){var m=new Map();"
    "window.__md_get=function(k){return m.has(k)?JSON.parse(m.get(k)):null};"
    "window.__md_set=function(k,v){m.set(k,JSON.stringify(v))};})();</script>"
)


def head_snippet(*, no_referrer: bool, memory_storage: bool) -> str:
    """The privacy markup to close ``<head>`` with."""
    return (NO_REFERRER if no_referrer else "") + (MEMORY_STORAGE if memory_storage else "")
