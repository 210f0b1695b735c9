"""Load, check and look up services; no MkDocs here."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ..dates import months_after
from ..errors import SafeguardingError
from ..sources import check_front_matter, split_front_matter
from .model import Category, Service, ServiceData

if TYPE_CHECKING:
    from ..jsoncache import JsonCache

CACHE_VERSION = "service-data-2"
"""Raise this when checking a service file changes what it gives (see ``schema.py``)."""


@dataclass(frozen=True)
class ServiceSource:
    """One service file as read from disk."""

    src_path: str
    text: str


@dataclass
class Directory:
    """Every service, by id, and the categories they belong to."""

    categories: dict[str, Category]
    services: dict[str, Service] = field(default_factory=dict)

    def in_category(self, category_id: str) -> list[Service]:
        """Services of one category: by 'order' (lowest first), then by name."""
        found = [s for s in self.services.values() if category_id in s.data.categories]
        return sorted(found, key=lambda s: (s.data.order, s.name.casefold()))

    def resolve(self, refs: Iterable[str], where: str) -> list[Service]:
        """Services named by category or service ids, in order, each once."""
        chosen: dict[str, Service] = {}
        for ref in refs:
            if ref in self.categories:
                for service in self.in_category(ref):
                    chosen.setdefault(service.id, service)
            elif ref in self.services:
                chosen.setdefault(ref, self.services[ref])
            else:
                raise SafeguardingError(
                    f"Page '{where}': signposting '{ref}' is neither a category nor a service."
                    f"{did_you_mean(ref, [*self.categories, *self.services])} "
                    f"Categories: {_names(self.categories)}. Services: {_names(self.services)}."
                )
        return list(chosen.values())

    def stale(self, today: dt.date, months: int) -> list[Service]:
        """Services whose details were last checked longer ago than ``months``."""
        limit = months_after(today, -months)
        return [s for s in self.services.values() if s.data.last_verified < limit]

    def to_json(self) -> str:
        """Every service with every field: open data for other sites and apps."""
        return json.dumps(
            {
                "categories": [vars(c) for c in self.categories.values()],
                "services": [service_record(s) for s in self.services.values()],
            },
            indent=2,
            ensure_ascii=False,
        )


def service_record(service: Service) -> dict:
    """All fields of one service, as plain JSON values."""
    record = service.data.to_json()
    record["phone"] = [
        {"number": p.number.shown, "dial": p.number.dial, "label": p.label, "hours": p.hours}
        for p in service.data.phone
    ]
    record["description_html"] = service.description_html
    record["translated_html"] = dict(service.translated_html)
    return record


def load_directory(
    sources: Sequence[ServiceSource],
    categories: Sequence[Category],
    render_markdown: Callable[[str], str],
    today: dt.date,
    cache: JsonCache | None = None,
) -> Directory:
    """Validate every service file; raise one error listing every problem found.

    With a ``cache``, a file checked before (same path, text and category ids) is not checked
    again: its values come from the cache, without importing pydantic or phonenumbers. What
    depends on the day or on the Markdown settings is done on every build.
    """
    directory = Directory({c.id: c for c in categories})
    problems: list[str] = []
    seen: dict[str, str] = {}
    for source in sources:
        try:
            service = _load_one(source, directory.categories, render_markdown, today, cache)
        except SafeguardingError as error:
            problems.append(str(error))
            continue
        if service.id in seen:
            problems.append(
                f"Services '{seen[service.id]}' and '{source.src_path}' both have the id "
                f"'{service.id}'. Give one of them another file name or 'id'."
            )
            continue
        if service.id in directory.categories:
            problems.append(
                f"Service '{source.src_path}': field 'id': '{service.id}' is also a category id; "
                "choose another id so that '[services: …]' is not ambiguous."
            )
            continue
        seen[service.id] = source.src_path
        directory.services[service.id] = service
    if problems:
        raise SafeguardingError("\n".join(problems))
    return directory


def _load_one(
    source: ServiceSource,
    categories: dict[str, Category],
    render_markdown: Callable[[str], str],
    today: dt.date,
    cache: JsonCache | None,
) -> Service:
    where = f"Service '{source.src_path}'"
    data = _checked_data(source, categories, where, cache)
    if data.last_verified > today:
        raise SafeguardingError(
            f"{where}: field 'last_verified': {data.last_verified.isoformat()} is in the future "
            f"(today is {today.isoformat()}). Give the date the details were last checked."
        )
    body = split_front_matter(source.text)[1].strip()
    if not body:
        raise SafeguardingError(
            f"{where}: the description is empty. After the front matter, write one or two plain "
            "sentences saying what the service does and who it is for."
        )
    translated = tuple(
        (code, render_markdown(words.description))
        for code, words in data.translations
        if words.description
    )
    return Service(data, render_markdown(body), source.src_path, translated)


def _checked_data(
    source: ServiceSource,
    categories: dict[str, Category],
    where: str,
    cache: JsonCache | None,
) -> ServiceData:
    """The file's checked front matter: from the cache, or checked now and then cached."""
    key = [CACHE_VERSION, source.src_path, source.text, sorted(categories)]
    stored = cache.get(key) if cache is not None else None
    if isinstance(stored, dict):
        try:
            return ServiceData.from_json(stored)
        except (KeyError, TypeError, ValueError):
            pass  # an entry from elsewhere, or damaged: check the file again
    data = _check(source, categories, where)
    if cache is not None:
        cache.put(key, data.to_json())
    return data


def _check(source: ServiceSource, categories: dict[str, Category], where: str) -> ServiceData:
    """Everything about a file that depends only on its path, text and the category ids."""
    from .schema import validate_service  # pydantic: only when a file is new or changed

    meta = check_front_matter(source.text, source.src_path)
    if not meta:
        raise SafeguardingError(
            f"{where} has no front matter. Start the file with '---', then 'name:', "
            "'categories:', a contact such as 'phone:', 'last_verified:' and 'source:', then '---'."
        )
    meta.setdefault("id", PurePosixPath(source.src_path).stem)
    data = validate_service(meta, where)
    unknown = [c for c in data.categories if c not in categories]
    if unknown:
        raise SafeguardingError(
            f"{where}: field 'categories': unknown category '{unknown[0]}'."
            f"{did_you_mean(unknown[0], categories)} Known categories: "
            f"{_names(categories)} (set them in mkdocs.yml under signposting.categories)."
        )
    if not data.has_contact_route():
        raise SafeguardingError(
            f"{where}: no way to contact the service. Add at least one of 'phone', "
            "'text_relay', 'textphone', 'sms', 'email' or 'website'."
        )
    return data


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """' Did you mean 'x'?' for the closest known id, or nothing when none is close."""
    close = difflib.get_close_matches(wrong, list(known), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def _names(items: Iterable[str]) -> str:
    return ", ".join(sorted(items)) or "(none)"
