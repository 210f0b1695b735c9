"""Colour contrast: WCAG arithmetic, Material's palette, a site's stylesheet, real builds."""

from __future__ import annotations

import glob
import logging
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import Abort

from safeguarding_site.colours.contrast import (
    check,
    contrast,
    merge,
    palette_variables,
    stylesheet_variables,
)

PALETTE_CSS = Path(
    glob.glob(str(Path(material.__file__).parent / "templates/assets/stylesheets/palette.*.css"))[0]
).read_text(encoding="utf-8")


def test_wcag_ratios():
    """Known pairs: black on white is 21:1, #767676 on white just passes 4.5:1."""
    assert contrast("#000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#fff", "#767676") == contrast("#767676", "#fff")


def test_palette_colours_come_from_materials_own_stylesheet():
    """The light scheme's colours for a name; the dark scheme's link colour is not taken."""
    teal = palette_variables(PALETTE_CSS, "teal")
    assert teal["--md-primary-fg-color"] == "#009485"
    assert teal["--md-primary-bg-color"] == "#fff"
    assert "--md-typeset-a-color" not in teal  # that one is the slate scheme's


def test_site_stylesheet_overrides_the_palette():
    """Custom properties set for the whole page in a site's CSS win over the palette."""
    css = "/* --md-primary-fg-color: #ffff00 */ :root { --md-primary-fg-color: #00695c; }"
    values, origins = merge(
        [("'theme.palette.primary: teal'", palette_variables(PALETTE_CSS, "teal")),
         ("'site.css'", stylesheet_variables(css))]
    )  # fmt: skip
    assert values["--md-primary-fg-color"] == "#00695c"
    assert check(values, origins) == []


def test_findings_name_the_pair_and_the_setting():
    """Teal gives 3.8:1 for links and white text on it; the message names the palette."""
    values, origins = merge(
        [("'theme.palette.primary: teal'", palette_variables(PALETTE_CSS, "teal"))]
    )
    messages = [f.message() for f in check(values, origins)]
    assert messages[0] == (
        "Colours: link text (#009485 on #ffffff) has a contrast of 3.8:1; WCAG 2.2 AA asks for "
        "4.5:1. The colour comes from 'theme.palette.primary: teal': choose a darker one."
    )
    assert len(messages) == 3


def test_material_defaults_pass():
    """Without a palette or site colours (indigo), nothing is found."""
    assert check({}, {}) == []


def test_build_warns_and_strict_stops(build_site, caplog):
    """A teal palette is a warning naming it (fatal with --strict); a darker link colour in
    the site's stylesheet clears it."""
    theme = {"name": "material", "palette": {"primary": "teal"}}
    with caplog.at_level(logging.WARNING):
        build_site({"index.md": "# Home\n"}, theme=theme)
    assert any("'theme.palette.primary: teal'" in m for m in caplog.messages)
    with pytest.raises(Abort):
        build_site({"index.md": "# Home\n"}, theme=theme, strict=True)
    caplog.clear()
    dark = ":root {\n  --md-primary-fg-color: #00695c;\n}\n"
    build_site(
        {"index.md": "# Home\n", "css/site.css": dark},
        theme=theme,
        extra_css=["css/site.css"],
        strict=True,
    )
    assert not [m for m in caplog.messages if "Colours:" in m]
