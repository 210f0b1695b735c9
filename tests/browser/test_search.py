"""Search in real Chromium: everyday words, services first, nothing left behind."""

from __future__ import annotations

import re

import pytest

from tests.browser.axe import axe_violations
from tests.browser.waiting import wait_until

COUNT = ".sg-search__count"


def search(page, query: str) -> dict:
    """Type a query, press Enter, and return what the results show."""
    page.fill("#sg-search-input", query)
    page.press("#sg-search-input", "Enter")
    wait_until(page, "/result/.test(document.querySelector('.sg-search__count').textContent)")
    return {
        "count": page.text_content(COUNT),
        "services": page.locator(".sg-search__service-name").all_inner_texts(),
        "pages": page.locator(".sg-search__result-title").all_inner_texts(),
        "hrefs": page.locator(".sg-search__results a").evaluate_all("l => l.map(a => a.href)"),
    }


@pytest.mark.parametrize(
    ("query", "service", "pages"),
    [
        ("DV", "National Domestic Abuse Helpline", {"Domestic abuse helplines"}),
        ("hit by my son", "National Domestic Abuse Helpline", {"Domestic abuse helplines"}),
        ("fire alarm", "London Fire Brigade home fire safety visit", {"If there is a fire"}),
        ("court", "Victim Support", {"Courts and tribunals"}),
        ("safegaurding", None, {"Making Safeguarding Personal"}),
        ("smoke alarm", "London Fire Brigade home fire safety visit", {"Fire safety at home"}),
        # More everyday queries, kept when the index was split into shards (the results are
        # lunr's own: tests/browser/test_search_shards.py compares the scores).
        ("clear my history", None, {"Remove single pages from your history"}),
        ("leave quickly", None, {"Leave this website quickly"}),
        ("exit button", None, {'Leaving this website with "Exit this page"'}),
        ("private browsing", None, {"Use private browsing"}),
        ("witness in court", "Victim Support", {"Courts and tribunals"}),
        ("can't speak on 999", "Silent Solution (999 then 55)", set()),
        ("my partner hits me", "National Domestic Abuse Helpline", {"Domestic abuse helplines"}),
        ("abused by my wife", "National Domestic Abuse Helpline", {"Domestic abuse helplines"}),
        ("smoke detector", "London Fire Brigade home fire safety visit", {"Fire safety at home"}),
        ("mental capacity", None, {"Mental capacity and best interests"}),
        ("lgbt", "Galop LGBT+ Domestic Abuse Helpline", set()),
        (
            "worried about my own behaviour",
            "Respect Phoneline",
            {"If you are worried about your own behaviour"},
        ),
        ("suicidal", "Samaritans", set()),
        ("feedback", None, {"The feedback questionnaire"}),
        ("listen to a page", None, {"Listen to a page"}),
    ],
)
def test_queries_find_the_right_things(page, example_site, query, service, pages):
    """Everyday words, synonyms and a misspelling find the expected service and pages."""
    page.goto(example_site.url("/"))
    found = search(page, query)
    if service:
        assert found["services"][0] == service
    assert pages <= set(found["pages"][:5]), found["pages"][:5]


def test_services_first_with_phone(page, example_site):
    """For a category word, services come first as cards with a call link."""
    page.goto(example_site.url("/support/fire-safety/"))
    search(page, "domestic abuse")
    first = page.locator(".sg-search__results a").first
    assert first.inner_text() == "National Domestic Abuse Helpline"
    call = page.locator(".sg-search__call").first
    assert call.get_attribute("href") == "tel:+448082000247"
    assert call.bounding_box()["height"] >= 44


def test_count_is_a_live_status_and_results_link_cleanly(page, example_site):
    """The count is a status message; result links carry no query string."""
    page.goto(example_site.url("/"))
    found = search(page, "witness")
    assert page.get_attribute(COUNT, "role") == "status"
    assert found["count"].endswith(" results")
    assert found["hrefs"] and all("?" not in href for href in found["hrefs"])


def test_no_traces(context, example_site):
    """After searching and following a result: no query in any URL, nothing stored."""
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(example_site.url("/"))
    before = page.evaluate("history.length")
    search(page, "domestic violence")
    assert "domestic" not in page.url and "?" not in page.url
    assert page.evaluate("history.length") == before  # searching added no history entry
    page.locator(".sg-search__result-title a").first.click()
    page.wait_for_load_state()
    assert all("violence" not in u for u in urls)
    storage = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert context.cookies() == []


