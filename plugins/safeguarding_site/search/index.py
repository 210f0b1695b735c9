"""Build the serialised lunr index and the data the browser needs to show results."""

from __future__ import annotations

import json
from collections.abc import Iterable

from lunr import lunr

from .documents import Document
from .synonyms import expansions

FIELDS = [
    {"field_name": "title", "boost": 10},
    {"field_name": "page", "boost": 3},
    {"field_name": "synonyms", "boost": 2},
    {"field_name": "body", "boost": 1},
]


def build_index(documents: Iterable[Document], groups: list[list[str]]) -> dict:
    """The index (lunr 2.3.9 format, loaded with lunr.Index.load) and result details."""
    documents = list(documents)
    rows = [
        {
            "ref": d.ref,
            "title": d.title,
            "page": d.page if d.page != d.title else "",
            "body": d.body,
            "synonyms": " ".join(expansions(f"{d.title} {d.page} {d.body}", groups)),
        }
        for d in documents
    ]
    # A service's 'order' (lower first) nudges it up among services that match equally well.
    boosts = [1 + max(0, 100 - d.order) / 400 if d.kind == "service" else 1 for d in documents]
    index = lunr(
        ref="ref",
        fields=FIELDS,
        documents=[(row, {"boost": boost}) for row, boost in zip(rows, boosts, strict=True)],
    )
    return {
        "index": index.serialize(),
        "docs": {
            d.ref: {
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
            for d in documents
        },
        "synonyms": groups,
    }


def to_json(data: dict) -> str:
    """Compact JSON for the browser."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
