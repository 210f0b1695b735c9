"""Keyboard journeys, focus, reflow, text spacing, motion and print, in real Chromium."""

from __future__ import annotations

import pytest

from tests.browser.test_site import on_top

DESCRIBE = """() => {
  const e = document.activeElement;
  return {tag: e.tagName, cls: e.className || '', href: e.getAttribute('href') || '',
          text: (e.textContent || '').trim().slice(0, 40)};
}"""

FOCUS_STATE = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== 'none',
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    onTop: hit === e || e.contains(hit) || (hit && hit.contains(e)),
    name: e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 30),
  };
}"""


def tab_until(page, predicate: str, limit: int = 80) -> dict:
    """Press Tab until the focused element matches a JS predicate on it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {predicate})(document.activeElement)"):
            return page.evaluate(DESCRIBE)
    pytest.fail(f"nothing matching {predicate} within {limit} Tab presses")


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/support/domestic-and-sexual-abuse/",
        "/making-safeguarding-personal/resources/",
        "/library/",
        "/ur/support/domestic-and-sexual-abuse/",
    ],
)
def test_focus_visible_and_not_hidden(browser, example_site, width, path):
    """The first 40 Tab stops (or all) show a focus ring and are not hidden under sticky bars."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(example_site.url(path))
    problems = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break  # past the last Tab stop: focus has gone to the browser
        state = page.evaluate(FOCUS_STATE)
        if not (state["ring"] and state["visible"] and state["onTop"]):
            problems.append(state)
    context.close()
    assert problems == []


def test_menu_opens_and_closes_from_keyboard(browser, example_site):
    """On a phone, the menu button is a Tab stop; Enter opens it, Escape closes it."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(example_site.url("/"))
    tab_until(page, "e.matches('.md-header button.sg-menu-button')")
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator(".md-header label[for=__drawer]").is_hidden()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(300)
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('.md-header button.sg-menu-button')")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()  # a pointer opens it too, and focus stays on the button
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('.md-header button.sg-menu-button')")
    context.close()


def test_closed_drawer_links_are_not_tab_stops(browser, example_site):
    """On a phone, Tab never lands in the closed (off-screen) drawer."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(example_site.url("/"))
    for _ in range(30):
        page.keyboard.press("Tab")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    context.close()


def test_details_open_and_close_from_keyboard(page, example_site):
    """Every expandable section, the player's line first, opens with Enter and closes with
    Space."""
    page.goto(example_site.url("/making-safeguarding-personal/resources/"))
    count = page.locator("details").count()
    assert count == 4  # the player and the page's three sections on personal budgets
    assert "sg-player" in page.locator("details").first.get_attribute("class")
    for index in range(count):
        tab_until(page, "e.tagName === 'SUMMARY'")
        details = page.locator("details").nth(index)
        page.keyboard.press("Enter")
        assert details.evaluate("d => d.open")
        page.keyboard.press(" ")
        assert not details.evaluate("d => d.open")


def test_phone_link_reachable_from_keyboard(page, example_site):
    """A helpline's call link is reached with Tab and is a tel: link."""
    page.goto(example_site.url("/support/domestic-and-sexual-abuse/"))
    focused = tab_until(
        page,
        "(e.getAttribute('href') || '').startsWith('tel:0') || "
        "(e.getAttribute('href') || '').startsWith('tel:+44')",
    )
    assert focused["text"].startswith("Call ")


def test_switch_to_easy_read_and_back(page, example_site):
    """The toggle is reached with Tab and goes to the easy read and back."""
    page.goto(example_site.url("/support/fire-safety/"))
    tab_until(page, "e.classList.contains('sg-toggle__link')")
    page.keyboard.press("Enter")
    page.wait_for_url(example_site.url("/support/fire-safety/easy-read/"))
    tab_until(page, "e.classList.contains('sg-toggle__link')")
    page.keyboard.press("Enter")
    page.wait_for_url(example_site.url("/support/fire-safety/"))


def test_zoom_400_percent(browser, example_site, example_pages):
    """1280x1024 at 400% is 320x256 CSS pixels: no sideways scroll, exit still on top."""
    context = browser.new_context(viewport={"width": 320, "height": 256}, device_scale_factor=4)
    page = context.new_page()
    wide = []
    for path in example_pages:
        page.goto(example_site.url(path))
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            wide.append(path)
        assert on_top(page, ".sg-exit__button"), path
    context.close()
    assert wide == []


TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

USER_STYLE = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

CLIPPED = """() => [...document.querySelectorAll(
    '.sg-exit, .sg-exit *, .sg-emergency *, .sg-card *, .sg-toggle *, .sg-point *, '
    + '.md-typeset p, .md-typeset li, .md-typeset h1, .md-typeset h2')]
  .filter(e => {
    const s = getComputedStyle(e);
    const hides = v => ['hidden', 'clip'].includes(v);
    const clips = hides(s.overflowX) || hides(s.overflowY);
    return clips && e.getClientRects().length && !e.closest('.sg-exit__status:empty')
      && !e.matches('.sg-visually-hidden, .sg-exit__status:empty')
      && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
  }).map(e => e.tagName + '.' + e.className)"""


@pytest.mark.parametrize("width", [1280, 320])
def test_text_spacing(browser, example_site, width):
    """With WCAG 1.4.12 text spacing, nothing is cut off and nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in ["/", "/support/domestic-and-sexual-abuse/", "/support/fire-safety/easy-read/"]:
        page.goto(example_site.url(path))
        # A reader's own style sheet, as a browser extension adds it: a constructed sheet,
        # which the site's policy (no inline <style>) leaves alone.
        page.evaluate(USER_STYLE, TEXT_SPACING)
        assert page.evaluate(CLIPPED) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert on_top(page, ".sg-exit__button"), path
    context.close()


def test_reduced_motion(browser, example_site):
    """With reduced motion asked for, transitions and smooth scrolling are off."""
    context = browser.new_context(reduced_motion="reduce", viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(example_site.url("/"))
    durations = page.evaluate(
        "() => [getComputedStyle(document.querySelector('.md-sidebar--primary'))"
        ".transitionDuration, getComputedStyle(document.documentElement).scrollBehavior]"
    )
    assert all(float(d.rstrip("ms")) <= 0.01 for d in durations[0].split(", ")), durations
    assert durations[1] == "auto"
    context.close()


def test_print_hides_controls_and_keeps_services(page, example_site):
    """Printing shows the page and its service cards, without exit, banner or toggle."""
    page.goto(example_site.url("/support/domestic-and-sexual-abuse/"))
    page.emulate_media(media="print")
    for hidden in [".sg-exit", ".sg-emergency", ".sg-toggle", ".md-header", ".md-sidebar--primary"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".sg-card").first.is_visible()
    assert page.locator("h1").is_visible()


def test_without_css_order_and_links(browser, example_site, destination):
    """With no styles and no scripts, the exit link comes first and still works."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route("**/*.css", lambda route: route.abort())
    page.goto(example_site.url("/support/domestic-and-sexual-abuse/"))
    links = page.locator("a[href]")
    assert links.first.inner_text() == "Exit this page"
    text = page.evaluate("document.body.innerText")
    assert text.index("Exit this page") < text.index("In immediate danger?")
    assert text.index("In immediate danger?") < text.index("Domestic and sexual abuse")
    links.first.click()
    page.wait_for_url(destination.url("/weather"))
    context.close()
