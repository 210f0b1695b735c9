"""What a page reads aloud, as plain data: shared by the build, the workers and the cache."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..languages.model import is_english


@dataclass(frozen=True)
class Sentence:
    """One utterance: ``start``/``end`` index the block's textContent, ``spoken`` is read."""

    start: int
    end: int
    spoken: str


@dataclass(frozen=True)
class Block:
    """A readable element of the page, numbered in document order."""

    index: int
    text: str
    sentences: list[Sentence]


@dataclass(frozen=True)
class MarkedPage:
    """The page HTML with ``data-sg-block`` attributes, and the blocks they number."""

    html: str
    blocks: list[Block]


@dataclass(frozen=True)
class Reading:
    """A page's reading known by its summary, its blocks loaded only when speech is needed.

    A warm build finds each page's finished audio by ``places`` (a hash of every sentence and
    where it is) and never loads the blocks, which are most of a reading's size.
    """

    places: str
    sentences: int
    load: Callable[[], list[Block]]


@dataclass(frozen=True)
class Speech:
    """The page's language and the words the reading adds in it.

    ``image`` introduces an image's alt text. Admonition kinds ("Warning:") are named only in
    English, whose kinds are the class names; other languages read the title as written.
    """

    language: str = "en"
    image: str = "Image"

    @property
    def english(self) -> bool:
        """Whether the page is in English (any variety)."""
        return is_english(self.language)


ENGLISH = Speech()
