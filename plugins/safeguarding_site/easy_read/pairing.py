"""Pair each easy-read file with its standard page and decide its address."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from posixpath import dirname, join

from ..errors import SafeguardingError

EASY_SUFFIX = ".easy.md"


@dataclass(frozen=True)
class Pair:
    """A standard page and its easy-read version, as source paths."""

    standard: str
    easy: str


def is_easy(src_path: str) -> bool:
    """An easy-read file ends in '.easy.md'."""
    return src_path.endswith(EASY_SUFFIX)


def standard_for(easy_src: str) -> str:
    """'support/fire.easy.md' is the easy read of 'support/fire.md'."""
    return easy_src[: -len(EASY_SUFFIX)] + ".md"


def pair_pages(src_paths: Iterable[str]) -> list[Pair]:
    """Pair every easy-read file; one without its standard page is an error naming both."""
    paths = set(src_paths)
    pairs, orphans = [], []
    for easy in sorted(p for p in paths if is_easy(p)):
        standard = standard_for(easy)
        if standard in paths:
            pairs.append(Pair(standard, easy))
        else:
            orphans.append(
                f"Easy-read page '{easy}' has no standard page '{standard}'. Every easy-read "
                "page is a version of a standard page: create the standard page, or rename the "
                "easy-read file after the page it simplifies."
            )
    if orphans:
        raise SafeguardingError("\n".join(orphans))
    return pairs


def easy_dest(standard_dest: str, use_directory_urls: bool) -> str:
    """Where the easy read is written: under the standard page's folder, in 'easy-read/'.

    'support/fire/index.html' gives 'support/fire/easy-read/index.html' (the address is the
    standard address plus 'easy-read/'); without directory URLs, 'support/fire.html' gives
    'support/fire.easy-read.html'.
    """
    if use_directory_urls:
        return join(dirname(standard_dest), "easy-read", "index.html")
    return standard_dest.removesuffix(".html") + ".easy-read.html"
