"""Build the serialised lunr index and the data the browser needs to show results."""

from __future__ import annotations

import json
from collections.abc import Iterable

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


def build_index(documents: Iterable[Document], groups: list[list[str]]) -> dict:
    """The index (lunr 2.3.9 format, loaded with lunr.Index.load) and result details.

    Documents are keyed by short numbers, not their addresses: the inverted index names a
    document once for every word in it, and addresses made it several times larger.
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
    from lunr import lunr  # only when the index changed: a warm build links the cached one

    index = lunr(
        ref="ref",
        fields=FIELDS,
        documents=[(row, {"boost": boost}) for row, boost in zip(rows, boosts, strict=True)],
    )
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
            }
            for ref, d in zip(refs, documents, strict=True)
        },
        "synonyms": groups,
    }


def to_json(data: dict) -> str:
    """Compact JSON for the browser."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
