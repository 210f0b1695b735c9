"""Bad input from editors: a clear message naming the file, or a correct build; never a
traceback, and never unescaped HTML from front matter or service files."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from tests.conftest import write_site
from tests.test_plugin import mkdocs_cli

SERVICE = """\
---
name: Helpline
categories: [domestic-abuse]
phone: 0808 2000 247
last_verified: 2026-01-01
source: https://example.org
---

A helpline.
"""


def build(tmp_path: Path, files: dict, **config) -> tuple[int, str]:
    """Run `mkdocs build --strict` on a small site; return the exit code and the output."""
    plugin = config.pop("plugin", {})
    plugin.setdefault("audio", {"enabled": False})
    # One category, the one SERVICE is in: an empty category is a warning, fatal here.
    plugin.setdefault("signposting", {"categories": [{"id": "domestic-abuse", "title": "DA"}]})
    write_site(tmp_path, files, {"plugins": [{"safeguarding": plugin}], **config})
    result = mkdocs_cli(tmp_path, "build", "--strict")
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    return result.returncode, output


def html_files(site: Path) -> str:
    """Every HTML file of a built site, joined."""
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"index.md": "---\ntitle: [oops\n---\n# Hi\n"}, "Page 'index.md' has broken front matter"),
        ({"index.md": b"# Caf\xe9\n"}, "Page 'index.md' is not UTF-8 text"),
        (
            {"index.md": "# Hi\n\n[services: nope]\n", "services/a.md": SERVICE},
            "Page 'index.md': signposting 'nope' is neither a category nor a service.",
        ),
        (
            {"index.md": "# Hi\n", "services/a.md": SERVICE.replace("[domestic-abuse]", "[x]")},
            "Service 'services/a.md': field 'categories': unknown category 'x'.",
        ),
        (
            {"index.md": "# Hi\n", "services/a.md": SERVICE.replace("0808 2000 247", "'12345'")},
            "Service 'services/a.md': field 'phone[0].number': '12345' is not a valid UK phone",
        ),
        (
            {
                "index.md": "# Hi\n",
                "services/a.md": SERVICE.replace("phone:", "website: http://x.org\nphone:"),
            },
            "Service 'services/a.md': field 'website': 'http://x.org' is not an https address",
        ),
        (
            {"index.md": "# Hi\n", "lost.easy.md": "# Lost\n"},
            "Easy-read page 'lost.easy.md' has no standard page 'lost.md'.",
        ),
        ({"index.md": "# Hi\n\n![A chart](missing.png)\n"}, "missing.png"),
    ],
)
def test_bad_input_gives_a_message_naming_the_file(tmp_path, files, expected):
    """Each mistake stops the build with one readable message."""
    code, output = build(tmp_path, files)
    assert code == 1
    assert expected in output


def test_service_source_is_free_text(tmp_path):
    """'source' says where details were checked: any text, an http address included."""
    code, _ = build(
        tmp_path,
        {"index.md": "# Hi\n", "services/a.md": SERVICE.replace("https://", "http://")},
    )
    assert code == 0


@pytest.mark.parametrize(
    "files",
    [
        {"index.md": ""},
        {"index.md": "# Big\n\n" + ("Plain words in a long paragraph. " * 30 + "\n\n") * 1100},
        {"index.md": f"---\ntitle: {'Long title ' * 46}\n---\n# Long\n"},
        {"index.md": "# Lists\n\n" + "".join("    " * i + "- level\n" for i in range(40))},
    ],
    ids=["empty page", "1 MB page", "500-character title", "deeply nested lists"],
)
def test_odd_but_valid_pages_build(tmp_path, files):
    """Unusual pages build correctly under --strict."""
    code, output = build(tmp_path, files)
    assert code == 0, output
    assert (tmp_path / "site" / "index.html").is_file()


def test_markup_in_front_matter_and_services_is_text(tmp_path):
    """'<script>' in a page's front matter or a service's fields is shown as text."""
    page = '---\ntitle: "<script>t()</script>"\ndescription: "<img src=x onerror=d()>"\n---\n'
    service = SERVICE.replace("name: Helpline", 'name: "<script>s()</script>"').replace(
        "categories:", 'who_for: "<b onclick=w()>"\nhours: "<svg onload=h()>"\ncategories:'
    )
    code, output = build(
        tmp_path,
        {"index.md": page + "# Home\n\n[services: domestic-abuse]\n", "services/a.md": service},
    )
    assert code == 0, output
    built = html_files(tmp_path / "site")
    for raw in ("<script>t()", "<img src=x", "<script>s()", "<b onclick", "<svg onload"):
        assert raw not in built, raw
    assert "&lt;script&gt;t()&lt;/script&gt;" in built


def test_missing_help_page_and_unwritable_cache(tmp_path):
    """A missing help page and an audio cache that cannot be made are named clearly."""
    code, output = build(
        tmp_path,
        {"index.md": "# Hi\n"},
        plugin={"quick_exit": {"help_page": "gone.md"}},
    )
    assert code == 1 and "option 'quick_exit.help_page': received 'gone.md'" in output


def test_unwritable_audio_cache(tmp_path):
    """An audio cache folder that cannot be created is reported with its path."""
    (tmp_path / "blocker").write_text("a file where a folder should be")
    code, output = build(
        tmp_path,
        {"index.md": "# Hi\n\nHello.\n"},
        plugin={"audio": {"enabled": True, "cache_dir": "blocker/cache", "progress": False}},
    )
    assert code == 1
    assert "blocker/cache" in output


def test_unusable_plugin_cache_folder_is_not_used(tmp_path):
    """The plugin's own caches (.cache/plugin/safeguarding) are only a speed-up: when the
    folder cannot be made, the build works without them and writes a complete site."""
    (tmp_path / ".cache").write_text("a file where a folder should be")
    files = {"index.md": "# Home\n\n[services: domestic-abuse]\n", "services/a.md": SERVICE}
    code, output = build(tmp_path, files)
    assert code == 0, output
    search = tmp_path / "site/search"
    manifest = json.loads((search / "manifest.json").read_text(encoding="utf-8"))
    groups = (search / manifest["folder"]).glob("d*.json")
    titles = {doc["title"] for group in groups for doc in json.loads(group.read_text("utf-8"))}
    assert titles >= {"Home", "Helpline"}
    assert "Helpline" in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def tree(site: Path) -> dict[str, str]:
    """Hashes of every built file except the sitemaps, which carry the build date."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.name.startswith("sitemap.xml")
    }


def test_two_builds_are_identical(tmp_path):
    """Unchanged sources give byte-identical pages and audio (the cache serves it)."""
    files = {
        "index.md": "# Home\n\nSmoke alarms save lives.\n\n[services: domestic-abuse]\n",
        "fire.md": "# Fire\n\nGet out, stay out, call 999.\n",
        "fire.easy.md": "# Fire: easy read\n\n[picture: material/fire | A fire]\nCall 999.\n",
        "services/a.md": SERVICE,
    }
    plugin = {"audio": {"enabled": True, "workers": 1, "progress": False}}
    code, output = build(tmp_path, files, plugin=dict(plugin))
    assert code == 0, output
    first = tree(tmp_path / "site")
    assert "fire/listen.mp3" in first and "fire/easy-read/listen.mp3" in first
    code, output = build(tmp_path, files, plugin=dict(plugin))
    assert code == 0, output
    assert tree(tmp_path / "site") == first
    assert re.search(r"Audio: 0 sentences made", output)
