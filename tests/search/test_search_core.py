"""Tests for safeguarding_site.search: documents, synonyms, index and A to Z."""

from __future__ import annotations

import json

from lunr import lunr
from lunr.index import Index

from safeguarding_site.search.a_to_z import a_to_z_markdown
from safeguarding_site.search.documents import page_documents, service_document
from safeguarding_site.search.index import build_index, to_json
from safeguarding_site.search.synonyms import expansions, groups_from_config

HTML = """<h1 id="fire">Fire safety<a class="headerlink" href="#fire">¶</a></h1><!-- sg-player -->
<p>Smoke alarms save lives.</p>
<script>var x = "hidden";</script>
<h2 id="visits">Home visits</h2>
<p>The fire brigade can visit.</p>
<div class="sg-cards"><p>Card text is not page text.</p></div>
<h2 id="fire-at-home">If there is a fire</h2>
<ul><li>Get out</li><li>Call 999</li></ul>"""

GROUPS = groups_from_config({"domestic abuse": ["DV", "domestic violence"], "witness": ["court"]})


def test_page_split_at_second_level_headings():
    """One document for the top of the page and one for each h2, without skipped parts."""
    docs = page_documents(HTML, "fire/", "Fire safety")
    assert [(d.ref, d.title, d.body) for d in docs] == [
        ("fire/", "Fire safety", "Smoke alarms save lives."),
        ("fire/#visits", "Home visits", "The fire brigade can visit."),
        ("fire/#fire-at-home", "If there is a fire", "Get out Call 999"),
    ]
    assert all(d.page == "Fire safety" and d.kind == "page" for d in docs)


def test_easy_read_wrapper_is_looked_into():
    """Easy reads are wrapped in a div; their sections are still found."""
    docs = page_documents(f'<div class="sg-easy-read">{HTML}</div>', "e/", "Easy", "easy")
    assert [d.title for d in docs] == ["Easy", "Home visits", "If there is a fire"]


def test_service_document():
    """Services are found by name, categories and description, and carry their phone."""
    doc = service_document(
        "service:ndah", "services/domestic-abuse/", "National Domestic Abuse Helpline",
        ("domestic-abuse",), "Domestic abuse helplines", "<p>A <b>free</b> helpline.</p>",
        "Anyone", "0808 2000 247", "tel:+448082000247",
    )  # fmt: skip
    assert doc.body == "A free helpline. Anyone"
    assert (doc.kind, doc.phone) == ("service", "0808 2000 247")


def test_synonym_groups_match_whole_words_both_ways():
    """A variant or the canonical phrase brings in the whole group; parts of words do not."""
    assert expansions("Help with DV", GROUPS) == ["domestic abuse", "dv", "domestic violence"]
    assert expansions("Domestic abuse support", GROUPS)[0] == "domestic abuse"
    assert expansions("Going to Court", GROUPS) == ["witness", "court"]
    assert expansions("advice", GROUPS) == []  # "dv" inside a word is not "DV"


def test_index_finds_sections_through_synonyms_and_loads_as_lunr():
    """The serialised index reloads in lunr and finds a section by a synonym."""
    docs = page_documents(HTML, "fire/", "Fire safety") + page_documents(
        "<h1>Abuse</h1><p>Domestic abuse is never your fault.</p>", "abuse/", "Abuse"
    )
    data = json.loads(to_json(build_index(docs, GROUPS)))
    assert data["index"]["version"] == "2.3.9"
    index = Index.load(data["index"])
    url = {ref: doc["url"] for ref, doc in data["docs"].items()}
    assert url[index.search("dv")[0]["ref"]] == "abuse/"
    assert url[index.search("smoke")[0]["ref"]] == "fire/"
    visits = next(doc for doc in data["docs"].values() if doc["url"] == "fire/#visits")
    assert visits["excerpt"] == "The fire brigade can visit."


def test_titles_rank_above_body():
    """A word in a section title outranks the same word in another section's text."""
    docs = page_documents(
        "<h2 id='a'>Witness</h2><p>Text.</p><h2 id='b'>Other</h2><p>A witness may help.</p>",
        "p/",
        "Page",
    )
    index = lunr(ref="ref", fields=["x"], documents=[{"ref": "unused", "x": "y"}])
    assert index  # lunr itself works here
    data = build_index(docs, [])
    results = Index.load(data["index"]).search("witness")
    assert data["docs"][results[0]["ref"]]["url"] == "p/#a"


def test_a_to_z_groups_by_letter():
    """Entries are sorted and grouped under their first letters; markup is escaped."""
    markdown = a_to_z_markdown(
        "A to Z", [("fire safety", "f.md"), ("Abuse", "a.md"), ("<b>", "b.md"), ("999", "n.md")]
    )
    assert "## 0-9\n\n- [999](n.md)" in markdown
    assert markdown.index("## A") < markdown.index("## F")
    assert "&lt;b&gt;" in markdown


def test_short_refs():
    """Refs are short base-36 numbers."""
    from safeguarding_site.search.index import short_ref

    assert [short_ref(n) for n in (0, 9, 10, 35, 36, 1295, 1296)] == [
        "0", "9", "a", "z", "10", "zz", "100",
    ]  # fmt: skip
