"""The audio player in real Chromium: it plays, follows along, and works without JavaScript."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.browser.axe import axe_violations
from tests.browser.waiting import wait_until
from tests.conftest import run_build, write_site
from tests.servers import LocalServer, start_site

PAGE = "/support/fire-safety/"


@pytest.fixture
def listening(browser, example_site):
    """A tab on a page, its audio muted (headless Chromium has no speakers to spare)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(example_site.url(PAGE))
    page.click("summary.sg-player__title")  # the player opens from its one line
    page.evaluate("document.querySelector('.sg-player__audio').muted = true")
    yield page
    context.close()


def highlighted(page) -> str:
    """The text of the sentence highlighted now."""
    return page.evaluate(
        "() => CSS.highlights.has('sg-reading') ?"
        " [...CSS.highlights.get('sg-reading')][0].toString() : ''"
    )


def test_player_on_every_page(browser, example_site, example_pages):
    """Every content page has a player whose files exist, read by the voice of the page's
    language: Polish and Urdu translations by eSpeak NG's Polish and Urdu voices."""
    voices = {"pl": "zlw/pl", "ur": "inc/ur"}
    context = browser.new_context()
    page = context.new_page()
    for path in example_pages:
        if path.endswith("404.html"):
            continue
        page.goto(example_site.url(path))
        audio = page.locator(".sg-player__audio")
        assert audio.count() == 1, path
        src = audio.get_attribute("src")
        response = page.request.get(page.url.split("#")[0] + src)
        assert response.status == 200 and response.headers["content-type"] == "audio/mpeg", path
        timings = page.locator(".sg-player").get_attribute("data-sg-timings")
        voice = page.request.get(page.url.split("#")[0] + timings).json()["voice"]
        assert voice == voices.get(path.split("/")[1], "gmw/en-gb-x-rp"), path
    context.close()


def mp3_duration(page) -> float:
    """The length of the page's MP3 as the browser decodes it."""
    return page.evaluate(
        """() => new Promise(resolve => {
          const audio = document.querySelector('.sg-player__audio');
          audio.preload = 'metadata';
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration), {once: true});
          audio.load();
        })"""
    )


def test_mp3_duration_matches_timings(listening):
    """The browser decodes the MP3; its length matches the timings file within 2%."""
    duration = mp3_duration(listening)
    timings = listening.request.get(listening.url + "listen.json").json()
    assert abs(duration - timings["duration"]) / timings["duration"] < 0.02
    starts = [t["start"] for t in timings["timings"]]
    assert starts == sorted(starts) and timings["timings"][-1]["end"] <= timings["duration"]


def test_plays_and_highlight_follows(listening):
    """Playing highlights the sentence being read, and the highlight moves on."""
    listening.evaluate("document.querySelector('.sg-player__audio').play()")
    wait_until(listening, "CSS.highlights.has('sg-reading')")
    first = highlighted(listening)
    assert first == "Fire safety at home"
    wait_until(
        listening,
        "t => CSS.highlights.has('sg-reading') && [...CSS.highlights.get('sg-reading')][0]"
        ".toString() !== t",
        arg=first,
        timeout=10_000,
    )
    assert highlighted(listening) == "Smoke alarms save lives."


def test_speed_buttons(listening):
    """Speed buttons set the playback rate and show which is on."""
    listening.click("[aria-label='Speed 1.5 times']")
    assert listening.evaluate("document.querySelector('.sg-player__audio').playbackRate") == 1.5
    pressed = listening.locator(".sg-player__speed[aria-pressed=true]").all_inner_texts()
    assert pressed == ["1.5\u00d7"]


def test_sentence_steps_and_click_to_play(listening):
    """Next sentence jumps to the next start; clicking a sentence plays from there."""
    listening.click("text=Next sentence")
    listening.click("text=Next sentence")
    timings = listening.request.get(listening.url + "listen.json").json()["timings"]
    wait_until(
        listening,
        "t => Math.abs(document.querySelector('.sg-player__audio').currentTime - t) < 0.05",
        arg=timings[2]["start"],
    )
    assert (
        highlighted(listening)
        == "But for some adults at risk, a smoke alarm on its own is not always enough."
    )
    listening.evaluate("document.querySelector('.sg-player__audio').play()")
    listening.click("text=cannot hear a smoke alarm")
    wait_until(listening, "!document.querySelector('.sg-player__audio').paused")
    listening.wait_for_timeout(300)  # a few timeupdate events: the highlight must stay put
    assert highlighted(listening) == "cannot hear a smoke alarm"


