"""Waiting for a page's state under the site's Content Security Policy."""

from __future__ import annotations

import time

from playwright.sync_api import Error


def wait_until(page, expression: str, arg: object = None, timeout: float = 30_000) -> None:
    """Poll ``expression`` until it is truthy (a function expression gets ``arg``).

    Playwright's own ``wait_for_function`` compiles its predicate with ``eval`` inside the
    page, which the site's policy refuses, as it should; ``evaluate`` goes through the
    DevTools protocol instead. A page being replaced mid-poll is polled again.
    """
    deadline = time.monotonic() + timeout / 1000
    while True:
        try:
            if page.evaluate(expression, arg):
                return
        except Error as error:
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout / 1000:.0f} s for: {expression}")
        page.wait_for_timeout(50)
