"""Tests for safeguarding_site.audio.assemble, with real speech and real MP3 encoding."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest

from safeguarding_site.audio.assemble import (
    BLOCK_PAUSE,
    SENTENCE_PAUSE,
    assemble_page,
    missing_sentences,
    page_key,
    timings_json,
)
from safeguarding_site.audio.cache import AudioCache, sentence_key
from safeguarding_site.audio.engine import Pcm
from safeguarding_site.audio.text import extract
from safeguarding_site.errors import SafeguardingError

PAGE = (
    "<h1>Getting help</h1>"
    "<p>If you are worried about an adult, tell someone. In an emergency call 999.</p>"
    "<ul><li>Write down what happened.</li></ul>"
)
BITRATES_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
SAMPLE_RATES = [44100, 48000, 32000]


@dataclass(frozen=True)
class Frame:
    """The fields of an MP3 frame header that the tests check."""

    mpeg1: bool
    layer3: bool
    kbps: int
    sample_rate: int
    mono: bool


def frames(mp3: bytes) -> Iterator[Frame]:
    """Walk the MP3 frame by frame, failing on anything that is not a frame header."""
    at = 0
    while at < len(mp3):
        header = int.from_bytes(mp3[at : at + 4], "big")
        assert header >> 21 == 0x7FF, f"no frame sync at byte {at}"
        frame = Frame(
            mpeg1=(header >> 19) & 3 == 3,
            layer3=(header >> 17) & 3 == 1,
            kbps=BITRATES_KBPS[(header >> 12) & 15],
            sample_rate=SAMPLE_RATES[(header >> 10) & 3],
            mono=(header >> 6) & 3 == 3,
        )
        yield frame
        at += 144_000 * frame.kbps // frame.sample_rate + ((header >> 9) & 1)


class Counter:
    """A synthesise function that counts its calls (the real engine does the work)."""

    def __init__(self, synthesiser) -> None:
        self.synthesiser = synthesiser
        self.calls: list[str] = []

    def __call__(self, text: str) -> Pcm:
        self.calls.append(text)
        return self.synthesiser.synthesise(text)


@pytest.fixture
def key_for(spec, info):
    """Sentence keys for the default voice."""
    return partial(sentence_key, spec=spec, info=info)


def test_page_becomes_mp3(tmp_path, synthesiser, key_for):
    """A short page gives MPEG-1 Layer III, 32 kbit/s, mono, as long as its timings say."""
    blocks = extract(PAGE)
    cache = AudioCache(tmp_path)
    page = assemble_page(blocks, cache, key_for, synthesiser.synthesise)
    found = list(frames(page.mp3))
    assert all(f == Frame(True, True, 32, 32000, True) for f in found)
    pcm = [cache.get(key_for(s.spoken)).duration for block in blocks for s in block.sentences]
    pauses = SENTENCE_PAUSE * 1 + BLOCK_PAUSE * 2
    assert page.duration == pytest.approx(sum(pcm) + pauses, abs=0.01)
    assert len(found) * 1152 / 32000 == pytest.approx(page.duration, rel=0.05)


def test_timings_in_order_and_inside(tmp_path, synthesiser, key_for):
    """Timings are one per sentence, ascending, apart by the pauses, within the audio."""
    blocks = extract(PAGE)
    page = assemble_page(blocks, AudioCache(tmp_path), key_for, synthesiser.synthesise)
    assert [(t["block"], t["start_char"], t["end_char"]) for t in page.timings] == [
        (0, 0, 12),
        (1, 0, 48),
        (1, 49, 74),
        (2, 0, 25),
    ]
    starts = [t["start"] for t in page.timings]
    ends = [t["end"] for t in page.timings]
    assert starts[0] == 0.0
    assert all(start < end for start, end in zip(starts, ends, strict=True))
    gaps = [later - earlier for earlier, later in zip(ends, starts[1:], strict=False)]
    assert gaps == pytest.approx([BLOCK_PAUSE, SENTENCE_PAUSE, BLOCK_PAUSE], abs=0.002)
    assert ends[-1] == pytest.approx(page.duration, abs=0.002)


def test_timings_json(tmp_path, synthesiser, key_for):
    """The JSON for the browser holds the duration, the voice that read it and the timings;
    the page's file in the cache is that JSON."""
    cache = AudioCache(tmp_path)
    page = assemble_page(extract(PAGE), cache, key_for, synthesiser.synthesise, "gmw/en")
    data = json.loads(timings_json(page, "gmw/en"))
    assert data == {"duration": page.duration, "voice": "gmw/en", "timings": page.timings}
    assert json.loads(Path(page.timings_path).read_text()) == data
    assert set(data["timings"][0]) == {"block", "start_char", "end_char", "start", "end"}


def test_second_run_synthesises_nothing(tmp_path, synthesiser, key_for):
    """With the page entry gone, every sentence still comes from the sentence cache."""
    cache = AudioCache(tmp_path)
    blocks = extract(PAGE)
    first = Counter(synthesiser)
    assemble_page(blocks, cache, key_for, first)
    os.unlink(cache.page_path(page_key(blocks, key_for)))
    second = Counter(synthesiser)
    page = assemble_page(blocks, cache, key_for, second)
    assert len(first.calls) == 4
    assert second.calls == []
    assert len(page.timings) == 4


def test_finished_page_reused(tmp_path, synthesiser, key_for):
    """An unchanged page is taken whole from the cache: same bytes, no encoding."""
    cache = AudioCache(tmp_path)
    blocks = extract(PAGE)
    first = assemble_page(blocks, cache, key_for, synthesiser.synthesise)
    assert assemble_page(blocks, cache, key_for) == first


def test_edit_one_sentence(tmp_path, synthesiser, key_for):
    """Changing one sentence synthesises exactly that sentence again."""
    cache = AudioCache(tmp_path)
    assemble_page(extract(PAGE), cache, key_for, synthesiser.synthesise)
    edited = extract(PAGE.replace("tell someone", "tell someone you trust"))
    assert missing_sentences(edited, cache, key_for) == [
        "If you are worried about an adult, tell someone you trust."
    ]
    counter = Counter(synthesiser)
    assemble_page(edited, cache, key_for, counter)
    assert counter.calls == ["If you are worried about an adult, tell someone you trust."]


def test_cache_only_refuses_missing(tmp_path, key_for):
    """Without a synthesiser, a missing sentence is an error naming it."""
    with pytest.raises(SafeguardingError, match="'Getting help' is not in the cache"):
        assemble_page(extract(PAGE), AudioCache(tmp_path), key_for)


def test_empty_page_refused(tmp_path, key_for):
    """A page with nothing to read has no audio."""
    with pytest.raises(ValueError, match="no sentences"):
        assemble_page([], AudioCache(tmp_path), key_for)