def test_without_javascript(browser, example_site):
    """With JavaScript off: one line with the listening time opens (a native disclosure) a
    native player and the download link; closed, the line is all it takes on screen."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(example_site.url(PAGE))
    assert "about 3 min" in page.locator(".sg-player__title").inner_text()
    assert page.locator(".sg-player").bounding_box()["height"] < 90
    assert not page.locator("audio.sg-player__audio").is_visible()
    page.keyboard.press("Tab")  # keyboard only: the exit, then on to the player's line
    for _ in range(20):
        if page.evaluate("document.activeElement.matches('summary.sg-player__title')"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    audio = page.locator("audio.sg-player__audio")
    assert audio.is_visible()
    assert audio.get_attribute("controls") is not None
    assert audio.get_attribute("preload") == "none"
    assert page.locator(".sg-player a[download]").inner_text().startswith("Download audio (MP3, ")
    assert "about 3 min" in page.locator(".sg-player__title").inner_text()
    assert page.locator(".sg-player__controls").count() == 0
    context.close()


def test_no_storage_while_listening(listening):
    """Listening stores nothing in the browser."""
    listening.click("[aria-label='Speed 1.25 times']")
    listening.click("text=Next sentence")
    assert listening.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]


def test_timings_point_at_real_text(listening):
    """Every timed sentence's characters exist in its block (the highlight can be drawn)."""
    timings = listening.request.get(listening.url + "listen.json").json()["timings"]
    missing = listening.evaluate(
        """t => t.filter(s => {
          const el = document.querySelector(`[data-sg-block="${s.block}"]`);
          return !el || el.textContent.length < s.end_char;
        }).length""",
        timings,
    )
    assert missing == 0
    assert json.dumps(timings)  # plain JSON


NATURAL = "# Fire safety\n\nSmoke alarms save lives. Test yours every month.\n"


@pytest.fixture(scope="module")
def natural_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """A small site read by the natural voice (Kokoro), served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("natural")
    audio = {"enabled": True, "engine": "kokoro", "workers": 1, "progress": False}
    config_file = write_site(
        root, {"index.md": NATURAL}, {"plugins": [{"safeguarding": {"audio": audio}}]}
    )
    config = load_config(str(config_file), strict=True)
    run_build(config)
    server = start_site(Path(config.site_dir))
    yield server
    server.stop()


def test_natural_voice_plays_and_highlight_follows(browser, natural_site):
    """The player works the same with the natural voice: its MP3 lasts as timed, and the
    highlight follows the sentences."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(natural_site.url("/"))
    page.click("summary.sg-player__title")
    duration = page.evaluate(
        """() => new Promise(resolve => {
          const audio = document.querySelector('.sg-player__audio');
          audio.muted = true;
          audio.preload = 'metadata';
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration), {once: true});
          audio.load();
        })"""
    )
    timings = page.request.get(natural_site.url("/listen.json")).json()
    assert abs(duration - timings["duration"]) / timings["duration"] < 0.02
    page.evaluate("document.querySelector('.sg-player__audio').play()")
    wait_until(page, "CSS.highlights.has('sg-reading')")
    assert highlighted(page) == "Fire safety"
    wait_until(
        page,
        "t => CSS.highlights.has('sg-reading') && [...CSS.highlights.get('sg-reading')][0]"
        ".toString() !== t",
        arg="Fire safety",
        timeout=10_000,
    )
    assert highlighted(page) == "Smoke alarms save lives."
    context.close()


def test_the_player_script_loads_when_the_player_opens(browser, example_site):
    """player.js comes when the player is opened; play pressed before it arrives is still
    followed: the sentence being read is highlighted once it does."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    held = []
    page.route("**/player.js", lambda route: held.append(route))
    page.goto(example_site.url(PAGE))
    page.click("summary.sg-player__title")
    wait_until(page, "document.querySelector('.sg-player[open]') !== null")
    page.evaluate("document.querySelector('.sg-player__audio').muted = true")
    page.evaluate("document.querySelector('.sg-player__audio').play()")
    wait_until(page, "!document.querySelector('.sg-player__audio').paused")
    assert len(held) == 1 and page.locator(".sg-player__speed").count() == 0
    held[0].continue_()
    wait_until(page, "CSS.highlights.has('sg-reading')", timeout=10_000)
    assert page.locator(".sg-player__speed").count() == 4
    context.close()


@pytest.mark.parametrize(
    ("path", "width"),
    [(PAGE, 1280), (PAGE, 320), ("/ur/support/domestic-and-sexual-abuse/", 320)],
)
def test_the_open_player_passes_axe(browser, example_site, path, width):
    """Opened, with the buttons its script adds (in Urdu too, right to left): no WCAG 2.2
    A/AA violation, and no sideways scroll on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(example_site.url(path))
    page.click("summary.sg-player__title")
    page.wait_for_selector(".sg-player__speed")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
