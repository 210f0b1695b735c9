"""The board's footer: the same links on every page, built for real."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort

FILES = {
    "index.md": "# Home\n",
    "accessibility.md": "# Accessibility statement\n",
    "help/safe.md": "# Staying safe online\n",
    "a/b/deep.md": "# Deep\n",
}
OPTIONS = {
    "quick_exit": {"help_page": "help/safe.md"},
    "footer": {
        "links": [{"title": "Accessibility statement", "page": "accessibility.md"}],
        "contact": "Email sab@anytown.example <or> write to us",
    },
}


def footer_of(html: str) -> str:
    """The footer markup of a built page."""
    return html.split('<div class="sg-footer">', 1)[1].split("</div>", 1)[0]


def test_same_links_on_every_page_with_the_help_page_last(build_site):
    """Each page, at any depth and the 404 page, links to the same pages; contact is text."""
    site = build_site(FILES, plugins=[{"safeguarding": OPTIONS}], site_url="https://x.org/sab/")
    expected = {
        "index.html": ("./accessibility/", "./help/safe/"),
        "a/b/deep/index.html": ("../../../accessibility/", "../../../help/safe/"),
        "404.html": ("/sab/accessibility/", "/sab/help/safe/"),
    }
    for path, (statement, safe) in expected.items():
        footer = footer_of((site / path).read_text(encoding="utf-8"))
        assert '<nav class="sg-footer__nav" aria-label="Site information">' in footer, path
        assert f'href="{statement}">Accessibility statement</a>' in footer, path
        assert f'href="{safe}">Staying safe online</a>' in footer, path
        assert footer.index("Accessibility statement") < footer.index("Staying safe online")
        assert "Email sab@anytown.example &lt;or&gt; write to us" in footer
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in home
    assert home.index('class="sg-footer"') < home.index('class="md-copyright"')


def test_footer_can_be_turned_off(build_site):
    """footer.enabled false: no footer."""
    site = build_site(FILES, plugins=[{"safeguarding": {"footer": {"enabled": False}}}])
    assert "sg-footer" not in (site / "index.html").read_text(encoding="utf-8")


def test_missing_footer_page_is_named(build_site, caplog):
    """A footer link to a page that does not exist stops the build, naming the option."""
    options = {"footer": {"links": [{"title": "Privacy", "page": "privacy.md"}]}}
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(FILES, plugins=[{"safeguarding": options}])
    assert any(
        "Plugin 'safeguarding' option 'footer.links[0].page': received 'privacy.md', but there "
        "is no such page in" in message
        for message in caplog.messages
    )
