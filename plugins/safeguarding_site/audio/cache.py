"""A cache of spoken sentences (and finished pages), safe to interrupt at any moment.

eSpeak NG's output is not bit-for-bit reproducible, so entries are found by a hash of every
input that changes the sound, never by hashing the audio. Entries appear only whole: each is
written to a temporary file and moved into place with ``os.replace``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import SafeguardingError
from ..storage import FILE_MODE, digest, read_json
from .engine import ESPEAK, EngineInfo, EngineSpec, Pcm

PIPELINE_VERSION = "1"
"""Raise this when text normalisation or synthesis changes what a sentence sounds like."""
STALE_TEMP_SECONDS = 3600


def sentence_key(spoken: str, spec: EngineSpec, info: EngineInfo) -> str:
    """The cache key of one sentence: every input that changes how it sounds."""
    key: list[object] = [
        PIPELINE_VERSION,
        " ".join(spoken.split()),
        spec.voice,
        spec.rate,
        info.espeak_version,
        info.pyttsx3_version,
    ]
    if spec.engine != ESPEAK:
        # Only other engines add to the key, so eSpeak NG's cached sentences stay valid.
        key += [spec.engine, info.model]
    return digest(key)


class AudioCache:
    """Sentence PCM and page MP3 files under one directory."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self._temp = self.directory / "tmp"
        try:
            self._temp.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=self._temp):
                pass
        except OSError as error:
            raise unwritable(self.directory, error) from error
        self._remove_stale_temp()

    def sentence_path(self, key: str) -> Path:
        """Where the sentence with this key is stored."""
        return self.directory / "sentences" / key[:2] / f"{key}.wav"

    def page_path(self, key: str) -> str:
        """Where the finished page with this key keeps its timings file (JSON).

        Page files are named by plain strings: a build asks for one or two a page, and a Path
        would intern each hashed name for the rest of the process.
        """
        return os.path.join(self.directory, "pages", key[:2], f"{key}.json")

    def page_mp3_path(self, key: str) -> str:
        """Where the finished page with this key keeps its MP3."""
        return os.path.join(self.directory, "pages", key[:2], f"{key}.mp3")

    def __contains__(self, key: str) -> bool:
        return self.sentence_path(key).is_file()

    def get(self, key: str) -> Pcm | None:
        """The sentence's PCM, or None when it is absent (or unreadable, then removed)."""
        import wave  # sentences are read and written only while audio is being made

        path = self.sentence_path(key)
        try:
            with wave.open(str(path), "rb") as wav:
                return Pcm(wav.readframes(wav.getnframes()), wav.getframerate())
        except FileNotFoundError:
            return None
        except (wave.Error, EOFError, OSError):
            path.unlink(missing_ok=True)
            return None

    def put(self, key: str, pcm: Pcm) -> None:
        """Store a sentence's PCM as a WAV file, atomically."""

        import wave

        def write(stream: BinaryIO) -> None:
            with wave.open(stream, "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(pcm.sample_rate)
                wav.writeframes(pcm.data)

        self.write_atomic(self.sentence_path(key), write)

    def get_page(self, key: str) -> tuple[dict, str] | None:
        """A finished page: its metadata and the path of its MP3, or None when absent."""
        mp3 = self.page_mp3_path(key)
        metadata = read_json(self.page_path(key))
        return (metadata, mp3) if isinstance(metadata, dict) and os.path.isfile(mp3) else None

    def put_page(self, key: str, timings: str, mp3: bytes) -> None:
        """Store a finished page, atomically: the MP3 first, then the metadata that finds it.

        The metadata is the page's timings file as the browser reads it (it carries the
        duration too), so the build places it in the site as it is.
        """
        header = timings.encode()
        self.write_atomic(self.page_mp3_path(key), lambda stream: stream.write(mp3))
        self.write_atomic(self.page_path(key), lambda stream: stream.write(header))

    def write_atomic(self, path: str | Path, write: Callable[[BinaryIO], object]) -> None:
        """Write ``path`` through a temporary file, so it never exists half-written."""
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=self._temp, suffix=".tmp")
        except OSError as error:
            raise unwritable(self.directory, error) from error
        try:
            with os.fdopen(handle, "wb") as stream:
                write(stream)
            # mkstemp makes files only their owner can read; site files are linked from here,
            # and a web server running as another user must be able to read them.
            os.chmod(temp_name, FILE_MODE)
            os.replace(temp_name, path)
        except BaseException:
            # Ctrl-C included: an interrupted entry must not stay behind, even as a temp file.
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise

    def _remove_stale_temp(self) -> None:
        """Delete temp files left by a build that was killed outright (kill -9, power loss)."""
        # Only old ones: a parallel build may be writing the young ones right now.
        cutoff = time.time() - STALE_TEMP_SECONDS
        for path in self._temp.glob("*.tmp"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()


def unwritable(directory: Path, error: OSError) -> SafeguardingError:
    """Explain a cache folder the build cannot write."""
    reason = error.strerror or str(error)
    if isinstance(error, FileNotFoundError):  # it was there when the build started
        return SafeguardingError(
            f"The audio cache folder '{directory}' was removed while the build was running "
            "(was '.cache' deleted?). Nothing was published. Run the build again: it makes the "
            "folder anew, and speech made so far has to be made again."
        )
    return SafeguardingError(
        f"The audio cache folder '{directory}' cannot be written ({reason}). Make that folder "
        "writable by the user running the build, or delete it so the build can create it again."
    )
