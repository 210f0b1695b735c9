"""Tests for safeguarding_site.easy_read.pairing."""

import pytest

from safeguarding_site.easy_read.pairing import Pair, easy_dest, pair_pages
from safeguarding_site.errors import SafeguardingError


def test_pairs_found():
    """Each '.easy.md' pairs with the page of the same name."""
    pages = ["index.md", "index.easy.md", "help/fire.md", "help/fire.easy.md", "other.md"]
    assert pair_pages(pages) == [
        Pair("help/fire.md", "help/fire.easy.md"),
        Pair("index.md", "index.easy.md"),
    ]


def test_orphan_names_both_paths():
    """An easy read without its page is an error naming both files."""
    with pytest.raises(SafeguardingError) as error:
        pair_pages(["help/fire.easy.md", "help/fires.md"])
    assert str(error.value) == (
        "Easy-read page 'help/fire.easy.md' has no standard page 'help/fire.md'. Every easy-read "
        "page is a version of a standard page: create the standard page, or rename the "
        "easy-read file after the page it simplifies."
    )


@pytest.mark.parametrize(
    ("standard", "directory_urls", "easy"),
    [
        ("help/fire/index.html", True, "help/fire/easy-read/index.html"),
        ("index.html", True, "easy-read/index.html"),
        ("help/index.html", True, "help/easy-read/index.html"),
        ("help/fire.html", False, "help/fire.easy-read.html"),
    ],
)
def test_easy_address(standard, directory_urls, easy):
    """The easy read lives at the standard address plus 'easy-read/'."""
    assert easy_dest(standard, directory_urls) == easy
