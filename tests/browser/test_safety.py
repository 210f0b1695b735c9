"""What a watcher, a hostile page or a failing script could still get, tried in real Chromium.

Tests that press Back or Forward use a Chromium with the back/forward cache on, as every
reader's Chrome has it (Playwright turns it off by default).
"""

from __future__ import annotations

import pytest

from tests.browser.waiting import wait_until
from tests.servers import start_page

HOME = "/"
PAGE = "/support/domestic-and-sexual-abuse/"
NEXT = "/support/fire-safety/"  # the page's "Next" link in the footer
QUERY = "my partner hits me"


@pytest.fixture
def tab(bfcache_browser):
    """A tab in a fresh profile of a Chromium whose back/forward cache is on."""
    context = bfcache_browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def go_back(page) -> None:
    """Press Back; a page restored from the cache fires no load event, so wait for commit."""
    page.go_back(wait_until="commit")
    wait_until(page, "document.readyState === 'complete'")


def shift_three_times(page) -> None:
    """The keyboard exit."""
    for _ in range(3):
        page.keyboard.press("Shift")


def history(page) -> tuple[int, list[dict]]:
    """The tab's history as the browser keeps it: current index and entries (url, title)."""
    cdp = page.context.new_cdp_session(page)
    found = cdp.send("Page.getNavigationHistory")
    cdp.detach()
    return found["currentIndex"], found["entries"]


def test_back_after_exit_from_a_search_result_shows_nothing_typed(tab, example_site, destination):
    """Search, open a result, leave with Shift x3, press Back: the page that comes back from
    the cache shows no typed word, no results and no count."""
    tab.goto(example_site.url(HOME))
    tab.evaluate("window.restoredFromCache = true")
    tab.fill("#sg-search-input", QUERY)
    tab.press("#sg-search-input", "Enter")
    wait_until(tab, "/result/.test(document.querySelector('.sg-search__count').textContent)")
    assert tab.is_visible(".sg-search__results")
    tab.locator(".sg-search__result-title a").first.click()
    tab.wait_for_load_state()
    assert tab.url != example_site.url(HOME)
    shift_three_times(tab)
    tab.wait_for_url(destination.url("/weather"))
    go_back(tab)
    assert tab.url == example_site.url(HOME)
    assert tab.evaluate("window.restoredFromCache === true"), "not restored: the test is void"
    assert tab.input_value("#sg-search-input") == ""
    assert tab.text_content(".sg-search__count") == ""
    assert not tab.is_visible(".sg-search__results")
    assert tab.locator(".sg-search__results a").count() == 0


def test_back_shows_nothing_typed_when_the_search_script_never_came(tab, example_site):
    """search.js loads on demand; if it never arrives, the form goes to the A to Z as without
    JavaScript, and Back (from the cache) still shows an empty box: browsers reset a box
    marked autocomplete=off on such a return, and on-demand.js empties it on leaving too."""
    tab.route("**/search.js", lambda route: route.abort())
    tab.goto(example_site.url(HOME))
    tab.evaluate("window.restoredFromCache = true")
    tab.fill("#sg-search-input", QUERY)
    tab.press("#sg-search-input", "Enter")
    tab.wait_for_url("**/a-z/*")
    go_back(tab)
    assert tab.evaluate("window.restoredFromCache === true"), "not restored: the test is void"
    assert tab.input_value("#sg-search-input") == ""


def test_back_shows_no_open_section_menu_or_player_position(bfcache_browser, example_site):
    """Opened sections, the open menu and where the player was all reset before the cache's
    copy is shown again."""
    context = bfcache_browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(example_site.url("/making-safeguarding-personal/resources/"))
    page.evaluate("window.restoredFromCache = true")
    served = page.evaluate("[...document.querySelectorAll('details')].map(d => d.open)")
    page.locator("details:not(.sg-player) summary").first.click()
    assert page.evaluate("[...document.querySelectorAll('details')].map(d => d.open)") != served
    page.evaluate(
        "() => { const a = document.querySelector('.sg-player__audio'); a.muted = true;"
        " return a.play(); }"
    )
    wait_until(page, "document.querySelector('.sg-player__audio').currentTime > 0.5")
    page.click("summary.sg-player__title")
    page.click("[aria-label='Speed 1.5 times']")
    page.click(".md-header .sg-menu-button")
    assert page.get_attribute(".sg-menu-button", "aria-expanded") == "true"
    page.goto(example_site.url(PAGE))
    go_back(page)
    assert page.evaluate("window.restoredFromCache === true"), "not restored: the test is void"
    assert page.evaluate("[...document.querySelectorAll('details')].map(d => d.open)") == served
    player = page.evaluate(
        "() => { const a = document.querySelector('.sg-player__audio');"
        " return [a.paused, a.currentTime, a.playbackRate]; }"
    )
    assert player == [True, 0, 1]
    assert not page.evaluate("CSS.highlights.has('sg-reading')")
    assert page.get_attribute(".sg-menu-button", "aria-expanded") == "false"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    context.close()


