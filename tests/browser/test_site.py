"""Every page of the built example site, in real Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.axe import axe_violations
from tests.browser.waiting import wait_until

WIDTHS = [1280, 320]

ON_TOP = """sel => {
  const el = document.querySelector(sel);
  const box = el.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return el === hit || el.contains(hit);
}"""


def on_top(page, selector: str) -> bool:
    """True when the middle of the element is what a pointer there would hit."""
    return page.evaluate(ON_TOP, selector)


def open_page(context, url: str):
    """Open ``url`` and record every request the page makes."""
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, response, requests


def language_of(path: str) -> str:
    """The example site's translations live under their language's folder."""
    first = path.strip("/").split("/")[0]
    return first if first in ("pl", "ur") else "en"


def test_every_page_basics(context, example_site, example_pages):
    """200, one h1, a language, a title, and requests to the site only."""
    origin = example_site.origin
    problems = []
    for path in example_pages:
        page, response, requests = open_page(context, example_site.url(path))
        if response.status != 200:
            problems.append(f"{path}: status {response.status}")
        if page.locator("h1").count() != 1:
            problems.append(f"{path}: {page.locator('h1').count()} <h1> elements")
        if page.get_attribute("html", "lang") != language_of(path):
            problems.append(f"{path}: lang is {page.get_attribute('html', 'lang')!r}")
        if not page.title().strip():
            problems.append(f"{path}: empty <title>")
        foreign = [u for u in requests if not u.startswith(origin) and not u.startswith("data:")]
        if foreign:
            problems.append(f"{path}: requests to other hosts {foreign}")
        page.close()
    assert problems == []


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_passes_axe(browser, example_site, example_pages, width, best_practice):
    """axe-core finds no WCAG 2.2 A/AA violation on any page at this width.

    axe's best-practice rules are run too and reported at the end of the run, not enforced.
    """
    context = browser.new_context(viewport={"width": width, "height": 800})
    found = []
    for path in example_pages:
        page, _, _ = open_page(context, example_site.url(path))
        found += [f"{path}: {line}" for line in axe_violations(page)]
        best_practice += [
            f"{width}px {path}: {line}" for line in axe_violations(page, ["best-practice"])
        ]
        page.close()
    context.close()
    assert found == []


# Best-practice findings that are known and accepted, by rule and element. The theme's sub-menus
# are named by a label holding only an icon; the two skip links come after the quick exit, the
# first link on every page, so axe no longer counts them as skip links.
ACCEPTED_BEST_PRACTICE = (
    'landmark-unique: nav[aria-labelledby="__nav_',
    'region: div[data-md-component="skip"]:',
    "region: .sg-exit-skip:",
)


@pytest.mark.parametrize("width", WIDTHS)
def test_best_practice_findings_are_only_the_accepted_ones(browser, example_site, width):
    """The plugin's own parts sit in landmarks and use native elements (axe best practice)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    found = []
    for path in ["/", "/support/fire-safety/easy-read/", "/services/", "/a-z/"]:
        page, _, _ = open_page(context, example_site.url(path))
        lines = axe_violations(page, ["best-practice"])
        found += [f"{path}: {x}" for x in lines if not x.startswith(ACCEPTED_BEST_PRACTICE)]
        page.close()
    context.close()
    assert found == []


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_scroll(browser, example_site, example_pages, width):
    """Nothing makes the page wider than the window."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    wide = []
    for path in example_pages:
        page, _, _ = open_page(context, example_site.url(path))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wide.append(f"{path}: {scroll_width}px")
        page.close()
    context.close()
    assert wide == []


def test_skip_link_moves_focus_past_the_header(page, example_site, example_pages):
    """On every content page the third Tab stop is the skip link, and it leads to the heading."""
    for path in example_pages:
        if path.endswith("404.html"):
            continue  # Material's 404 page has no table of contents, so no skip link.
        page.goto(example_site.url(path))
        # Tab order: exit button, help link, skip link.
        for _ in range(3):
            page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert "md-skip" in focused.split(), path
        page.wait_for_timeout(400)  # Material fades the skip link in
        assert on_top(page, ".md-skip"), f"{path}: the focused skip link is covered"
        target = urlsplit(page.evaluate("document.activeElement.href")).fragment
        page.keyboard.press("Enter")
        wait_until(page, "t => location.hash === '#' + t", arg=target)
        heading = page.locator(f"[id='{target}']")
        top = heading.evaluate("el => el.getBoundingClientRect().top")
        covered = page.evaluate(
            "() => document.querySelector('.md-header').getBoundingClientRect().bottom"
        )
        assert top >= covered, f"{path}: target at {top}px is under the sticky bars ({covered}px)"


FIRST_TEXT = """() => {
  const h1 = document.querySelector('.md-content h1');
  const text = [...document.querySelectorAll('.md-content h1 ~ p, .md-content h1 ~ .sg-point')]
    .find(e => !e.closest('.sg-toggle, .sg-player') && !e.matches('.sg-toggle'));
  return [h1.getBoundingClientRect().bottom, text.getBoundingClientRect().top];
}"""


@pytest.mark.parametrize("javascript", [True, False])
def test_first_screen_of_a_phone_shows_the_page(browser, example_site, javascript):
    """At 320 by 640 the exit and the 999 line stay on top, and the heading and the start of
    the page's text are on the first screen, with JavaScript and without."""
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=javascript
    )
    page = context.new_page()
    for path in ["/", "/support/domestic-and-sexual-abuse/", "/support/fire-safety/easy-read/"]:
        page.goto(example_site.url(path))
        heading_bottom, text_top = page.evaluate(FIRST_TEXT)
        assert heading_bottom < 640 and text_top < 640 - 40, (path, heading_bottom, text_top)
        assert page.locator(".sg-exit__button").bounding_box()["y"] < 20
        assert page.locator(".sg-emergency__call").bounding_box()["y"] < 120
    context.close()
