"""Build the serialised lunr index and the data the browser needs to show results."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..languages.model import is_english
from .documents import Document
from .synonyms import expansions

FIELDS = [
    {"field_name": "title", "boost": 10},
    {"field_name": "page", "boost": 3},
    {"field_name": "synonyms", "boost": 2},
    {"field_name": "body", "boost": 1},
]


def short_ref(number: int) -> str:
    """A document's key in the index: base 36, because every posting repeats it."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if number == 0:
            return text


def build_index(
    documents: Iterable[Document], groups: list[list[str]], language: str = "en"
) -> dict:
    """The index (lunr 2.3.9 format, loaded with lunr.Index.load) and result details.

    Documents are keyed by short numbers, not their addresses: the inverted index names a
    document once for every word in it, and addresses made it several times larger.

    English documents (``language`` is the site's) are stemmed and lose English stop words,
    as lunr does; documents in other languages, for which lunr has no stemmer here, keep
    their words as written rather than being cut by English rules.
    """
    documents = list(documents)
    refs = [short_ref(number) for number in range(len(documents))]
    rows = [
        {
            "ref": ref,
            "title": d.title,
            "page": d.page if d.page != d.title else "",
            "body": d.body,
            "synonyms": " ".join(expansions(f"{d.title} {d.page} {d.body}", groups)),
        }
        for ref, d in zip(refs, documents, strict=True)
    ]
    # A service's 'order' (lower first) nudges it up among services that match equally well.
    boosts = [1 + max(0, 100 - d.order) / 400 if d.kind == "service" else 1 for d in documents]
    english = [is_english(d.language or language) for d in documents]
    builder, english_now = _builder()

    def each():
        for row, boost, stem in zip(rows, boosts, english, strict=True):
            english_now[0] = stem  # read by the pipeline while this document is added
            yield row, {"boost": boost}

    from lunr import lunr  # only when the index changed: a warm build links the cached one

    index = lunr(ref="ref", fields=FIELDS, documents=each(), builder=builder)
    return {
        "index": index.serialize(),
        "docs": {
            ref: {
                "title": d.title,
                "page": d.page if d.page != d.title else "",
                "url": d.url,
                "kind": d.kind,
                "excerpt": d.excerpt(),
                "phone": d.phone,
                "tel": d.tel,
                "categories": list(d.categories),
                "order": d.order,
                "language": d.language,
            }
            for ref, d in zip(refs, documents, strict=True)
        },
        "synonyms": groups,
    }


def _builder():
    """lunr's default builder, with English stemming and stop words for English documents
    only; the list holds whether the document being added is English."""
    from lunr.builder import Builder
    from lunr.stemmer import stemmer
    from lunr.stop_word_filter import stop_word_filter
    from lunr.trimmer import trimmer

    english_now = [True]

    def english_stop_words(token, i, tokens):
        return stop_word_filter(token, i, tokens) if english_now[0] else token

    def english_stemmer(token, i, tokens):
        return stemmer(token, i, tokens) if english_now[0] else token

    # Labelled as lunr wants; only the search pipeline (the stemmer) is saved in the index.
    english_stop_words.label = "sgEnglishStopWords"  # type: ignore[attr-defined]
    english_stemmer.label = "sgEnglishStemmer"  # type: ignore[attr-defined]
    builder = Builder()
    builder.pipeline.add(trimmer, english_stop_words, english_stemmer)
    builder.search_pipeline.add(stemmer)
    return builder, english_now


def to_json(data: dict) -> str:
    """Compact JSON for the browser."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
