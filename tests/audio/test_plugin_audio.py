"""Audio through real MkDocs builds with the real eSpeak NG engine."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

PAGE = "# Fire safety\n\nSmoke alarms save lives. Test yours every month.\n\nCall 999 in a fire.\n"


def audio_options(tmp_path: Path, **audio: object) -> list[dict]:
    """Plugin options with audio on and its cache inside the test's folder."""
    settings = {"enabled": True, "workers": 1, "progress": False, **audio}
    return [{"safeguarding": {"audio": settings}}]


def stats(caplog) -> tuple[int, int]:
    """(synthesised, from cache) from the build's audio summary line."""
    for message in caplog.messages:
        found = re.search(r"Audio: (\d+) sentences? made, (\d+) reused from the cache", message)
        if found:
            return int(found.group(1)), int(found.group(2))
    raise AssertionError(f"no audio summary in {caplog.messages}")


def test_page_gets_mp3_timings_and_player(build_site, tmp_path):
    """A page gets listen.mp3, listen.json and a native player linking both."""
    site = build_site({"index.md": "# Home\n", "fire.md": PAGE}, plugins=audio_options(tmp_path))
    mp3 = (site / "fire/listen.mp3").read_bytes()
    assert mp3[:2] == b"\xff\xfb" or mp3[:3] == b"ID3"
    timings = json.loads((site / "fire/listen.json").read_text())
    assert [t["block"] for t in timings["timings"]] == [0, 1, 1, 2]
    html = (site / "fire/index.html").read_text(encoding="utf-8")
    assert '<audio class="sg-player__audio" controls preload="none" src="listen.mp3">' in html
    assert 'data-sg-timings="listen.json"' in html
    assert re.search(r"Download audio \(MP3, \d+ KB\)", html)
    assert 'data-sg-block="1"' in html


def test_file_addresses_without_directory_urls(build_site, tmp_path):
    """With use_directory_urls off, 'guide/fire.html' gets 'guide/fire.listen.mp3' beside it."""
    site = build_site(
        {"index.md": "# Home\n\nWelcome to the site.\n", "guide/fire.md": PAGE},
        plugins=audio_options(tmp_path),
        use_directory_urls=False,
    )
    assert (site / "guide/fire.listen.mp3").stat().st_size > 1000
    assert json.loads((site / "guide/fire.listen.json").read_text())["duration"] > 1
    html = (site / "guide/fire.html").read_text(encoding="utf-8")
    assert 'src="fire.listen.mp3"' in html and 'data-sg-timings="fire.listen.json"' in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="listen.mp3"' in home and (site / "listen.mp3").is_file()
    assert not (site / "guide/listen.mp3").exists()


def test_second_build_synthesises_nothing_and_one_edit_one_sentence(build_site, tmp_path, caplog):
    """The sentence cache: a rebuild makes no speech; editing one sentence makes one."""
    files = {"index.md": "# Home\n", "fire.md": PAGE}
    options = audio_options(tmp_path)
    with caplog.at_level(logging.INFO):
        build_site(files, plugins=options)
    made, cached = stats(caplog)
    assert made > 0
    total = made + cached
    caplog.clear()
    with caplog.at_level(logging.INFO):
        build_site(files, plugins=options)
    assert stats(caplog) == (0, total)
    caplog.clear()
    edited = {**files, "fire.md": PAGE.replace("every month", "every week")}
    with caplog.at_level(logging.INFO):
        build_site(edited, plugins=options)
    assert stats(caplog) == (1, total - 1)


def test_easy_read_pages_are_read_slower(build_site, tmp_path):
    """The easy read of a page gets its own audio at the slower rate."""
    easy = (
        "# Fire: easy read\n\n[picture: material/fire | A fire]\n"
        "Smoke alarms save lives. Test yours every month.\n\nCall 999 in a fire.\n"
    )
    site = build_site(
        {"index.md": "# Home\n", "fire.md": PAGE, "fire.easy.md": easy},
        plugins=audio_options(tmp_path),
    )
    standard = json.loads((site / "fire/listen.json").read_text())["duration"]
    slower = json.loads((site / "fire/easy-read/listen.json").read_text())["duration"]
    assert slower > standard * 1.1


