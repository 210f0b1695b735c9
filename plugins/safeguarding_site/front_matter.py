"""Checks on the front matter fields that the theme and the plugin read from every page.

Material for MkDocs prints several front matter fields into pages exactly as they are written
(``status`` inside a class attribute, ``subtitle`` and ``author`` as raw HTML, lists printed as
Python lists), and looks up ``icon`` and ``template`` as files, ending the build with a
template traceback when they are missing. Every field that something reads is checked here
for its type and allowed values, with a message naming the page and the field; text that the
theme prints is escaped. Fields nothing reads pass through untouched, for other plugins.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from .dates import months_after
from .errors import SafeguardingError

TEXT_FIELDS = ("title", "description", "author", "subtitle")
"""Fields the theme prints as text (unescaped): each must be text, and is escaped here."""

HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
"""What Material's ``hide:`` field can hide."""

_ICON = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9_.-]*)+")
_TEMPLATE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_./-]*\.html")


@dataclass(frozen=True)
class FrontMatterRules:
    """What the site allows: its statuses, and how to find an icon or template file."""

    statuses: Mapping[str, str] = field(default_factory=dict)
    """``extra.status`` of mkdocs.yml: status id to its description."""
    theme_file_exists: Callable[[str], bool] = lambda name: False
    """Whether a file exists in one of the theme's folders (``.icons/x/y.svg``, ``main.html``)."""
    today: dt.date | None = None
    """The day dates are measured against (a ``last_reviewed`` may not be later)."""


def check_page_meta(meta: dict, src_path: str, rules: FrontMatterRules) -> None:
    """Check every field the theme or plugin reads; escape printed text in place.

    Raises ``SafeguardingError`` naming the page and the first field that is wrong.
    """
    where = f"Page '{src_path}': front matter field"
    for name in TEXT_FIELDS:
        if name in meta:
            meta[name] = _text(meta[name], f"{where} '{name}'", name)
    if "status" in meta:
        _check_status(meta["status"], f"{where} 'status'", rules.statuses)
    if "icon" in meta:
        _check_icon(meta["icon"], f"{where} 'icon'", rules)
    if "template" in meta:
        _check_template(meta["template"], f"{where} 'template'", rules)
    if "hide" in meta:
        _check_hide(meta["hide"], f"{where} 'hide'")
    if "tags" in meta:
        meta["tags"] = _text_list(meta["tags"], f"{where} 'tags'", "tags: [housing, money]")
    if "search" in meta:
        _check_search(meta["search"], f"{where} 'search'")
    if "last_reviewed" in meta:
        _check_reviewed(meta["last_reviewed"], f"{where} 'last_reviewed'", rules.today)


def review_due(meta: dict, months: int) -> dt.date | None:
    """When a page with ``last_reviewed`` is due for review again (None without one)."""
    reviewed = meta.get("last_reviewed")
    return months_after(reviewed, months) if isinstance(reviewed, dt.date) else None


def _check_reviewed(value: object, where: str, today: dt.date | None) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise SafeguardingError(
            f"{where}: received {_show(value)}, expected the date someone last checked the "
            "page, written as year-month-day, such as '2026-11-30'."
        )
    if today is not None and value > today:
        raise SafeguardingError(
            f"{where}: {value.isoformat()} is in the future. Give the date the page was last "
            "checked."
        )


def _text(value: object, where: str, name: str) -> str:
    if isinstance(value, Markup):
        return value  # already checked and escaped (a rebuild under `mkdocs serve`)
    if not isinstance(value, str):
        raise SafeguardingError(
            f"{where} must be text, received {_show(value)}. Write it as "
            f"'{name}: Your text here' (put quotes around text that starts with '[' or '{{')."
        )
    # Markup: the theme's own `| e` filter then leaves it as it is instead of escaping twice.
    return Markup(html.escape(value, quote=True))


def _text_list(value: object, where: str, example: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SafeguardingError(
            f"{where} must be a list of words, received {_show(value)}. Write it as '{example}'."
        )
    return [item if isinstance(item, Markup) else Markup(html.escape(item)) for item in value]


def _check_status(value: object, where: str, statuses: Mapping[str, str]) -> None:
    if isinstance(value, str) and value in statuses:
        return
    if not statuses:
        raise SafeguardingError(
            f"{where}: received {_show(value)}, but the site defines no statuses. Add it under "
            "'extra.status' in mkdocs.yml (for example 'extra: {status: {new: Recently "
            "added}}') or remove the field."
        )
    allowed = ", ".join(f"'{name}'" for name in statuses)
    raise SafeguardingError(
        f"{where}: received {_show(value)}, expected one of {allowed} "
        "(the statuses under 'extra.status' in mkdocs.yml)."
    )


def _check_icon(value: object, where: str, rules: FrontMatterRules) -> None:
    if isinstance(value, str) and _ICON.fullmatch(value) and ".." not in value:
        if rules.theme_file_exists(f".icons/{value}.svg"):
            return
        raise SafeguardingError(
            f"{where}: there is no icon '{value}'. Use a name from the theme's icon sets, "
            "such as 'material/phone', or an SVG of your own in 'overrides/.icons/'."
        )
    raise SafeguardingError(
        f"{where}: received {_show(value)}, expected an icon name such as 'material/phone'."
    )


def _check_template(value: object, where: str, rules: FrontMatterRules) -> None:
    if isinstance(value, str) and _TEMPLATE.fullmatch(value) and ".." not in value.split("/"):
        if rules.theme_file_exists(value):
            return
        raise SafeguardingError(
            f"{where}: there is no template '{value}' in the theme or its custom_dir."
        )
    raise SafeguardingError(
        f"{where}: received {_show(value)}, expected the file name of a template such as "
        "'main.html'."
    )


def _check_hide(value: object, where: str) -> None:
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and all(isinstance(i, str) and i in HIDE_VALUES for i in items):
        return
    allowed = ", ".join(HIDE_VALUES)
    raise SafeguardingError(
        f"{where}: received {_show(value)}, expected a list of parts to hide from: {allowed}. "
        "Write it as 'hide: [toc]'."
    )


def _check_search(value: object, where: str) -> None:
    if isinstance(value, dict):
        unknown = sorted(str(key) for key in value if key not in ("boost", "exclude"))
        boost = value.get("boost", 1)
        exclude = value.get("exclude", False)
        numeric = isinstance(boost, int | float) and not isinstance(boost, bool)
        if not unknown and numeric and isinstance(exclude, bool):
            return
    raise SafeguardingError(
        f"{where}: received {_show(value)}, expected 'boost' (a number) and 'exclude' "
        "(true or false), such as 'search: {boost: 2}'."
    )


def _show(value: object) -> str:
    """A value as the editor wrote it, shortened so one message stays one line."""
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."
