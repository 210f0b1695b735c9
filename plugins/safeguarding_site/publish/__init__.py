"""Publish a build only when it succeeded: build into a staging folder, then swap it in."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Staging:
    """A staging folder beside the published site folder, on the same file system."""

    site_dir: Path
    staging_dir: Path

    @classmethod
    def beside(cls, site_dir: str | os.PathLike[str]) -> Staging:
        """Plan a staging folder next to ``site_dir``, removing one a crashed build left."""
        site = Path(site_dir).resolve()
        staging = site.with_name(f".{site.name}.staging")
        shutil.rmtree(staging, ignore_errors=True)
        return cls(site, staging)

    def publish(self) -> None:
        """Replace the published folder with the staged build.

        Each rename is atomic; the old site is moved aside before the new one takes its name,
        so a reader of ``site_dir`` sees either the old build or the new one.
        """
        old = self.site_dir.with_name(f".{self.site_dir.name}.previous")
        shutil.rmtree(old, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(old)
        self.staging_dir.rename(self.site_dir)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Throw away a failed build; the published folder is not touched."""
        shutil.rmtree(self.staging_dir, ignore_errors=True)
