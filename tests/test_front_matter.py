"""Front matter fields the theme and the plugin read: types, allowed values, escaping."""

from __future__ import annotations

import pytest
from markupsafe import Markup, escape

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.front_matter import FrontMatterRules, check_page_meta

FILES = {".icons/material/phone.svg", "main.html", "page-wide.html"}
RULES = FrontMatterRules(
    statuses={"new": "Recently added", "deprecated": "No longer kept up to date"},
    theme_file_exists=FILES.__contains__,
)
PAYLOAD = 'new"><img src=x onerror=alert(1)>'


def check(meta: dict, rules: FrontMatterRules = RULES) -> dict:
    """Check ``meta`` for a page 'a.md' and return it as the theme will see it."""
    check_page_meta(meta, "a.md", rules)
    return meta


def message(meta: dict, rules: FrontMatterRules = RULES) -> str:
    """The error a page with ``meta`` stops the build with."""
    with pytest.raises(SafeguardingError) as error:
        check_page_meta(meta, "a.md", rules)
    return str(error.value)


def test_valid_fields_pass():
    """Every field the theme reads, written well, passes; unknown fields pass through."""
    meta = check(
        {
            "title": "Fire & safety",
            "status": "new",
            "icon": "material/phone",
            "template": "page-wide.html",
            "hide": ["toc", "navigation"],
            "tags": ["housing"],
            "search": {"boost": 2, "exclude": False},
            "owner": "Safeguarding team",
        }
    )
    assert meta["title"] == "Fire &amp; safety"
    assert meta["owner"] == "Safeguarding team"


@pytest.mark.parametrize("name", ["title", "description", "author", "subtitle"])
def test_printed_text_is_escaped_once(name):
    """Text the theme prints raw becomes escaped markup, which Jinja's `| e` leaves alone."""
    meta = check({name: "<b onclick=x()>Tom's</b>"})
    assert meta[name] == "&lt;b onclick=x()&gt;Tom&#x27;s&lt;/b&gt;"
    assert isinstance(meta[name], Markup)
    assert escape(meta[name]) == meta[name]
    assert check(meta)[name] == meta[name], "a second check (mkdocs serve) escapes nothing again"


@pytest.mark.parametrize("name", ["title", "description", "author", "subtitle"])
def test_printed_text_given_as_list_is_refused(name):
    """A list (which the theme would print as a Python list, unescaped) is an error."""
    assert message({name: [PAYLOAD]}) == (
        f"Page 'a.md': front matter field '{name}' must be text, received "
        f"['new\"><img src=x onerror=alert(1)>']. Write it as '{name}: Your text here' "
        "(put quotes around text that starts with '[' or '{')."
    )


def test_number_title_is_refused():
    """YAML reads `title: 2024` as a number: the editor is told to write text."""
    assert "field 'title' must be text, received 2024." in message({"title": 2024})


def test_status_must_be_one_of_the_sites():
    """A status outside extra.status (a payload, say) is refused, listing the allowed ones."""
    assert message({"status": PAYLOAD}) == (
        "Page 'a.md': front matter field 'status': received 'new\"><img src=x "
        "onerror=alert(1)>', expected one of 'new', 'deprecated' (the statuses under "
        "'extra.status' in mkdocs.yml)."
    )


def test_status_without_site_statuses():
    """With no extra.status at all, the message says where to define them."""
    assert message({"status": "new"}, FrontMatterRules()) == (
        "Page 'a.md': front matter field 'status': received 'new', but the site defines no "
        "statuses. Add it under 'extra.status' in mkdocs.yml (for example 'extra: {status: "
        "{new: Recently added}}') or remove the field."
    )


def test_unknown_icon_is_one_line():
    """A missing icon is named, instead of the theme's template traceback."""
    assert message({"icon": "material/nope"}) == (
        "Page 'a.md': front matter field 'icon': there is no icon 'material/nope'. Use a name "
        "from the theme's icon sets, such as 'material/phone', or an SVG of your own in "
        "'overrides/.icons/'."
    )


@pytest.mark.parametrize("icon", ["../../etc/passwd", "material", ["material/phone"], 3])
def test_icon_that_is_not_a_name(icon):
    """Paths out of the icon folder, lists and numbers are not icon names."""
    assert message({"icon": icon}).endswith("expected an icon name such as 'material/phone'.")


def test_template_must_exist():
    """A template that is not in the theme is named."""
    assert message({"template": "gone.html"}) == (
        "Page 'a.md': front matter field 'template': there is no template 'gone.html' in the "
        "theme or its custom_dir."
    )
    assert "expected the file name" in message({"template": "../main.html"})


def test_hide_values():
    """hide takes the theme's parts only."""
    assert check({"hide": "toc"})["hide"] == "toc"
    assert message({"hide": ["toc", "<script>"]}) == (
        "Page 'a.md': front matter field 'hide': received ['toc', '<script>'], expected a list "
        "of parts to hide from: navigation, toc, footer, path, tags, feedback. Write it as "
        "'hide: [toc]'."
    )


def test_tags_and_search():
    """tags are words (escaped); search takes a numeric boost and a true/false exclude."""
    assert check({"tags": "a<b"})["tags"] == ["a&lt;b"]
    assert "must be a list of words, received [1]" in message({"tags": [1]})
    assert "field 'search': received {'boost': 'high'}" in message({"search": {"boost": "high"}})
    assert "field 'search'" in message({"search": {"exclude": True, "other": 1}})
    assert "field 'search'" in message({"search": True})


def test_long_values_are_shortened():
    """A huge value is cut so the message stays readable."""
    text = message({"status": "x" * 500})
    assert "'xxxxxxxx" in text and "..." in text and len(text) < 300
