"""A small on-disk cache of JSON results, for work that only changes when its input does."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from .storage import FILE_MODE, digest, read_json


class JsonCache:
    """JSON values under one folder, keyed by a hash of everything that shaped them."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        # Entry files are plain strings: a Path per entry would intern each hashed name.
        self._prefix = os.path.join(directory, "")

    def get(self, key_parts: object) -> object | None:
        """The stored value, or None."""
        return read_json(self.path(key_parts))

    def put(self, key_parts: object, value: object) -> None:
        """Store a value atomically; a cache that cannot be written is simply not used."""
        self.put_text(key_parts, json.dumps(value))

    def put_text(self, key_parts: object, text: str) -> None:
        """Store text that already is JSON, to be placed in the site as it is (``path``)."""
        path = self.path(key_parts)
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.chmod(temp, FILE_MODE)
                os.replace(temp, path)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temp)

    def path(self, key_parts: object) -> str:
        """The file of this entry, which may not exist."""
        return self.file(digest(key_parts))

    def file(self, key_digest: str) -> str:
        """The file of the entry whose key hashes to ``key_digest`` (``storage.digest``)."""
        return f"{self._prefix}{key_digest}.json"