def test_misspelling_with_no_match(page, example_site):
    """A query that matches nothing says so and points to the A to Z."""
    page.goto(example_site.url("/"))
    page.fill("#sg-search-input", "zzzzqqq")
    page.press("#sg-search-input", "Enter")
    wait_until(page, "/No results/.test(document.querySelector('.sg-search__count').textContent)")
    assert page.text_content(COUNT) == "No results. Try other words, or use the A to Z."


@pytest.mark.parametrize("width", [1280, 320])
def test_results_pass_axe_and_fit(browser, example_site, width):
    """With results showing, axe finds nothing and nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(example_site.url("/"))
    search(page, "abuse")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_keyboard_only_search(page, example_site):
    """Tab to the box, type, Enter, then Tab reaches the first result."""
    page.goto(example_site.url("/"))
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "sg-search-input":
            break
    page.keyboard.type("court")
    page.keyboard.press("Enter")
    wait_until(page, "/result/.test(document.querySelector('.sg-search__count').textContent)")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.sg-search__results') !== null"):
            return
    pytest.fail("Tab did not reach the results")


def test_without_javascript_form_leads_to_a_to_z(browser, example_site):
    """With JavaScript off, the form opens the A to Z page, with nothing typed in the URL."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_site.url("/support/fire-safety/"))
    page.fill("#sg-search-input", "court")
    page.click(".sg-search__button")
    page.wait_for_url("**/a-z/*")
    assert "court" not in page.url
    assert page.locator("h1").inner_text().startswith("A to Z")
    assert page.locator("a", has_text="Being a witness").count() >= 1
    context.close()


def test_a_search_fetches_a_few_static_files_from_the_site(context, example_site, example_site_dir):
    """The manifest when the box gets focus, then only the shards the query needs: all from
    the site itself, none named after what was typed, and never the whole index."""
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(example_site.url("/"))
    loaded = len(urls)
    search(page, "fire alarm")
    fetched = urls[loaded:]
    assert all(u.startswith(example_site.origin + "/") for u in fetched), fetched
    assert any(u.endswith("/search/manifest.json") for u in fetched)
    shards = [u for u in fetched if "/search/" in u and not u.endswith("manifest.json")]
    assert shards and all(re.search(r"/search/[0-9a-f]{12}/[tfd]\d+\.json$", u) for u in shards)
    assert all("fire" not in u.rsplit("/", 1)[1] for u in shards)
    total = len(list(example_site_dir.glob("search/*/*.json")))
    assert len(shards) < total / 3


def fetched_scripts(page) -> list[str]:
    return page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.endsWith('.js')).map(n => n.split('/').pop())"
    )


def test_the_search_script_loads_only_when_the_box_is_reached(page, example_site):
    """A page that is only read downloads neither the search nor the player script."""
    page.goto(example_site.url("/support/fire-safety/"))
    page.wait_for_load_state("load")
    scripts = fetched_scripts(page)
    assert "on-demand.js" in scripts
    assert "search.js" not in scripts and "player.js" not in scripts and "lunr.js" not in scripts
    page.focus("#sg-search-input")
    wait_until(page, "document.querySelector('[data-module=sg-search][data-sg-initialised]')")
    assert "search.js" in fetched_scripts(page) and "player.js" not in fetched_scripts(page)


def test_a_search_sent_before_its_script_arrives_waits_for_it(page, example_site):
    """Enter pressed while search.js is still on its way: the results come once it does,
    and the page never leaves for the A to Z."""
    release = []
    page.route("**/search.js", lambda route: release.append(route))
    page.goto(example_site.url("/"))
    page.fill("#sg-search-input", "witness")
    page.press("#sg-search-input", "Enter")
    wait_until(page, "document.querySelector('[data-sg-pending]') !== null")
    assert len(release) == 1
    release[0].continue_()
    wait_until(page, "/result/.test(document.querySelector('.sg-search__count').textContent)")
    assert page.url == example_site.url("/")
    assert page.locator(".sg-search__result").count() > 0


def test_a_search_whose_script_cannot_load_goes_to_the_a_to_z(page, example_site):
    """If search.js cannot be fetched, the form does what it does without JavaScript."""
    page.route("**/search.js", lambda route: route.abort())
    page.goto(example_site.url("/"))
    page.fill("#sg-search-input", "witness")
    page.press("#sg-search-input", "Enter")
    page.wait_for_url("**/a-z/*")
    assert "witness" not in page.url
    assert page.locator("h1").inner_text().startswith("A to Z")
