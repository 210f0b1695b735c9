"""Tests for safeguarding_site.signposting.render."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest

from safeguarding_site.signposting.render import cards_html, fill_slots, json_ld, mark_slots
from tests.signposting.test_directory import GOOD, load, source

THEME = Path(__file__).resolve().parents[2] / "plugins/safeguarding_site/theme"
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(THEME)))


def render(partial: str, **context: object) -> str:
    """The plugin's partials, as the theme environment renders them."""
    return ENV.get_template(f"safeguarding/partials/{partial}").render(**context)


def test_card_shows_call_link_and_badges():
    """A card has a tel: link with the number as written, hours, badges and the check date."""
    html = cards_html(list(load(source()).services.values()), render)
    assert '<a class="sg-card__action sg-card__action--call" href="tel:+448082000247">' in html
    assert '<span class="sg-card__number">0808 2000 247</span>' in html
    assert '<span class="sg-card__hours">24 hours</span>' in html
    assert '<li class="sg-card__badge">Free to call</li>' in html
    assert "Details checked: May 2026" in html


def test_script_in_fields_is_text():
    """A name with markup renders as text; JSON-LD cannot close its script element."""
    text = GOOD.replace("name: National Domestic Abuse Helpline", 'name: "<script>x()</script>"')
    text = text.replace("24 hours", '"</script><b>"')
    services = list(load(source(text=text)).services.values())
    html = cards_html(services, render)
    assert "<script>x()" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert html.count("</script>") == 1  # only the JSON-LD element's own end tag
    data = json.loads(json_ld(services[0]))
    assert data["name"] == "<script>x()</script>"


def test_slots_round_trip():
    """[services: …] lines become placeholders, then cards."""
    directory = load(source())
    markdown = "# Help\n\n[services: domestic-abuse]\n\nMore text.\n"
    marked, slots = mark_slots(markdown, directory, "help.md")
    assert "[services:" not in marked
    assert "<!-- sg-services 0 -->" in marked
    html = fill_slots("<h1>Help</h1>\n<!-- sg-services 0 -->\n<p>More text.</p>", slots, render)
    assert "National Domestic Abuse Helpline" in html


@pytest.mark.parametrize(
    "line", ["[services: ndah, domestic-abuse]", "  [Services:ndah]", "[services: ndah]  "]
)
def test_syntax_variants(line):
    """Spacing and case are forgiving."""
    _, slots = mark_slots(f"Intro\n\n{line}\n", load(source()), "a.md")
    assert [s.id for s in slots[0]] == ["ndah"]


def test_inline_mention_is_not_syntax():
    """Only a line of its own is the syntax; prose mentioning it is left alone."""
    marked, slots = mark_slots("Write [services: x] on its own line.\n", load(source()), "a.md")
    assert slots == [] and "[services: x]" in marked


def test_card_read_aloud_sensibly():
    """A card's call line is spoken digit by digit, with a pause before the hours."""
    from safeguarding_site.audio.text import extract

    html = cards_html(list(load(source()).services.values()), render)
    spoken = [s.spoken for block in extract(html) for s in block.sentences]
    assert "Call 0 8 0 8, 2 0 0 0, 2 4 7, 24 hours" in spoken
    assert "National Domestic Abuse Helpline" in spoken
    assert not any("{" in s for s in spoken)  # the JSON-LD is never read
