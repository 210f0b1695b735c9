"""Split the lunr index into small files, so that a search downloads only what it needs.

lunr.py builds the index as before; this module re-files what the browser needs to score a
query exactly as lunr.js would, without the rest:

- ``manifest.json`` (a fixed name, fetched when the search box gets focus): the first term of
  every postings chunk, the number of name buckets and document groups, which documents are
  services, the synonym groups, and which documents are translations in which language;
- postings chunks (``t<n>.json``): terms in sorted ranges, each with its documents and lunr's
  own BM25 weight for every field, and the other index terms one edit away from it (a word
  typed correctly needs nothing more to be matched with one letter out). lunr scores a
  document as the dot product of the query vector with the document's field vectors divided
  by the query vector's length, so the weight of each matching term is all a score needs: the
  field vectors, three fifths of lunr's serialised index, are not sent;
- name buckets (``f<n>.json``), for a word that is not in the index (a misspelling): index
  terms grouped so that every term one edit away from it is in one of two buckets the browser
  works out from the word itself. Any one edit of a word of five letters or more keeps either
  its first two or its last two letters; of three or four letters, its first or its last
  letter; shorter words keep one shared list;
- document groups (``d<n>.json``): what a result shows (title, page, address, excerpt, phone,
  label), fetched only for the results shown.

All but the manifest live in a folder named by a hash of their content, so each is a static
file that never changes under its name.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .documents import Document
from .index import build_index

FORMAT = 3  # raise it when the files change shape, here and in search.js (a cache key too)
CHUNK_BYTES = 6_000  # postings per chunk, raw JSON; about 2 to 3 KB gzip
BUCKETS = 128  # name buckets
GROUP = 8  # documents per group of result details
SHORT_KEY = "0"


@dataclass(frozen=True)
class ShardSet:
    """The files of a sharded index: paths relative to the search folder, and their text."""

    files: dict[str, str]

    @property
    def manifest(self) -> str:
        return self.files["manifest.json"]


def bucket_keys(term: str) -> list[str]:
    """Keys under which ``term`` is listed: every query word one edit away looks up one."""
    chars = list(term)  # code points, as Array.from in the browser
    size = len(chars)
    keys = []
    if size <= 3:
        keys.append(SHORT_KEY)
    for query_size in (size - 1, size, size + 1):
        if query_size >= 5 and size >= 2:
            keys += [f"{query_size}<{''.join(chars[:2])}", f"{query_size}>{''.join(chars[-2:])}"]
        elif query_size in (3, 4) and size >= 1:
            keys += [f"{query_size}<{chars[0]}", f"{query_size}>{chars[-1]}"]
    return keys


def lookup_keys(word: str) -> list[str]:
    """The keys a query word looks up (search.js's bucketKeys): one of them lists every
    index term one edit away from it."""
    chars = list(word)
    size = len(chars)
    if size <= 2:
        return [SHORT_KEY]
    keep = 2 if size >= 5 else 1
    return [f"{size}<{''.join(chars[:keep])}", f"{size}>{''.join(chars[-keep:])}"]


def bucket_of(key: str, buckets: int = BUCKETS) -> int:
    """FNV-1a over the key's code points, the same sum as search.js."""
    value = 0x811C9DC5
    for char in key:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value % buckets


def one_edit_away(a: str, b: str) -> bool:
    """At most one insertion, deletion, substitution or swap of neighbours (search.js's
    oneEditAway, lunr's fuzzy match with an edit distance of 1)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i + 1 :] or swapped


def neighbours(terms: Iterable[str]) -> dict[str, list[str]]:
    """For each term, the other terms one edit away. Two such terms always share a variant
    with one letter (or none) taken out, so only those are compared: linear in the terms."""
    by_variant: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        for variant in {term, *(term[:i] + term[i + 1 :] for i in range(len(term)))}:
            by_variant[variant].append(term)
    found: dict[str, set[str]] = defaultdict(set)
    for group in by_variant.values():
        for a in group:
            for b in group:
                if a != b and one_edit_away(a, b):
                    found[a].add(b)
    return {term: sorted(near) for term, near in found.items()}


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def postings(index: dict) -> dict[str, list[list[int]]]:
    """Each term's ``[document, 1000 * weight, ...]`` per field, documents as gaps.

    Weights come from lunr's field vectors, which lunr rounds to three decimals: as integers
    they are exact, and shorter than the decimals.
    """
    fields = index["fields"]
    terms_by_index = {entry["_index"]: term for term, entry in index["invertedIndex"]}
    found: dict[str, list[list[tuple[int, int]]]] = {
        term: [[] for _ in fields] for term, _ in index["invertedIndex"]
    }
    for field_ref, vector in index["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        position, document = fields.index(field), int(ref, 36)
        for at in range(0, len(vector), 2):
            term = terms_by_index[vector[at]]
            found[term][position].append((document, round(vector[at + 1] * 1000)))
    encoded = {}
    for term, per_field in found.items():
        rows = []
        for pairs in per_field:
            row, previous = [], 0
            for document, weight in sorted(pairs):
                row += [document - previous, weight]
                previous = document
            rows.append(row)
        encoded[term] = rows
    return encoded


def details(document: Document) -> dict[str, str]:
    """What a result shows; empty fields are left out."""
    fields = {
        "title": document.title,
        "page": document.page if document.page != document.title else "",
        "url": document.url,
        "kind": document.kind,
        "excerpt": document.excerpt(),
        "phone": document.phone,
        "tel": document.tel,
        "lang": document.language,
    }
    return {name: value for name, value in fields.items() if value}


def _by_language(documents: list[Document]) -> dict[str, list[int]]:
    """The numbers of the documents in each language other than the site's."""
    found: dict[str, list[int]] = defaultdict(list)
    for number, document in enumerate(documents):
        if document.language:
            found[document.language].append(number)
    return dict(sorted(found.items()))


def build_shards(
    documents: Iterable[Document], groups: list[list[str]], language: str = "en"
) -> ShardSet:
    """Build the lunr index of ``documents`` and split it into a manifest and shards;
    ``language`` is the site's own, that of documents that name none."""
    documents = list(documents)
    index = build_index(documents, groups, language)["index"]
    files: dict[str, str] = {}

    starts: list[str] = []
    chunk: dict[str, list[list[int]]] = {}
    near = neighbours(term for term, _ in index["invertedIndex"])

    def close_chunk() -> None:
        words = {term: " ".join(near[term]) for term in chunk if term in near}
        files[f"t{len(starts) - 1}.json"] = _compact({"postings": chunk, "near": words})

    size = 0
    for term, rows in sorted(postings(index).items()):
        text = _compact({term: rows})
        if chunk and size + len(text) > CHUNK_BYTES:
            close_chunk()
            chunk, size = {}, 0
        if not chunk:
            starts.append(term)
        chunk[term] = rows
        size += len(text)
    if chunk:
        close_chunk()

    buckets: list[dict[str, list[str]]] = [defaultdict(list) for _ in range(BUCKETS)]
    for term, _ in index["invertedIndex"]:
        for key in bucket_keys(term):
            buckets[bucket_of(key)][key].append(term)
    for number, bucket in enumerate(buckets):
        files[f"f{number}.json"] = _compact({k: " ".join(v) for k, v in sorted(bucket.items())})

    for start in range(0, len(documents), GROUP):
        group = documents[start : start + GROUP]
        files[f"d{start // GROUP}.json"] = _compact([details(d) for d in group])

    generation = hashlib.sha256()
    for name in sorted(files):
        generation.update(f"{name}\0{files[name]}\0".encode())
    folder = generation.hexdigest()[:12]
    manifest = {
        "format": FORMAT,
        "folder": f"{folder}/",
        "fields": index["fields"],
        "chunks": starts,
        "buckets": BUCKETS,
        "group": GROUP,
        "services": [n for n, d in enumerate(documents) if d.kind == "service"],
        "synonyms": groups,
        # Translations by language (the rest are in the site's): the reader's come first.
        "language": language,
        "languages": _by_language(documents),
    }
    shards = {f"{folder}/{name}": text for name, text in files.items()}
    return ShardSet({"manifest.json": _compact(manifest), **shards})
