"""MkDocs glue for audio: extract while pages render, collect MP3s as they are written."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..errors import SafeguardingError
from ..jsoncache import JsonCache
from ..languages.model import is_english
from ..storage import place_file
from .assemble import PageAudio, places_digest
from .blocks import Block, MarkedPage, Reading, Sentence, Speech
from .cache import PIPELINE_VERSION
from .config import AudioConfig
from .engine import (
    DEFAULT_VOICE,
    ESPEAK,
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
# The player goes after the heading and what follows it: the language switcher and the toggle.
_AFTER_HEADING = re.compile(
    r"</h1>(?:<nav class=\"sg-languages.*?</nav>)?(?:<p class=\"sg-toggle[^>]*>.*?</p>)?", re.S
)
PoolKey = tuple[str, str]  # (kind of page, language code)


@dataclass(frozen=True)
class Voice:
    """How pages in one language are read: engine, voice id and lexicon."""

    engine: str
    voice: str
    lexicon: Mapping[str, str]


class Audio:
    """State of one build: the engines, the worker pools, and each page's file names.

    English pages are read by the configured engine and voice; pages in other languages by
    eSpeak NG in their language's voice (``languages``: the shipped voices by language code,
    which ``audio.languages`` overrides and adds to).
    """

    def __init__(
        self,
        options: AudioConfig,
        render: Render,
        cache: JsonCache | None = None,
        languages: Mapping[str, str] | None = None,
    ) -> None:
        self.options = options
        # Reading a page is pure: remember the marked HTML and its blocks by the page's HTML.
        self.readings = cache
        self.render = render
        self.info: EngineInfo | None = None
        self.infos: dict[str, EngineInfo] = {}  # by engine: other languages use eSpeak NG
        self.language_voices = self._language_voices(languages or {})
        self.pools: dict[PoolKey, AudioPool] = {}
        self.help_file: File | None = None
        self.submitted: dict[str, PoolKey] = {}
        self.silent_languages: set[str] = set()
        self.cache_folder = Path(options.cache_dir)  # from mkdocs.yml's folder, set by start()
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
        self.infos = {}
        self.silent_languages = set()
        self.strict = bool(config.strict)
        self.engine_error = None
        self.engine_warned = False
        if not self.options.enabled:
            return
        if any(is_english(code) for code in self.options.languages):
            raise SafeguardingError(
                "Plugin 'safeguarding' option 'audio.languages': English pages are read with "
                "'audio.engine', 'audio.voice' and 'audio.lexicon'; remove the English entry."
            )
        self.spec, _ = self._specs()
        also = self._also()
        key = self.probe_key = ["engine-probe-2", fingerprint(self.spec), list(also)]
        stored = self.readings.get(key) if self.readings else None
        try:
            infos = {engine: EngineInfo(**info) for engine, info in stored.items()}
        except (TypeError, AttributeError):
            infos = {}  # none yet, or written by another version of this plugin
        self.verified = not infos
        if not infos:
            try:
                infos = self._probe_all()
            except UnknownVoice:
                raise  # a mistake in mkdocs.yml, not a missing engine: always stop
            except SafeguardingError as error:
                if config.strict:
                    raise
                log.warning(f"{error} Pages are built without audio players.")
                return
            if self.readings:
                self.readings.put(key, {engine: asdict(info) for engine, info in infos.items()})
        self.infos = infos
        self.info = infos[self.spec.engine]
        self.cache_folder = Path(config.config_file_path or ".").parent / self.options.cache_dir

    def _language_voices(self, shipped: Mapping[str, str]) -> dict[str, str]:
        """The eSpeak NG voice of each language but English: shipped, or from the options."""
        voices = {code: voice for code, voice in shipped.items() if not is_english(code)}
        for code, options in self.options.languages.items():
            if options.voice:
                voices[code] = options.voice
        return voices

    def _also(self) -> tuple[str, ...]:
        """The other languages' voices, checked with the engine's probe."""
        return tuple(sorted(set(self.language_voices.values())))

    def _probe_all(self) -> dict[str, EngineInfo]:
        """Probe the English engine and every other language's voice: one child process for
        eSpeak NG, two when English has the natural voice."""
        also = self._also()
        if self.spec.engine == ESPEAK:
            return {ESPEAK: self._probe(self.spec, also)}
        infos = {self.spec.engine: self._probe(self.spec, ())}
        if also:
            infos[ESPEAK] = self._probe(EngineSpec(also[0], self.spec.rate), also[1:])
        return infos

    def voice_for(self, code: str) -> Voice | None:
        """How pages in ``code`` are read; None for a language without a voice."""
        if is_english(code):
            return Voice(self.spec.engine, self.spec.voice, self.options.lexicon)
        voice = self.language_voices.get(code) or self.language_voices.get(code.split("-")[0])
        if voice is None:
            return None
        own = self.options.languages.get(code)
        return Voice(ESPEAK, voice, dict(own.lexicon) if own else {})

    def _pool(self, kind: str, code: str, voice: Voice) -> AudioPool:
        """The pool for one kind of page in one language, made on first use.

        Pools of one engine share the first one's workers: easy-read pages and other
        languages go to the same processes (for kokoro, one model a process). eSpeak NG and
        the natural voice cannot share a process, so each engine has its own workers.
        """
        key = (kind, code)
        if key not in self.pools:
            rate = self.options.easy_read_rate if kind == "easy" else self.options.rate
            spec = EngineSpec(voice.voice, rate, voice.engine)
            leader = next((p for p in self.pools.values() if p.spec.engine == voice.engine), None)
            leader = leader._share or leader if leader else None
            cache_only = not self.options.generate
            verify = None if cache_only or self.verified else self._verify
            self.pools[key] = AudioPool(
                spec,
                self.infos[voice.engine],
                self.cache_folder,
                self.options.workers,
                self.options.progress,
                cache_only,
                verify,
                leader,
            )
        return self.pools[key]

    def _specs(self) -> tuple[EngineSpec, EngineSpec]:
        """The English engine, voice and rate for standard and for easy-read pages."""
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

    def _probe(self, spec: EngineSpec, also: tuple[str, ...]) -> EngineInfo:
        try:
            return probe(spec, also=also)
        except UnknownVoice as error:
            raise UnknownVoice(f"{self._voice_option(error.voice)}: {error}") from None

    def _voice_option(self, voice: str) -> str:
        """Where a voice was asked for: the option, or the language shipped with it."""
        if voice == self.spec.voice:
            return "Plugin 'safeguarding' option 'audio.voice'"
        codes = sorted(code for code, v in self.language_voices.items() if v == voice)
        own = [code for code in codes if self.options.languages.get(code, {}).get("voice")]
        code = (own or codes or ["?"])[0]
        if own:
            return f"Plugin 'safeguarding' option 'audio.languages.{code}.voice'"
        return (
            f"The voice '{voice}' for pages in '{code}' (set another with 'audio.languages."
            f"{code}.voice')"
        )

    def _verify(self) -> None:
        """Before speech is first made with a remembered probe: check the engine still works."""
        if self.engine_error is not None:
            raise self.engine_error
        if self.verified:
            return
        try:
            infos = self._probe_all()
        except SafeguardingError as error:
            self.engine_error = error
            raise
        if infos != self.infos:
            # Same packages, different engine (a rebuilt library): this build's keys name the
            # old one, so new speech would be filed wrongly. Remember the engine found now and
            # stop; the next build keys everything by it.
            if self.readings:
                stored = {engine: asdict(info) for engine, info in infos.items()}
                self.readings.put(self.probe_key, stored)
            now = next(iter(infos.values())).espeak_version
            was = self.info.espeak_version if self.info else "unknown"
            self.engine_error = SafeguardingError(
                f"The speech engine has changed since the last build (eSpeak NG "
                f"{now}, was {was}). Build again: the next build uses it."
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

    def page_content(
        self, html: str, page: Page, kind: str, code: str = "en", image: str = "Image"
    ) -> str:
        """Number the readable blocks, send the page to a worker, leave a slot for the player.

        ``code`` is the page's language; ``image`` is its word that introduces alt text.
        """
        if not self.infos:
            return html
        voice = self.voice_for(code)
        if voice is None:
            if code not in self.silent_languages:
                self.silent_languages.add(code)
                log.info(
                    f"Pages in '{code}' have no audio player: no eSpeak NG voice is known for "
                    f"that language. Name one with 'audio.languages.{code}.voice'."
                )
            return html
        marked_html, reading = self._read(html, voice.lexicon, Speech(code, image))
        try:
            self._pool(kind, code, voice).submit_reading(page.file.src_uri, reading)
        except SafeguardingError as error:
            # Only new speech needs the engine; pages whose audio is cached keep their player.
            if self.strict:
                raise
            if not self.engine_warned:
                self.engine_warned = True
                log.warning(f"{error} Pages whose audio is not cached have no player.")
            return marked_html
        self.submitted[page.file.src_uri] = (kind, code)
        html = marked_html
        match = _AFTER_HEADING.search(html)
        at = match.end() if match else 0
        return html[:at] + SLOT + html[at:]

    def _read(self, html: str, lexicon: Mapping[str, str], speech: Speech) -> tuple[str, Reading]:
        """The page with its blocks marked, and what it reads aloud.

        The reading is cached in two parts: the marked HTML with a summary, read on every
        build, and the blocks themselves, read only when the page's audio must be made.
        """
        key = ["audio-reading-4", PIPELINE_VERSION, html, dict(lexicon), asdict(speech)]
        blocks_key = [*key, "blocks"]
        stored = self.readings.get(key) if self.readings else None
        if isinstance(stored, dict):
            return stored["html"], Reading(
                stored["places"],
                stored["sentences"],
                lambda: (
                    self._cached_blocks(blocks_key) or self._read_page(html, lexicon, speech).blocks
                ),
            )
        marked = self._read_page(html, lexicon, speech)
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

    def _read_page(self, html: str, lexicon: Mapping[str, str], speech: Speech) -> MarkedPage:
        from .text import read_page  # Beautiful Soup: only when the reading is not cached

        return read_page(html, lexicon, speech)

    def _cached_blocks(self, key: list) -> list[Block] | None:
        stored = self.readings.get(key) if self.readings else None
        if not isinstance(stored, list):
            return None
        return [
            Block(index, text, [Sentence(*sentence) for sentence in sentences])
            for index, text, sentences in stored
        ]

    def post_page(
        self,
        output: str,
        page: Page,
        site_dir: str,
        words: Mapping[str, str],
        help_file: File | None = None,
    ) -> str:
        """Write the page's MP3 and timings, and put the player in its slot, in ``words``
        (the page language's); ``help_file`` is the help page in that language if it has one."""
        if SLOT not in output:
            return output
        audio = None
        pool = self.submitted.pop(page.file.src_uri, None)
        if pool is not None:
            audio = self.pools[pool].result(page.file.src_uri)
        if audio is None:
            return output.replace(SLOT, "", 1)
        mp3, timings = self._write(audio, page, site_dir)
        self.durations[page.file.src_uri] = audio.duration
        help_file = help_file or self.help_file
        help_url = help_file.url_relative_to(page.file) if help_file else None
        minutes = max(1, round(audio.duration / 60))
        player = self.render(
            "player.html",
            mp3=mp3,
            timings=timings,
            help_url=help_url,
            words=words,
            time=words["listen_minutes"].format(minutes=minutes),
            download=words["download_audio"].format(size=_size(audio.size)),
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
        self.submitted = {}

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
