"""A build with nothing changed since the last one needs neither pydantic nor phonenumbers."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import ROOT, write_site
from tests.signposting.test_plugin_signposting import SERVICE, options

CACHE = ".cache/plugin/safeguarding/signposting"
"""Where plugin.py keeps checked service files, next to mkdocs.yml."""

# One build in a fresh interpreter, then which heavy modules it imported.
BUILD = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file = Path(sys.argv[1])
config = load_config(str(config_file), strict=True)
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
print(json.dumps({name: name in sys.modules for name in ("pydantic", "phonenumbers")}))
"""

OTHER = SERVICE.replace("name: National Domestic Abuse Helpline", "name: Samaritans").replace(
    "categories: [domestic-abuse]", "categories: [emergency]\ntext_relay: 18001 116 123"
)


def build_in_fresh_process(config_file: Path) -> dict[str, bool]:
    """Build as `mkdocs build` would; return whether pydantic and phonenumbers were loaded."""
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(config_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def outputs(site: Path) -> dict[str, str]:
    """What the services show: the open data and every page with cards."""
    pages = ["services.json", "help/index.html", "services/index.html"]
    pages += ["services/domestic-abuse/index.html", "services/emergency/index.html"]
    return {page: (site / page).read_text(encoding="utf-8") for page in pages}


def test_warm_build_imports_neither_pydantic_nor_phonenumbers(tmp_path):
    """The cold build checks the files with pydantic; the warm one reads the cache only."""
    files = {
        "index.md": "# Home\n",
        "help.md": "# Help\n\n[services: domestic-abuse, other]\n",
        "services/ndah.md": SERVICE,
        "services/other.md": OTHER,
    }
    config_file = write_site(tmp_path, files, {"plugins": options()})
    cold = build_in_fresh_process(config_file)
    assert cold == {"pydantic": True, "phonenumbers": True}
    cold_pages = outputs(tmp_path / "site")
    assert "Samaritans" in cold_pages["help/index.html"]
    assert 'href="tel:18001116123"' in cold_pages["help/index.html"]
    assert len(list((tmp_path / CACHE).iterdir())) == 2

    warm = build_in_fresh_process(config_file)
    assert warm == {"pydantic": False, "phonenumbers": False}
    assert outputs(tmp_path / "site") == cold_pages


def test_plugin_modules_and_banner_need_neither(tmp_path):
    """Importing the plugin and making the default banner load neither heavy package."""
    script = (
        "import sys\n"
        "import safeguarding_site.plugin\n"
        "from safeguarding_site.signposting.phone import parse_uk_phone\n"
        "assert parse_uk_phone('999').tel == 'tel:999'\n"
        "print(sorted({'pydantic', 'phonenumbers'} & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ---- Mistakes are found on every build, not only the first -----------------------------
# Every build of one test shares the cache beside its mkdocs.yml, as plugin.py keeps it.


def failure(build, caplog, files: dict[str, str], **config: object) -> list[str]:
    """The error messages of a build that must stop."""
    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(files, **config)
    return [m for m in caplog.messages if m.startswith("Service ")]


def test_invalid_service_fails_the_same_way_twice(build_site, caplog, tmp_path):
    """An invalid file is not cached: the second build gives the same message."""
    files = {"index.md": "# Home\n", "services/ndah.md": SERVICE.replace("0808 2000 247", "'999x'")}
    first = failure(build_site, caplog, files, plugins=options())
    assert first == [
        "Service 'services/ndah.md': field 'phone[0].number': '999x' is not a UK phone number: "
        "use digits and spaces only, such as '0808 2000 247' or '999'"
    ]
    assert failure(build_site, caplog, files, plugins=options()) == first
    assert not (tmp_path / CACHE).exists() or not list((tmp_path / CACHE).iterdir())


def test_removed_category_is_reported_on_a_warm_build(build_site, caplog, tmp_path):
    """A cached service whose category is no longer in mkdocs.yml is refused."""
    files = {"index.md": "# Home\n", "services/ndah.md": SERVICE}
    build_site(files, plugins=options())
    assert len(list((tmp_path / CACHE).iterdir())) == 1
    emergency_only = options(categories=[{"id": "emergency", "title": "Emergency"}])
    assert failure(build_site, caplog, files, plugins=emergency_only) == [
        "Service 'services/ndah.md': field 'categories': unknown category 'domestic-abuse'. "
        "Known categories: emergency (set them in mkdocs.yml under signposting.categories)."
    ]


def test_future_date_is_checked_on_a_warm_build(build_site, caplog):
    """The date check uses each build's day, even when the file's data is cached."""
    files = {"index.md": "# Home\n", "services/ndah.md": SERVICE}
    build_site(files, plugins=options())
    earlier = options(today=dt.date(2026, 4, 30))
    assert failure(build_site, caplog, files, plugins=earlier) == [
        "Service 'services/ndah.md': field 'last_verified': 2026-05-01 is in the future (today "
        "is 2026-04-30). Give the date the details were last checked."
    ]
