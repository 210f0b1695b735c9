"""MkDocs glue for audio: extract while pages render, collect MP3s as they are written."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..errors import SafeguardingError
from ..jsoncache import JsonCache
from ..storage import place_file
from .assemble import PageAudio, places_digest
from .blocks import Block, MarkedPage, Reading, Sentence
from .cache import PIPELINE_VERSION
from .config import AudioConfig
from .engine import (
    DEFAULT_VOICE,
    KOKORO,
    EngineInfo,
    EngineSpec,
    UnknownVoice,
    fingerprint,
    probe,
)
from .neural import DEFAULT_VOICE as NEURAL_VOICE
from .neural import speed_for, unknown_voice_message
from .neural import voices as neural_voices
from .pool import AudioPool, sentences

log = get_plugin_logger(__name__)

Render = Callable[..., str]
SLOT = "<!-- sg-player -->"
_AFTER_HEADING = re.compile(r"</h1>(?:<p class=\"sg-toggle[^>]*>.*?</p>)?", re.S)


class Audio:
    """State of one build: the engine, the worker pools, and each page's file names."""

    def __init__(
        self, options: AudioConfig, render: Render, cache: JsonCache | None = None
    ) -> None:
        self.options = options
        # Reading a page is pure: remember the marked HTML and its blocks by the page's HTML.
        self.readings = cache
        self.render = render
        self.info: EngineInfo | None = None
        self.pools: dict[str, AudioPool] = {}
        self.help_file: File | None = None
        self.submitted: set[str] = set()
        self.durations: dict[str, float] = {}  # seconds of audio by page, for the report
        self.spec = EngineSpec()
        self.probe_key: list[object] = []
        self.strict = False
        self.verified = False
        self.engine_error: SafeguardingError | None = None
        self.engine_warned = False

    def start(self, config: MkDocsConfig) -> None:
        """Check the engine; without one, warn (fail under --strict) and make no players.

        Starting eSpeak NG to check it takes a tenth of a second, so a probe that passed is
        remembered with the engine's fingerprint. A build that then needs new speech checks
        the engine again before its first worker starts (``_verify``).
        """
        self.close(cancel=True)
        self.info = None
        self.strict = bool(config.strict)
        self.engine_error = None
        self.engine_warned = False
        if not self.options.enabled:
            return
        spec, easy = self._specs()
        self.spec = spec
        key = self.probe_key = ["engine-probe-1", fingerprint(spec)]
        stored = self.readings.get(key) if self.readings else None
        try:
            self.info = EngineInfo(**stored) if isinstance(stored, dict) else None
        except TypeError:
            self.info = None  # written by another version of this plugin
        self.verified = self.info is None
        if self.info is None:
            try:
                self.info = self._probe()
            except UnknownVoice:
                raise  # a mistake in mkdocs.yml, not a missing engine: always stop
            except SafeguardingError as error:
                if config.strict:
                    raise
                log.warning(f"{error} Pages are built without audio players.")
                return
            if self.readings:
                self.readings.put(key, asdict(self.info))
        cache = Path(config.config_file_path or ".").parent / self.options.cache_dir
        workers = self.options.workers
        cache_only = not self.options.generate
        progress = self.options.progress
        verify = None if cache_only or self.verified else self._verify
        page = AudioPool(spec, self.info, cache, workers, progress, cache_only, verify)
        # Easy-read pages go to the same workers: one engine (for kokoro, one model) a process.
        easy_pool = AudioPool(easy, self.info, cache, workers, progress, cache_only, verify, page)
        self.pools = {"page": page, "easy": easy_pool}

    def _specs(self) -> tuple[EngineSpec, EngineSpec]:
        """The engine, voice and rate for standard and for easy-read pages."""
        engine = self.options.engine
        voice = self.options.voice or (NEURAL_VOICE if engine == KOKORO else DEFAULT_VOICE)
        if engine == KOKORO:
            # Known without starting the engine: the voices ship with the plugin.
            if voice not in neural_voices():
                raise UnknownVoice(
                    f"Plugin 'safeguarding' option 'audio.voice': {unknown_voice_message(voice)}"
                )
            speed_for(self.options.rate)
            speed_for(self.options.easy_read_rate)
        return (
            EngineSpec(voice, self.options.rate, engine),
            EngineSpec(voice, self.options.easy_read_rate, engine),
        )

    def _probe(self) -> EngineInfo:
        try:
            return probe(self.spec)
        except UnknownVoice as error:
            raise UnknownVoice(f"Plugin 'safeguarding' option 'audio.voice': {error}") from None

    def _verify(self) -> None:
        """Before speech is first made with a remembered probe: check the engine still works."""
        if self.engine_error is not None:
            raise self.engine_error
        if self.verified:
            return
        try:
            info = self._probe()
        except SafeguardingError as error:
            self.engine_error = error
            raise
        if info != self.info:
            # Same packages, different engine (a rebuilt library): this build's keys name the
            # old one, so new speech would be filed wrongly. Remember the engine found now and
            # stop; the next build keys everything by it.
            if self.readings:
                self.readings.put(self.probe_key, asdict(info))
            was = self.info.espeak_version if self.info else "unknown"
            self.engine_error = SafeguardingError(
                f"The speech engine has changed since the last build (eSpeak NG "
                f"{info.espeak_version}, was {was}). Build again: the next build uses it."
            )
            raise self.engine_error
        self.verified = True

    def find_help(self, files: Files, config: MkDocsConfig) -> None:
        """The help page linked from the player, which must exist."""
        self.help_file = None
        if not (self.options.enabled and self.options.help_page):
            return
        self.help_file = files.get_file_from_path(self.options.help_page)
        if self.help_file is None:
            raise SafeguardingError(
                f"Plugin 'safeguarding' option 'audio.help_page': received "
                f"'{self.options.help_page}', but there is no such page in '{config.docs_dir}'."
            )

    def page_content(self, html: str, page: Page, kind: str) -> str:
        """Number the readable blocks, send the page to a worker, leave a slot for the player."""
        if not self.pools:
            return html
        marked_html, reading = self._read(html)
        try:
            self.pools[kind].submit_reading(page.file.src_uri, reading)
        except SafeguardingError as error:
            # Only new speech needs the engine; pages whose audio is cached keep their player.
            if self.strict:
                raise
            if not self.engine_warned:
                self.engine_warned = True
                log.warning(f"{error} Pages whose audio is not cached have no player.")
            return marked_html
        self.submitted.add(page.file.src_uri)
        html = marked_html
        match = _AFTER_HEADING.search(html)
        at = match.end() if match else 0
        return html[:at] + SLOT + html[at:]

    def _read(self, html: str) -> tuple[str, Reading]:
        """The page with its blocks marked, and what it reads aloud.

        The reading is cached in two parts: the marked HTML with a summary, read on every
        build, and the blocks themselves, read only when the page's audio must be made.
        """
        key = ["audio-reading-2", PIPELINE_VERSION, html, dict(self.options.lexicon)]
        blocks_key = [*key, "blocks"]
        stored = self.readings.get(key) if self.readings else None
        if isinstance(stored, dict):
            return stored["html"], Reading(
                stored["places"],
                stored["sentences"],
                lambda: self._cached_blocks(blocks_key) or self._read_page(html).blocks,
            )
        marked = self._read_page(html)
        reading = Reading(
            places_digest(marked.blocks),
            sum(len(block.sentences) for block in marked.blocks),
            lambda: marked.blocks,
        )
        if self.readings:
            blocks = [
                [b.index, b.text, [[s.start, s.end, s.spoken] for s in b.sentences]]
                for b in marked.blocks
            ]
            self.readings.put(blocks_key, blocks)
            summary = {"html": marked.html, "places": reading.places}
            self.readings.put(key, {**summary, "sentences": reading.sentences})
        return marked.html, reading

    def _read_page(self, html: str) -> MarkedPage:
        from .text import read_page  # Beautiful Soup: only when the reading is not cached

        return read_page(html, self.options.lexicon)

    def _cached_blocks(self, key: list) -> list[Block] | None:
        stored = self.readings.get(key) if self.readings else None
        if not isinstance(stored, list):
            return None
        return [
            Block(index, text, [Sentence(*sentence) for sentence in sentences])
            for index, text, sentences in stored
        ]

    def post_page(self, output: str, page: Page, kind: str, site_dir: str) -> str:
        """Write the page's MP3 and timings, and put the player in its slot."""
        if SLOT not in output:
            return output
        audio = None
        if page.file.src_uri in self.submitted:
            self.submitted.discard(page.file.src_uri)
            audio = self.pools[kind].result(page.file.src_uri)
        if audio is None:
            return output.replace(SLOT, "", 1)
        mp3, timings = self._write(audio, page, site_dir)
        self.durations[page.file.src_uri] = audio.duration
        help_url = self.help_file.url_relative_to(page.file) if self.help_file else None
        player = self.render(
            "player.html",
            mp3=mp3,
            timings=timings,
            minutes=max(1, round(audio.duration / 60)),
            size=_size(audio.size),
            help_url=help_url,
        )
        return output.replace(SLOT, player, 1)

    def finish(self) -> None:
        """Stop the workers; in cache-only mode, name the pages whose audio is out of date."""
        pools, self.pools = self.pools, {}
        stale: list[str] = []
        lost: list[str] = []
        made = cached = 0
        for pool in pools.values():
            pool.close()
            stale += pool.stale
            lost += pool.lost
            made, cached = made + pool.stats.synthesised, cached + pool.stats.cached
        if pools:
            log.info(f"Audio: {sentences(made)} made, {cached} reused from the cache")
        if lost:
            log.warning(
                "The audio cache lost the audio of "
                + ", ".join(f"'{p}'" for p in sorted(lost))
                + " during the build (was the cache folder cleared?): these pages have no "
                "player. Build again to make it."
            )
        if stale:
            log.warning(
                "Audio is out of date for "
                + ", ".join(f"'{p}'" for p in sorted(stale))
                + ": these pages have no player. Build once with 'audio.generate: true' to "
                "make their audio, then keep the cache."
            )

    def close(self, cancel: bool) -> None:
        """Stop the workers at once (a failed or interrupted build)."""
        for pool in self.pools.values():
            pool.close(cancel=cancel)
        self.pools = {}
        self.submitted = set()

    def _write(self, audio: PageAudio, page: Page, site_dir: str) -> tuple[str, str]:
        """Place the MP3 and timings next to the page's HTML; their addresses from the page.

        The files share the page's folder, so their names are the addresses: no call to
        MkDocs' ``get_relative_url``, whose unbounded cache would keep two paths a page.
        """
        folder, _, name = page.file.dest_uri.rpartition("/")
        stem = "listen" if name == "index.html" else name.rpartition(".")[0] + ".listen"
        mp3, timings = f"{stem}.mp3", f"{stem}.json"
        target = os.path.join(site_dir, folder)
        place_file(audio.mp3_path, os.path.join(target, mp3))
        place_file(audio.timings_path, os.path.join(target, timings))
        return mp3, timings


def _size(size: int) -> str:
    """'2.3 MB', '640 KB': the size a reader needs to decide whether to download."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"
