"""The plugin's own words in each language: shipped tables, overridden by the options."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import SafeguardingError

FOLDER = Path(__file__).parent / "strings"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it


@functools.cache
def shipped(code: str) -> dict[str, str]:
    """The shipped table for a language ({} for a language without one)."""
    path = FOLDER / f"{code}.yml"
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return {str(key): str(value) for key, value in data.items()}


def shipped_codes() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.yml"))


def words(code: str, overrides: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """Every key in ``code``: its override, its shipped word, or the English one."""
    english = shipped("en")
    own = shipped(code)
    extra = dict(overrides.get(code, {}))
    unknown = sorted(set(extra) - set(english))
    if unknown:
        raise SafeguardingError(
            f"Plugin 'safeguarding' option 'languages.strings.{code}': unknown word "
            f"'{unknown[0]}'. Known: {', '.join(sorted(english))}."
        )
    return {key: extra.get(key) or own.get(key) or english[key] for key in english}


@dataclass(frozen=True)
class SiteLanguage:
    """The site's own language: what its pages, services and library items are written in,
    and the plugin's words for the pages it writes (the A to Z, the directory, the library)."""

    code: str = "en"
    words: Mapping[str, str] = field(default_factory=lambda: shipped("en"))


def format_date(day: dt.date, words: Mapping[str, str], key: str = "date_full") -> str:
    """A date as the language writes it: '3 March 2024', '03.03.2024'."""
    return day.strftime(words[key].replace("{day}", str(day.day)))
