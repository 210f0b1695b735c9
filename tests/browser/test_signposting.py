"""Service cards and the emergency banner in real Chromium."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [1280, 320])
def test_call_links_are_big_tel_links(browser, example_site, width):
    """Every call link is a tel: link at least 44px high and fully on screen."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(example_site.url("/services/domestic-abuse/"))
    links = page.locator(".sg-card__action")
    assert links.count() >= 6
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["height"] >= 44, links.nth(i).inner_text()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    calls = page.locator(".sg-card__action--call")
    assert calls.first.get_attribute("href") == "tel:+448082000247"
    assert calls.first.inner_text() == "Call 0808 2000 247"
    banner = page.locator(".sg-emergency__call").bounding_box()
    assert banner["height"] >= 44
    context.close()


def test_support_page_lists_services_from_data(page, example_site):
    """The domestic abuse page shows the helplines from the service files."""
    page.goto(example_site.url("/support/domestic-and-sexual-abuse/"))
    names = page.locator(".sg-card__name").all_inner_texts()
    assert names[0] == "National Domestic Abuse Helpline"
    assert {"Samaritans", "Victim Support", "Men's Advice Line"} <= set(names)


def test_directory_reachable_by_keyboard(page, example_site):
    """From the home page the directory is reachable with Tab and Enter only."""
    page.goto(example_site.url("/"))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "services/":
            break
    else:
        pytest.fail("no link to the services directory within 60 Tab presses")
    page.keyboard.press("Enter")
    page.wait_for_url(example_site.url("/services/"))
    assert page.locator("h1").inner_text().startswith("Helplines and services")
