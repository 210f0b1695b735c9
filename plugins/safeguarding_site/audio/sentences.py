"""Split text into sentences for speech, as character spans so the page can highlight them."""

from __future__ import annotations

import re

# Lower-case words (without their final full stop) that are followed by "." but rarely end a
# sentence. Multi-part ones keep their inner dots: "e.g." is the word "e.g".
ABBREVIATIONS = frozenset(
    {
        "dr", "mr", "mrs", "ms", "mx", "prof", "rev", "cllr", "sr", "jr", "st", "mt",
        "e.g", "i.e", "etc", "eg", "ie", "vs", "approx", "dept", "ltd", "inc", "co",
        "a.m", "p.m", "fig", "ref",
    }
)  # fmt: skip

# These end sentences ("Say no.") unless a number follows ("No. 10", "Tel. 0808 ...").
BEFORE_NUMBER = frozenset({"no", "nos", "tel", "ext", "p", "pp", "vol", "nr", "str"})

# Other languages' abbreviations, added to the English ones (pages quote English names too).
LANGUAGE_ABBREVIATIONS = {
    "pl": frozenset(
        {"np", "ul", "tzw", "itd", "itp", "m.in", "godz", "ok", "tj", "wg", "mgr", "inż", "pn",
         "tzn", "al", "pl", "os", "zob"}
    ),
    "cy": frozenset({"e.e", "h.y", "sef", "ff", "rhif", "y.b", "g.y"}),
    "ro": frozenset({"dl", "dna", "dvs", "ex", "art", "etc", "ș.a", "ş.a", "str", "bd", "jud"}),
}  # fmt: skip

MAX_SENTENCE = 300
"""Longer sentences are cut at ";" or "," so no single utterance gets very long."""

# Full stops and question marks: Latin, Urdu (U+06D4, U+061F), Gurmukhi or Devanagari (U+0964/5).
_TERMINATOR = re.compile(r"[.?!\u2026\u06d4\u061f\u0964\u0965]+[\"'\u2019\u201d)\]]*(?=\s|$)")
_ALWAYS_ENDS = "?!\u06d4\u061f\u0964\u0965"  # the Urdu full stop never follows an abbreviation
_WORD_BEFORE = re.compile(r"[(\[\"'\u2018\u201c]*([^\s(\[\"'\u2018\u201c]+)$")
_NEXT_VISIBLE = re.compile(r"\s*(\S)")


def split_sentences(
    text: str, limit: int = MAX_SENTENCE, language: str = "en"
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text``, trimmed of white space.

    ``language`` (a code such as "pl") adds that language's abbreviations to the English ones.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    extra = LANGUAGE_ABBREVIATIONS.get(language.split("-")[0], frozenset())
    for match in _TERMINATOR.finditer(text):
        if _ends_sentence(text, match, extra):
            spans.extend(_split_long(text, *_trim(text, start, match.end()), limit))
            start = match.end()
    spans.extend(_split_long(text, *_trim(text, start, len(text)), limit))
    return [span for span in spans if span[0] < span[1]]


def _ends_sentence(text: str, match: re.Match[str], extra: frozenset[str]) -> bool:
    """Decide whether the punctuation in ``match`` closes a sentence."""
    following = _NEXT_VISIBLE.match(text, match.end())
    if following is None:
        return True
    if any(mark in match.group() for mark in _ALWAYS_ENDS):
        return True
    if following.group(1).islower():
        return False
    word_match = _WORD_BEFORE.search(text, 0, match.start())
    word = word_match.group(1) if word_match else ""
    return not _is_abbreviation(word, following.group(1), extra)


def _is_abbreviation(word: str, next_char: str, extra: frozenset[str] = frozenset()) -> bool:
    """A known abbreviation or an initial such as the "J" in "J. Smith"."""
    lowered = word.lower()
    if lowered in ABBREVIATIONS or lowered in extra:
        return True
    if lowered in BEFORE_NUMBER:
        return next_char.isdigit()
    return len(word) == 1 and word.isupper()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` and ``end`` inwards past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a span longer than ``limit`` at the best pause that keeps pieces under it."""
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        cut = _best_cut(text, start, start + limit)
        pieces.append(_trim(text, start, cut))
        start, end = _trim(text, cut, end)
    pieces.append((start, end))
    return pieces


def _best_cut(text: str, start: int, stop: int) -> int:
    """Where to cut ``text[start:stop]``: after a ";", else a ",", else a space (the Urdu
    "؛" and "،" count as ";" and ",")."""
    # Pieces shorter than a third of the limit would sound choppy, so look past them.
    floor = start + (stop - start) // 3
    for pattern in (r"[;\u061b]\s", r"[,\u060c]\s", r"\s"):
        cuts = [m.start() + 1 for m in re.finditer(pattern, text[floor:stop])]
        if cuts:
            return floor + cuts[-1]
    return stop
