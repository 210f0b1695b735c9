"""Tests for safeguarding_site.sources."""

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.sources import check_front_matter, decode_source


def test_decode_utf8_and_bom():
    """UTF-8 pages, with or without a byte order mark, read as text."""
    assert decode_source("Café".encode(), "a.md") == "Café"
    assert decode_source("\ufeffHi".encode(), "a.md") == "Hi"


def test_decode_names_file_byte_and_line():
    """A Latin-1 page gets a message naming the file, the byte and its line."""
    with pytest.raises(SafeguardingError) as error:
        decode_source(b"# Title\n\nCaf\xe9\n", "help/fire.md")
    assert str(error.value) == (
        "Page 'help/fire.md' is not UTF-8 text: byte 0xe9 on line 3 cannot be read. Open the "
        "file in your editor and save it with the encoding 'UTF-8'."
    )


def test_front_matter_parsed():
    """Valid front matter comes back as a dict."""
    text = "---\ntitle: Fire safety\ndescription: Stay safe.\n---\n# Fire\n"
    assert check_front_matter(text, "a.md") == {"title": "Fire safety", "description": "Stay safe."}


def test_no_front_matter():
    """A page without front matter has none."""
    assert check_front_matter("# Title\n\n---\n\nText", "a.md") == {}


def test_empty_front_matter():
    """An empty block is allowed."""
    assert check_front_matter("---\n---\n# Title\n", "a.md") == {}


def test_broken_yaml_names_file_and_line():
    """Broken YAML names the page and the line of the problem."""
    text = "---\ntitle: Fire safety\ndescription: [unclosed\n---\n# Fire\n"
    with pytest.raises(SafeguardingError) as error:
        check_front_matter(text, "support/fire-safety.md")
    message = str(error.value)
    assert message.startswith("Page 'support/fire-safety.md' has broken front matter on line ")
    assert "name: value" in message


def test_unclosed_front_matter():
    """Front matter that never closes is explained."""
    with pytest.raises(SafeguardingError, match="never closes"):
        check_front_matter("---\ntitle: x\n# Heading\n", "a.md")


def test_front_matter_must_be_mapping():
    """A list instead of fields is rejected."""
    with pytest.raises(SafeguardingError, match=r"not a list of 'name: value' fields \(found"):
        check_front_matter("---\n- a\n- b\n---\n", "a.md")
