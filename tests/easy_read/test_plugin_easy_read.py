"""Easy read through real MkDocs builds."""

from __future__ import annotations

import logging
import re

import pytest
from mkdocs.exceptions import Abort

STANDARD = "# Fire safety\n\n## Be safe\n\nKeep a smoke alarm.\n"
EASY = (
    "---\ndescription: Easy read.\n---\n\n# Fire safety: easy read\n\n"
    "[picture: material/fire | A fire]\nFire can hurt you.\n\n"
    "## What can you do?\n\n[picture: material/phone | A phone]\nCall **999**.\n"
)


def test_pair_gets_toggles_both_ways(build_site):
    """Both versions link to each other; the easy read lives at '<page>/easy-read/'."""
    site = build_site({"index.md": "# Home\n", "fire.md": STANDARD, "fire.easy.md": EASY})
    standard = (site / "fire/index.html").read_text(encoding="utf-8")
    easy = (site / "fire/easy-read/index.html").read_text(encoding="utf-8")
    assert '<a class="sg-toggle__link" href="easy-read/" rel="alternate">' in standard
    assert "Easy read version of this page</a>" in standard
    assert '<a class="sg-toggle__link" href="../" rel="alternate">Standard version' in easy
    assert '<div class="sg-easy-read">' in easy and '<div class="sg-easy-read">' not in standard
    assert 'aria-label="A phone" class="sg-point__icon" role="img"><svg aria-hidden="true"' in easy
    assert not (site / "fire.easy").exists()


def test_title_and_heading_say_easy_read(build_site):
    """An easy read whose heading does not say so gets ': easy read' in its heading and
    <title>, so tabs, history and search tell the two versions apart; one that says so is
    left alone."""
    plain = EASY.replace("# Fire safety: easy read", "# Fire safety")
    with_meta = (
        "---\ntitle: Money\n---\n\n# Money\n\n[picture: material/cash | Money]\nKeep it safe.\n"
    )
    site = build_site(
        {
            "index.md": "# Home\n",
            "fire.md": STANDARD,
            "fire.easy.md": plain,
            "money.md": "# Money\n",
            "money.easy.md": with_meta,
        },
        markdown_extensions=[{"toc": {"permalink": True}}],
    )
    easy = (site / "fire/easy-read/index.html").read_text(encoding="utf-8")
    assert "<title>Fire safety: easy read - Test site</title>" in easy
    assert '<h1 id="fire-safety">Fire safety: easy read<a class="headerlink"' in easy
    money = (site / "money/easy-read/index.html").read_text(encoding="utf-8")
    assert "<title>Money: easy read - Test site</title>" in money
    standard = (site / "fire/index.html").read_text(encoding="utf-8")
    assert "<title>Fire safety - Test site</title>" in standard


def test_icons_land_in_their_points(build_site):
    """Each icon, read once however often it is used, sits in its own point."""
    easy = EASY + "\n[picture: material/fire | A fire again]\nGet out and stay out.\n"
    site = build_site({"index.md": "# Home\n", "fire.md": STANDARD, "fire.easy.md": easy})
    page = (site / "fire/easy-read/index.html").read_text(encoding="utf-8")
    icon = r'<div class="sg-point__picture"><span aria-label="([^"]+)"[^>]*><svg'
    labels = re.findall(icon, page)
    assert labels == ["A fire", "A phone", "A fire again"]
    assert "[picture:" not in page
    words = re.findall(r'<div class="sg-point__words">\s*<p[^>]*>([^<]+)', page)
    assert words == ["Fire can hurt you.", "Call ", "Get out and stay out."]


def test_no_toggle_without_pair(build_site):
    """A page without an easy read shows no toggle."""
    site = build_site({"index.md": "# Home\n", "fire.md": STANDARD, "fire.easy.md": EASY})
    assert "sg-toggle" not in (site / "index.html").read_text(encoding="utf-8")


def test_easy_read_index_lists_pages(build_site):
    """The generated index links every easy-read page by its title."""
    site = build_site(
        {"index.md": "# Home\n", "fire.md": STANDARD, "fire.easy.md": EASY},
        nav=["index.md", "fire.md"],
    )
    index = (site / "easy-read/pages/index.html").read_text(encoding="utf-8")
    assert '<a href="../../fire/easy-read/">Fire safety: easy read</a>' in index
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="easy-read/pages/"' in home  # listed at the end of the navigation


def test_home_page_pair(build_site):
    """The home page's easy read is at /easy-read/."""
    site = build_site(
        {"index.md": "# Home\n", "index.easy.md": EASY.replace("Fire safety", "Home")}
    )
    assert 'href="easy-read/"' in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "easy-read/index.html").is_file()


def test_orphan_easy_read_stops_build(build_site, caplog):
    """An easy read without its page stops the build naming both files."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n", "fires.easy.md": EASY})
    assert any(
        m.startswith("Easy-read page 'fires.easy.md' has no standard page 'fires.md'.")
        for m in caplog.messages
    )


def test_checks_warn_with_file_and_line(build_site, caplog):
    """Checker findings are warnings naming the file and line (errors under --strict)."""
    bad = EASY + "\nThis point has no picture.\n"
    with caplog.at_level(logging.WARNING):
        build_site({"index.md": "# Home\n", "fire.md": STANDARD, "fire.easy.md": bad})
    assert caplog.messages == [
        "safeguarding_site: Easy read 'fire.easy.md', line 15: this point has no picture; start "
        "it with a line such as '[picture: material/phone | A phone]'"
    ]
    with pytest.raises(Abort):
        build_site({"index.md": "# Home\n", "fire.md": STANDARD, "fire.easy.md": bad}, strict=True)


def test_unknown_icon_stops_build(build_site, caplog):
    """A picture naming a missing icon is an error with file and line."""
    bad = EASY.replace("material/phone", "material/phonee")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n", "fire.md": STANDARD, "fire.easy.md": bad})
    assert any(
        m.startswith("Easy read 'fire.easy.md', line 12: there is no icon 'material/phonee'.")
        for m in caplog.messages
    )


def test_image_pictures(build_site):
    """A picture may be an image file in docs, with its alt text."""
    page = EASY.replace("material/fire | A fire", "pictures/fire.svg | A fire")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1"/></svg>'
    site = build_site(
        {
            "index.md": "# Home\n",
            "fire.md": STANDARD,
            "fire.easy.md": page,
            "pictures/fire.svg": svg,
        }
    )
    easy = (site / "fire/easy-read/index.html").read_text(encoding="utf-8")
    assert '<img alt="A fire" src="../../pictures/fire.svg"' in easy


def test_icon_error_line_with_service_cards_above(build_site, caplog):
    """A '[services: …]' line above a bad picture does not shift the line reported."""
    service = (
        "---\nname: Helpline\ncategories: [domestic-abuse]\nphone: 0808 2000 247\n"
        "last_verified: 2026-01-01\nsource: https://example.org\n---\n\nA helpline.\n"
    )
    bad = EASY.replace("## What can you do?", "[services: domestic-abuse]\n\n## What can you do?")
    bad = bad.replace("material/phone", "material/phonee")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {
                "index.md": "# Home\n",
                "fire.md": STANDARD,
                "fire.easy.md": bad,
                "services/a.md": service,
            }
        )
    assert any(
        m.startswith("Easy read 'fire.easy.md', line 14: there is no icon 'material/phonee'.")
        for m in caplog.messages
    )
