"""Quick exit journeys in real Chromium, with JavaScript on and off."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.axe import axe_violations
from tests.browser.test_site import on_top
from tests.browser.waiting import wait_until

PAGE = "/support/domestic-and-sexual-abuse/"
STATUS = ".sg-exit__status"


@pytest.fixture
def no_js_page(browser):
    """A tab with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def exits(destination) -> list[dict[str, str]]:
    """Requests for the neutral page itself (browsers also ask it for a favicon)."""
    return [r for r in destination.requests if r["path"] == "/weather"]


def expect_destination(page, destination, count_before: int) -> None:
    """The tab is on the neutral page and that page was asked for once, without a Referer."""
    page.wait_for_url(destination.url("/weather"))
    assert len(exits(destination)) == count_before + 1
    assert "referer" not in exits(destination)[-1]


@pytest.mark.parametrize("selector", [".sg-exit__button", ".sg-exit-skip"])
def test_without_javascript_links_leave(no_js_page, example_site, destination, selector):
    """With JavaScript off both exit links are plain links to the neutral page."""
    no_js_page.goto(example_site.url(PAGE))
    before = len(exits(destination))
    if selector == ".sg-exit-skip":
        no_js_page.focus(selector)
        no_js_page.keyboard.press("Enter")
    else:
        no_js_page.click(selector)
    expect_destination(no_js_page, destination, before)


def test_exit_is_first_in_dom_and_tab_order(page, example_site):
    """The exit control is the first element of the body and the first Tab stop."""
    page.goto(example_site.url(PAGE))
    first = page.evaluate("document.body.firstElementChild.getAttribute('data-module')")
    assert first == "sg-quick-exit"
    page.keyboard.press("Tab")
    assert "sg-exit__button" in page.evaluate("document.activeElement.className").split()
    named = page.get_by_role("link", name="Exit this page").first
    assert "sg-exit__button" in named.get_attribute("class").split()


CLICK_AND_LOOK = """() => {
  document.querySelector('.sg-exit__button').click();
  const overlay = document.querySelector('.sg-exit-overlay');
  return {
    title: document.title,
    overlay: overlay && overlay.textContent,
    role: overlay && overlay.getAttribute('role'),
    shown: [...document.body.children].filter(
      el => el !== overlay && getComputedStyle(el).display !== 'none').length,
    url: location.pathname,
  };
}"""


def test_click_leaves_with_cover_and_replaced_history(page, example_site, destination):
    """As the click is handled the page is covered and the title blanked; the history entry
    is replaced, so Back skips the page."""
    page.goto(example_site.url("/"))
    page.click("a[href='support/domestic-and-sexual-abuse/']")
    page.wait_for_url(example_site.url(PAGE))
    length = page.evaluate("history.length")
    before = len(exits(destination))
    # The page is looked at in the click's own task, right after the exit handled it; the
    # neutral page answers slowly so the answer cannot race the look.
    destination.delay[0] = 1.5
    try:
        snapshot = page.evaluate(CLICK_AND_LOOK)
    finally:
        destination.delay[0] = 0
    expect_destination(page, destination, before)
    assert snapshot == {
        "title": "",
        "overlay": "Loading.",
        "role": "alert",
        "shown": 0,
        "url": PAGE,
    }
    assert page.evaluate("history.length") == length
    page.go_back()
    assert page.url == example_site.url("/")


@pytest.mark.parametrize("key", ["Enter", " "])
def test_keyboard_activation_leaves(page, example_site, destination, key):
    """Enter and Space on the focused control leave."""
    page.goto(example_site.url(PAGE))
    before = len(exits(destination))
    page.keyboard.press("Tab")
    page.keyboard.press(key)
    expect_destination(page, destination, before)


def test_shift_three_times_leaves_with_status(page, example_site, destination):
    """Shift pressed three times leaves; the status counts down on the way."""
    page.goto(example_site.url(PAGE))
    before = len(exits(destination))
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 2 more times to exit."
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 1 more time to exit."
    assert page.is_visible(".sg-exit__indicator")
    page.keyboard.press("Shift")
    expect_destination(page, destination, before)


def test_both_shift_keys_count(page, example_site, destination):
    """Left and right Shift are the same key for counting."""
    page.goto(example_site.url(PAGE))
    before = len(exits(destination))
    page.keyboard.press("ShiftLeft")
    page.keyboard.press("ShiftRight")
    page.keyboard.press("ShiftLeft")
    expect_destination(page, destination, before)


def test_count_expires_after_five_seconds(page, example_site):
    """More than 5 seconds after a press, the count ends and says so."""
    page.goto(example_site.url(PAGE))
    page.keyboard.press("Shift")
    page.wait_for_timeout(5300)
    assert page.text_content(STATUS) == "Exit this page expired."
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 2 more times to exit."


def test_shift_used_as_modifier_does_not_count(page, example_site):
    """Shift+letter is typing, not a press; it also ends the count."""
    page.goto(example_site.url(PAGE))
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    assert page.text_content(STATUS) == ""
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 2 more times to exit."
    assert page.url == example_site.url(PAGE)


def test_other_key_resets(page, example_site):
    """Any other key starts the count again."""
    page.goto(example_site.url(PAGE))
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 2 more times to exit."
    assert page.url == example_site.url(PAGE)


def test_shift_counts_in_a_text_field(page, example_site, destination):
    """Presses count while the reader is typing in a form field."""
    page.goto(example_site.url(PAGE))
    page.evaluate(
        "() => { const i = document.createElement('input'); i.id = 'typing';"
        " i.setAttribute('aria-label', 'Typing'); document.querySelector('article').prepend(i); }"
    )
    page.focus("#typing")
    before = len(exits(destination))
    for _ in range(3):
        page.keyboard.press("Shift")
    expect_destination(page, destination, before)


