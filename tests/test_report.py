"""The editors' report: figures per page and service, dates due, links that lead nowhere."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from safeguarding_site.dates import months_after
from safeguarding_site.errors import SafeguardingError
from safeguarding_site.front_matter import FrontMatterRules, check_page_meta, review_due
from safeguarding_site.report.model import page_text, reading_figures
from tests.conftest import write_site

SERVICE = """---
name: Old helpline
categories: [domestic-abuse]
phone: 0808 2000 247
last_verified: 2025-01-10
source: https://example.org
---
A helpline.
"""
TODAY = dt.date(2026, 11, 30)


def test_dates_and_text():
    """Months are added as a calendar does; page text drops markup, code and permalinks."""
    assert months_after(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert months_after(dt.date(2025, 11, 30), 12) == dt.date(2026, 11, 30)
    html = '<h1>Title<a class="headerlink" href="#t">¶</a></h1><p>One &amp; two.</p><pre>x</pre>'
    assert page_text(html) == "Title\nOne & two."
    ease, longest = reading_figures("Call us. We will help you with anything you need today.")
    assert longest == 9 and ease > 60
    assert reading_figures("") == (None, 0)


def test_last_reviewed_is_a_past_date():
    """last_reviewed is a date, not later than today; it gives a review date."""
    rules = FrontMatterRules(today=TODAY)
    meta = {"last_reviewed": dt.date(2025, 6, 1)}
    check_page_meta(meta, "a.md", rules)
    assert review_due(meta, 12) == dt.date(2026, 6, 1)
    with pytest.raises(SafeguardingError, match="expected the date someone last checked"):
        check_page_meta({"last_reviewed": "last spring"}, "a.md", rules)
    with pytest.raises(SafeguardingError, match="2027-01-01 is in the future"):
        check_page_meta({"last_reviewed": dt.date(2027, 1, 1)}, "a.md", rules)


def test_report_written_beside_mkdocs_yml(build_site, caplog, tmp_path):
    """With the report on, report.json and report.html list what is due first, the easy-read
    findings and MkDocs' own broken-link warnings; nothing goes into the site."""
    files = {
        "index.md": "# Home\n\nSee [gone](gone.md).\n",
        "old.md": "---\nlast_reviewed: 2024-02-01\n---\n# Old\n\nShort words here.\n",
        "fire.md": "# Fire\n\nGet out.\n",
        "fire.easy.md": "# Fire: easy read\n\n[picture: material/fire | Fire]\n"
        "This sentence is far too long for an easy read page because it goes on and on.\n",
        "services/old.md": SERVICE,
    }
    options = {
        "report": {"enabled": True},
        "signposting": {"today": TODAY, "categories": [{"id": "domestic-abuse", "title": "DA"}]},
    }
    site = build_site(files, plugins=[{"safeguarding": options}])
    assert not (site / "report").exists()
    report = json.loads((tmp_path / "report/report.json").read_text(encoding="utf-8"))
    assert report["services"] == [
        {
            "src": "services/old.md",
            "name": "Old helpline",
            "last_verified": "2025-01-10",
            "review_due": "2026-01-10",
            "overdue": True,
        }
    ]
    pages = {p["src"]: p for p in report["pages"]}
    assert report["pages"][0]["src"] == "old.md"  # overdue first
    assert pages["old.md"]["review_due"] == "2025-02-01" and pages["old.md"]["overdue"]
    assert [pages[s]["easy_read"] for s in ("fire.md", "fire.easy.md", "index.md")] == [
        "yes",
        "is easy read",
        "no",
    ]
    assert pages["fire.easy.md"]["findings"][0].startswith("line 4: ")
    assert pages["fire.md"]["longest_sentence"] == 2
    assert pages["fire.md"]["audio_minutes"] is None  # audio is off in these tests
    assert any("'gone.md'" in link for link in report["broken_links"])
    html = (tmp_path / "report/report.html").read_text(encoding="utf-8")
    assert "<title>Site report: Test site</title>" in html
    assert '<tr class="due"><td>Old helpline</td>' in html
    assert any(
        "Page 'old.md': last reviewed on 2024-02-01, more than 12 months ago." in m
        for m in caplog.messages
    )


def test_report_command_leaves_the_site_alone(tmp_path):
    """`safeguarding report` builds elsewhere: site/ is not touched; no plugin, one message."""
    config = {"plugins": [{"safeguarding": {"audio": {"enabled": False}}}]}
    write_site(tmp_path, {"index.md": "# Home\n\nHello there.\n"}, config)
    command = [sys.executable, "-m", "safeguarding_site.starter.cli", "report"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Report written to {tmp_path / 'report/report.html'}")
    assert (tmp_path / "report/report.json").is_file()
    assert not (tmp_path / "site").exists()
    (tmp_path / "mkdocs.yml").write_text("site_name: Plain\n", encoding="utf-8")
    plain = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert plain.returncode == 1
    assert plain.stderr == "safeguarding: 'mkdocs.yml' does not use the safeguarding plugin.\n"


def git(folder, *args: str, when: str | None = None) -> None:
    """Run git in ``folder``, committing at ``when`` (ISO time) if given."""
    env = {
        "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
        "HOME": str(folder), "PATH": "/usr/bin:/bin",
    }  # fmt: skip
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_report_names_translations_whose_page_changed_after_them(tmp_path):
    """The page changed after its Polish translation: the report says to check it; the Urdu
    one, written after the last change, is up to date; without git, the state is unknown."""
    config = {"plugins": [{"safeguarding": {"audio": {"enabled": False}}}]}
    files = {
        "index.md": "# Home\n\nHello.\n",
        "help.md": "# Help\n\nCall 0808 2000 247.\n",
        "help.pl.md": "# Pomoc\n\nZadzwoń pod 0808 2000 247.\n",
        "help.ur.md": "# مدد\n\n0808 2000 247 پر کال کریں۔\n",  # noqa: RUF001
    }
    write_site(tmp_path, files, config)
    command = [sys.executable, "-m", "safeguarding_site.starter.cli", "report"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "report/report.json").read_text(encoding="utf-8"))
    assert [t["translation_changed"] for t in report["translations"]] == [None, None]
    html = (tmp_path / "report/report.html").read_text(encoding="utf-8")
    assert "Unknown: not in git" in html

    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "Pages", when="2026-11-02T09:00:00+00:00")
    (tmp_path / "docs/help.md").write_text("# Help\n\nCall 0808 2000 999.\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "New number", when="2026-11-20T09:00:00+00:00")
    urdu = (tmp_path / "docs/help.ur.md").read_text(encoding="utf-8").replace("247", "999")
    (tmp_path / "docs/help.ur.md").write_text(urdu, encoding="utf-8")
    git(tmp_path, "commit", "-qam", "Urdu updated", when="2026-11-20T15:30:00+00:00")
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "report/report.json").read_text(encoding="utf-8"))
    assert report["translations"] == [
        {
            "src": "help.pl.md", "original": "help.md", "language": "pl",
            "translation_changed": "2026-11-02 09:00", "original_changed": "2026-11-20 09:00",
            "out_of_date": True,
        },
        {
            "src": "help.ur.md", "original": "help.md", "language": "ur",
            "translation_changed": "2026-11-20 15:30", "original_changed": "2026-11-20 09:00",
            "out_of_date": False,
        },
    ]  # fmt: skip
    html = (tmp_path / "report/report.html").read_text(encoding="utf-8")
    assert '<tr class="due"><td>help.pl.md<br><small>translates help.md</small>' in html
    assert "To check: the page changed after its translation" in html
