"""Signposting through real MkDocs builds."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from mkdocs.exceptions import Abort

SERVICE = """\
---
name: National Domestic Abuse Helpline
categories: [domestic-abuse]
phone: 0808 2000 247
last_verified: 2026-05-01
source: https://www.nationaldahelpline.org.uk
---

A free helpline.
"""
CATEGORIES = [
    {"id": "domestic-abuse", "title": "Domestic abuse", "description": "Help with abuse."},
    {"id": "emergency", "title": "Emergency", "description": "Danger now."},
]


def options(**signposting: object) -> list[dict]:
    """Plugin options with a fixed 'today' and two categories."""
    settings = {"today": dt.date(2026, 11, 22), "categories": CATEGORIES, **signposting}
    return [{"safeguarding": {"signposting": settings}}]


def test_directory_pages_json_and_nav(build_site):
    """Index, one page per category, services.json, and no page per service file."""
    site = build_site(
        {"index.md": "# Home\n", "services/ndah.md": SERVICE},
        plugins=options(),
        nav=["index.md", {"Find support": "services/index.md"}],
    )
    index = (site / "services/index.html").read_text(encoding="utf-8")
    assert '<a href="domestic-abuse/">Domestic abuse</a>: Help with abuse. (1 service)' in index
    category = (site / "services/domestic-abuse/index.html").read_text(encoding="utf-8")
    assert "National Domestic Abuse Helpline" in category
    assert 'href="tel:+448082000247"' in category
    assert not (site / "services/ndah").exists()
    data = json.loads((site / "services.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["services"]] == ["ndah"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="services/domestic-abuse/"' in home  # the generated pages are in the nav


def test_empty_category_is_left_out_with_a_warning(build_site, caplog):
    """A category no service belongs to gets no page, no line in the directory, the A to Z
    or the navigation; the warning names it and both ways to fix it."""
    with caplog.at_level(logging.WARNING):
        site = build_site(
            {"index.md": "# Home\n", "services/ndah.md": SERVICE},
            plugins=options(),
            nav=["index.md", {"Find support": "services/index.md"}],
        )
    assert caplog.messages == [
        "safeguarding_site: Signposting category 'emergency' ('Emergency') has no services, so "
        "it is left out of the directory and the navigation. Add a service file with "
        "'categories: [emergency]', or remove the category from 'signposting.categories' in "
        "mkdocs.yml."
    ]
    assert not (site / "services/emergency").exists()
    assert "Danger now." not in (site / "services/index.html").read_text(encoding="utf-8")
    a_to_z = (site / "a-z/index.html").read_text(encoding="utf-8")
    assert 'href="../services/domestic-abuse/"' in a_to_z
    assert 'href="../services/emergency/"' not in a_to_z
    assert 'href="services/emergency/"' not in (site / "index.html").read_text(encoding="utf-8")


def test_cards_by_syntax_and_front_matter(build_site):
    """Cards appear where the syntax is, and after the content for front matter."""
    page = "---\nsignposting: [domestic-abuse]\n---\n# Help\n\n[services: ndah]\n\nEnd text.\n"
    site = build_site({"help.md": page, "services/ndah.md": SERVICE}, plugins=options())
    html = (site / "help/index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1]
    assert article.index("sg-card") < article.index("End text.")
    assert '<h2 class="sg-cards__heading">Where to get help</h2>' in article
    assert article.index("End text.") < article.index("Where to get help")


def test_emergency_banner_every_page(build_site):
    """The banner is on content pages and on the 404 page."""
    site = build_site({"index.md": "# Home\n"})
    for page in ("index.html", "404.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert '<a class="sg-emergency__call" href="tel:999">Call 999</a>' in html


def test_banner_phone_validated(build_site, caplog):
    """A banner number that is not a UK number is a configuration error."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {"index.md": "# Home\n"},
            plugins=[{"safeguarding": {"signposting": {"emergency_banner": {"phone": "99"}}}}],
        )
    assert caplog.messages[0].endswith(
        "Sub-option 'phone': '99' is not a valid UK phone number; check the digits (a UK number "
        "has 10 or 11 digits and starts with 0, or is a short code such as 999, 101, 111 or "
        "116 123)"
    )


def test_unknown_ref_in_page(build_site, caplog):
    """An unknown id in a page stops the build, naming the page and the id."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {"help.md": "# Help\n\n[services: ndha]\n", "services/ndah.md": SERVICE},
            plugins=options(),
        )
    assert (
        "Page 'help.md': signposting 'ndha' is neither a category nor a service. Did you mean "
        "'ndah'? Categories: domestic-abuse, emergency. Services: ndah." in caplog.messages
    )


def test_front_matter_refs_must_be_list(build_site, caplog):
    """'signposting' must be ids."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {"help.md": "---\nsignposting: {a: 1}\n---\n# Help\n", "services/ndah.md": SERVICE},
            plugins=options(),
        )
    assert any(
        m.startswith("Page 'help.md': front matter field 'signposting'") for m in caplog.messages
    )


def test_cards_without_services_folder(build_site, caplog):
    """Asking for cards with no services folder is explained."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"help.md": "# Help\n\n[services: emergency]\n"})
    assert any(
        "asks for service cards, but there is no services folder" in m for m in caplog.messages
    )


def test_stale_service_warns(build_site, caplog):
    """Details older than the limit are a warning naming the service (fatal with --strict)."""
    with caplog.at_level(logging.WARNING):
        build_site(
            {"index.md": "# Home\n", "services/ndah.md": SERVICE},
            plugins=options(today=dt.date(2027, 6, 1), categories=CATEGORIES[:1]),
        )
    assert caplog.messages == [
        "safeguarding_site: Service 'services/ndah.md': details last checked on 2026-05-01, "
        "more than 12 months ago. Check them with 'https://www.nationaldahelpline.org.uk' and "
        "update 'last_verified'."
    ]
    with pytest.raises(Abort):
        build_site(
            {"index.md": "# Home\n", "services/ndah.md": SERVICE},
            plugins=options(today=dt.date(2027, 6, 1), categories=CATEGORIES[:1]),
            strict=True,
        )


def test_reserved_service_name(build_site, caplog):
    """A service file named like a generated page is refused."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"services/emergency.md": SERVICE}, plugins=options())
    assert any("has a name the plugin uses for a generated" in m for m in caplog.messages)


def test_bad_service_stops_build(build_site, caplog):
    """A bad service file gives its message and stops the build."""
    bad = SERVICE.replace("0808 2000 247", "'0808 2000'")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n", "services/ndah.md": bad}, plugins=options())
    assert any(
        m.startswith("Service 'services/ndah.md': field 'phone[0].number': '0808 2000' is not")
        for m in caplog.messages
    )