def test_back_forward_cache_shows_usable_page(bfcache_browser, example_site):
    """A page restored from the back/forward cache shows no half-done count."""
    context = bfcache_browser.new_context()
    page = context.new_page()
    page.goto(example_site.url("/"))
    page.evaluate("window.stillHere = true")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 1 more time to exit."
    page.click("a[href='support/domestic-and-sexual-abuse/']")
    page.wait_for_url(example_site.url(PAGE))
    # A restore from the cache fires no load event, so wait for the commit only.
    page.go_back(wait_until="commit")
    wait_until(page, "document.readyState === 'complete'")
    assert page.evaluate("window.stillHere === true"), "the page was reloaded, not restored"
    assert page.text_content(STATUS) == ""
    assert not page.is_visible(".sg-exit__indicator")
    assert page.title()
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 2 more times to exit."
    context.close()


def test_back_after_exit_shows_usable_page(bfcache_browser, example_site, destination):
    """Back from the neutral page lands on the page before, never on a covered page."""
    context = bfcache_browser.new_context()
    page = context.new_page()
    page.goto(example_site.url("/"))
    page.click("a[href='support/domestic-and-sexual-abuse/']")
    page.wait_for_url(example_site.url(PAGE))
    page.click(".sg-exit__button")
    page.wait_for_url(destination.url("/weather"))
    page.go_back(wait_until="commit")
    wait_until(page, "document.readyState === 'complete'")
    assert page.url == example_site.url("/")
    assert page.locator(".sg-exit-overlay").count() == 0
    assert page.is_visible("h1")
    context.close()


def test_initialises_once(page, example_site):
    """Running the module again does not double the listeners."""
    page.goto(example_site.url(PAGE))
    page.add_script_tag(url=example_site.url("/assets/safeguarding/quick-exit.js"))  # 'self'
    page.wait_for_timeout(100)
    page.keyboard.press("Shift")
    assert page.text_content(STATUS) == "Shift, press 2 more times to exit."


@pytest.mark.parametrize("width", [1280, 320])
def test_bar_stays_on_top_and_passes_axe_while_counting(browser, example_site, width):
    """The bar stays visible after scrolling, above the open drawer, and axe passes with the
    indicator showing."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(example_site.url(PAGE))
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelector('.sg-exit').getBoundingClientRect().top") == 0
    assert on_top(page, ".sg-exit__button")
    if width == 320:
        button = page.locator(".sg-exit__button").bounding_box()
        assert button["width"] >= 0.5 * width
        page.click(".md-header .sg-menu-button")
        page.wait_for_timeout(400)
        assert on_top(page, ".sg-exit__button")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert axe_violations(page) == []
    context.close()


def test_hidden_in_print(page, example_site):
    """Printed pages show no exit control."""
    page.goto(example_site.url(PAGE))
    page.emulate_media(media="print")
    assert not page.is_visible(".sg-exit__button")


def test_no_trace_after_a_visit(context, example_site, example_pages, destination):
    """After reading every page and leaving: no cookies, storage or foreign requests."""
    page = context.new_page()
    foreign = []
    page.on(
        "request",
        lambda r: None if r.url.startswith(example_site.origin) else foreign.append(r.url),
    )
    for path in example_pages:
        page.goto(example_site.url(path))
        page.keyboard.press("Shift")
    page.goto(example_site.url(PAGE))
    storage = page.evaluate(
        """async () => ({
          local: localStorage.length,
          session: sessionStorage.length,
          cookie: document.cookie,
          idb: (await indexedDB.databases()).length,
          caches: (await caches.keys()).length,
          workers: (await navigator.serviceWorker.getRegistrations()).length,
        })"""
    )
    assert storage == {"local": 0, "session": 0, "cookie": "", "idb": 0, "caches": 0, "workers": 0}
    page.click(".sg-exit__button")
    page.wait_for_url(destination.url("/weather"))
    assert foreign == [destination.url("/weather")]
    assert context.cookies() == []
    state = context.storage_state()
    assert all(not origin["localStorage"] for origin in state["origins"])


@pytest.fixture(scope="module")
def new_tab_site(tmp_path_factory, destination):
    """A small site built with the new-tab option on, served on 127.0.0.1."""
    from mkdocs.config import load_config

    from tests.conftest import run_build, write_site
    from tests.servers import start_site

    root = tmp_path_factory.mktemp("new-tab")
    options = {"quick_exit": {"new_tab": True, "destination": destination.url("/weather")}}
    files = {"index.md": "# Home\n\n## Section\n\nText.\n"}
    config_file = write_site(root, files, {"plugins": [{"safeguarding": options}]})
    cfg = load_config(str(config_file))
    run_build(cfg)
    server = start_site(Path(cfg.site_dir))
    yield server
    server.stop()


def test_new_tab_option_opens_tab_on_pointer_only(context, new_tab_site, destination):
    """With new_tab on, a mouse click also opens the neutral page in a new tab."""
    page = context.new_page()
    page.goto(new_tab_site.url("/"))
    with context.expect_page() as popup:
        page.click(".sg-exit__button")
    popup.value.wait_for_url(destination.url("/weather"))
    page.wait_for_url(destination.url("/weather"))
    assert len(context.pages) == 2


def test_new_tab_option_not_from_keyboard(context, new_tab_site, destination):
    """From the keyboard no tab is opened (browsers block it); the tab still leaves."""
    page = context.new_page()
    page.goto(new_tab_site.url("/"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(destination.url("/weather"))
    assert len(context.pages) == 1
