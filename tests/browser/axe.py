"""Run axe-core in a Playwright page and describe its findings readably."""

from __future__ import annotations

from functools import cache
from pathlib import Path

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def axe_source() -> str:
    """axe-core as shipped inside the axe-playwright-python wheel (no download at run time)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page, tags: list[str] | None = None) -> list[str]:
    """Return one line per violated rule and element; an empty list means none."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the site's security policy does not
        # govern; a <script> element would be refused like any script the site did not ship.
        page.evaluate(axe_source())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        tags or WCAG_TAGS,
    )
    lines = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {' '.join(node['target'])}: {node['failureSummary']}")
    return lines