def test_no_forward_entry_into_the_site_after_exit(tab, example_site, destination):
    """Read a page, follow its Next link, press Back, leave: nothing of the site stays in
    front of the neutral page, and nothing behind it but a page read before."""
    tab.goto(example_site.url(HOME))
    tab.click(f"a[href='{PAGE.strip('/')}/']")
    tab.wait_for_url(example_site.url(PAGE))
    title = tab.title()
    tab.click("a.md-footer__link--next")
    tab.wait_for_url(example_site.url(NEXT))
    go_back(tab)
    assert tab.url == example_site.url(PAGE)
    current, entries = history(tab)
    assert [e["url"] for e in entries[current + 1 :]] == [example_site.url(NEXT)]
    shift_three_times(tab)
    tab.wait_for_url(destination.url("/weather"))
    current, entries = history(tab)
    assert current == len(entries) - 1, "entries lie ahead: Forward leads back into the site"
    site = [e for e in entries if e["url"].startswith(example_site.origin)]
    assert [e["url"] for e in site] == [example_site.url(HOME)] * len(site)
    assert all(title not in e["title"] for e in entries), "the exited page's title is listed"
    assert entries[current]["url"] == destination.url("/weather")
    # Back shows the neutral entry as what it is (the page read before), not the page left.
    go_back(tab)
    assert tab.url == example_site.url(HOME)
    assert tab.locator(".sg-exit-overlay").count() == 0
    assert tab.title() == "Bromley Safeguarding Adults Board"


def test_without_forward_entries_exit_adds_no_history(tab, example_site, destination):
    """With nothing ahead, leaving only replaces the page: Back goes to the page before."""
    tab.goto(example_site.url(HOME))
    tab.click(f"a[href='{PAGE.strip('/')}/']")
    tab.wait_for_url(example_site.url(PAGE))
    before, entries_before = history(tab)
    tab.click(".sg-exit__button")
    tab.wait_for_url(destination.url("/weather"))
    current, entries = history(tab)
    assert (current, len(entries)) == (before, len(entries_before))
    assert [e["url"] for e in entries][:current] == [e["url"] for e in entries_before][:before]


@pytest.fixture(scope="module")
def framing_page(example_site):
    """Another website that shows a page of the site in a frame."""
    server = start_page(
        "<!doctype html><html lang='en'><title>Other site</title><h1>Other site</h1>"
        f"<iframe title='Framed' src='{example_site.url(PAGE)}' width='900' height='600'>"
        "</iframe></html>"
    )
    yield server
    server.stop()


@pytest.mark.parametrize("how", ["click", "shift"])
def test_framed_exit_leaves_from_the_top_window(page, framing_page, destination, how):
    """Framed by another origin (served without the host headers), the exit moves the whole
    tab to the neutral page, not just the frame."""
    page.goto(framing_page.url("/"))
    frame = page.frame_locator("iframe")
    frame.locator(".sg-exit__button").wait_for()
    if how == "click":
        frame.locator(".sg-exit__button").click()
    else:
        frame.locator("h1").click()  # focus inside the frame, as a reader's click would
        shift_three_times(page)
    page.wait_for_url(destination.url("/weather"))
    assert page.main_frame.url == destination.url("/weather")


def test_host_headers_refuse_framing(page, site_with_headers):
    """Served with the build's headers, another site cannot show a page in a frame."""
    other = start_page(
        f"<!doctype html><html lang='en'><title>Other</title><iframe title='Framed' "
        f"src='{site_with_headers.url(PAGE)}'></iframe></html>"
    )
    try:
        refused = []
        page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else 0)
        page.goto(other.url("/"))
        page.wait_for_timeout(500)
        framed = page.frames[1]
        assert framed.url != site_with_headers.url(PAGE) or framed.locator("h1").count() == 0
        assert refused, "Chromium did not report the refusal"
    finally:
        other.stop()


@pytest.mark.parametrize("failure", ["blocked", "slow"])
def test_exit_works_when_every_other_script_fails(browser, example_site, destination, failure):
    """With the theme's bundle and every other script blocked (or the bundle 3 s late), the
    exit still leaves by replacing the page, and Shift x3 still works."""
    context = browser.new_context()
    page = context.new_page()

    def other_scripts(route):
        if failure == "slow":
            page.wait_for_timeout(3000)
            route.continue_()
        else:
            route.abort()

    pattern = "**/bundle.*.min.js" if failure == "slow" else "**/*.js"
    page.route(
        pattern,
        lambda route: (
            route.continue_()
            if route.request.url.endswith("quick-exit.js")
            else other_scripts(route)
        ),
    )
    page.goto(example_site.url(HOME))
    page.click(f"a[href='{PAGE.strip('/')}/']", no_wait_after=True)
    page.wait_for_url(example_site.url(PAGE), wait_until="commit")
    page.wait_for_selector("html[data-sg-exit-ready] .sg-exit__button")
    length = page.evaluate("history.length")
    page.click(".sg-exit__button", no_wait_after=True)
    page.wait_for_url(destination.url("/weather"))
    assert page.evaluate("history.length") == length, "the exit added a history entry"
    page.goto(example_site.url(PAGE), wait_until="commit")
    page.wait_for_selector("html[data-sg-exit-ready] .sg-exit__button")
    shift_three_times(page)
    page.wait_for_url(destination.url("/weather"))
    page.unroute_all(behavior="ignoreErrors")
    context.close()


def test_middle_click_leaves(page, example_site, destination):
    """A middle click on the exit leaves in this tab and opens no other tab."""
    page.goto(example_site.url(PAGE))
    page.click(".sg-exit__button", button="middle")
    page.wait_for_url(destination.url("/weather"))
    page.wait_for_timeout(300)
    assert len(page.context.pages) == 1


def test_no_request_carries_the_page_address(page, example_site):
    """The referrer policy comes before the first stylesheet: no request of the page's own
    sends its address."""
    sent = []
    page.on("request", lambda r: sent.append((r.url, r.all_headers().get("referer"))))
    page.goto(example_site.url(PAGE))
    page.wait_for_load_state("networkidle")
    assert len(sent) > 3
    assert [s for s in sent if s[1]] == []
