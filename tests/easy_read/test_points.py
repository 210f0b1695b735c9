"""Tests for safeguarding_site.easy_read.points."""

from safeguarding_site.easy_read.points import Point, render_points, split_points

PAGE = """# Title

[picture: material/phone | A phone]
Call 999.
You can call any time.

[picture: pictures/door.png | An open door]
Leave the house.
[picture: material/fire]
No alt text here.
"""


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


def test_render_points_wraps_words_as_markdown():
    """Points become picture-and-words blocks whose words are still Markdown."""
    out = render_points(PAGE, lambda p: f"[{p.alt}]")
    assert out.startswith("# Title\n\n")
    assert (
        '<div class="sg-point" markdown="block">\n'
        '<div class="sg-point__picture" markdown="span">[A phone]</div>\n'
        '<div class="sg-point__words" markdown="block">\n\n'
        "Call 999.\nYou can call any time.\n\n</div>\n</div>\n"
    ) in out
    assert out.count('class="sg-point"') == 3
