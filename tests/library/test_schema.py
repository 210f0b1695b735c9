"""Checking one item's front matter: every field, with the exact message an editor reads."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.library.schema import validate_item

GOOD = {
    "id": "care-act-2014",
    "title": "Care Act 2014",
    "type": "legislation",
    "audiences": ["practitioners"],
    "publisher": "legislation.gov.uk",
    "url": "https://www.legislation.gov.uk/ukpga/2014/23/contents",
}
WHERE = "Library item 'library/care-act-2014.md'"


def problems(**changes: object) -> str:
    meta = {**GOOD, **changes}
    for name, value in changes.items():
        if value is None:
            del meta[name]
    with pytest.raises(SafeguardingError) as caught:
        validate_item(meta, WHERE)
    return str(caught.value)


def test_a_good_item_and_its_defaults():
    data = validate_item(
        {**GOOD, "audiences": "managers", "published": dt.date(2014, 5, 14)}, WHERE
    )
    assert data.audiences == ("managers",)  # one audience may be written without a list
    assert data.topics == ()
    assert data.published == dt.date(2014, 5, 14)
    assert (data.file, data.page, data.easy_read, data.order) == (None, None, None, 100)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": None}, "field 'title': this field is required"),
        ({"type": None}, "field 'type': this field is required"),
        ({"publisher": None}, "field 'publisher': this field is required"),
        ({"audiences": None}, "field 'audiences': this field is required"),
        (
            {"audiences": []},
            "field 'audiences': list at least one audience, such as 'practitioners'",
        ),
        (
            {"type": "Practice Guidance"},
            "field 'type': received 'Practice Guidance', expected lower-case letters, digits "
            "and hyphens, such as 'practice-guidance'",
        ),
        (
            {"topics": ["ok", "Not OK"]},
            "field 'topics[1]': received 'Not OK', expected lower-case letters, digits and "
            "hyphens, such as 'practice-guidance'",
        ),
        (
            {"url": "http://www.legislation.gov.uk"},
            "field 'url': 'http://www.legislation.gov.uk' is not an https address; write it as "
            "'https://…'",
        ),
        (
            {"published": "14 May 2014"},
            "field 'published': received '14 May 2014', expected a date written as "
            "year-month-day, such as '2026-11-30'",
        ),
        (
            {"review_due": dt.datetime(2027, 1, 1, 9, 0)},
            "field 'review_due': received datetime.datetime(2027, 1, 1, 9, 0), expected a date "
            "written as year-month-day, such as '2026-11-30'",
        ),
        ({"order": 5000}, "field 'order': Input should be less than or equal to 1000"),
        (
            {"colour": "red"},
            "field 'colour': unknown field. Known fields: id, title, type, "
            "audiences, topics, publisher, url, file, page, published, last_reviewed, review_due, "
            "easy_read, order",
        ),
    ],
)
def test_each_field_is_checked(changes, message):
    assert problems(**changes) == f"{WHERE}: {message}"


def test_exactly_one_place():
    """A link needs one place to lead: none, or two, is refused with the three choices."""
    expected = (
        f"{WHERE}: give exactly one of 'url' (an https address of a page or document "
        "elsewhere), 'file' (a document in docs_dir, such as 'documents/feedback-form.pdf') or "
        "'page' (a page of this site, such as 'guidance/index.md')"
    )
    assert problems(url=None) == expected
    assert problems(file="documents/act.pdf") == expected
    assert problems(url=None, file="a.pdf", page="b.md") == expected


def test_review_due_after_last_reviewed():
    message = problems(last_reviewed=dt.date(2026, 5, 1), review_due=dt.date(2026, 4, 1))
    assert message == (
        f"{WHERE}: 'review_due' (2026-04-01) must come after 'last_reviewed' (2026-05-01)"
    )


def test_every_problem_is_listed():
    message = problems(title="", type=None)
    assert message.splitlines() == [
        f"{WHERE}: field 'title': String should have at least 1 character",
        f"{WHERE}: field 'type': this field is required",
    ]
