"""Windows contrast themes (CSS forced colours), emulated in real Chromium."""

from __future__ import annotations

import pytest

PAGE = "/support/fire-safety/easy-read/"
STYLE = "(el, prop) => getComputedStyle(el, null)[prop]"
BEFORE = "(el, prop) => getComputedStyle(el, '::before')[prop]"


@pytest.fixture
def forced(browser, example_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.emulate_media(forced_colors="active", color_scheme="dark")
    page.goto(example_site.url(PAGE))
    yield page
    context.close()


def style(page, selector: str, prop: str, script: str = STYLE) -> str:
    return page.eval_on_selector(selector, script, prop)


def test_exit_link_keeps_the_outline_of_a_button(forced):
    """Without its red background the exit link would look like any other link."""
    assert style(forced, ".sg-exit__button", "borderTopStyle") == "solid"
    assert style(forced, ".sg-exit__button", "borderTopWidth") == "2px"
    canvas = style(forced, "body", "backgroundColor")
    assert style(forced, ".sg-exit__button", "borderTopColor") != canvas


def test_states_shown_by_colour_stay_visible(forced):
    """The pressed speed, the counted Shift presses and the toggle's dot keep a colour."""
    canvas = style(forced, "body", "backgroundColor")
    forced.click("summary.sg-player__title")
    forced.wait_for_selector('.sg-player__speed[aria-pressed="true"]')
    pressed = style(forced, '.sg-player__speed[aria-pressed="true"]', "backgroundColor")
    unpressed = style(forced, '.sg-player__speed[aria-pressed="false"]', "backgroundColor")
    assert pressed != unpressed and pressed != canvas
    assert style(forced, ".sg-toggle__link", "backgroundColor", BEFORE) != canvas
    forced.locator("body").click(position={"x": 600, "y": 600})
    forced.keyboard.press("Shift")
    forced.wait_for_selector('.sg-exit[data-sg-presses="1"]')
    lights = forced.eval_on_selector_all(
        ".sg-exit__light", "els => els.map(el => getComputedStyle(el).backgroundColor)"
    )
    assert lights[0] != canvas and lights[1] != lights[0]
