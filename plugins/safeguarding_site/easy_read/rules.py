"""The limits easy-read pages are checked against.

Apart from the checks themselves, so that a build whose pages are all checked already (the
findings are cached) never loads the checker.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rules:
    """Limits, from the plugin's options."""

    max_sentence_words: int = 15
    max_paragraph_sentences: int = 5
    min_reading_ease: float = 60.0
    acronyms: frozenset[str] = field(default_factory=frozenset)

    def cache_key(self) -> list[object]:
        """The rules as plain JSON, the same in every process.

        Not ``repr``: a frozenset's order follows string hashing, which Python randomises per
        process, so a key built from it changed from build to build.
        """
        return [
            self.max_sentence_words,
            self.max_paragraph_sentences,
            self.min_reading_ease,
            sorted(self.acronyms),
        ]
