"""Tests for safeguarding_site.signposting.nav."""

from safeguarding_site.signposting.nav import add_directory_to_nav, remove_from_nav

CATS = ["services/a.md", "services/b.md"]


def test_named_index_becomes_section():
    """A nav entry for the index becomes a section of index and categories."""
    nav = ["index.md", {"Find support": "services/index.md"}, {"About": ["about.md"]}]
    assert add_directory_to_nav(nav, "services/index.md", CATS, "Help") == [
        "index.md",
        {"Find support": ["services/index.md", *CATS]},
        {"About": ["about.md"]},
    ]


def test_nested_and_bare_entries():
    """The index may be nested, or named without a title."""
    nav = [{"Support": ["x.md", "services/index.md"]}]
    assert add_directory_to_nav(nav, "services/index.md", CATS, "Help") == [
        {"Support": ["x.md", {"Help": ["services/index.md", *CATS]}]}
    ]


def test_missing_index_appended():
    """A nav without the index gets the section at the end."""
    assert add_directory_to_nav(["index.md"], "services/index.md", CATS, "Help") == [
        "index.md",
        {"Help": ["services/index.md", *CATS]},
    ]


def test_no_nav_stays_automatic():
    """With no nav MkDocs lists the generated files itself."""
    assert add_directory_to_nav(None, "services/index.md", CATS, "Help") is None


def test_remove_from_nav_at_any_depth():
    """Entries for the given pages go, titled or not, nested or not; the rest stays."""
    nav = [
        "index.md",
        {"Find support": ["services/index.md", "services/a.md", {"B": "services/b.md"}]},
        {"About": "about.md"},
    ]
    assert remove_from_nav(nav, {"services/a.md", "services/b.md"}) == [
        "index.md",
        {"Find support": ["services/index.md"]},
        {"About": "about.md"},
    ]
    assert remove_from_nav(None, {"x.md"}) is None
