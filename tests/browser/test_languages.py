"""Translated pages in real Chromium: the switcher with no JavaScript, right to left at 320."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations
from tests.browser.test_player import mp3_duration
from tests.browser.waiting import wait_until

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


def test_player_speaks_the_page_language(browser, example_site):
    """A Polish page's player: Polish words on its buttons, numbers written the Polish way,
    an MP3 read by the Polish voice whose length matches its timings."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(example_site.url(PAGES["pl"]))
    page.get_by_text("Posłuchaj tej strony").click()
    player = page.locator(".sg-player")
    # player.js comes when the player opens: wait for the buttons it adds.
    player.get_by_role("button", name="Następne zdanie").wait_for()
    speeds = player.get_by_role("group", name="Szybkość czytania")
    shown = ["0,75×", "1×", "1,25×", "1,5×"]  # noqa: RUF001 (the sign the buttons show)
    assert speeds.locator("button").all_inner_texts() == shown
    speeds.get_by_role("button", name="Szybkość 1,5 razy").click()
    assert page.evaluate("document.querySelector('.sg-player__audio').playbackRate") == 1.5
    duration = mp3_duration(page)
    timings = page.request.get(page.url + "listen.json").json()
    assert timings["voice"] == "zlw/pl"
    assert abs(duration - timings["duration"]) / timings["duration"] < 0.02
    context.close()


def search(page, query: str) -> None:
    page.fill("#sg-search-input", query)
    page.press("#sg-search-input", "Enter")
    wait_until(page, "document.querySelector('.sg-search__results').hidden === false")


def test_search_in_polish_finds_the_polish_page_first(browser, example_site):
    """A Polish word, as written (no English stemming cuts it), finds the Polish page; on a
    Polish page the result count is in Polish and Polish results come first."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(example_site.url(PAGES["pl"]))
    search(page, "przemocy")
    first = page.locator(".sg-search__result").first
    assert first.get_attribute("lang") == "pl"
    assert "/pl/support/domestic-and-sexual-abuse/" in first.locator("a").get_attribute("href")
    assert page.locator(".sg-search__count").inner_text().startswith("Liczba wyników: ")
    # A word on pages in every language ("999"): the reader's language first.
    for reader in ("pl", "en", "ur"):
        page.goto(example_site.url(PAGES[reader]))
        search(page, "999")
        langs = page.locator(".sg-search__result").evaluate_all(
            "items => items.map(item => item.getAttribute('lang') || 'en')"
        )
        assert langs[0] == reader, langs
        assert langs == sorted(langs, key=lambda lang: lang != reader)
    context.close()
