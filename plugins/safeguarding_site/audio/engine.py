"""eSpeak NG speech through pyttsx3: a probe run in a child process, and a per-process synthesiser.

eSpeak NG ends the whole process with exit(1) when its data files are missing, and it can only
be initialised once per process. So the build process never loads it: ``probe`` checks it in a
child process, and only worker processes (or tests, or the benchmark) hold a ``Synthesiser``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import SafeguardingError

if TYPE_CHECKING:
    import ctypes

DEFAULT_VOICE = "gmw/en-gb-x-rp"
DEFAULT_RATE = 160
"""Words per minute: a little slower than eSpeak's 175, for listeners who need time."""
MIN_RATE, MAX_RATE = 80, 450
PROBE_TIMEOUT = 60.0
SYNTH_TIMEOUT = 30.0
ATTEMPTS = 3
DATA_ENV = "ESPEAK_DATA_PATH"
_PROBE_MARK = "SG-AUDIO-PROBE "
_WAV_HEADER_BYTES = 44
_ESPEAK_RATE = 1  # espeakRATE in speak_lib.h
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


ESPEAK, KOKORO = "espeak", "kokoro"


@dataclass(frozen=True)
class EngineSpec:
    """The voice (an id of the engine's), the speaking rate in words per minute, and the
    engine: eSpeak NG, or the natural voice (Kokoro, in ``neural``)."""

    voice: str = DEFAULT_VOICE
    rate: int = DEFAULT_RATE
    engine: str = ESPEAK

    def __post_init__(self) -> None:
        if not MIN_RATE <= self.rate <= MAX_RATE:
            raise SafeguardingError(
                f"Audio rate: received {self.rate!r}, expected words per minute between "
                f"{MIN_RATE} and {MAX_RATE}, such as {DEFAULT_RATE}."
            )


@dataclass(frozen=True)
class EngineInfo:
    """What the probe found; the versions are part of every cache key."""

    espeak_version: str
    pyttsx3_version: str
    library_path: str
    data_path: str
    model: str = ""
    """The natural voice's model, runtime and phoneme mapping; empty for eSpeak NG."""


@dataclass(frozen=True)
class Pcm:
    """16-bit signed mono samples."""

    data: bytes
    sample_rate: int

    @property
    def samples(self) -> int:
        """Number of samples."""
        return len(self.data) // 2

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.samples / self.sample_rate


# Loading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Library:
    """The eSpeak NG shared library this process loaded, and its data folder."""

    path: str
    data_path: str
    handle: ctypes.CDLL


_library: _Library | None = None


def load_library() -> _Library:
    """Load eSpeak NG once per process, before pyttsx3 looks for it.

    The espeakng-loader wheel is preferred because it needs no system package; a system
    eSpeak NG is used only when that wheel is missing. Loading with RTLD_GLOBAL makes
    pyttsx3's own ``LoadLibrary("libespeak-ng.so.1")`` find this copy by its soname.
    """
    global _library
    if _library is None:
        path, bundled_data = _find_library()
        if bundled_data and not os.environ.get(DATA_ENV):
            os.environ[DATA_ENV] = bundled_data
        import ctypes  # only processes that speak load the engine

        handle = ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
        _library = _Library(path, os.environ.get(DATA_ENV, ""), handle)
    return _library


def _find_library() -> tuple[str, str]:
    """The library path and its bundled data folder ("" for a system install)."""
    try:
        import espeakng_loader
    except ImportError:
        import ctypes.util

        system = ctypes.util.find_library("espeak-ng")
        if system is None:
            raise SafeguardingError(
                "Audio needs the eSpeak NG speech engine, which is not installed. Install the "
                "plugin's audio dependencies with 'pip install espeakng-loader pyttsx3', or turn "
                "audio off in mkdocs.yml."
            ) from None
        return system, ""
    return espeakng_loader.get_library_path(), espeakng_loader.get_data_path()


def espeak_version(library: _Library) -> str:
    """eSpeak NG's version string, such as "1.52.0"."""
    import ctypes

    info = library.handle.espeak_Info
    info.restype = ctypes.c_char_p
    info.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
    return (info(None) or b"unknown").decode()


# The probe ----------------------------------------------------------------------------------


class UnknownVoice(SafeguardingError):
    """The configured voice does not exist: a configuration mistake, not a missing engine."""

    def __init__(self, message: str, voice: str = "") -> None:
        super().__init__(message)
        self.voice = voice


