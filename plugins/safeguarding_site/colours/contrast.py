"""WCAG contrast of the colour pairs a page shows, from the theme's palette and a site's CSS.

An editor who sets ``theme.palette.primary: teal`` cannot see that its links and buttons have
3.8:1 against white; WCAG 2.2 AA asks for 4.5:1 for text. The colours come from where the
browser gets them: Material's palette stylesheet for the chosen colour name, overridden by
custom properties in the site's own stylesheets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DECLARATION = re.compile(r"(--md-[a-z-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\b")
_ROOT_SELECTORS = {":root", "[data-md-color-scheme=default]", "body", "html"}

MATERIAL_DEFAULTS = {
    "--md-primary-fg-color": "#4051b5",
    "--md-primary-bg-color": "#ffffff",
    "--md-default-bg-color": "#ffffff",
}
"""Material's light scheme without a palette: indigo, white text on it, a white page."""


@dataclass(frozen=True)
class Finding:
    """One pair below its minimum: what it is, its colours and where they were set."""

    pair: str
    foreground: str
    background: str
    ratio: float
    minimum: float
    where: str

    def message(self) -> str:
        """The warning the build gives."""
        return (
            f"Colours: {self.pair} ({self.foreground} on {self.background}) has a contrast of "
            f"{self.ratio:.1f}:1; WCAG 2.2 AA asks for {self.minimum:g}:1. The colour comes "
            f"from {self.where}: choose a darker one."
        )


def rgb(colour: str) -> tuple[float, float, float]:
    """Red, green and blue from 0 to 1, from '#abc', '#aabbcc' or '#aabbccdd' (alpha ignored)."""
    digits = colour.lstrip("#")
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits[:3])
    return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    """WCAG relative luminance."""
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb(colour)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, from 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def palette_variables(palette_css: str, primary: str) -> dict[str, str]:
    """Custom properties Material's palette sets for a primary colour name, light scheme."""
    wanted = f"[data-md-color-primary={primary}]"
    found: dict[str, str] = {}
    for selectors, body in _RULE.findall(palette_css):
        if wanted in (s.strip() for s in selectors.split(",")):
            found.update(_DECLARATION.findall(body))
    return found


def stylesheet_variables(css: str) -> dict[str, str]:
    """Custom properties a site's stylesheet sets for the whole page (``:root`` and the like)."""
    found: dict[str, str] = {}
    for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if any(s.strip() in _ROOT_SELECTORS for s in selectors.split(",")):
            found.update(_DECLARATION.findall(body))
    return found


PAIRS = (
    ("link text", "--md-typeset-a-color", "--md-default-bg-color", 4.5),
    ("link text on the player's box", "--md-typeset-a-color", "#f8f8f8", 4.5),
    ("text on the header and the Search button", "--md-primary-bg-color",
     "--md-primary-fg-color", 4.5),
)  # fmt: skip
"""Pairs the plugin and the theme show: name, foreground, background, minimum ratio."""


def check(variables: Mapping[str, str], origins: Mapping[str, str]) -> list[Finding]:
    """Every pair below its minimum. ``origins`` says where each variable was set."""
    values = {**MATERIAL_DEFAULTS, **variables}
    values.setdefault("--md-typeset-a-color", values["--md-primary-fg-color"])
    origin_of_link = origins.get("--md-typeset-a-color", origins.get("--md-primary-fg-color"))

    def resolve(name: str) -> str:
        return values[name] if name.startswith("--") else name

    findings = []
    for pair, fg, bg, minimum in PAIRS:
        ratio = contrast(resolve(fg), resolve(bg))
        if ratio < minimum:
            where = origin_of_link if fg == "--md-typeset-a-color" else origins.get(fg)
            where = where or origins.get(bg) or "the theme's default colours"
            findings.append(Finding(pair, resolve(fg), resolve(bg), ratio, minimum, where))
    return findings


def merge(layers: Iterable[tuple[str, Mapping[str, str]]]) -> tuple[dict[str, str], dict[str, str]]:
    """Variables from later layers win; each keeps the name of the layer that set it."""
    values: dict[str, str] = {}
    origins: dict[str, str] = {}
    for origin, layer in layers:
        for name, value in layer.items():
            values[name], origins[name] = value, origin
    return values, origins
