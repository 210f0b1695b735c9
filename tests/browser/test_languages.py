"""Translated pages in real Chromium: the switcher with no JavaScript, right to left at 320."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations

PAGES = {
    "en": "/support/domestic-and-sexual-abuse/",
    "pl": "/pl/support/domestic-and-sexual-abuse/",
    "ur": "/ur/support/domestic-and-sexual-abuse/",
}


def test_switcher_both_ways_without_javascript(browser, example_site):
    """English to Polish to Urdu and back to English, by plain links, with JavaScript off."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_site.url(PAGES["en"]))
    switcher = page.get_by_role("navigation", name="This page in other languages")
    switcher.get_by_role("link", name="Polski").click()
    page.wait_for_url("**" + PAGES["pl"])
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator(".sg-exit__button").inner_text() == "Opuść tę stronę"
    switcher = page.get_by_role("navigation", name="Ta strona w innych językach")
    switcher.get_by_role("link", name="اردو").click()
    page.wait_for_url("**" + PAGES["ur"])
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator(".sg-languages").get_by_role("link", name="English").click()
    page.wait_for_url("**" + PAGES["en"])
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_right_to_left_page(browser, example_site, width):
    """The Urdu page lays out right to left: no sideways scroll, the exit on top, axe clean."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(example_site.url(PAGES["ur"]))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    exit_box = page.locator(".sg-exit__button").bounding_box()
    assert exit_box["y"] < 60
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > width * 0.6  # starts from the right
    assert axe_violations(page) == []
    context.close()


def test_exit_works_the_same_on_a_translation(page, example_site, destination):
    """Three Shift presses leave a Polish page as they leave an English one."""
    page.goto(example_site.url(PAGES["pl"]))
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(destination.url("/weather") + "*")
