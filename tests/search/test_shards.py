"""Tests for safeguarding_site.search.shards: the index split into small static files."""

from __future__ import annotations

import json
import random
import string

from safeguarding_site.search.documents import Document
from safeguarding_site.search.index import build_index
from safeguarding_site.search.shards import (
    bucket_keys,
    bucket_of,
    build_shards,
    lookup_keys,
    postings,
)


def one_edit(word: str, rng: random.Random) -> str:
    """``word`` with one letter inserted, deleted, replaced, or two neighbours swapped."""
    at = rng.randrange(len(word))
    letter = rng.choice(string.ascii_lowercase)
    edit = rng.choice(["insert", "delete", "replace", "swap"])
    if edit == "insert":
        return word[:at] + letter + word[at:]
    if edit == "delete" and len(word) > 1:
        return word[:at] + word[at + 1 :]
    if edit == "swap" and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + letter + word[at + 1 :]


def test_every_term_one_edit_away_is_under_a_key_the_query_looks_up():
    """Whatever the edit and the length, the query finds the term in one of its two lists."""
    rng = random.Random(1)
    for _ in range(20_000):
        term = "".join(rng.choices("abcde", k=rng.randint(1, 12)))
        query = one_edit(term, rng)
        assert set(lookup_keys(query)) & set(bucket_keys(term)), (term, query)


def test_buckets_are_stable_numbers():
    """The bucket sum is FNV-1a, which search.js repeats: fixed values, within range."""
    assert bucket_of("a", 2**32) == 0xE40C292C
    assert all(0 <= bucket_of(key) < 128 for key in ["0", "7<ke", "9>ng"])


def documents() -> list[Document]:
    return [
        Document("s", "services/", "Helpline", "Help", "Call us any time.", "service", "0800",
                 "tel:0800"),
        Document("a", "a/", "Fire safety", "Fire safety", "Smoke alarms save lives.", "page"),
        Document("b", "b/#x", "Visits", "Fire safety", "The fire brigade can visit.", "easy"),
    ]  # fmt: skip


def test_postings_carry_lunrs_own_weights():
    """Each posting is a field vector entry of lunr's index, as an exact integer."""
    index = build_index(documents(), [])["index"]
    found = postings(index)
    vectors = dict(index["fieldVectors"])
    terms = {entry["_index"]: term for term, entry in index["invertedIndex"]}
    title = vectors["title/1"]
    weights = {terms[title[i]]: title[i + 1] for i in range(0, len(title), 2)}
    row = found["fire"][0]  # title field: [gap, weight, gap, weight, ...]
    assert row[0] == 1 and row[1] == round(weights["fire"] * 1000)


def test_manifest_and_shards():
    """A small manifest; shards in a folder named by their content; details fetched apart."""
    shards = build_shards(documents(), [["fire safety", "smoke alarm"]]).files
    manifest = json.loads(shards["manifest.json"])
    assert manifest["services"] == [0]
    assert manifest["synonyms"] == [["fire safety", "smoke alarm"]]
    folder = manifest["folder"]
    assert len(folder) == 13 and all(name.startswith(folder) for name in shards if "/" in name)
    details = json.loads(shards[f"{folder}d0.json"])
    assert details[0] == {
        "title": "Helpline", "page": "Help", "url": "services/", "kind": "service",
        "excerpt": "Call us any time.", "phone": "0800", "tel": "tel:0800",
    }  # fmt: skip
    assert "page" not in details[1]  # the same as the title
    assert build_shards(documents(), []).files != shards  # synonyms are part of the index
    again = build_shards(documents(), [["fire safety", "smoke alarm"]]).files
    assert again == shards


def test_neighbours_are_every_term_one_edit_away():
    """The linear search for neighbours finds what comparing every pair finds."""
    from safeguarding_site.search.shards import neighbours, one_edit_away

    rng = random.Random(2)
    terms = sorted({"".join(rng.choices("abc", k=rng.randint(1, 5))) for _ in range(300)})
    slow = {a: sorted(b for b in terms if b != a and one_edit_away(a, b)) for a in terms}
    assert neighbours(terms) == {a: near for a, near in slow.items() if near}
    assert one_edit_away("safegaurd", "safeguard") and not one_edit_away("abc", "cab")


def test_search_js_reads_this_format():
    """search.js refuses an index of another shape; both sides name the same format."""
    import re
    from pathlib import Path

    from safeguarding_site.search.shards import FORMAT

    script = Path(__file__).parents[2] / "plugins/safeguarding_site/theme/assets/safeguarding"
    text = (script / "search.js").read_text(encoding="utf-8")
    assert re.search(r"var FORMAT = (\d+);", text).group(1) == str(FORMAT)


def test_other_languages_are_indexed_as_written():
    """English words are stemmed and English stop words dropped; a Polish page keeps its
    words as written (lunr has no Polish stemmer, and the English one would cut them), and
    the manifest and details say which documents are Polish."""
    docs = [
        *documents(),
        Document("p", "pl/a/", "Przemoc", "Przemoc", "Pomocy szukaj w nocy i w dzień.", "page",
                 language="pl"),
    ]  # fmt: skip
    terms = {term for term, _ in build_index(docs, [])["index"]["invertedIndex"]}
    assert "live" in terms and "lives" not in terms  # English, stemmed
    assert {"pomocy", "nocy", "i", "w"} <= terms  # Polish, as written, stop words kept
    assert "pomoci" not in terms
    shards = build_shards(docs, [], "en").files
    manifest = json.loads(shards["manifest.json"])
    assert manifest["language"] == "en" and manifest["languages"] == {"pl": [3]}
    details = json.loads(shards[f"{manifest['folder']}d0.json"])
    assert details[3]["lang"] == "pl" and "lang" not in details[1]


def test_a_site_in_another_language_is_not_stemmed_as_english():
    """A Welsh site's own pages (no language of their own) are not cut by English rules."""
    docs = [Document("c", "c/", "Cymorth", "", "Ffoniwch y llinell gymorth.", "page")]
    terms = {term for term, _ in build_index(docs, [], "cy")["index"]["invertedIndex"]}
    assert "ffoniwch" in terms and "y" in terms
