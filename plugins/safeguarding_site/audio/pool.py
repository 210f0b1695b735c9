"""Render many pages' audio in parallel: one speech engine per worker process.

Worker processes are started with "spawn" because eSpeak NG keeps process-wide state that a
forked copy of a threaded build process must not inherit. Each worker builds its
``Synthesiser`` once, in the pool initialiser, and writes what it synthesises to the cache
atomically, so stopping a build (Ctrl-C included) never leaves a half-written entry.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import SafeguardingError
from .assemble import (
    PageAudio,
    assemble_page,
    cached_page,
    missing_sentences,
    page_key_for,
    places_digest,
)
from .blocks import Block, Reading
from .cache import AudioCache, sentence_key
from .engine import EngineInfo, EngineSpec, Pcm, Speaker, synthesiser_for

if TYPE_CHECKING:
    # Imported when the first worker starts: a warm build starts none.
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.synchronize import Event as EventType


def sentences(count: int) -> str:
    """'1 sentence', '170 sentences': how the build's messages count."""
    return f"{count} sentence" if count == 1 else f"{count} sentences"


@dataclass
class PoolStats:
    """How many sentences were spoken afresh and how many came from the cache.

    A sentence two workers happened to speak at once (two pages in flight sharing it) counts
    once, so the same input gives the same numbers with any number of workers.
    """

    made: set[str] = field(default_factory=set)
    sentences: int = 0

    @property
    def synthesised(self) -> int:
        """Distinct sentences spoken afresh."""
        return len(self.made)

    @property
    def cached(self) -> int:
        """Sentences read, less those spoken afresh."""
        return self.sentences - len(self.made)


# Worker side --------------------------------------------------------------------------------


@dataclass
class _Worker:
    """What each worker process keeps between jobs: a synthesiser per rate it was asked for
    (standard and easy-read pages share the workers), none in cache-only mode."""

    synthesisers: dict[EngineSpec, Speaker] | None
    cache: AudioCache
    info: EngineInfo
    stop: EventType
    threads: int

    def synthesiser(self, spec: EngineSpec) -> Speaker | None:
        """The synthesiser for ``spec``, made on first use; None in cache-only mode."""
        if self.synthesisers is None:
            return None
        if spec not in self.synthesisers:
            self.synthesisers[spec] = synthesiser_for(spec, self.threads)
        return self.synthesisers[spec]


class Stopped(Exception):
    """The build was stopped; the worker left its page between two sentences."""


_worker: _Worker | None = None


def _start_worker(
    spec: EngineSpec,
    info: EngineInfo,
    cache_dir: str,
    cache_only: bool,
    stop: EventType,
    threads: int = 1,
) -> None:
    """Pool initialiser: one engine per worker process, built once, ready for ``spec``."""
    import signal

    global _worker
    # The build process handles Ctrl-C: it sets ``stop`` and workers leave between sentences,
    # never in the middle of a cache write.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    synthesisers = None if cache_only else {spec: synthesiser_for(spec, threads)}
    _worker = _Worker(synthesisers, AudioCache(cache_dir), info, stop, threads)


def _render(blocks: Sequence[Block], spec: EngineSpec) -> tuple[PageAudio, list[str]]:
    """Worker job: speak the page's missing sentences, then assemble and encode it; return
    the page and what was spoken afresh."""
    assert _worker is not None, "the pool initialiser did not run"
    worker = _worker
    made: list[str] = []
    if worker.stop.is_set():
        raise Stopped
    synthesiser = worker.synthesiser(spec)

    def synthesise(spoken: str) -> Pcm:
        assert synthesiser is not None
        if worker.stop.is_set():
            raise Stopped
        made.append(spoken)
        return synthesiser.synthesise(spoken)

    key_for = partial(sentence_key, spec=spec, info=worker.info)
    allow = synthesise if synthesiser is not None else None
    return assemble_page(blocks, worker.cache, key_for, allow, spec.voice), made


# Build side ---------------------------------------------------------------------------------


