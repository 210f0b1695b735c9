"""Tests for safeguarding_site.easy_read.points."""

import markdown

from safeguarding_site.easy_read.points import Point, PointsExtension, split_points

PAGE = """# Title

[picture: material/phone | A phone]
Call 999.
You can call any time.

[picture: pictures/door.png | An open door]
Leave the house.
[picture: material/fire]
No alt text here.
"""
SVG = '<svg aria-hidden="true"><path d="M0 0"/></svg>'


def convert(text: str, icons: dict[str, str] | None) -> str:
    points = PointsExtension()
    points.icons = icons
    return markdown.Markdown(extensions=["fenced_code", points]).convert(text)


def test_points_split_with_lines():
    """Each picture line starts a point that runs to a blank line or the next picture."""
    assert split_points(PAGE, first_line=5) == [
        Point(7, "material/phone", "A phone", "Call 999.\nYou can call any time."),
        Point(11, "pictures/door.png", "An open door", "Leave the house."),
        Point(13, "material/fire", "", "No alt text here."),
    ]


def test_icons_and_files():
    """Names without an image suffix are icons."""
    assert Point(1, "material/phone", "x", "").is_icon
    assert not Point(1, "pictures/door.PNG", "x", "").is_icon


def test_points_become_picture_rows():
    """Each point is a row: the picture, then its words as Markdown, one paragraph a line."""
    html = convert(PAGE, {"material/phone": SVG, "material/fire": SVG})
    assert html.count('<div class="sg-point">') == 3
    assert (
        '<div class="sg-point">\n<div class="sg-point__picture">'
        f'<span aria-label="A phone" class="sg-point__icon" role="img">{SVG}</span></div>\n'
        '<div class="sg-point__words">\n<p>Call 999.</p>\n<p>You can call any time.</p>\n'
        "</div>\n</div>"
    ) in html
    assert '<img alt="An open door" src="pictures/door.png" />' in html
    # No blank line between two points: the second picture line still starts a row.
    assert "<p>Leave the house.</p>" in html and "<p>No alt text here.</p>" in html
    assert "[picture:" not in html


def test_lists_in_a_point_stay_lists():
    """Lines of a list, and a list item's own following line, are not split apart."""
    text = "[picture: material/phone | A phone]\n- 999\n- 101\n  or 111\n"
    html = convert(text, {"material/phone": SVG})
    assert "<li>999</li>\n<li>101\n  or 111</li>" in html
    assert "<p>" not in html


def test_words_are_markdown():
    """Words keep their Markdown: emphasis, links and lists."""
    text = "[picture: material/phone | A phone]\nCall **999**.\n\n- one\n- two\n"
    html = convert(text, {"material/phone": SVG})
    assert "<p>Call <strong>999</strong>.</p>" in html
    assert "<ul>\n<li>one</li>" in html  # after the blank line: no longer part of the point


def test_lines_above_a_picture_stay_a_paragraph():
    """Text directly above a picture line ends before the row starts."""
    text = "Before.\n[picture: material/phone | A phone]\nAfter.\n"
    html = convert(text, {"material/phone": SVG})
    assert html.startswith('<p>Before.</p>\n<div class="sg-point">')
    assert "<p>After.</p>" in html


def test_other_pages_keep_the_line():
    """On a page that is not an easy read the syntax means nothing: the line stays text."""
    html = convert("[picture: material/phone | A phone]\nCall.\n", None)
    assert "sg-point" not in html and "[picture: material/phone | A phone]" in html


def test_code_keeps_picture_lines():
    """A picture line shown as code, fenced or indented, is not a picture."""
    text = "```\n[picture: material/phone | A phone]\n```\n\n    [picture: material/fire | F]\n"
    html = convert(text, {"material/phone": SVG, "material/fire": SVG})
    assert "sg-point" not in html
    assert html.count("[picture: material/") == 2
