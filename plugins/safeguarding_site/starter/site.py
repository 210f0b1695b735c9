"""Write a new board's site from the files shipped in ``starter/files``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import SafeguardingError

FILES = Path(__file__).parent / "files"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 '&,.()-]*")


def board_name(folder: Path) -> str:
    """A name from the folder: 'anytown-sab' gives 'Anytown Safeguarding Adults Board'."""
    words = [w for w in re.split(r"[-_ ]+", folder.name) if w and w.lower() != "sab"]
    place = " ".join(word.capitalize() for word in words)
    return f"{place or 'Anytown'} Safeguarding Adults Board"


def create_site(target: Path, name: str, today: dt.date) -> list[Path]:
    """Write every starter file under ``target``; return the files written, sorted."""
    if not _NAME.fullmatch(name):
        raise SafeguardingError(
            f"The board's name {name!r} can use letters, digits, spaces and ' & , . ( ) - "
            "only, such as 'Anytown Safeguarding Adults Board'."
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise SafeguardingError(
            f"'{target}' already exists and is not an empty folder: nothing was written. "
            "Give the name of a new folder, such as 'anytown-sab'."
        )
    words = {
        "SG_BOARD": name,
        "SG_TODAY_LONG": f"{today.day} {today:%B %Y}",
        "SG_TODAY": today.isoformat(),
    }
    written = []
    for source in sorted(p for p in FILES.rglob("*") if p.is_file()):
        text = source.read_text(encoding="utf-8")
        for word, value in words.items():
            text = text.replace(word, value)
        path = target / source.relative_to(FILES)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