def fingerprint(spec: EngineSpec) -> list[object]:
    """What decides whether an earlier probe still holds: the voice, the installed packages,
    the data folder asked for and the Python running the build. Cheap: no engine is started."""
    versions: list[str | None] = []
    for name in ("pyttsx3", "espeakng-loader"):
        try:
            versions.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            versions.append(None)
    if spec.engine == KOKORO:
        from .neural import versions as neural_versions

        versions += neural_versions()
    return [asdict(spec), versions, os.environ.get(DATA_ENV), sys.executable]


def probe(
    spec: EngineSpec, timeout: float = PROBE_TIMEOUT, also: tuple[str, ...] = ()
) -> EngineInfo:
    """Start the engine in a child process, speak one word, and check the voice exists.

    ``also`` names more eSpeak NG voices (other languages') to check with ``spec``'s engine,
    which must then be eSpeak NG. Raises ``SafeguardingError`` saying what went wrong and how
    to fix it, so that a broken install never ends the build process itself; an unknown voice
    raises ``UnknownVoice`` naming it.
    """
    if also and spec.engine != ESPEAK:
        raise ValueError("only eSpeak NG voices can be checked together")
    code = (
        f"import sys; sys.path.insert(0, {str(_PACKAGE_ROOT)!r}); "
        "from safeguarding_site.audio.engine import _probe_main; _probe_main()"
    )
    argument = json.dumps({**asdict(spec), "also": list(also)})
    import subprocess  # a warm build whose probe is remembered never starts one

    try:
        done = subprocess.run(
            [sys.executable, "-c", code, argument],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _not_started(f"it did not answer within {timeout:.0f} seconds") from None
    report = _probe_report(done.stdout)
    if report is None:
        said = " ".join((done.stderr + done.stdout).split())[-300:].rstrip(". ") or "nothing"
        raise _not_started(f"it stopped with exit code {done.returncode} and said: {said}")
    if "error" in report:
        if report.get("unknown_voice"):
            raise UnknownVoice(report["error"], report.get("voice", spec.voice))
        raise SafeguardingError(report["error"])
    return EngineInfo(**report["info"])


def _probe_report(stdout: str) -> dict[str, Any] | None:
    """The JSON line the child printed, if it got that far."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(_PROBE_MARK):
            return json.loads(line.removeprefix(_PROBE_MARK))
    return None


def _not_started(detail: str) -> SafeguardingError:
    """Explain an engine that could not start, with the likely fix."""
    data = os.environ.get(DATA_ENV)
    if data:
        hint = (
            f"The environment variable {DATA_ENV} is set to '{data}'; check that this folder "
            "holds eSpeak NG's data (such as the file 'phontab'), or unset it to use the data "
            "that comes with the espeakng-loader package."
        )
    else:
        hint = "Reinstall its data with 'pip install --force-reinstall espeakng-loader'."
    return SafeguardingError(
        f"Audio could not be made because the eSpeak NG speech engine did not start: {detail}. "
        f"{hint} Or turn audio off in mkdocs.yml."
    )


def _probe_main() -> None:
    """Child-process side of ``probe``: print one marked JSON line."""
    argument = json.loads(sys.argv[1])
    also = argument.pop("also", [])
    spec = EngineSpec(**argument)
    voice = spec.voice
    try:
        # The natural voice's model is checked here, once per build that makes speech.
        synthesiser = synthesiser_for(spec, verify=True)
        synthesiser.synthesise("Test.")
        for voice in also:
            Synthesiser(EngineSpec(voice, spec.rate)).synthesise("1.")
        report: dict[str, Any] = {"info": asdict(synthesiser.info)}
    except SafeguardingError as error:
        unknown = isinstance(error, UnknownVoice)
        report = {"error": str(error), "unknown_voice": unknown, "voice": voice}
    print(_PROBE_MARK + json.dumps(report), flush=True)


# Synthesis ----------------------------------------------------------------------------------


class Speaker(Protocol):
    """What workers, the probe and the benchmark need of either engine."""

    @property
    def info(self) -> EngineInfo: ...

    def synthesise(self, text: str) -> Pcm: ...


def synthesiser_for(spec: EngineSpec, threads: int = 1, verify: bool = False) -> Speaker:
    """This process's synthesiser for ``spec``'s engine.

    ``threads`` is the natural voice's share of the CPUs; ``verify`` checks its model's sha256.
    """
    if spec.engine == KOKORO:
        from .neural import NeuralSynthesiser  # numpy and ONNX Runtime: only when asked for

        return NeuralSynthesiser(spec, threads=threads, verify=verify)
    return Synthesiser(spec)


class _SharedEngine:
    """The one pyttsx3 engine of this process.

    pyttsx3's eSpeak driver registers a process-wide callback and a discarded driver clears it,
    so every ``Synthesiser`` in a process shares this object rather than making its own.
    """

    def __init__(self) -> None:
        library = load_library()
        import pyttsx3  # only now: it looks for libespeak-ng.so.1, which must be loaded first

        self.engine = pyttsx3.init("espeak")
        from pyttsx3.drivers import _espeak

        self.is_playing: Callable[[], int] = _espeak.IsPlaying
        self.info = EngineInfo(
            espeak_version=espeak_version(library),
            pyttsx3_version=metadata.version("pyttsx3"),
            library_path=library.path,
            data_path=library.data_path,
        )
        self.voices = [voice.id for voice in self.engine.getProperty("voices")]
        self.lock = threading.Lock()
        self.applied: EngineSpec | None = None
        self.finished = threading.Event()
        self.completed = False
        self.errors: list[str] = []
        self.engine.connect("finished-utterance", self._on_finished)
        self.engine.connect("error", self._on_error)
        # A new driver queues every command until its first run; run it empty once so that
        # settings apply at once from now on and can be checked before speaking.
        self.engine.runAndWait()
        import ctypes

        get_parameter = library.handle.espeak_GetParameter
        get_parameter.argtypes = [ctypes.c_int, ctypes.c_int]
        get_parameter.restype = ctypes.c_int
        self._get_parameter = get_parameter

    def current_rate(self) -> int:
        """The rate eSpeak NG will use next (its queue may not have applied a new one yet)."""
        return self._get_parameter(_ESPEAK_RATE, 1)

    def current_voice(self) -> str:
        """The voice eSpeak NG has selected."""
        return str(self.engine.getProperty("voice") or "")

    def _on_finished(self, completed: bool = True, **_: object) -> None:
        """Record the end of an utterance (called from eSpeak NG's own thread)."""
        self.completed = completed
        self.finished.set()

    def _on_error(self, exception: BaseException | None = None, **_: object) -> None:
        """Record what the driver refused; pyttsx3 reports it only through this event."""
        self.errors.append(str(exception))


_shared: _SharedEngine | None = None


def speaking_in_this_process() -> bool:
    """Whether this process holds pyttsx3's eSpeak NG engine (one user per process)."""
    return _shared is not None


def _shared_engine() -> _SharedEngine:
    """Create this process's engine on first use."""
    global _shared
    if _shared is None:
        _shared = _SharedEngine()
    return _shared


class Synthesiser:
    """Turns one sentence at a time into PCM, in this process, with the given voice and rate."""

    def __init__(self, spec: EngineSpec, timeout: float = SYNTH_TIMEOUT) -> None:
        self.spec = spec
        self.timeout = timeout
        self._shared = _shared_engine()
        self._check_voice()

    @property
    def info(self) -> EngineInfo:
        """Versions and paths of the engine in use."""
        return self._shared.info

    @property
    def voices(self) -> list[str]:
        """Ids of every voice this eSpeak NG has, such as "gmw/en-gb-x-rp"."""
        return list(self._shared.voices)

    def _check_voice(self) -> None:
        """pyttsx3 ignores unknown voices but for an 'error' event, so check the list first."""
        if self.spec.voice.lower() not in self._shared.voices:
            raise UnknownVoice(unknown_voice_message(self.spec.voice, self._shared.voices))

    def synthesise(self, text: str) -> Pcm:
        """Speak one sentence into PCM. Long texts should be split first: cost grows fast."""
        if not text.strip():
            raise ValueError("nothing to synthesise: the text is empty")
        # A file per utterance, removed at once: workers end without running cleanup handlers.
        handle, name = tempfile.mkstemp(prefix="sg-audio-", suffix=".wav")
        os.close(handle)
        path = Path(name)
        with self._shared.lock:
            try:
                self._speak_to(text, path)
                return _read_wav(path, text)
            finally:
                path.unlink(missing_ok=True)

    def _speak_to(self, text: str, path: Path) -> None:
        """Speak one utterance to ``path``, retrying if the driver cancelled it."""
        for _ in range(ATTEMPTS):
            if self._attempt(text, path):
                return
        raise SafeguardingError(
            f"The speech engine kept stopping before the end of '{text[:80]}'. Build again; if "
            "it happens again, shorten that sentence or mark its element 'sg-no-audio'."
        )

    def _attempt(self, text: str, path: Path) -> bool:
        """Queue one utterance, run it, and wait until its file is complete; False if cancelled."""
        shared = self._shared
        # eSpeak NG calls back from its own thread and stays busy a moment after the
        # finished-utterance event; pyttsx3 cancels the next utterance if it starts then.
        _wait_for(lambda: not shared.is_playing(), self.timeout, "become idle")
        shared.finished.clear()
        shared.completed = False
        shared.errors.clear()
        if shared.applied != self.spec:
            self._apply_spec()
        # The eSpeak driver prints "Audio saved to ..." for every file; keep build output clean.
        with contextlib.redirect_stdout(io.StringIO()):
            shared.engine.save_to_file(text, str(path))
            shared.engine.runAndWait()
            # runAndWait can return before the driver has written the file, so wait for the
            # event here, where the driver's print from its own thread is still caught.
            _wait_for(shared.finished.is_set, self.timeout, f"finish speaking '{text[:80]}'")
        if shared.errors:
            raise self._refused(shared.errors)
        if not shared.completed:
            return False
        _wait_for(lambda: _file_size(path) > _WAV_HEADER_BYTES, self.timeout, f"write {path}")
        return True

    def _apply_spec(self) -> None:
        """Set voice and rate, and wait until eSpeak NG really uses them.

        eSpeak NG changes voice at once but queues a rate change; an utterance queued straight
        after can still be spoken at the old rate, so wait for the engine to report the new one.
        """
        shared = self._shared
        shared.applied = None
        shared.engine.setProperty("voice", self.spec.voice)
        shared.engine.setProperty("rate", self.spec.rate)
        if shared.errors:
            raise self._refused(shared.errors)
        voice = self.spec.voice.lower()
        _wait_for(
            lambda: shared.current_voice() == voice and shared.current_rate() == self.spec.rate,
            self.timeout,
            f"switch to voice '{self.spec.voice}' at {self.spec.rate} words per minute",
        )
        shared.applied = self.spec

    def _refused(self, errors: list[str]) -> SafeguardingError:
        """Explain settings the driver reported as refused."""
        self._shared.applied = None
        return SafeguardingError(
            f"The speech engine refused the audio settings (voice '{self.spec.voice}', rate "
            f"{self.spec.rate}): {'; '.join(errors)}. Check the audio voice and rate in "
            "mkdocs.yml."
        )


def unknown_voice_message(voice: str, voices: list[str]) -> str:
    """Explain an unknown voice and suggest ones that exist: the same language's ("pl" finds
    "zlw/pl"), else British English ones."""
    wanted = _language_part(voice)
    same = [v for v in voices if _language_part(v) == wanted != "en"][:5]
    british = [v for v in voices if v.startswith("gmw/en-gb") or v == "gmw/en"][:5]
    if same:
        suggestions = "the voices for that language " + ", ".join(f"'{v}'" for v in same)
    elif british:
        suggestions = "the British English voices " + ", ".join(f"'{v}'" for v in british)
    else:
        suggestions = ", ".join(f"'{v}'" for v in voices[:5])
    return (
        f"The audio voice '{voice}' is not an eSpeak NG voice on this machine. Set the audio "
        f"voice in mkdocs.yml to one that is, such as {suggestions}."
    )


def _language_part(voice: str) -> str:
    """The language a voice id names: "pl" in "zlw/pl", "en" in "gmw/en-gb-x-rp"."""
    return voice.lower().rsplit("/", 1)[-1].split("-")[0]


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``condition`` until it holds, or raise after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SafeguardingError(
                f"The speech engine did not {what} within {timeout:.0f} seconds. Build again; "
                "if it happens again, shorten that sentence or mark its element 'sg-no-audio'."
            )
        time.sleep(0.005)


def _file_size(path: Path) -> int:
    """Size of ``path`` in bytes, or 0 when it does not exist yet."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _read_wav(path: Path, text: str) -> Pcm:
    """Read the driver's WAV file, refusing anything but non-empty 16-bit mono."""
    import wave

    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise SafeguardingError(
                f"The speech engine wrote audio in an unexpected format ({wav.getnchannels()} "
                f"channels, {8 * wav.getsampwidth()}-bit). Reinstall pyttsx3 at the supported "
                "version."
            )
        pcm = Pcm(wav.readframes(wav.getnframes()), wav.getframerate())
    if pcm.samples == 0:
        raise SafeguardingError(
            f"The speech engine produced no sound for '{text[:80]}'. Reword that text, or mark "
            "its element with the class 'sg-no-audio' so it is not read aloud."
        )
    return pcm
