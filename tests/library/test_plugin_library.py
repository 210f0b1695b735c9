"""The library through real MkDocs builds: pages, cards, open data, search, freshness."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

import pytest
from mkdocs.exceptions import Abort

ACT = """\
---
title: Care Act 2014
type: legislation
audiences: [practitioners, managers]
topics: [care-and-support]
publisher: legislation.gov.uk
url: https://www.legislation.gov.uk/ukpga/2014/23/contents
published: 2014-05-14
review_due: 2027-05-31
---
The law on care and support, and on safeguarding adults.
"""
FORM = """\
---
title: Feedback form
type: form
audiences: [public]
topics: [care-and-support]
publisher: Test board
file: documents/feedback form.pdf
last_reviewed: 2026-06-01
easy_read: form-easy
---
Tell us how your enquiry went.
"""
EASY = """\
---
title: Feedback form in easy read
type: easy-read-leaflet
audiences: [public]
publisher: Test board
file: documents/easy.pdf
---
The form in easy read.
"""
NOTES = """\
---
title: Guidance notes
type: practice-guidance
audiences: [practitioners]
publisher: Test board
page: guidance.md
---
Notes for practitioners.
"""
PDF = b"%PDF-1.7\n" + b"0" * 3100


def files(**more: str | bytes) -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "guidance.md": "# Guidance\n\n## Documents\n\n[library: care-act-2014, form]\n",
        "library/care-act-2014.md": ACT,
        "library/form.md": FORM,
        "library/form-easy.md": EASY,
        "library/notes.md": NOTES,
        "documents/feedback form.pdf": PDF,
        "documents/easy.pdf": PDF[:1500],
        **more,
    }


def options(**library: object) -> list[dict]:
    """Plugin options with a fixed 'today'; the library as given."""
    return [
        {
            "safeguarding": {
                "signposting": {"today": dt.date(2026, 11, 30)},
                "library": library,
                "report": {"enabled": True},
            }
        }
    ]


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def cards(html: str) -> list[str]:
    return re.findall(r'<li class="sg-doc".*?</li>\n(?=<li class="sg-doc"|</ul>)', html, re.S)


def test_generated_pages_and_filters(build_site):
    """An index, a page per topic and audience used, reached by plain links; no item pages."""
    site = build_site(files(), plugins=options(), nav=["index.md", "guidance.md"])
    index = read(site, "library/index.html")
    assert '<a href="topics/care-and-support/">Care and support</a> (2 documents)' in index
    assert '<a href="for/practitioners/">Practitioners</a> (2 documents)' in index
    assert '<a href="for/public/">The public</a> (2 documents)' in index
    assert "for/police/" not in index  # no item for the police: no page, no dead link
    assert not (site / "library/for/police").exists()
    assert not (site / "library/topics/mental-capacity").exists()
    assert not (site / "library/form").exists()  # item files are data, not pages
    topic = read(site, "library/topics/care-and-support/index.html")
    assert "<h1" in topic and ">Care and support<" in topic
    assert '2 documents here. Every document is in the <a href="../../">Library</a>.' in topic
    audience = read(site, "library/for/public/index.html")
    assert ">For the public<" in audience
    assert [re.search(r'id="item-([^"]+)"', c) for c in cards(audience)] == [None, None]
    # In the index, by type in the option's order: legislation, practice guidance, form...
    assert re.findall(r'<li class="sg-doc" id="item-([^"]+)"', index) == [
        "care-act-2014",
        "notes",
        "form",
        "form-easy",
    ]
    home = read(site, "index.html")
    assert 'href="library/"' in home  # added to a nav that did not name it


def test_cards_say_where_links_lead(build_site):
    site = build_site(files(), plugins=options())
    guidance = read(site, "guidance/index.html")
    act, form = cards(guidance)
    assert (
        '<a href="https://www.legislation.gov.uk/ukpga/2014/23/contents" rel="noreferrer">Care '
        'Act 2014 <span class="sg-doc__where">(another website: www.legislation.gov.uk)</span>'
        "</a>" in act
    )
    assert "<dt>Published</dt><dd>14 May 2014</dd>" in act
    assert "<dt>Review due</dt><dd>31 May 2027</dd>" in act
    assert "<dt>For</dt><dd>Practitioners, Managers and leaders</dd>" in act
    assert '<a href="../library/topics/care-and-support/">Care and support</a>' in act
    assert (
        '<a href="../documents/feedback%20form.pdf">Feedback form <span class="sg-doc__where">'
        "(PDF, 3 KB)</span></a>" in form
    )
    assert "rel=" not in form.split("</h3>")[0]  # stays on the site
    assert "<dt>Last reviewed</dt><dd>1 June 2026</dd>" in form
    assert "<dt>Review due</dt><dd>1 June 2028</dd>" in form  # 24 months on by default
    assert (
        '<a href="../documents/easy.pdf">Easy read version: Feedback form in easy read '
        '<span class="sg-doc__where">(PDF, 1 KB)</span></a>' in form
    )
    assert (site / "documents/feedback form.pdf").read_bytes() == PDF
    index = read(site, "library/index.html")
    notes = next(c for c in cards(index) if 'id="item-notes"' in c)
    assert '<a href="../guidance/">Guidance notes</a>' in notes  # a page: nothing to add


def test_cards_from_front_matter_and_heading_levels(build_site):
    page = "---\nlibrary: [care-and-support]\n---\n# About\n\nWords.\n"
    site = build_site(files(**{"about.md": page}), plugins=options())
    about = read(site, "about/index.html")
    heading = about.index('<h2 class="sg-cards__heading">Documents and resources</h2>')
    assert heading < about.index("Care Act 2014") < about.index("Feedback form")
    article = about[about.index("<article") : about.index("</article>")]
    assert re.findall(r"<h(\d)", article) == ["1", "2", "3", "3"]


def test_open_data_and_structured_data(build_site):
    site = build_site(files(), plugins=options(), site_url="https://sab.example.org/")
    data = json.loads(read(site, "library.json"))
    records = {r["id"]: r for r in data["items"]}
    assert records["form"]["address"] == "https://sab.example.org/documents/feedback%20form.pdf"
    assert records["form"]["format"] == "PDF" and records["form"]["size"] == "3 KB"
    assert records["notes"]["address"] == "https://sab.example.org/guidance/"
    assert records["care-act-2014"]["leaves_site"] is True
    assert [t["id"] for t in data["types"]][:3] == ["legislation", "statutory-guidance", "policy"]
    guidance = read(site, "guidance/index.html")
    found = [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', guidance)
    ]
    act, form = found
    assert act["@type"] == "CreativeWork"
    assert act["genre"] == "Legislation"
    assert act["datePublished"] == "2014-05-14"
    assert act["publisher"] == {"@type": "Organization", "name": "legislation.gov.uk"}
    assert act["about"] == [{"@type": "Thing", "name": "Care and support"}]
    assert form["@type"] == "DigitalDocument"
    assert form["encodingFormat"] == "application/pdf"
    assert form["contentSize"] == "3 KB"
    assert form["dateModified"] == "2026-06-01"
    assert form["audience"] == [{"@type": "Audience", "audienceType": "The public"}]


def test_items_in_search_and_the_a_to_z(build_site):
    site = build_site(files(), plugins=options())
    details = [d for part in site.glob("search/*/d*.json") for d in json.loads(part.read_text())]
    library = {d["title"]: d for d in details if d["kind"] == "library"}
    assert library["Feedback form"]["page"] == "Library: Form, PDF, 3 KB"
    assert library["Feedback form"]["url"] == "library/#item-form"
    assert library["Care Act 2014"]["page"] == (
        "Library: Legislation, another website: www.legislation.gov.uk"
    )
    assert library["Guidance notes"]["page"] == "Library: Practice guidance"
    # The cards themselves are not indexed again as the words of the pages showing them.
    pages = [d for d in details if d["kind"] == "page"]
    assert not any("Tell us how your enquiry went" in d.get("excerpt", "") for d in pages)
    a_to_z = read(site, "a-z/index.html")
    assert '<a href="../library/">Library</a>' in a_to_z
    assert '<a href="../library/topics/care-and-support/">Care and support</a>' in a_to_z


def test_overdue_review_warns_and_the_report_lists_items(build_site, caplog, tmp_path):
    overdue = ACT.replace("review_due: 2027-05-31", "review_due: 2026-11-01")
    with caplog.at_level(logging.WARNING):
        build_site(files(**{"library/care-act-2014.md": overdue}), plugins=options())
    assert caplog.messages == [
        "safeguarding_site: Library item 'library/care-act-2014.md': review was due on "
        "2026-11-01. Check that the document is still current and its link still works, then "
        "update 'last_reviewed' (and 'review_due')."
    ]
    report = json.loads((tmp_path / "report/report.json").read_text(encoding="utf-8"))
    assert report["documents"][0] == {
        "src": "library/care-act-2014.md",
        "title": "Care Act 2014",
        "review_due": "2026-11-01",
        "overdue": True,
    }
    assert [d["src"] for d in report["documents"][1:]] == [
        "library/form.md",
        "library/form-easy.md",
        "library/notes.md",
    ]
    html = (tmp_path / "report/report.html").read_text(encoding="utf-8")
    assert (
        "<td>Care Act 2014</td><td>library/care-act-2014.md</td><td>2026-11-01 (Due)</td>" in html
    )
    with pytest.raises(Abort):
        build_site(files(**{"library/care-act-2014.md": overdue}), plugins=options(), strict=True)


@pytest.mark.parametrize(
    ("more", "message"),
    [
        (
            {"library/form.md": FORM.replace("feedback form.pdf", "feedback-form.pdf")},
            "Library item 'library/form.md': field 'file': there is no file "
            "'documents/feedback-form.pdf' in docs_dir ('{docs}'). Check the spelling and the "
            "folder.",
        ),
        (
            {"library/notes.md": NOTES.replace("guidance.md", "guidence.md")},
            "Library item 'library/notes.md': field 'page': there is no page 'guidence.md' in "
            "docs_dir ('{docs}') outside the library folder. Give the path of a Markdown page "
            "from docs_dir, such as 'guidance/index.md'.",
        ),
        (
            {"library/topics/act.md": ACT},
            "Library item 'library/topics/act.md' has a name the plugin uses for a generated "
            "library page ('library/index.md' and the folders 'topics/' and 'for/'). Rename it "
            "or move it, for example after the document's title.",
        ),
        (
            {"guidance.md": "# Guidance\n\n[library: care-act]\n"},
            "Page 'guidance.md': library 'care-act' is neither a topic nor an item. Did you mean "
            "'care-act-2014'? Topics: care-and-support, domestic-abuse, financial-abuse, "
            "making-safeguarding-personal, mental-capacity, self-neglect, witnesses. Items: "
            "care-act-2014, form, form-easy, notes.",
        ),
        (
            {"guidance.md": "---\nlibrary: 3\n---\n# Guidance\n"},
            "Page 'guidance.md': front matter field 'library' must be a list of topic or item "
            "ids, received 3. Write it as 'library: [msp-toolkit, mental-capacity]'.",
        ),
    ],
)
def test_mistakes_stop_the_build(build_site, caplog, tmp_path, more, message):
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files(**more), plugins=options())
    expected = message.format(docs=tmp_path / "docs")
    assert any(expected in m for m in caplog.messages), caplog.messages


def test_cards_without_a_library(build_site, caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n\n[library: care-act-2014]\n"}, plugins=options())
    assert any(
        "Page 'index.md' asks for library cards, but there is no library folder 'library' in "
        "docs_dir with items in it (or the library is disabled)." in m
        for m in caplog.messages
    )


def test_disabled_library_publishes_nothing(build_site):
    site = build_site(
        {"index.md": "# Home\n", "library/care-act-2014.md": ACT}, plugins=options(enabled=False)
    )
    assert not (site / "library.json").exists()
    assert not (site / "library/index.html").exists()
