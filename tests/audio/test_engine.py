"""Tests for safeguarding_site.audio.engine, against the real eSpeak NG engine."""

from __future__ import annotations

import re
import tempfile

import pytest

from safeguarding_site.audio.engine import (
    DATA_ENV,
    EngineSpec,
    Synthesiser,
    probe,
    unknown_voice_message,
)
from safeguarding_site.errors import SafeguardingError


def test_probe_reports_engine(info):
    """The probe returns eSpeak NG's version and where it was loaded from."""
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?.*", info.espeak_version)
    assert info.pyttsx3_version == "2.99"
    assert "espeak-ng" in info.library_path
    assert info.data_path


def test_british_voices_exist(synthesiser):
    """Both British English voices the plugin suggests are installed."""
    voices = synthesiser.voices
    assert "gmw/en" in voices
    assert "gmw/en-gb-x-rp" in voices


def test_probe_unknown_voice():
    """An unknown voice is refused with a list of British English ones."""
    with pytest.raises(SafeguardingError) as error:
        probe(EngineSpec(voice="en-klingon"))
    message = str(error.value)
    assert message.startswith(
        "The audio voice 'en-klingon' is not an eSpeak NG voice on this machine."
    )
    assert "'gmw/en-gb-x-rp'" in message


def test_probe_without_data(tmp_path, monkeypatch):
    """Missing eSpeak data ends only the probe's child process, with an explanation."""
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    with pytest.raises(SafeguardingError) as error:
        probe(EngineSpec())
    message = str(error.value)
    assert "eSpeak NG speech engine did not start" in message
    assert "phontab" in message
    assert f"{DATA_ENV} is set to '{tmp_path}'" in message


def test_synthesise_sentence(synthesiser):
    """One sentence becomes a second or two of 16-bit mono PCM."""
    pcm = synthesiser.synthesise("If you are worried, tell someone.")
    assert pcm.sample_rate == 22050
    assert 1.0 < pcm.duration < 4.0
    assert len(pcm.data) == 2 * pcm.samples
    assert any(pcm.data)


def test_synthesise_many_in_a_row(synthesiser, tmp_path, monkeypatch):
    """Repeated sentences each get their own complete file, removed once read."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    durations = [synthesiser.synthesise(f"Sentence {n}.").duration for n in range(8)]
    assert all(0.5 < duration < 3.0 for duration in durations)
    assert list(tmp_path.iterdir()) == []


def test_rate_changes_length(spec):
    """Each sentence is spoken at its synthesiser's rate, however often the rate switches."""
    text = "Safeguarding means protecting people's right to live in safety."
    slow, usual = Synthesiser(EngineSpec(spec.voice, 120)), Synthesiser(spec)
    slow_durations = []
    usual_durations = []
    for _ in range(6):
        slow_durations.append(slow.synthesise(text).duration)
        usual_durations.append(usual.synthesise(text).duration)
    assert min(slow_durations) > max(usual_durations) * 1.15
    assert max(slow_durations) - min(slow_durations) < 0.05
    assert max(usual_durations) - min(usual_durations) < 0.05


def test_synthesiser_unknown_voice():
    """The in-process synthesiser refuses unknown voices too, before speaking."""
    with pytest.raises(SafeguardingError, match="'xx/none' is not an eSpeak NG voice"):
        Synthesiser(EngineSpec(voice="xx/none"))


def test_synthesise_empty_text(synthesiser):
    """Empty text is a programming error, not something to send to the engine."""
    with pytest.raises(ValueError, match="empty"):
        synthesiser.synthesise("  ")


@pytest.mark.parametrize("rate", [0, 79, 451])
def test_rate_out_of_range(rate):
    """Rates outside 80-450 words per minute are refused, echoing what was received."""
    with pytest.raises(SafeguardingError) as error:
        EngineSpec(rate=rate)
    assert str(error.value) == (
        f"Audio rate: received {rate}, expected words per minute between 80 and 450, such as 160."
    )


def test_unknown_voice_message_without_british_voices():
    """When no British voice exists, any voices are suggested instead."""
    message = unknown_voice_message("x", ["fr", "de"])
    assert message.endswith("Set the audio voice in mkdocs.yml to one that is, such as 'fr', 'de'.")
