"""Join a page's sentences into one MP3, with the time each sentence starts and ends."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import SafeguardingError
from ..storage import digest
from .blocks import Block
from .cache import PIPELINE_VERSION, AudioCache
from .engine import Pcm

SENTENCE_PAUSE = 0.25
"""Seconds of silence between sentences of one block."""
BLOCK_PAUSE = 0.6
"""Seconds of silence between blocks (headings, paragraphs, list items)."""
MP3_BIT_RATE = 32
"""kbit/s, constant: small files that stream on a slow mobile connection."""
MP3_SAMPLE_RATE = 32000
"""Hz: the lowest rate of MPEG-1 Layer III, the most widely played MP3 form."""
MP3_QUALITY = 7
"""LAME's speed/quality trade-off (2 best, 7 fast); at 32 kbit/s speech, 7 sounds the same."""

Synthesise = Callable[[str], Pcm]
KeyFor = Callable[[str], str]
Timing = dict[str, int | float]


@dataclass(frozen=True)
class PageAudio:
    """A page's MP3 and timings files (in the cache) and, per sentence, where it is in text
    and time.

    Workers send this back to the build instead of the MP3's bytes, and the build links or
    copies both files into the site: no page's audio passes through the build's memory.
    """

    mp3_path: str
    timings_path: str
    duration: float
    timings: list[Timing]

    @property
    def size(self) -> int:
        """Bytes of the MP3."""
        return os.stat(self.mp3_path).st_size

    @property
    def mp3(self) -> bytes:
        """The MP3's bytes."""
        with open(self.mp3_path, "rb") as stream:
            return stream.read()


def timings_json(page: PageAudio, voice: str = "") -> str:
    """The timings as compact JSON for the browser's highlighting script, naming the voice
    (for people checking which voice read a page; the script ignores it)."""
    data = {"duration": page.duration, "voice": voice, "timings": page.timings}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def places_digest(blocks: Sequence[Block]) -> str:
    """A hash of every sentence a page reads and where it is in the page."""
    return digest(
        [
            [block.index, sentence.start, sentence.end, sentence.spoken]
            for block in blocks
            for sentence in block.sentences
        ]
    )


def page_key(blocks: Sequence[Block], key_for: KeyFor) -> str:
    """The cache key of a whole page: its sentences, their places and the assembly settings."""
    return page_key_for(places_digest(blocks), key_for)


def page_key_for(places: str, key_for: KeyFor) -> str:
    """The page key from ``places_digest``: one hash per page, not one per sentence.

    ``key_for("")`` stands for everything besides the words that makes a sentence sound as it
    does (voice, rate, engine versions).
    """
    settings = [
        PIPELINE_VERSION, SENTENCE_PAUSE, BLOCK_PAUSE, MP3_BIT_RATE, MP3_SAMPLE_RATE, MP3_QUALITY
    ]  # fmt: skip
    return digest(["page-4", settings, key_for(""), places])


def missing_sentences(blocks: Sequence[Block], cache: AudioCache, key_for: KeyFor) -> list[str]:
    """Spoken sentences the page still needs, each once; none if the page itself is cached."""
    if os.path.isfile(cache.page_path(page_key(blocks, key_for))):
        return []
    spoken = dict.fromkeys(s.spoken for block in blocks for s in block.sentences)
    return [text for text in spoken if key_for(text) not in cache]


def cached_page(cache: AudioCache, key: str) -> PageAudio | None:
    """The finished page with this key, if the cache has it."""
    found = cache.get_page(key)
    if found is None:
        return None
    metadata, mp3_path = found
    return PageAudio(mp3_path, cache.page_path(key), metadata["duration"], metadata["timings"])


def assemble_page(
    blocks: Sequence[Block],
    cache: AudioCache,
    key_for: KeyFor,
    synthesise: Synthesise | None = None,
    voice: str = "",
) -> PageAudio:
    """Build a page's audio from cached sentences, synthesising missing ones if allowed.

    Without ``synthesise`` (cache-only mode) a missing sentence raises ``SafeguardingError``.
    """
    if not any(block.sentences for block in blocks):
        raise ValueError("the page has no sentences to read aloud")
    key = page_key(blocks, key_for)
    cached = cached_page(cache, key)
    if cached is not None:
        return cached

    def pcm_for(spoken: str) -> Pcm:
        sentence_key = key_for(spoken)
        pcm = cache.get(sentence_key)
        if pcm is None:
            if synthesise is None:
                raise SafeguardingError(
                    f"Audio for the sentence '{spoken[:80]}' is not in the cache, and cache-only "
                    "mode is on. Build once with cache-only mode off to update the audio cache."
                )
            pcm = synthesise(spoken)
            cache.put(sentence_key, pcm)
        return pcm

    pcm, timings = join_sentences(blocks, pcm_for)
    duration = round(pcm.duration, 3)
    page = PageAudio(cache.page_mp3_path(key), cache.page_path(key), duration, timings)
    cache.put_page(key, timings_json(page, voice), encode_mp3(pcm))
    return page


def join_sentences(blocks: Sequence[Block], pcm_for: Synthesise) -> tuple[Pcm, list[Timing]]:
    """Concatenate sentence PCM with pauses, timing each sentence by its sample count."""
    chunks: list[bytes] = []
    timings: list[Timing] = []
    samples = 0
    rate = 0
    for block in blocks:
        for number, sentence in enumerate(block.sentences):
            pcm = pcm_for(sentence.spoken)
            rate = rate or pcm.sample_rate
            if pcm.sample_rate != rate:
                raise ValueError(
                    f"sentences at {rate} Hz and {pcm.sample_rate} Hz cannot be joined"
                )
            if samples:
                pause = silence(SENTENCE_PAUSE if number else BLOCK_PAUSE, rate)
                chunks.append(pause)
                samples += len(pause) // 2
            chunks.append(pcm.data)
            start, samples = samples, samples + pcm.samples
            timings.append(_timing(block.index, sentence.start, sentence.end, start, samples, rate))
    return Pcm(b"".join(chunks), rate), timings


def _timing(block: int, start_char: int, end_char: int, first: int, stop: int, rate: int) -> Timing:
    """One sentence's entry in the timings list, times in seconds to the millisecond."""
    return {
        "block": block,
        "start_char": start_char,
        "end_char": end_char,
        "start": round(first / rate, 3),
        "end": round(stop / rate, 3),
    }


def silence(seconds: float, sample_rate: int) -> bytes:
    """Silent 16-bit samples lasting ``seconds``."""
    return bytes(2 * round(seconds * sample_rate))


def encode_mp3(pcm: Pcm) -> bytes:
    """Encode mono PCM as constant-bit-rate MP3 with LAME (no ffmpeg needed)."""
    import lameenc  # only when a page's MP3 is made: a warm build links cached ones

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(MP3_BIT_RATE)
    encoder.set_in_sample_rate(pcm.sample_rate)
    encoder.set_out_sample_rate(MP3_SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(MP3_QUALITY)
    return bytes(encoder.encode(pcm.data) + encoder.flush())
