"""Options for build-time audio."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

DEFAULT_LEXICON = {
    "MSP": "M S P",
    "SAB": "S A B",
    "LGA": "L G A",
    "NHS": "N H S",
    "CQC": "C Q C",
    "DBS": "D B S",
    "LGBT+": "L G B T plus",
    "Bromley": "Bromly",
}


class LanguageAudioConfig(Config):
    """How pages in one language are read aloud."""

    voice = opt.Optional(opt.Type(str))
    """The eSpeak NG voice, e.g. 'zlw/pl'. Default: the shipped one (cy 'cel/cy', pl 'zlw/pl',
    ro 'roa/ro', pa 'inc/pa', ur 'inc/ur'); languages without one get no player."""
    lexicon = opt.DictOfItems(opt.Type(str), default={})
    """How to say words that voice gets wrong, as '{written: spoken}'. Default: none."""


class AudioConfig(Config):
    """A spoken version of every page, made at build time with eSpeak NG or a natural voice."""

    enabled = opt.Type(bool, default=True)
    """Make audio and show the player. Default: true."""
    engine = opt.Choice(("espeak", "kokoro"), default="espeak")
    """'espeak' (eSpeak NG: fast, robotic) or 'kokoro' (a natural British voice, nearly a
    hundred times slower to make; needs the 'neural' extra). Default: 'espeak'."""
    voice = opt.Optional(opt.Type(str))
    """A voice of the engine; unknown voices are a configuration error. Default: 'gmw/en-gb-x-rp'
    (British English; 'gmw/en' also works) for espeak, 'bf_emma' for kokoro ('bf_isabella',
    'bm_george' and 'bm_lewis' also work)."""
    rate = opt.Type(int, default=160)
    """Words per minute for standard pages. Default: 160 (kokoro's natural pace)."""
    easy_read_rate = opt.Type(int, default=130)
    """Words per minute for easy-read pages: slower. Default: 130."""
    workers = opt.Optional(opt.Type(int))
    """Processes that synthesise speech on a cold build. Default: one per CPU."""
    generate = opt.Type(bool, default=True)
    """Synthesise missing sentences. false: use only cached audio (for CI); out-of-date pages
    get no player, and a warning names them (an error with --strict)."""
    cache_dir = opt.Type(str, default=".cache/plugin/safeguarding/audio")
    """Sentence cache, relative to the folder of mkdocs.yml."""
    lexicon = opt.DictOfItems(opt.Type(str), default=DEFAULT_LEXICON)
    """How to say words eSpeak gets wrong, as '{written: spoken}', on English pages."""
    languages = opt.DictOfItems(opt.SubConfig(LanguageAudioConfig), default={})
    """Voice and lexicon by page language, e.g. '{pl: {voice: zlw/pl, lexicon: {NDAH: ...}}}'.
    English pages use 'engine', 'voice' and 'lexicon' above; pages in other languages are read
    by eSpeak NG with either engine (the natural voice speaks English only)."""
    help_page = opt.Optional(opt.Type(str))
    """Page in docs_dir explaining the player, linked from it (e.g. 'listening.md')."""
    progress = opt.Type(bool, default=True)
    """Show a progress line with time left while synthesising. Default: true."""
