"""Services as the rest of the plugin sees them: plain values, already checked.

Front matter is checked in ``schema.py`` (pydantic, phonenumbers), which only runs when a
service file is new or changed; a warm build rebuilds these from the cache without it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .phone import PhoneNumber


@dataclass(frozen=True)
class Category:
    """A kind of help, with the words shown on its directory page."""

    id: str
    title: str
    description: str


@dataclass(frozen=True)
class PhoneLine:
    """One phone line of a service."""

    number: PhoneNumber
    label: str | None = None
    hours: str | None = None


@dataclass(frozen=True)
class ServiceWords:
    """A service's own words in another language (each optional)."""

    who_for: str | None = None
    hours: str | None = None
    description: str | None = None  # Markdown, like the file's body


@dataclass(frozen=True, kw_only=True)
class ServiceData:
    """Front matter of one service file, validated (see ``schema.ServiceSchema``)."""

    id: str
    name: str
    categories: tuple[str, ...]
    phone: tuple[PhoneLine, ...] = ()
    text_relay: PhoneNumber | None = None
    textphone: PhoneNumber | None = None
    sms: PhoneNumber | None = None
    email: str | None = None
    website: str | None = None
    hours: str | None = None
    who_for: str | None = None
    free: bool | None = None
    confidential: bool | None = None
    languages: tuple[str, ...] = ()
    last_verified: dt.date
    source: str
    order: int = 100
    translations: tuple[tuple[str, ServiceWords], ...] = ()  # (language code, words)

    def words_in(self, code: str) -> ServiceWords | None:
        """The service's words in a language, if the file gives them."""
        return dict(self.translations).get(code)

    def has_contact_route(self) -> bool:
        """A reader must be able to reach the service somehow."""
        return bool(
            self.phone
            or self.text_relay
            or self.textphone
            or self.sms
            or self.email
            or self.website
        )

    def to_json(self) -> dict:
        """Every field as plain JSON values, in the schema's order (see ``from_json``)."""
        return {
            "id": self.id,
            "name": self.name,
            "categories": list(self.categories),
            "phone": [
                {"number": _number_json(p.number), "label": p.label, "hours": p.hours}
                for p in self.phone
            ],
            "text_relay": _number_json(self.text_relay),
            "textphone": _number_json(self.textphone),
            "sms": _number_json(self.sms),
            "email": self.email,
            "website": self.website,
            "hours": self.hours,
            "who_for": self.who_for,
            "free": self.free,
            "confidential": self.confidential,
            "languages": list(self.languages),
            "last_verified": self.last_verified.isoformat(),
            "source": self.source,
            "order": self.order,
            "translations": {code: vars(words) for code, words in self.translations},
        }

    @classmethod
    def from_json(cls, record: dict) -> ServiceData:
        """The data ``to_json`` gave; raises KeyError, TypeError or ValueError if it is not."""
        return cls(
            id=record["id"],
            name=record["name"],
            categories=tuple(record["categories"]),
            phone=tuple(
                PhoneLine(_number(p["number"]), p["label"], p["hours"]) for p in record["phone"]
            ),
            text_relay=_number(record["text_relay"]),
            textphone=_number(record["textphone"]),
            sms=_number(record["sms"]),
            email=record["email"],
            website=record["website"],
            hours=record["hours"],
            who_for=record["who_for"],
            free=record["free"],
            confidential=record["confidential"],
            languages=tuple(record["languages"]),
            last_verified=dt.date.fromisoformat(record["last_verified"]),
            source=record["source"],
            order=record["order"],
            translations=tuple(
                (code, ServiceWords(**words)) for code, words in record["translations"].items()
            ),
        )


def _number_json(number: PhoneNumber | None) -> dict | None:
    return {"shown": number.shown, "dial": number.dial} if number else None


def _number(record: dict | None) -> PhoneNumber | None:
    return None if record is None else PhoneNumber(record["shown"], record["dial"])


@dataclass(frozen=True)
class Service:
    """A validated service and its description (and its description in other languages)."""

    data: ServiceData
    description_html: str
    src_path: str
    translated_html: tuple[tuple[str, str], ...] = ()  # (language code, description HTML)

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def name(self) -> str:
        return self.data.name
