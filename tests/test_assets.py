"""Tests for safeguarding_site.assets."""

from safeguarding_site.assets import minify_assets


def test_minifies_assets_keeping_lunrs_licence(tmp_path):
    """The plugin's CSS and JS lose comments and spaces; lunr.js too, but its opening comment
    (its licence) stays: it is the largest script a search loads."""
    folder = tmp_path / "assets/safeguarding"
    folder.mkdir(parents=True)
    (folder / "a.css").write_text("/* note */\n.x {\n  color: red;\n}\n")
    (folder / "b.js").write_text("// note\nvar a = 1;\n\nfunction f () { return a; }\n")
    (folder / "lunr.js").write_text("/* licence */\n// note\nvar lunr = 1;\n")
    assert minify_assets(tmp_path) > 0
    assert (folder / "a.css").read_text() == ".x{color:red}"
    assert (folder / "b.js").read_text() == "var a=1;function f(){return a;}"
    assert (folder / "lunr.js").read_text() == "/* licence */\nvar lunr=1;"
