"""MkDocs glue: read the palette and the site's stylesheets, warn about weak contrast."""

from __future__ import annotations

import glob
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from .contrast import Finding, check, merge, palette_variables, stylesheet_variables

log = get_plugin_logger(__name__)


def check_colours(config: MkDocsConfig) -> list[Finding]:
    """Warn (an error with --strict) about each colour pair below WCAG AA, naming its source."""
    theme_dirs = list(config.theme.dirs)
    site_css = []
    for path in map(str, config.extra_css):
        for folder in [config.docs_dir, *theme_dirs]:
            file = os.path.join(folder, path)
            if os.path.isfile(file):
                with open(file, encoding="utf-8") as stream:
                    site_css.append((f"'{path}'", stylesheet_variables(stream.read())))
                break
    palette = config.theme.get("palette")
    schemes = palette if isinstance(palette, list) else [palette or {}]
    findings: list[Finding] = []
    palette_css = None  # read once, and only when a scheme names a colour
    for scheme in schemes:
        if not isinstance(scheme, dict) or scheme.get("scheme") == "slate":
            continue  # dark schemes: not checked yet
        layers = []
        primary = str(scheme.get("primary") or "").strip().lower().replace(" ", "-")
        if primary and primary != "custom":
            if palette_css is None:
                palette_css = _palette_css(theme_dirs)
            layers.append(
                (
                    f"'theme.palette.primary: {scheme['primary']}'",
                    palette_variables(palette_css, primary),
                )
            )
        values, origins = merge([*layers, *site_css])
        findings += check(values, origins)
    for finding in findings:
        log.warning(finding.message())
    return findings


def _palette_css(theme_dirs: list[str]) -> str:
    """Material's palette stylesheet, wherever the theme keeps it."""
    for folder in theme_dirs:
        for path in glob.glob(os.path.join(folder, "assets/stylesheets/palette.*.min.css")):
            with open(path, encoding="utf-8") as stream:
                return stream.read()
    return ""
