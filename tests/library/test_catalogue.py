"""Loading and looking up items, without MkDocs: vocabulary, pairs, dates, open data."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.jsoncache import JsonCache
from safeguarding_site.library.catalogue import ItemSource, Vocabulary, load_catalogue
from safeguarding_site.library.model import Term

VOCABULARY = Vocabulary(
    types={t.id: t for t in [Term("legislation", "Legislation"), Term("form", "Form")]},
    audiences={t.id: t for t in [Term("public", "The public"), Term("police", "Police")]},
    topics={t.id: t for t in [Term("care-act", "The Care Act"), Term("feedback", "Feedback")]},
)
TODAY = dt.date(2026, 11, 30)


def item(name: str, body: str = "What it is.", **fields: object) -> ItemSource:
    meta = {
        "title": name.replace("-", " ").capitalize(),
        "type": "legislation",
        "audiences": "[police]",
        "publisher": "A publisher",
        "url": "https://www.example.org/" + name,
        **fields,
    }
    front = "\n".join(f"{key}: {value}" for key, value in meta.items() if value is not None)
    return ItemSource(f"library/{name}.md", f"---\n{front}\n---\n\n{body}\n")


def load(*sources: ItemSource, docs=".", cache=None):
    return load_catalogue(
        sources, VOCABULARY, lambda text: f"<p>{text}</p>", docs, TODAY, 24, cache=cache
    )


def error(*sources: ItemSource, docs=".") -> str:
    with pytest.raises(SafeguardingError) as caught:
        load(*sources, docs=docs)
    return str(caught.value)


def test_sorted_by_type_then_order_then_title():
    catalogue = load(
        item("b-form", type="form", topics="[feedback]"),
        item("z-act", topics="[care-act]"),
        item("a-act", order=200, topics="[care-act]"),
        item("m-act", audiences="[public, police]"),
    )
    assert [i.id for i in catalogue.all()] == ["m-act", "z-act", "a-act", "b-form"]
    assert [i.id for i in catalogue.in_topic("care-act")] == ["z-act", "a-act"]
    assert [i.id for i in catalogue.for_audience("public")] == ["m-act"]
    assert [i.id for i in catalogue.resolve(["b-form", "care-act", "z-act"], "x.md")] == [
        "b-form",
        "z-act",
        "a-act",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"type": "legislaton"},
            "field 'type': unknown type 'legislaton'. Did you mean 'legislation'? Known: form, "
            "legislation (set them in mkdocs.yml under library.types).",
        ),
        (
            {"audiences": "[polic]"},
            "field 'audiences': unknown audience 'polic'. Did you mean 'police'? Known: police, "
            "public (set them in mkdocs.yml under library.audiences).",
        ),
        (
            {"topics": "[housing]"},
            "field 'topics': unknown topic 'housing'. Known: care-act, feedback (set them in "
            "mkdocs.yml under library.topics).",
        ),
        (
            {"published": "2027-01-01"},
            "field 'published': 2027-01-01 is in the future (today is 2026-11-30).",
        ),
        (
            {"last_reviewed": "2026-12-01"},
            "field 'last_reviewed': 2026-12-01 is in the future (today is 2026-11-30).",
        ),
    ],
)
def test_vocabulary_and_dates(fields, message):
    assert error(item("act", **fields)) == f"Library item 'library/act.md': {message}"


def test_no_front_matter_and_no_summary():
    bare = ItemSource("library/bare.md", "Just words.\n")
    assert error(bare) == (
        "Library item 'library/bare.md' has no front matter. Start the file with '---', then "
        "'title:', 'type:', 'audiences:', 'publisher:' and one of 'url:', 'file:' or 'page:', "
        "then '---'."
    )
    assert error(item("act", body="")) == (
        "Library item 'library/act.md': the summary is empty. After the front matter, write "
        "one or two plain sentences saying what the document is and who it helps."
    )


def test_ids_unique_and_not_topics():
    message = error(item("one", id="same"), item("two", id="same"), item("feedback"))
    assert message.splitlines() == [
        "Library items 'library/one.md' and 'library/two.md' both have the id 'same'. Give one "
        "of them another file name or 'id'.",
        "Library item 'library/feedback.md': field 'id': 'feedback' is also a topic id; choose "
        "another id so that '[library: …]' is not ambiguous.",
    ]


def test_easy_read_pairs_with_another_item():
    catalogue = load(item("form", easy_read="form-easy"), item("form-easy"))
    assert catalogue.items["form"].data.easy_read == "form-easy"
    assert error(item("form", easy_read="from-easy"), item("form-easy")) == (
        "Library item 'library/form.md': field 'easy_read': 'from-easy' is not another item of "
        "the library. Did you mean 'form-easy'? Give the id of the easy read version's own "
        "item file."
    )
    assert "field 'easy_read': 'form' is not another item" in error(item("form", easy_read="form"))


def test_unknown_reference_in_a_page():
    catalogue = load(item("care-act-2014", topics="[care-act]"))
    with pytest.raises(SafeguardingError) as caught:
        catalogue.resolve(["care-act-2104"], "guidance.md")
    assert str(caught.value) == (
        "Page 'guidance.md': library 'care-act-2104' is neither a topic nor an item. Did you "
        "mean 'care-act-2014'? Topics: care-act, feedback. Items: care-act-2014."
    )


def test_review_due_given_or_from_last_reviewed():
    catalogue = load(
        item("given", review_due="2026-11-29"),
        item("reviewed", last_reviewed="2024-11-30"),
        item("later", last_reviewed="2025-01-31"),
        item("undated"),
    )
    items = catalogue.items
    assert items["given"].due == dt.date(2026, 11, 29)
    assert items["reviewed"].due == dt.date(2026, 11, 30)  # 24 months on: due today, not over
    assert items["later"].due == dt.date(2027, 1, 31)
    assert items["undated"].due is None
    assert [i.id for i in catalogue.overdue(TODAY)] == ["given"]


def test_file_items_and_open_data(tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents/form.pdf").write_bytes(b"%PDF" + b"x" * 3000)
    catalogue = load(
        item("form", type="form", url=None, file="documents/form.pdf", topics="[feedback]"),
        item("act", published="2014-05-14"),
        docs=tmp_path,
    )
    form = catalogue.items["form"]
    assert form.attachment.label == "PDF, 3 KB"
    assert not form.leaves_site and catalogue.items["act"].leaves_site
    data = json.loads(catalogue.to_json(lambda i: f"address of {i.id}"))
    assert [t["id"] for t in data["types"]] == ["legislation", "form"]
    records = {r["id"]: r for r in data["items"]}
    assert records["form"]["format"] == "PDF"
    assert records["form"]["size"] == "3 KB"
    assert records["form"]["bytes"] == 3004
    assert records["form"]["media_type"] == "application/pdf"
    assert records["form"]["address"] == "address of form"
    assert records["form"]["leaves_site"] is False
    assert records["act"]["published"] == "2014-05-14"
    assert records["act"]["summary_html"] == "<p>What it is.</p>"
    assert "format" not in records["act"]


def test_checked_items_come_from_the_cache(tmp_path):
    """An unchanged file is not checked again: the cache gives its values (no pydantic)."""
    cache = JsonCache(tmp_path / "cache")
    first = load(item("act"), cache=cache)
    again = load(item("act"), cache=cache)
    assert again.items["act"].data == first.items["act"].data
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert len(entries) == 1
    stored = json.loads(entries[0].read_text())
    stored["title"] = "Written into the cache"
    entries[0].write_text(json.dumps(stored))
    assert load(item("act"), cache=cache).items["act"].title == "Written into the cache"
