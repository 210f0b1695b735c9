"""Which files are translations of which pages, and the plugin's words in each language."""

from __future__ import annotations

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.languages.model import SHIPPED, find_translations, group
from safeguarding_site.languages.strings import shipped, shipped_codes, words


def test_translations_pair_with_their_page():
    paths = [
        "index.md",
        "support/abuse.md",
        "support/abuse.pl.md",
        "support/abuse.ur.md",
        "support/abuse.easy.md",
        "support/abuse.pl.easy.md",
        "notes.v2.md",  # not a language code: an ordinary page
        "support/abuse.en.md",  # the site's own language: an ordinary page
    ]
    found = find_translations(paths, SHIPPED, "en")
    assert [(t.src, t.original, t.code) for t in found] == [
        ("support/abuse.pl.easy.md", "support/abuse.easy.md", "pl"),
        ("support/abuse.pl.md", "support/abuse.md", "pl"),
        ("support/abuse.ur.md", "support/abuse.md", "ur"),
    ]
    versions = group(found, "en", SHIPPED)
    assert versions.of("support/abuse.ur.md") == {
        "en": "support/abuse.md",
        "pl": "support/abuse.pl.md",
        "ur": "support/abuse.ur.md",
    }
    assert versions.of("support/abuse.easy.md") == {
        "en": "support/abuse.easy.md",
        "pl": "support/abuse.pl.easy.md",
    }
    assert versions.of("index.md") == {}
    assert versions.language("support/abuse.ur.md").direction == "rtl"
    assert versions.language("index.md").code == "en"


def test_a_translation_without_its_page_names_both():
    with pytest.raises(SafeguardingError) as caught:
        find_translations(["index.md", "help.pl.md", "a/b.ur.easy.md"], SHIPPED, "en")
    assert str(caught.value).splitlines() == [
        "Translation 'a/b.ur.easy.md' (اردو) has no page 'a/b.easy.md'. A translation is "
        "another language's version of a page: create the page in the site's own language, or "
        "rename the file after the page it translates.",
        "Translation 'help.pl.md' (Polski) has no page 'help.md'. A translation is another "
        "language's version of a page: create the page in the site's own language, or rename "
        "the file after the page it translates.",
    ]


def test_every_shipped_language_has_every_word():
    """A key missing from a shipped table fails here, naming the language and the key."""
    english = set(shipped("en"))
    assert shipped_codes() == ["cy", "en", "pa", "pl", "ro", "ur"]
    assert set(SHIPPED) == set(shipped_codes())
    for code in shipped_codes():
        table = shipped(code)
        assert set(table) == english, (code, sorted(english ^ set(table)))
        assert all(value.strip() for value in table.values()), code
        if code != "en":
            same = [k for k in table if table[k] == shipped("en")[k]]
            assert same == [], (code, same)  # translated, not copied


def test_options_replace_words_key_by_key():
    polish = words("pl", {"pl": {"exit": "Wyjdź"}})
    assert polish["exit"] == "Wyjdź"
    assert polish["loading"] == "Ładowanie."
    assert words("so", {})["exit"] == "Exit this page"  # no table: English
    with pytest.raises(SafeguardingError) as caught:
        words("pl", {"pl": {"exitt": "Wyjdź"}})
    assert str(caught.value).startswith(
        "Plugin 'safeguarding' option 'languages.strings.pl': unknown word 'exitt'. Known: "
    )