class AudioPool:
    """Renders pages' audio in worker processes: submit pages early, collect them later.

    Material's social plugin does the same with its cards. Use it as a context manager, or
    call ``close(cancel=True)`` when the build fails or is interrupted, so workers always stop.
    A pool made with ``share`` sends its pages to that pool's workers (easy-read pages, read
    more slowly, to the standard pages' workers): one engine per process, not one per rate.
    """

    def __init__(
        self,
        spec: EngineSpec,
        info: EngineInfo,
        cache_dir: Path | str,
        workers: int | None = None,
        progress: bool = True,
        cache_only: bool = False,
        verify: Callable[[], None] | None = None,
        share: AudioPool | None = None,
    ) -> None:
        self.spec = spec
        self._share = share
        # Called before the first worker starts: a check of the engine that a warm build,
        # which needs no worker, never pays for. It raises SafeguardingError to refuse.
        self._verify = verify
        self.info = info
        self.cache = AudioCache(cache_dir)
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.cache_only = cache_only
        self.stats = PoolStats()
        self.stale: list[str] = []
        self._key_for = partial(sentence_key, spec=spec, info=info)
        self._executor: ProcessPoolExecutor | None = None
        self._jobs: dict[str, Future[tuple[PageAudio, list[str]]]] = {}
        # Pages that need no worker: the key of their finished audio, or None for no audio.
        self._ready: dict[str, str | None] = {}
        self.lost: list[str] = []
        self._claimed: set[str] = set()
        self._lock = threading.Lock()
        # One progress line for all the pools one set of workers serves.
        self._progress = share._progress if share else Progress(sys.stderr if progress else None)
        self._stop: EventType | None = None

    def submit(self, page: str, blocks: Sequence[Block]) -> None:
        """Start work on a page; only pages with missing sentences or no MP3 reach a worker."""
        blocks = list(blocks)
        total = sum(len(block.sentences) for block in blocks)
        self.submit_reading(page, Reading(places_digest(blocks), total, lambda: blocks))

    def submit_reading(self, page: str, reading: Reading) -> None:
        """``submit`` for a page known by its summary: the blocks load only if it needs work."""
        if reading.sentences == 0:
            self._ready[page] = None
            return
        key = page_key_for(reading.places, self._key_for)
        if os.path.isfile(self.cache.page_path(key)):
            # Only the key waits for the page to be written: not its sentences, not its MP3.
            self._ready[page] = key
            self.stats.sentences += reading.sentences
            return
        blocks = reading.load()
        missing = missing_sentences(blocks, self.cache, self._key_for)
        if self.cache_only and missing:
            self.stale.append(page)
            self._ready[page] = None
        else:
            # Pages often share sentences ("Call 999."): count each once for the progress line.
            pool = self._pool()
            new = {self._key_for(spoken) for spoken in missing} - self._claimed
            self._claimed |= new
            self._progress.add(len(new))
            future = pool.submit(_render, blocks, self.spec)
            future.add_done_callback(partial(self._finished, reading.sentences, len(new)))
            self._jobs[page] = future

    def result(self, page: str) -> PageAudio | None:
        """Wait for a submitted page; None when it has nothing to read or is stale (cache-only)."""
        if page in self._ready:
            key = self._ready.pop(page)
            if key is None:
                return None
            audio = cached_page(self.cache, key)
            if audio is None:
                self.lost.append(page)  # removed from the cache since the page was read
            return audio
        page_audio, _ = self._jobs.pop(page).result()
        return page_audio

    def check_stale(self) -> None:
        """In cache-only mode, fail listing every page whose audio is out of date."""
        if self.stale:
            raise stale_error(self.stale)

    def close(self, cancel: bool = False) -> None:
        """Shut the workers down; with ``cancel``, drop pages not yet started.

        A pool that shares another's workers leaves them, and the progress line, to that pool."""
        if self._executor is not None:
            if cancel and self._stop is not None:
                self._stop.set()
            self._executor.shutdown(wait=True, cancel_futures=cancel)
            self._executor = None
        if self._share is None:
            self._progress.finish()

    def __enter__(self) -> AudioPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        self.close(cancel=exc_type is not None)

    def _pool(self) -> ProcessPoolExecutor:
        """Start the workers on first need: a warm build may never need them."""
        if self._share is not None:
            return self._share._pool()
        if self._executor is None:
            if self._verify is not None:
                self._verify()
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("spawn")
            self._stop = context.Event()
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(
                    self.spec,
                    self.info,
                    str(self.cache.directory),
                    self.cache_only,
                    self._stop,
                    # The natural voice's share of the CPUs: workers must not oversubscribe them.
                    max(1, (os.cpu_count() or 1) // self.workers),
                ),
            )
        return self._executor

    def _finished(
        self, total: int, expected: int, future: Future[tuple[PageAudio, list[str]]]
    ) -> None:
        """Count a finished page (runs in the executor's thread)."""
        if future.cancelled() or future.exception() is not None:
            return
        made = future.result()[1]
        with self._lock:
            self.stats.made.update(made)
            self.stats.sentences += total
        self._progress.done(expected)


