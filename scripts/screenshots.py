"""Take the README screenshots of the built site in headless Chromium.

Usage: python scripts/screenshots.py [SITE_DIR] [OUT_DIR]
Builds nothing: run `make site` first. Serves SITE_DIR on 127.0.0.1 while it works.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

SHOTS = [
    # name, path, width, height, action
    ("home-1280", "/", 1280, 900, None),
    ("home-320", "/", 320, 640, None),
    ("exit-counting-1280", "/support/domestic-and-sexual-abuse/", 1280, 500, "shift2"),
    ("exit-counting-320", "/support/domestic-and-sexual-abuse/", 320, 640, "shift2"),
    ("drawer-320", "/", 320, 640, "drawer"),
    ("resources-1280", "/making-safeguarding-personal/resources/", 1280, 900, "open-details"),
    ("not-found-320", "/404.html", 320, 640, None),
    ("easy-read-1280", "/support/fire-safety/easy-read/", 1280, 900, None),
    ("easy-read-320", "/support/fire-safety/easy-read/", 320, 640, "scroll-points"),
    ("search-320", "/", 320, 640, "search:hit by my son"),
    ("services-1280", "/services/domestic-abuse/", 1280, 900, None),
    ("player-1280", "/support/fire-safety/", 1280, 900, "play"),
    ("library-320", "/library/for/public/", 320, 640, "scroll-documents"),
    ("library-1280", "/library/", 1280, 900, None),
    ("polish-player-320", "/pl/support/domestic-and-sexual-abuse/", 320, 640, "play"),
    ("urdu-player-320", "/ur/support/domestic-and-sexual-abuse/", 320, 640, "play"),
    ("polish-search-1280", "/pl/support/domestic-and-sexual-abuse/", 1280, 700, "search:999"),
]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for name, path, width, height, action in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(origin + path)
            if action == "shift2":
                page.keyboard.press("Shift")
                page.keyboard.press("Shift")
            elif action == "drawer":
                page.click(".md-header .sg-menu-button")
            elif action == "open-details":
                page.click("details:not(.sg-player) summary")
                page.locator("details:not(.sg-player)").first.scroll_into_view_if_needed()
            elif action == "scroll-documents":
                page.evaluate("document.querySelector('.sg-doc').scrollIntoView()")
                page.evaluate("window.scrollBy(0, -8)")
            elif action == "scroll-points":
                page.locator(".sg-point").first.scroll_into_view_if_needed()
            elif action and action.startswith("search:"):
                page.fill("#sg-search-input", action.removeprefix("search:"))
                page.press("#sg-search-input", "Enter")
                # Polled from here: wait_for_function compiles its test with eval in the
                # page, which the site's Content Security Policy refuses.
                for _ in range(200):
                    if page.evaluate(
                        "document.querySelector('.sg-search__results').hidden === false"
                    ):
                        break
                    page.wait_for_timeout(50)
                page.locator(".sg-search__count").scroll_into_view_if_needed()
            elif action == "play":
                page.evaluate("document.querySelector('.sg-player__audio').muted = true")
                page.click("summary.sg-player__title")
                page.locator(".sg-player__step").nth(1).click()  # next sentence, any language
                page.locator(".sg-player__step").nth(1).click()
                # The steps seek once the timings and the MP3's length have come.
                for _ in range(100):
                    if page.evaluate("document.querySelector('.sg-player__audio').currentTime > 0"):
                        break
                    page.wait_for_timeout(50)
                page.evaluate("document.querySelector('.sg-player__audio').play()")
                page.wait_for_timeout(1500)
                page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(400)
            page.screenshot(path=str(out / f"{name}.png"))
            page.close()
            print(out / f"{name}.png")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
