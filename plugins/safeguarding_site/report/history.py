"""When each file last changed, from the site's git history; no MkDocs here.

A translation is written from its page at one moment. When the page changes afterwards (a new
phone number, a changed procedure), the translation may say something that is no longer
true, and nothing on the site shows it. The report compares the two files' last commits.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

GIT_TIMEOUT = 10.0


def last_changed(paths: Iterable[Path]) -> dict[Path, dt.datetime]:
    """The time (UTC) of the last commit that changed each file; files git does not know (no
    git, not a repository, never committed) are left out."""
    git = shutil.which("git")
    if git is None:
        return {}
    found: dict[Path, dt.datetime] = {}
    for path in paths:
        try:
            done = subprocess.run(
                [git, "log", "-1", "--format=%ct", "--", path.name],
                cwd=path.parent,
                capture_output=True,
                text=True,
                timeout=GIT_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        text = done.stdout.strip()
        if done.returncode == 0 and text:
            try:
                found[path] = dt.datetime.fromtimestamp(int(text), dt.UTC)
            except ValueError:
                continue
    return found
