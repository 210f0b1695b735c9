"""`safeguarding new`: a board's site written in one command (the tests/fixtures site)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.starter.site import board_name, create_site
from tests.conftest import ROOT
from tests.test_plugin import STARTER_DAY

FIXTURE = ROOT / "tests/fixtures/minimal-site"


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (built output and caches aside) with its text."""
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in {".cache", "site"}
    }


def test_fixture_is_what_the_command_writes(tmp_path):
    """The fixture the tests build is the starter's output, byte for byte."""
    create_site(tmp_path / "new", "Minimal Safeguarding Adults Board", STARTER_DAY)
    assert tree(tmp_path / "new") == tree(FIXTURE)


def test_what_a_new_site_holds(tmp_path):
    """The pages, services, easy read and publishing files a board needs; dates filled in."""
    create_site(tmp_path, "Anytown Safeguarding Adults Board", dt.date(2027, 3, 4))
    files = set(tree(tmp_path))
    for name in (
        "mkdocs.yml",
        "README.md",
        "requirements.txt",
        ".gitignore",
        ".gitlab-ci.yml",
        ".github/workflows/publish.yml",
        "docs/index.md",
        "docs/accessibility.md",
        "docs/privacy.md",
        "docs/have-your-say.md",
        "docs/listening.md",
        "docs/staying-safe-online.md",
        "docs/staying-safe-online.easy.md",
        "docs/services/police-emergency.md",
        "docs/services/police-non-emergency.md",
        "docs/services/national-domestic-abuse-helpline.md",
        "docs/services/samaritans.md",
        "docs/services/silent-solution.md",
        "docs/services/local-adult-social-care.md",
        "docs/library/care-act-2014.md",
        "docs/library/care-and-support-statutory-guidance.md",
    ):
        assert name in files, name
    statement = (tmp_path / "docs/accessibility.md").read_text(encoding="utf-8")
    for part in (
        "## Feedback and contact information",
        "## Reporting accessibility problems",
        "## Enforcement procedure",
        "### Compliance status",
        "### Non-accessible content",
        "This statement was prepared on 4 March 2027. It was last reviewed on 4 March 2027.",
    ):
        assert part in statement, part
    local = (tmp_path / "docs/services/local-adult-social-care.md").read_text(encoding="utf-8")
    assert "EXAMPLE" in local and "last_verified: 2027-03-04" in local
    workflow = (tmp_path / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert "path: .cache" in workflow and "mkdocs build --strict" in workflow
    assert "SG_" not in "".join(tree(tmp_path).values())


def test_name_from_the_folder():
    """The board's name comes from the folder unless given."""
    assert board_name(Path("anytown-sab")) == "Anytown Safeguarding Adults Board"
    assert board_name(Path("north_yorkshire")) == "North Yorkshire Safeguarding Adults Board"


def test_refuses_a_folder_with_files_and_odd_names(tmp_path):
    """Nothing is overwritten; a name YAML would misread is refused before anything is written."""
    (tmp_path / "keep.md").write_text("mine")
    with pytest.raises(SafeguardingError, match="already exists and is not an empty folder"):
        create_site(tmp_path, "Anytown Safeguarding Adults Board", STARTER_DAY)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.md"]
    with pytest.raises(SafeguardingError, match="can use letters, digits, spaces"):
        create_site(tmp_path / "new", "Anytown: SAB #1", STARTER_DAY)
    assert not (tmp_path / "new").exists()


def test_command_line(tmp_path):
    """The installed command writes the site and says what to do next; a clash is one line."""
    command = [sys.executable, "-m", "safeguarding_site.starter.cli", "new"]
    done = subprocess.run([*command, "anytown-sab"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote 21 files for Anytown Safeguarding Adults Board into")
    assert (tmp_path / "anytown-sab/mkdocs.yml").is_file()
    again = subprocess.run([*command, "anytown-sab"], cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 1
    assert again.stderr == (
        "safeguarding: 'anytown-sab' already exists and is not an empty folder: nothing was "
        "written. Give the name of a new folder, such as 'anytown-sab'.\n"
    )
