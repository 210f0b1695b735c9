"""Tests for safeguarding_site.audio.cache."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from pathlib import Path

import pytest

from safeguarding_site.audio import cache as cache_module
from safeguarding_site.audio.cache import STALE_TEMP_SECONDS, AudioCache, sentence_key
from safeguarding_site.audio.engine import EngineSpec, Pcm
from safeguarding_site.errors import SafeguardingError
from safeguarding_site.storage import place_file

PCM = Pcm(bytes(range(256)) * 40, 22050)


def test_key_depends_on_every_input(spec, info):
    """Voice, rate, engine versions and the pipeline version all change the key."""
    base = sentence_key("Call 999.", spec, info)
    changed = [
        sentence_key("Call 111.", spec, info),
        sentence_key("Call 999.", EngineSpec("gmw/en", spec.rate), info),
        sentence_key("Call 999.", EngineSpec(spec.voice, spec.rate + 10), info),
        sentence_key("Call 999.", spec, dataclasses.replace(info, espeak_version="9.9")),
        sentence_key("Call 999.", spec, dataclasses.replace(info, pyttsx3_version="9.9")),
    ]
    assert len({base, *changed}) == 6


def test_key_ignores_paths_and_spacing(spec, info):
    """Where the library lives and extra spaces do not change the sound, so not the key."""
    moved = dataclasses.replace(info, library_path="/elsewhere", data_path="/other")
    assert sentence_key("Call  999.", spec, moved) == sentence_key("Call 999.", spec, info)


def test_key_changes_with_pipeline_version(spec, info, monkeypatch):
    """Raising PIPELINE_VERSION invalidates every entry."""
    before = sentence_key("Call 999.", spec, info)
    monkeypatch.setattr(cache_module, "PIPELINE_VERSION", "next")
    assert sentence_key("Call 999.", spec, info) != before


def test_round_trip(tmp_path):
    """What is put is got back; absent keys give None."""
    cache = AudioCache(tmp_path / "audio")
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, PCM)
    assert cache.get("ab" * 32) == PCM
    assert "ab" * 32 in cache
    assert "cd" * 32 not in cache


def test_write_leaves_no_temp_files(tmp_path):
    """Writes go through a temporary file that is renamed into place."""
    cache = AudioCache(tmp_path)
    for n in range(5):
        cache.put(f"{n:064x}", PCM)
    assert list(tmp_path.rglob("*.tmp")) == []
    assert len(list(tmp_path.rglob("*.wav"))) == 5


def test_interrupted_write_leaves_nothing(tmp_path):
    """Ctrl-C in the middle of a write leaves neither the entry nor a temp file."""
    cache = AudioCache(tmp_path)
    path = cache.sentence_path("ef" * 32)

    def write_half(stream):
        stream.write(b"RIFF" + bytes(1000))
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        cache.write_atomic(path, write_half)
    assert not path.exists()
    assert cache.get("ef" * 32) is None
    assert list(tmp_path.rglob("*.tmp")) == []


def test_corrupt_entry_is_dropped(tmp_path):
    """An unreadable entry (say, from a disk fault) counts as missing and is removed."""
    cache = AudioCache(tmp_path)
    path = cache.sentence_path("12" * 32)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a wav file")
    assert cache.get("12" * 32) is None
    assert not path.exists()


def test_page_round_trip(tmp_path):
    """A finished page keeps its metadata and MP3 bytes; half an entry is no entry."""
    cache = AudioCache(tmp_path)
    mp3 = b"\xff\xfb\x18\xc4\n\x00"
    cache.put_page("34" * 32, json.dumps({"duration": 1.5, "timings": []}), mp3)
    metadata, path = cache.get_page("34" * 32)
    assert metadata == {"duration": 1.5, "timings": []}
    assert Path(path).read_bytes() == mp3
    assert cache.get_page("56" * 32) is None
    Path(path).unlink()  # metadata without its MP3
    assert cache.get_page("34" * 32) is None


def test_cache_deleted_while_building(tmp_path):
    """The cache removed under a running build (an editor deleting .cache) is named as such,
    with what to do; no file is left behind."""
    import shutil

    cache = AudioCache(tmp_path / ".cache" / "audio")
    shutil.rmtree(tmp_path / ".cache")
    with pytest.raises(SafeguardingError) as error:
        cache.put_page("34" * 32, "{}", b"mp3")
    assert str(error.value) == (
        f"The audio cache folder '{tmp_path / '.cache' / 'audio'}' was removed while the "
        "build was running (was '.cache' deleted?). Nothing was published. Run the build "
        "again: it makes the folder anew, and speech made so far has to be made again."
    )
    assert [p for p in (tmp_path / ".cache").rglob("*") if p.is_file()] == []


def test_unwritable_directory(tmp_path):
    """A cache folder that cannot be created is named in the error."""
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    with pytest.raises(SafeguardingError) as error:
        AudioCache(blocker / "audio")
    assert str(error.value).startswith(f"The audio cache folder '{blocker / 'audio'}' cannot be")


def test_stale_temp_files_removed(tmp_path):
    """Temp files from a killed build are removed once old; young ones may be in use."""
    AudioCache(tmp_path)
    old, young = tmp_path / "tmp" / "old.tmp", tmp_path / "tmp" / "young.tmp"
    old.write_bytes(b"x")
    young.write_bytes(b"x")
    past = time.time() - STALE_TEMP_SECONDS - 10
    os.utime(old, (past, past))
    AudioCache(tmp_path)
    assert not old.exists()
    assert young.exists()


def test_place_file_never_writes_through_a_link(tmp_path):
    """A site file linked to the cache is replaced, never overwritten in place."""
    source = tmp_path / "cache.mp3"
    source.write_bytes(b"cached")
    target = tmp_path / "site" / "listen.mp3"
    place_file(source, target)
    assert target.read_bytes() == b"cached"
    other = tmp_path / "other.mp3"
    other.write_bytes(b"other")
    place_file(other, target)
    assert target.read_bytes() == b"other"
    assert source.read_bytes() == b"cached"
