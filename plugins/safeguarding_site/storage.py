"""Small helpers every cache of the plugin shares: keys, file modes, placing files in the site."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil


def _file_mode() -> int:
    """The mode ``open()`` gives new files: 0o666 less this process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


def digest(parts: object) -> str:
    """sha256 of a JSON-serialisable value."""
    encoded = json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def read_json(path: str | os.PathLike[str]) -> object | None:
    """The JSON value in a cache file, or None when it is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as stream:
            return json.loads(stream.read())
    except (OSError, ValueError):
        return None


def place_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Put a cached file into the site: a hard link when the file system allows, else a copy.

    The target is removed first, so that nothing ever writes through a link into the cache.
    Plain strings are enough: a Path made for every page would intern each of its parts.
    """
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    os.chmod(target, FILE_MODE)  # readable like the pages, whatever made the cached file