def test_unknown_voice_is_a_config_error(build_site, tmp_path, caplog):
    """A voice eSpeak NG does not have stops the build, naming the option."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": PAGE}, plugins=audio_options(tmp_path, voice="gmw/en-xx"))
    assert any(
        m.startswith("Plugin 'safeguarding' option 'audio.voice': The audio voice 'gmw/en-xx'")
        for m in caplog.messages
    )


def test_missing_engine_warns_and_builds_without_player(build_site, tmp_path, monkeypatch, caplog):
    """Without a working engine: a warning, and pages with no player (never a broken one)."""
    empty = tmp_path / "no-espeak-data"
    empty.mkdir()
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(empty))
    with caplog.at_level(logging.WARNING):
        site = build_site({"index.md": PAGE}, plugins=audio_options(tmp_path))
    assert any("eSpeak NG speech engine did not start" in m for m in caplog.messages)
    assert "sg-player" not in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "listen.mp3").exists()


def test_missing_engine_fails_strict_build(build_site, tmp_path, monkeypatch, caplog):
    """With --strict, a missing engine stops the build with the cause and the fix."""
    empty = tmp_path / "no-espeak-data"
    empty.mkdir()
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(empty))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": PAGE}, plugins=audio_options(tmp_path), strict=True)
    assert any("ESPEAK_DATA_PATH is set to" in m for m in caplog.messages)


def test_a_remembered_probe_needs_no_engine_until_new_speech(
    build_site, tmp_path, monkeypatch, caplog
):
    """A warm build trusts the last probe; new speech checks the engine first."""
    import espeakng_loader

    data = tmp_path / "espeak-data"
    shutil.copytree(espeakng_loader.get_data_path(), data)
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(data))
    files = {"index.md": "# Home\n\nWelcome.\n", "fire.md": PAGE}
    options = audio_options(tmp_path)
    build_site(files, plugins=options)
    shutil.rmtree(data)
    data.mkdir()  # the same folder, now without eSpeak NG's data: the engine cannot start

    # Everything is cached: no probe, so the build works and keeps every player.
    caplog.clear()
    with caplog.at_level(logging.INFO):
        site = build_site(files, plugins=options, strict=True)
    assert stats(caplog)[0] == 0
    assert "sg-player" in (site / "fire/index.html").read_text(encoding="utf-8")

    # New speech: the engine is checked before a worker starts, and found broken.
    edited = {**files, "fire.md": PAGE.replace("every month", "every week")}
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        site = build_site(edited, plugins=options)
    warnings = [m for m in caplog.messages if "eSpeak NG speech engine did not start" in m]
    assert len(warnings) == 1
    assert "Pages whose audio is not cached have no player." in warnings[0]
    assert "sg-player" not in (site / "fire/index.html").read_text(encoding="utf-8")
    assert "sg-player" in (site / "index.html").read_text(encoding="utf-8")

    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(edited, plugins=options, strict=True)
    assert any("ESPEAK_DATA_PATH is set to" in m for m in caplog.messages)


def test_an_engine_changed_since_the_last_probe_is_noticed_once(build_site, tmp_path, caplog):
    """A remembered probe that no longer matches the engine stops the build before any
    speech is filed under the wrong version, and the next build uses the engine found."""
    files = {"index.md": PAGE}
    options = audio_options(tmp_path)
    build_site(files, plugins=options)
    records = [
        path
        for path in (tmp_path / ".cache/plugin/safeguarding/reading").glob("*.json")
        if "espeak_version" in path.read_text(encoding="utf-8")
    ]
    assert len(records) == 1
    stored = json.loads(records[0].read_text(encoding="utf-8"))
    assert list(stored) == ["espeak"]  # the probe's findings, by engine
    stored["espeak"]["espeak_version"] = "0.0"
    records[0].write_text(json.dumps(stored), encoding="utf-8")

    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, plugins=options, strict=True)
    assert any("has changed since the last build (eSpeak NG" in m for m in caplog.messages)

    caplog.clear()
    with caplog.at_level(logging.INFO):
        site = build_site(files, plugins=options, strict=True)
    assert stats(caplog)[0] == 0  # the sentences made before are found again
    assert "sg-player" in (site / "index.html").read_text(encoding="utf-8")


def test_a_page_whose_mp3_is_gone_is_made_again_from_cached_sentences(build_site, tmp_path, caplog):
    """A warm build reads only each page's reading summary; when a page's MP3 is missing, its
    sentences come from the reading cache, or from the page itself if that entry is gone."""
    files = {"index.md": "# Home\n\nWelcome.\n", "fire.md": PAGE}
    options = audio_options(tmp_path)
    with caplog.at_level(logging.INFO):
        build_site(files, plugins=options)
    total = sum(stats(caplog))
    cache = tmp_path / ".cache/plugin/safeguarding"
    for remove_blocks in (False, True):
        shutil.rmtree(cache / "audio/pages")
        if remove_blocks:
            for entry in (cache / "reading").glob("*.json"):
                if isinstance(json.loads(entry.read_text(encoding="utf-8")), list):
                    entry.unlink()
        caplog.clear()
        with caplog.at_level(logging.INFO):
            site = build_site(files, plugins=options, strict=True)
        assert stats(caplog) == (0, total)
        assert (site / "fire/listen.mp3").stat().st_size > 1000
        assert "sg-player" in (site / "fire/index.html").read_text(encoding="utf-8")


def test_cache_only_mode_names_stale_pages(build_site, tmp_path, caplog):
    """generate: false makes no speech: pages without cached audio get no player, named."""
    with caplog.at_level(logging.WARNING):
        site = build_site({"index.md": PAGE}, plugins=audio_options(tmp_path, generate=False))
    assert "sg-player" not in (site / "index.html").read_text(encoding="utf-8")
    assert (
        "safeguarding_site: Audio is out of date for 'a-z.md', 'index.md': these pages have no "
        "player. Build once with 'audio.generate: true' to make their audio, then keep the "
        "cache." in caplog.messages
    )


def test_interrupted_build_keeps_finished_sentences(tmp_path):
    """Ctrl-C during synthesis leaves only whole cache entries; the next build reuses them."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import write_site

    words = ["safe", "help", "care", "home", "call", "talk", "plan", "ask"]
    sentences = [
        f"Sentence {i} is about {words[i % 8]} and {words[(i * 3) % 8]}." for i in range(240)
    ]
    page = "# Many\n\n" + "\n\n".join(sentences) + "\n"
    options = {"audio": {"enabled": True, "workers": 1, "progress": False}}
    write_site(tmp_path, {"index.md": page}, {"plugins": [{"safeguarding": options}]})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build"]
    cache = tmp_path / ".cache/plugin/safeguarding/audio/sentences"
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(cache.rglob("*.wav"))) < 20:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr and "was left as it was" in stderr
    finished = list(cache.rglob("*.wav"))
    assert 20 <= len(finished) < 240
    assert not list((tmp_path / ".cache").rglob("*.tmp"))
    assert not (tmp_path / "site").exists()  # nothing half-built was published

    result = subprocess.run(
        [*command, "--verbose"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    made = re.search(r"Audio: (\d+) sentences? made, (\d+) reused from the cache", result.stderr)
    assert made, result.stderr
    assert int(made.group(2)) >= len(finished)
    assert (tmp_path / "site/listen.mp3").is_file()


def test_audio_files_are_readable_like_the_pages(build_site, tmp_path):
    """A web server running as another user must read the MP3 as it reads the HTML."""
    site = build_site({"index.md": "# Home\n", "fire.md": PAGE}, plugins=audio_options(tmp_path))
    page_mode = (site / "fire/index.html").stat().st_mode & 0o777
    assert (site / "fire/listen.mp3").stat().st_mode & 0o777 == page_mode
    assert (site / "fire/listen.json").stat().st_mode & 0o777 == page_mode