def render_pages(
    pages: Mapping[str, Sequence[Block]],
    spec: EngineSpec,
    info: EngineInfo,
    cache_dir: Path | str,
    workers: int | None = None,
    progress: bool = True,
    cache_only: bool = False,
) -> tuple[dict[str, PageAudio | None], PoolStats]:
    """Render every page's audio; in cache-only mode, first fail if any page is stale."""
    if cache_only:
        check_cache(pages, AudioCache(cache_dir), spec, info)
    with AudioPool(spec, info, cache_dir, workers, progress, cache_only) as pool:
        for page, blocks in pages.items():
            pool.submit(page, blocks)
        results = {page: pool.result(page) for page in pages}
    return results, pool.stats


def check_cache(
    pages: Mapping[str, Sequence[Block]], cache: AudioCache, spec: EngineSpec, info: EngineInfo
) -> None:
    """Raise ``SafeguardingError`` naming the pages whose sentences are not all cached."""
    key_for = partial(sentence_key, spec=spec, info=info)
    stale = [page for page, blocks in pages.items() if missing_sentences(blocks, cache, key_for)]
    if stale:
        raise stale_error(stale)


def stale_error(pages: Sequence[str]) -> SafeguardingError:
    """Explain out-of-date audio in cache-only mode, naming the pages."""
    shown = ", ".join(f"'{page}'" for page in pages[:10])
    more = f" and {len(pages) - 10} more" if len(pages) > 10 else ""
    return SafeguardingError(
        f"Audio is out of date for {len(pages)} page(s): {shown}{more}. Cache-only mode is on, "
        "so no speech is made during this build. Build the site once with cache-only mode off "
        "to update the audio cache, and keep that cache folder for this build."
    )


class Progress:
    """A one-line progress report with an estimate of the time left, for cold builds."""

    INTERVAL_TTY = 0.2
    INTERVAL_LOG = 5.0

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.total = 0
        self.done_count = 0
        self.started = 0.0
        self.shown = 0.0
        self._lock = threading.Lock()

    def add(self, sentences: int) -> None:
        """More sentences to synthesise."""
        if sentences and not self.total:
            self.started = time.monotonic()
        self.total += sentences

    def done(self, sentences: int) -> None:
        """Some sentences were synthesised."""
        with self._lock:
            self.done_count += sentences
            now = time.monotonic()
            interval = self.INTERVAL_TTY if self._tty() else self.INTERVAL_LOG
            if self.total and now - self.shown >= interval:
                self.shown = now
                self._write(self.line(now))

    def line(self, now: float) -> str:
        """The progress text, such as "Audio: 40/200 sentences, about 12 s left"."""
        elapsed = now - self.started
        left = self.total - self.done_count
        eta = f", about {elapsed / self.done_count * left:.0f} s left" if self.done_count else ""
        return f"Audio: {self.done_count} of {sentences(self.total)} made{eta}"

    def finish(self) -> None:
        """Close the line, if one was shown."""
        with self._lock:
            if self.total and self.shown:
                elapsed = time.monotonic() - self.started
                made = sentences(self.done_count)
                self._write(f"Audio: {made} made in {elapsed:.1f} s")
                if self._tty() and self.stream is not None:
                    self.stream.write("\n")
            self.total = self.done_count = 0
            self.shown = 0.0

    def _tty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    def _write(self, text: str) -> None:
        if self.stream is None:
            return
        if self._tty():
            self.stream.write("\r\x1b[K" + text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
