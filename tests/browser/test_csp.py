"""Every component under the site's own Content Security Policy, served as HTTP headers."""

from __future__ import annotations

import pytest

from tests.browser.waiting import wait_until

RECORD = """
window.sgViolations = [];
document.addEventListener('securitypolicyviolation', e => window.sgViolations.push(
  [e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' ')));
"""


@pytest.fixture(params=[1280, 320])
def guarded(request, browser, site_with_headers):
    """A tab that records every policy violation and every console complaint about one."""
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    context.add_init_script(RECORD)
    page = context.new_page()
    complaints: list[str] = []
    page.on(
        "console",
        lambda m: complaints.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.complaints = complaints
    page.width = request.param
    yield page
    context.close()


def violations(page) -> list[str]:
    """What the policy blocked on this page so far, and what the console said about it."""
    return page.evaluate("window.sgViolations") + page.complaints


def test_headers_are_sent(page, site_with_headers):
    """Pages come with the policy (framing refused), no referrer and no caching."""
    response = page.goto(site_with_headers.url("/"))
    headers = response.headers
    assert headers["content-security-policy"].endswith("frame-ancestors 'none'")
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"
    assert headers["cache-control"] == "no-store"
    css = page.request.get(site_with_headers.url("/assets/safeguarding/safeguarding.css"))
    assert css.headers["cache-control"] == "public, max-age=604800"


def test_every_page_loads_without_violations(guarded, site_with_headers, example_pages):
    """No page of the example site breaks its own policy."""
    found = []
    for path in example_pages:
        guarded.goto(site_with_headers.url(path))
        guarded.wait_for_load_state("networkidle")
        found += [f"{path}: {v}" for v in violations(guarded)]
    assert found == []


def test_journey_through_every_component(guarded, site_with_headers, destination):
    """Search, results, player, read-along, speeds, sections, menu, easy read, A to Z and the
    exit on every path: the policy blocks nothing."""
    page = guarded
    page.goto(site_with_headers.url("/"))
    if page.width == 320:
        page.click(".md-header .sg-menu-button")
        page.keyboard.press("Escape")
    page.fill("#sg-search-input", "hit by my son")
    page.press("#sg-search-input", "Enter")
    wait_until(page, "/result/.test(document.querySelector('.sg-search__count').textContent)")
    assert page.locator(".sg-search__call").count() > 0
    assert violations(page) == []

    page.goto(site_with_headers.url("/support/fire-safety/"))
    page.evaluate("document.querySelector('.sg-player__audio').muted = true")
    page.click("summary.sg-player__title")
    page.click("text=Next sentence")
    page.click("[aria-label='Speed 1.25 times']")
    page.evaluate("document.querySelector('.sg-player__audio').play()")
    wait_until(page, "CSS.highlights.has('sg-reading')")
    page.click(".sg-toggle a")
    page.wait_for_url("**/easy-read/")
    assert violations(page) == []

    page.goto(site_with_headers.url("/making-safeguarding-personal/resources/"))
    page.locator("details:not(.sg-player) summary").first.click()
    page.click(".sg-search__az")
    page.wait_for_url("**/a-z/")
    assert violations(page) == []

    page.click(".sg-exit__button")
    page.wait_for_url(destination.url("/weather"))
    page.goto(site_with_headers.url("/404.html"))  # what a host serves for a missing page
    assert violations(page) == []
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(destination.url("/weather"))
    page.goto(site_with_headers.url("/guidance/"))
    page.focus(".sg-exit-skip")
    page.keyboard.press("Enter")
    page.wait_for_url(destination.url("/weather"))
