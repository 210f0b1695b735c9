"""Real builds: settings that would reach other websites, the policy, the host files, and
front matter the theme would print raw."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safeguarding_site.security.csp import inline_scripts, script_hash
from tests.conftest import write_site
from tests.test_plugin import mkdocs_cli


def run(tmp_path: Path, files: dict, *args: str, plugin: dict | None = None, **config) -> str:
    """`mkdocs build` a small site with ``args``; return what it printed (exit code checked
    by the caller through the returned text's first line)."""
    options = dict(plugin or {})
    options.setdefault("audio", {"enabled": False})
    write_site(tmp_path, files, {"plugins": [{"safeguarding": options}], **config})
    result = mkdocs_cli(tmp_path, "build", *args)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    return f"exit {result.returncode}\n{output}"


def html_files(site: Path) -> str:
    """Every HTML page of a built site, joined."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))


LEAKY = {
    "theme": {
        "name": "material",
        "font": {"text": "Lato"},
        "features": ["navigation.sections", "navigation.instant", "search.highlight"],
    },
    "extra": {"analytics": {"provider": "google", "property": "G-X"}},
    "extra_javascript": ["https://cdn.example.org/tracker.js", "js/own.js"],
    "extra_css": ["//fonts.example.org/font.css"],
    "repo_url": "https://github.com/anytown/sab",
}
FILES = {"index.md": "# Home\n\nHello.\n", "js/own.js": "// ours\n"}


def test_settings_that_reach_other_websites_are_turned_off_with_a_warning(tmp_path):
    """Each setting is named with the reason; the pages load nothing from elsewhere."""
    output = run(tmp_path, FILES, **LEAKY)
    assert output.startswith("exit 0"), output
    for setting in (
        "'theme.font': it loads web fonts from Google's servers",
        "'theme.features: navigation.instant': it fetches pages in the background",
        "'theme.features: search.highlight': it puts the words a reader searched for",
        "'extra.analytics': it sends every visit to an analytics service",
        "'extra_css: //fonts.example.org/font.css': it would load from another website",
        "'extra_javascript: https://cdn.example.org/tracker.js': it would load from another",
        "'repo_url': the theme asks github.com for the repository's stars",
    ):
        assert (
            f"WARNING -  safeguarding_site: Plugin 'safeguarding' turned off {setting}" in output
        ), setting
    html = html_files(tmp_path / "site")
    for gone in (
        "fonts.googleapis",
        "cdn.example.org",
        "fonts.example.org",
        "github.com",
        "gtag",
        "md-source",
    ):
        assert gone not in html, gone
    assert 'src="js/own.js"' in html


def test_strict_build_stops_on_them(tmp_path):
    """With --strict, a refused setting fails the build (and site/ is not touched)."""
    output = run(tmp_path, FILES, "--strict", **LEAKY)
    assert output.startswith("exit 1"), output
    assert not (tmp_path / "site").exists()


def test_theme_default_fonts_are_off_without_a_word(tmp_path):
    """A mkdocs.yml that says nothing about fonts (the theme would load Roboto from Google)
    builds under --strict and loads no web font."""
    output = run(tmp_path, {"index.md": "# Home\n"}, "--strict")
    assert output.startswith("exit 0"), output
    assert "fonts.g" not in html_files(tmp_path / "site")


def test_every_inline_script_is_in_the_policy_and_the_host_files(tmp_path):
    """Each page's policy lists its theme's inline scripts; _headers lists them all."""
    files = {"index.md": "# Home\n", "a/b/deep.md": "# Deep\n"}
    output = run(tmp_path, files, "--strict", theme={"name": "material", "palette": {}})
    assert output.startswith("exit 0"), output
    site = tmp_path / "site"
    everything = (site / "_headers").read_text(encoding="utf-8")
    for path in [*site.rglob("*.html")]:
        page = path.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
        assert policy, path
        scripts = inline_scripts(page)
        assert scripts, path
        for text in scripts:
            assert script_hash(text) in policy.group(1), (path, text[:40])
            assert script_hash(text) in everything
    assert (site / ".htaccess").is_file() and (site / "nginx-headers.conf").is_file()


def test_inline_script_and_style_written_in_a_page_are_warned_and_not_allowed(tmp_path):
    """A <script> or style attribute an editor writes is named, and the policy does not
    allow the script; aligned table columns use 'align', not style."""
    page = (
        '# Home\n\n<script>alert(1)</script>\n\n<p style="color: red">Red</p>\n\n'
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n"
    )
    output = run(tmp_path, {"index.md": page}, markdown_extensions=["tables", "md_in_html"])
    assert output.startswith("exit 0"), output
    assert "Page 'index.md' has a <script> written into its text." in output
    assert "Page 'index.md' has a 'style' attribute written into its text." in output
    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert script_hash("alert(1)") not in html
    assert '<th align="left">a</th>' in html


def test_policy_can_be_turned_off(tmp_path):
    """security.csp false: no policy in pages or host files; host_files [] writes none."""
    output = run(tmp_path, {"index.md": "# Home\n"}, plugin={"security": {"csp": False}})
    assert output.startswith("exit 0"), output
    assert "Content-Security-Policy" not in (tmp_path / "site/index.html").read_text()
    assert "Content-Security-Policy" not in (tmp_path / "site/_headers").read_text()
    output = run(tmp_path, {"index.md": "# Home\n"}, plugin={"security": {"host_files": []}})
    assert not (tmp_path / "site/_headers").exists()


def test_preview_pages_have_no_policy(tmp_path):
    """Under `mkdocs serve` pages carry no policy, which would block the reload script that
    the preview server adds to each page; the host files are still written."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = write_site(
        tmp_path,
        {"index.md": "# Home\n"},
        {"plugins": [{"safeguarding": {"audio": {"enabled": False}}}]},
    )
    cfg = load_config(str(config_file))
    cfg.plugins.on_startup(command="serve", dirty=False)
    try:
        build(cfg, serve_url="http://127.0.0.1:8000/")
    finally:
        cfg.plugins.on_shutdown()
    html = (Path(cfg.site_dir) / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" not in html
    assert "Content-Security-Policy" in (Path(cfg.site_dir) / "_headers").read_text()


PAYLOAD = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        (
            f"status: '{PAYLOAD}'",
            "Page 'a.md': front matter field 'status': received "
            "'<img src=x onerror=alert(1)>', expected one of 'new' (the statuses under "
            "'extra.status' in mkdocs.yml).",
        ),
        (f"author: ['{PAYLOAD}']", "Page 'a.md': front matter field 'author' must be text"),
        (f"subtitle: ['{PAYLOAD}']", "Page 'a.md': front matter field 'subtitle' must be text"),
        (
            "icon: material/no-such-icon",
            "Page 'a.md': front matter field 'icon': there is no icon 'material/no-such-icon'.",
        ),
        (
            "template: gone.html",
            "Page 'a.md': front matter field 'template': there is no template 'gone.html'",
        ),
        ("hide: [everything]", "Page 'a.md': front matter field 'hide': received ['everything']"),
    ],
)
def test_front_matter_mistakes_are_one_line(tmp_path, front_matter, expected):
    """Each stops the build with a message naming the page and field; never a traceback."""
    files = {"index.md": "# Home\n", "a.md": f"---\n{front_matter}\n---\n# A\n"}
    output = run(tmp_path, files, "--strict", extra={"status": {"new": "New"}})
    assert output.startswith("exit 1"), output
    assert expected in output
    assert not (tmp_path / "site").exists()


def test_front_matter_text_is_printed_as_text(tmp_path):
    """Payloads in every printed field show as text, in the navigation too."""
    meta = "\n".join(
        f"{name}: '{PAYLOAD}'" for name in ("title", "description", "author", "subtitle")
    )
    files = {
        "index.md": "# Home\n",
        "a.md": f"---\n{meta}\nstatus: new\nicon: material/phone\n---\n# A\n",
    }
    output = run(tmp_path, files, "--strict", extra={"status": {"new": "New"}})
    assert output.startswith("exit 0"), output
    html = html_files(tmp_path / "site")
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&amp;lt;" not in html, "escaped twice"
    assert 'class="md-status md-status--new"' in html
