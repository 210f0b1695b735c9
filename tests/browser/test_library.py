"""The library in real Chromium: filters with no JavaScript, documents that download."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations

LIBRARY_PAGES = [
    "/library/",
    "/library/topics/making-safeguarding-personal/",
    "/library/for/police/",
    "/making-safeguarding-personal/resources/",
    "/have-your-say/",
]


def test_library_pages_are_in_every_page_check(example_pages):
    """The site-wide checks (axe, sideways scroll, zoom, security policy) cover the library."""
    assert set(LIBRARY_PAGES) <= set(example_pages)
    generated = [p for p in example_pages if p.startswith("/library/")]
    assert len(generated) >= 1 + 5 + 8  # the index, five topics, eight audiences


@pytest.mark.parametrize("width", [1280, 320])
def test_filters_are_links_that_work_without_javascript(browser, example_site, width):
    """Topic and audience pages are reached by plain links, with JavaScript off."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto(example_site.url("/library/"))
    everything = page.locator(".sg-doc").count()
    assert everything == 16
    page.get_by_role("link", name="Police", exact=True).click()
    page.wait_for_url("**/library/for/police/")
    assert page.locator("h1").inner_text().rstrip("¶") == "For police"
    titles = page.locator(".sg-doc__title").all_inner_texts()
    assert len(titles) == 3
    assert any("Guidance notes for practitioners" in t for t in titles)
    assert any("what might good look like: the police" in t.lower() for t in titles)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Library", exact=True).last.click()
    page.wait_for_url("**/library/")
    page.get_by_role("link", name="Having your say").first.click()
    page.wait_for_url("**/library/topics/having-your-say/")
    assert page.locator(".sg-doc").count() == 2
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_library_pages_pass_axe(browser, example_site, width):
    """No WCAG 2.2 A/AA violation on the library's own pages (every page is also checked by
    the site-wide test; this one fails first, and by name, when a card is wrong)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in LIBRARY_PAGES:
        page.goto(example_site.url(path))
        assert axe_violations(page) == [], path
    context.close()


def test_a_document_link_says_what_it_downloads(page, example_site):
    """The link's name gives format and size, and the file it leads to is that size."""
    page.goto(example_site.url("/have-your-say/"))
    link = page.get_by_role(
        "link", name="Safeguarding enquiry feedback form (Word document, 36 KB)"
    )
    href = link.get_attribute("href")
    response = page.request.get(example_site.url("/have-your-say/") + href)
    assert response.ok
    assert round(len(response.body()) / 1024) == 36
    easy = page.get_by_role(
        "link",
        name="Easy read version: Tell us what you think: easy read form (Word document, 36 KB)",
    )
    assert easy.count() == 1


def test_links_that_leave_the_site_say_so(page, example_site):
    page.goto(example_site.url("/support/being-a-witness/"))
    link = page.get_by_role("link", name="The Witness Charter (another website: www.gov.uk)")
    assert link.get_attribute("rel") == "noreferrer"
    assert link.get_attribute("href").startswith("https://www.gov.uk/government/publications/")


def test_search_finds_items_with_their_type(page, example_site):
    """An item is a search result of its own, saying what it is, and leads to its entry."""
    from tests.browser.test_search import search

    page.goto(example_site.url("/"))
    found = search(page, "feedback form")
    assert found["pages"][0] == "Safeguarding enquiry feedback form"
    result = page.locator(".sg-search__results li").first
    assert "Library: Form, Word document, 36 KB" in result.inner_text()
    result.locator("a").first.click()
    page.wait_for_url("**/library/#item-feedback-form")
    assert page.locator("#item-feedback-form").is_visible()
