"""Audio in the page's language: real builds with the real eSpeak NG voices."""

from __future__ import annotations

import json
import logging

import pytest
from mkdocs.exceptions import Abort

from safeguarding_site.audio.config import AudioConfig
from safeguarding_site.audio.feature import Audio
from tests.audio.test_plugin_audio import audio_options

URDU = "# مدد\n\nبدسلوکی آپ کی غلطی نہیں۔ مدد حاصل کریں۔\n\n999 پر کال کریں۔\n"  # noqa: RUF001
POLISH = "# Pomoc\n\nPrzemoc nigdy nie jest Twoją winą. Zadzwoń pod 0808 2000 247.\n"


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_each_language_is_read_by_its_own_voice(build_site, tmp_path):
    """Polish and Urdu pages get MP3s made by the Polish and Urdu voices, sentences split at
    the Urdu full stop, and a player in their own words."""
    site = build_site(
        {"index.md": "# Help\n\nAbuse is never your fault.\n", "index.pl.md": POLISH,
         "index.ur.md": URDU},
        plugins=audio_options(tmp_path),
    )  # fmt: skip
    voices = {c: json.loads(read(site, f"{c}listen.json"))["voice"] for c in ("", "pl/", "ur/")}
    assert voices == {"": "gmw/en-gb-x-rp", "pl/": "zlw/pl", "ur/": "inc/ur"}
    urdu = json.loads(read(site, "ur/listen.json"))
    assert [t["block"] for t in urdu["timings"]] == [0, 1, 1, 2]  # two sentences in block 1
    for code in ("pl", "ur"):
        mp3 = (site / code / "listen.mp3").read_bytes()
        assert mp3[:2] == b"\xff\xfb" or mp3[:3] == b"ID3"
    polish = read(site, "pl/index.html")
    assert "<strong>Posłuchaj tej strony</strong>" in polish
    assert 'data-sg-previous="Poprzednie zdanie"' in polish
    assert 'data-sg-speed="Szybkość {speed} razy"' in polish
    assert "Pobierz nagranie (MP3, " in polish
    assert "<strong>یہ صفحہ سنیں</strong>" in read(site, "ur/index.html")
    assert "<strong>Listen to this page</strong>" in read(site, "index.html")


def test_unknown_language_voice_names_the_option(build_site, tmp_path, caplog):
    """A voice for a language that eSpeak NG does not have stops the build, naming the
    option and that language's real voices."""
    options = audio_options(tmp_path, languages={"pl": {"voice": "pl"}})
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n\nHello.\n"}, plugins=options)
    assert any(
        "Plugin 'safeguarding' option 'audio.languages.pl.voice': The audio voice 'pl' is not "
        "an eSpeak NG voice on this machine. Set the audio voice in mkdocs.yml to one that is, "
        "such as the voices for that language 'zlw/pl'." in message
        for message in caplog.messages
    )


def test_english_is_set_with_the_audio_options_themselves(build_site, tmp_path, caplog):
    options = audio_options(tmp_path, languages={"en": {"voice": "gmw/en"}})
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n"}, plugins=options)
    assert any(
        "Plugin 'safeguarding' option 'audio.languages': English pages are read with "
        "'audio.engine', 'audio.voice' and 'audio.lexicon'; remove the English entry." in m
        for m in caplog.messages
    )


def test_an_added_language_is_read_once_it_has_a_voice(build_site, tmp_path, caplog):
    """A language the plugin does not ship has no player until the options name its voice,
    and the build says how to give it one."""
    german = "# Hilfe\n\nRufen Sie uns an.\n"
    files = {"index.md": "# Help\n\nCall us.\n", "index.de.md": german}
    added = {"languages": {"add": [{"code": "de", "name": "Deutsch"}]}}
    options = audio_options(tmp_path)
    options[0]["safeguarding"].update(added)
    with caplog.at_level(logging.INFO):
        site = build_site(files, plugins=options)
    assert not (site / "de/listen.mp3").exists()
    assert "sg-player" not in read(site, "de/index.html")
    assert any(
        "Pages in 'de' have no audio player: no eSpeak NG voice is known for that language. "
        "Name one with 'audio.languages.de.voice'." in m
        for m in caplog.messages
    )
    options = audio_options(tmp_path, languages={"de": {"voice": "gmw/de"}})
    options[0]["safeguarding"].update(added)
    site = build_site(files, plugins=options)
    assert json.loads(read(site, "de/listen.json"))["voice"] == "gmw/de"


def test_each_language_has_its_own_lexicon():
    """English pages use 'audio.lexicon'; another language only its own."""
    options = AudioConfig()
    options.load_dict({"languages": {"pl": {"lexicon": {"NDAH": "en de a ha"}}}})
    assert options.validate() == ([], [])
    audio = Audio(options, render=lambda *a, **k: "", languages={"pl": "zlw/pl", "ur": "inc/ur"})
    audio.spec, _ = audio._specs()
    polish = audio.voice_for("pl")
    assert (polish.engine, polish.voice, dict(polish.lexicon)) == (
        "espeak",
        "zlw/pl",
        {"NDAH": "en de a ha"},
    )
    assert audio.voice_for("ur").lexicon == {}
    assert audio.voice_for("en-GB").lexicon["MSP"] == "M S P"
    assert audio.voice_for("so") is None
