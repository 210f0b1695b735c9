"""Tests for safeguarding_site.plugin: real MkDocs builds of small sites."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import ROOT, write_site

STARTER_DAY = dt.date(2026, 11, 30)
"""The day tests/fixtures/minimal-site was written by `safeguarding new`."""

MINIMAL = {"index.md": "# Home\n\nHello.\n", "help.md": "# Staying safe\n\nAdvice.\n"}


def mkdocs_cli(site_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs` command in ``site_root``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=site_root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_minimal_site_gets_every_asset(build_site):
    """A site of only docs/ and a minimal mkdocs.yml gets the bar, CSS, JS and privacy head."""
    site = build_site(MINIMAL)
    html = (site / "index.html").read_text(encoding="utf-8")
    body = html.split("<body", 1)[1].split(">", 1)[1].lstrip()
    assert body.startswith(
        '<div class="sg-exit" role="region" aria-label="Exit this page" data-module="sg-quick-exit"'
    )
    head = html.split("<head>", 1)[1].lstrip()
    # The policy, the referrer policy and the exit come first, before any request is made.
    assert re.match(
        r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+">'
        r'<meta name="referrer" content="no-referrer">'
        r'<script src="assets/safeguarding/quick-exit.js" async></script>'
        r'<script src="assets/safeguarding/privacy.js" data-sg-memory-storage></script>\s',
        head,
    ), head[:600]
    assert head.index("privacy.js") < head.index("__md_get=")  # before the theme defines it
    assert 'href="assets/safeguarding/safeguarding.css"' in html
    for asset in ("safeguarding.css", "quick-exit.js", "privacy.js"):
        assert (site / "assets/safeguarding" / asset).is_file(), asset
    assert 'href="https://www.bbc.co.uk/weather" rel="nofollow noreferrer"' in html
    # No template of the plugin is published as a file.
    assert not list(site.rglob("quick-exit.html"))


def test_fixture_site_in_repository_builds(tmp_path):
    """tests/fixtures/minimal-site (what `safeguarding new` writes) builds under --strict with
    no warning: every feature, audio made by the real engine, no web fonts."""
    fixture = ROOT / "tests" / "fixtures" / "minimal-site"
    cfg = load_config(str(fixture / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    # The services were checked on the day the fixture was written: no warning a year on.
    cfg.plugins["safeguarding"].config.signposting.today = STARTER_DAY
    from tests.conftest import run_build

    run_build(cfg)
    site = tmp_path / "site"
    html = (site / "index.html").read_text(encoding="utf-8")
    for module in ("sg-quick-exit", "sg-search", "sg-player"):  # audio: the real engine
        assert f'data-module="{module}"' in html, module
    assert 'class="sg-card' in html and 'href="tel:999"' in html
    assert "fonts.g" not in html
    assert (site / "listen.mp3").stat().st_size > 1000
    for page in (
        "accessibility",
        "privacy",
        "have-your-say",
        "listening",
        "services/emergency",
        "staying-safe-online/easy-read",
        "easy-read/pages",
    ):
        assert (site / page / "index.html").is_file(), page
    for name in ("_headers", ".htaccess", "nginx-headers.conf"):
        assert (site / name).is_file(), name
    for asset in ("quick-exit.js", "search.js", "player.js", "lunr.js", "safeguarding.css"):
        assert (site / "assets/safeguarding" / asset).is_file(), asset


def test_help_page_linked_relative_to_each_page(build_site):
    """The help link works from pages at any depth."""
    files = {**MINIMAL, "deep/page.md": "# Deep\n"}
    site = build_site(files, plugins=[{"safeguarding": {"quick_exit": {"help_page": "help.md"}}}])
    assert 'class="sg-exit__help" href="help/"' in (site / "index.html").read_text()
    assert 'class="sg-exit__help" href="../../help/"' in (site / "deep/page/index.html").read_text()


def test_404_page_has_exit_and_root_help_link(build_site):
    """The 404 page, served at any depth, gets the bar with a root-relative help link."""
    site = build_site(
        MINIMAL,
        site_url="https://example.org/sab/",
        plugins=[{"safeguarding": {"quick_exit": {"help_page": "help.md"}}}],
    )
    html = (site / "404.html").read_text(encoding="utf-8")
    assert 'data-module="sg-quick-exit"' in html
    assert 'class="sg-exit__help" href="/sab/help/"' in html
    assert '<meta name="referrer" content="no-referrer">' in html


def test_text_options_are_escaped(build_site):
    """Labels from mkdocs.yml are shown as text, never as markup."""
    options = {"quick_exit": {"label": "<script>alert(1)</script>", "messages": {"loading": "'\""}}}
    site = build_site(MINIMAL, plugins=[{"safeguarding": options}])
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_quick_exit_disabled(build_site):
    """With quick_exit off there is no bar, but the privacy head stays."""
    site = build_site(MINIMAL, plugins=[{"safeguarding": {"quick_exit": {"enabled": False}}}])
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "sg-exit" not in html
    assert '<meta name="referrer" content="no-referrer">' in html


def test_plugin_disabled_changes_nothing(build_site):
    """enabled: false leaves pages as the theme made them."""
    site = build_site(MINIMAL, plugins=[{"safeguarding": {"enabled": False}}])
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "sg-exit" not in html and "no-referrer" not in html


def test_bad_destination_is_a_config_error(tmp_path, caplog):
    """A destination that is not https is refused with what was received."""
    config_file = write_site(
        tmp_path,
        MINIMAL,
        {"plugins": [{"safeguarding": {"quick_exit": {"destination": "http://news.example"}}}]},
    )
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        load_config(str(config_file))
    assert caplog.messages == [
        "Config value 'plugins': Plugin 'safeguarding' option 'quick_exit': Sub-option "
        "'destination': received 'http://news.example', expected an absolute https URL of a "
        "neutral website, such as 'https://www.bbc.co.uk/weather'"
    ]


def test_unknown_option_warns(tmp_path, caplog):
    """An unknown option is named in a warning (an error under --strict)."""
    config_file = write_site(
        tmp_path, MINIMAL, {"plugins": [{"safeguarding": {"quick_exit": {"colour": "red"}}}]}
    )
    with caplog.at_level(logging.WARNING):
        load_config(str(config_file))
    assert caplog.messages == [
        "Config value 'plugins': Plugin 'safeguarding' option 'quick_exit': Sub-option "
        "'colour': Unrecognised configuration name: colour"
    ]


def test_misspelt_option_names_the_closest(tmp_path, caplog):
    """A misspelt option, at the top or inside a group, is answered with the closest name."""
    options = {"quik_exit": {}, "audio": {"enabled": False, "easy_reed_rate": 120}}
    config_file = write_site(tmp_path, MINIMAL, {"plugins": [{"safeguarding": options}]})
    with caplog.at_level(logging.WARNING):
        load_config(str(config_file))
    assert caplog.messages == [
        "Config value 'plugins': Plugin 'safeguarding' option 'audio': Sub-option "
        "'easy_reed_rate': Unrecognised configuration name: easy_reed_rate. Did you mean "
        "'easy_read_rate'?",
        "Config value 'plugins': Plugin 'safeguarding' option 'quik_exit': Unrecognised "
        "configuration name: quik_exit. Did you mean 'quick_exit'?",
    ]


def test_wrong_type_option(tmp_path, caplog):
    """A switch given as text is refused."""
    config_file = write_site(
        tmp_path, MINIMAL, {"plugins": [{"safeguarding": {"quick_exit": {"new_tab": "yes"}}}]}
    )
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        load_config(str(config_file))
    assert caplog.messages == [
        "Config value 'plugins': Plugin 'safeguarding' option 'quick_exit': Sub-option "
        "'new_tab': Expected type: <class 'bool'> but received: <class 'str'>"
    ]


def test_missing_help_page(build_site, caplog):
    """A help_page that does not exist stops the build, naming the option and the path."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(MINIMAL, plugins=[{"safeguarding": {"quick_exit": {"help_page": "nope.md"}}}])
    assert any(
        m.startswith(
            "Plugin 'safeguarding' option 'quick_exit.help_page': received 'nope.md', but there "
            "is no such page in "
        )
        for m in caplog.messages
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "---\ntitle: [unclosed\n---\n# Hi\n",
            "Error: Page 'index.md' has broken front matter on line 3",
        ),
        (b"# Caf\xe9\n", "Error: Page 'index.md' is not UTF-8 text: byte 0xe9 on line 1"),
        ("---\ntitle: x\n# Hi\n", "Error: Page 'index.md' starts front matter with '---'"),
    ],
)
def test_bad_pages_give_one_message_without_traceback(tmp_path, content, expected):
    """Bad input stops `mkdocs build` with a plain message naming the page."""
    write_site(tmp_path, {**MINIMAL, "index.md": content}, {})
    result = mkdocs_cli(tmp_path, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert expected.removeprefix("Error: ") in result.stderr


def test_missing_docs_dir_message(tmp_path):
    """A missing docs folder is reported by MkDocs without a traceback."""
    write_site(tmp_path, {}, {"docs_dir": "nowhere"})
    result = mkdocs_cli(tmp_path, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Config value 'docs_dir': The path '" in result.stderr
    assert "nowhere' isn't an existing directory." in result.stderr


def test_failed_strict_build_keeps_published_site(tmp_path):
    """A build that fails under --strict leaves the previous site/ byte for byte."""
    write_site(tmp_path, MINIMAL, {})
    assert mkdocs_cli(tmp_path, "build", "--strict").returncode == 0
    before = tree_digest(tmp_path / "site")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[broken](missing.md)\n")
    result = mkdocs_cli(tmp_path, "build", "--strict")
    assert result.returncode == 1
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert tree_digest(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "docs", "mkdocs.yml", "site"]


def test_successful_build_replaces_site(tmp_path):
    """A good build replaces the published site and leaves no staging folder."""
    write_site(tmp_path, MINIMAL, {})
    assert mkdocs_cli(tmp_path, "build").returncode == 0
    (tmp_path / "docs" / "new.md").write_text("# New\n")
    assert mkdocs_cli(tmp_path, "build").returncode == 0
    assert (tmp_path / "site" / "new" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "docs", "mkdocs.yml", "site"]


def test_example_site_builds_strict_without_warnings(tmp_path):
    """The example site builds with --strict and logs no warning at all."""
    result = mkdocs_cli(ROOT, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    for page in [
        "index.html",
        "making-safeguarding-personal/index.html",
        "making-safeguarding-personal/resources/index.html",
        "guidance/index.html",
        "support/domestic-and-sexual-abuse/index.html",
        "support/fire-safety/index.html",
        "support/being-a-witness/index.html",
        "support/people-who-have-caused-harm/index.html",
        "have-your-say/index.html",
        "staying-safe-online/index.html",
        "accessibility/index.html",
        "privacy/index.html",
        "404.html",
    ]:
        assert (tmp_path / "site" / page).is_file(), page
