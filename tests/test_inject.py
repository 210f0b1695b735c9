"""Tests for safeguarding_site.inject."""

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.inject import Snippets, inject

PAGE = (
    "<html><head><title>T</title></head><body class='x'>"
    '<input type="checkbox"><div data-md-component="skip"><a href="#a">Skip</a></div>'
    "<main><pre>&lt;/body&gt; </body> in text</pre></main></body></html>"
)
SNIPPETS = Snippets(
    head_start="[F]", head_end="[H]", body_start="[B]", after_skip_link="[S]", body_end="[E]"
)


def test_every_snippet_at_its_point():
    """Each snippet lands exactly where it belongs."""
    out = inject(PAGE, SNIPPETS, "p.md")
    assert "<head>[F]<title>" in out
    assert "[H]</head>" in out
    assert "<body class='x'>[B]<input" in out
    assert "Skip</a></div>[S]<main>" in out
    assert out.endswith("[E]</body></html>")


def test_without_skip_block_exit_link_follows_bar():
    """Themes without Material's skip block get the second link right after the bar."""
    out = inject("<html><head></head><body><p>x</p></body></html>", SNIPPETS, "p.md")
    assert "<body>[B][S]<p>x</p>[E]</body>" in out


def test_head_start_follows_the_character_set():
    """What goes first in <head> comes after <meta charset>, which must stay first; the
    page's own ``first`` markup comes before the snippets."""
    page = '<html><head>\n  <meta charset="utf-8">\n  <title>T</title></head><body></body></html>'
    out = inject(page, SNIPPETS, "p.md", first="[P]")
    assert '<head>\n  <meta charset="utf-8">[P][F]\n  <title>' in out


def test_empty_snippets_change_nothing():
    """No snippets, no change."""
    assert inject(PAGE, Snippets(), "p.md") == PAGE


def test_page_without_body_is_an_error():
    """A fragment is refused with a message naming it."""
    with pytest.raises(SafeguardingError, match=r"Page 'frag\.html' was rendered without"):
        inject("<p>fragment</p>", SNIPPETS, "frag.html")
