"""Load, check and look up services; no MkDocs here."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pydantic import ValidationError

from ..errors import SafeguardingError
from ..sources import check_front_matter, split_front_matter
from .model import Category, Service, ServiceData


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
                    f"Page '{where}': signposting '{ref}' is neither a category nor a service. "
                    f"Categories: {_names(self.categories)}. Services: {_names(self.services)}."
                )
        return list(chosen.values())

    def stale(self, today: dt.date, months: int) -> list[Service]:
        """Services whose details were last checked longer ago than ``months``."""
        limit = _months_before(today, months)
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
    record = service.data.model_dump(mode="json")
    for key in ("text_relay", "textphone", "sms"):
        number = getattr(service.data, key)
        record[key] = {"shown": number.shown, "dial": number.dial} if number else None
    record["phone"] = [
        {"number": p.number.shown, "dial": p.number.dial, "label": p.label, "hours": p.hours}
        for p in service.data.phone
    ]
    record["description_html"] = service.description_html
    return record


def load_directory(
    sources: Sequence[ServiceSource],
    categories: Sequence[Category],
    render_markdown: Callable[[str], str],
    today: dt.date,
) -> Directory:
    """Validate every service file; raise one error listing every problem found."""
    directory = Directory({c.id: c for c in categories})
    problems: list[str] = []
    seen: dict[str, str] = {}
    for source in sources:
        try:
            service = _load_one(source, directory.categories, render_markdown, today)
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
) -> Service:
    where = f"Service '{source.src_path}'"
    meta = check_front_matter(source.text, source.src_path)
    if not meta:
        raise SafeguardingError(
            f"{where} has no front matter. Start the file with '---', then 'name:', "
            "'categories:', a contact such as 'phone:', 'last_verified:' and 'source:', then '---'."
        )
    meta.setdefault("id", PurePosixPath(source.src_path).stem)
    try:
        data = ServiceData.model_validate(meta)
    except ValidationError as error:
        raise SafeguardingError(
            "\n".join(f"{where}: {_describe(e)}" for e in error.errors(include_url=False))
        ) from None
    unknown = [c for c in data.categories if c not in categories]
    if unknown:
        raise SafeguardingError(
            f"{where}: field 'categories': unknown category '{unknown[0]}'. Known categories: "
            f"{_names(categories)} (set them in mkdocs.yml under signposting.categories)."
        )
    if not data.has_contact_route():
        raise SafeguardingError(
            f"{where}: no way to contact the service. Add at least one of 'phone', "
            "'text_relay', 'textphone', 'sms', 'email' or 'website'."
        )
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
    return Service(data, render_markdown(body), source.src_path)


def _describe(error: dict) -> str:
    """One pydantic error as 'field 'x': what is wrong'."""
    location = ""
    for part in error["loc"]:
        location += f"[{part}]" if isinstance(part, int) else (f".{part}" if location else part)
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        known = ", ".join(ServiceData.model_fields)
        message = f"unknown field. Known fields: {known}"
    elif error["type"] == "missing":
        message = "this field is required"
    elif error["type"] == "string_pattern_mismatch":
        message = (
            f"received {error['input']!r}, expected lower-case letters, digits and hyphens, "
            "such as 'national-domestic-abuse-helpline'"
        )
    return f"field '{location}': {message}"


def _names(items: Iterable[str]) -> str:
    return ", ".join(sorted(items)) or "(none)"


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
