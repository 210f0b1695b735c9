"""A board's site published in a sub-folder (site_url with a path): search, player and exit."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from tests.browser.waiting import wait_until
from tests.conftest import ROOT, run_build
from tests.servers import start_site
from tests.test_plugin import STARTER_DAY


@pytest.fixture(scope="module")
def sub_folder_site(tmp_path_factory, destination):
    """The starter site built for https://example.org/sab/, served at /sab/ with its headers."""
    root = tmp_path_factory.mktemp("host")
    fixture = ROOT / "tests/fixtures/minimal-site"
    cfg = load_config(
        str(fixture / "mkdocs.yml"),
        site_dir=str(root / "sab"),
        site_url="https://example.org/sab/",
        strict=True,
    )
    options = cfg.plugins["safeguarding"].config
    options.signposting.today = STARTER_DAY
    options.quick_exit.destination = destination.url("/weather")
    run_build(cfg)
    server = start_site(root, headers_file=root / "sab/_headers")
    yield server
    server.stop()


def test_search_player_and_exit_from_a_sub_folder(page, sub_folder_site, destination):
    """Every feature finds its files under /sab/; the exit leaves; the 404 page is styled."""
    errors = []
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
    page.goto(sub_folder_site.url("/sab/"))
    page.fill("#sg-search-input", "samaritans")
    page.press("#sg-search-input", "Enter")
    wait_until(page, "/result/.test(document.querySelector('.sg-search__count').textContent)")
    page.locator(".sg-search__results a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(sub_folder_site.url("/sab/"))
    page.goto(sub_folder_site.url("/sab/"))
    page.click("summary.sg-player__title")
    page.evaluate(
        "() => { const a = document.querySelector('.sg-player__audio'); a.muted = true;"
        " return a.play(); }"
    )
    wait_until(page, "CSS.highlights.has('sg-reading')")
    page.click(".sg-exit__button")
    page.wait_for_url(destination.url("/weather"))
    page.goto(sub_folder_site.url("/sab/404.html"))
    background = page.eval_on_selector(
        ".sg-exit__button", "e => getComputedStyle(e).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.get_attribute(".sg-footer__link", "href").startswith("/sab/")
    assert errors == []
