"""Put the generated directory pages into a site's navigation, as plain nav data."""

from __future__ import annotations

from typing import Any


def add_directory_to_nav(
    nav: list[Any] | None, index_uri: str, category_uris: list[str], title: str
) -> list[Any] | None:
    """Return the nav with the directory as a section of index and category pages.

    Where the nav names the index page, that entry becomes the section; a nav that does not
    name it gets the section at the end; no nav (MkDocs builds one from the files) stays None.
    """
    if nav is None:
        return None
    section = [index_uri, *category_uris]
    replaced, found = _replace(nav, index_uri, section, title)
    return replaced if found else [*nav, {title: section}]


def _replace(items: list[Any], index_uri: str, section: list[str], title: str):
    found = False
    out: list[Any] = []
    for item in items:
        if item == index_uri:
            out.append({title: section})
            found = True
        elif isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
            if value == index_uri:
                out.append({key: section})
                found = True
            elif isinstance(value, list):
                children, inner = _replace(value, index_uri, section, title)
                out.append({key: children})
                found = found or inner
            else:
                out.append(item)
        else:
            out.append(item)
    return out, found


def remove_from_nav(nav: list[Any] | None, uris: set[str]) -> list[Any] | None:
    """Return the nav without the entries for ``uris`` (titled or not), at any depth."""
    if nav is None or not uris:
        return nav
    out: list[Any] = []
    for item in nav:
        if isinstance(item, str):
            if item not in uris:
                out.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
            if isinstance(value, list):
                out.append({key: remove_from_nav(value, uris)})
            elif value not in uris:
                out.append(item)
        else:
            out.append(item)
    return out
