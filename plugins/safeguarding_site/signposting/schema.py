"""What one Markdown file under the services folder may say, checked with pydantic.

Heavy to import (pydantic, and phonenumbers when a number is checked): only ``directory.py``
imports it, inside the function that checks a service file the cache does not know.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from ..checked import validate
from .model import PhoneLine, ServiceData, ServiceWords
from .phone import ID_PATTERN, PhoneNumber, parse_relay, parse_uk_phone


def check_https(value: object) -> str:
    """Accept only absolute https URLs."""
    if not isinstance(value, str):
        raise ValueError(f"received {value!r}, expected an https address such as 'https://…'")
    parts = urlsplit(value.strip())
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(f"'{value}' is not an https address; write it as 'https://…'")
    return value.strip()


def check_email(value: object) -> str:
    """A plain e-mail address (the form, not whether it exists)."""
    if not isinstance(value, str) or not re.fullmatch(
        r"[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}", value, re.I
    ):
        raise ValueError(
            f"received {value!r}, expected an e-mail address such as 'help@example.org'"
        )
    return value


def as_list(value: object) -> object:
    """Let editors write a single item without list brackets."""
    return [value] if isinstance(value, str | dict) else value


UkPhone = Annotated[PhoneNumber, BeforeValidator(parse_uk_phone)]
RelayPhone = Annotated[PhoneNumber, BeforeValidator(parse_relay)]
HttpsUrl = Annotated[str, BeforeValidator(check_https)]
Email = Annotated[str, BeforeValidator(check_email)]
Text = Annotated[str, Field(min_length=1, max_length=500)]


class Phone(BaseModel):
    """One phone line of a service."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: UkPhone
    label: Text | None = None
    hours: Text | None = None


def phone_entry(value: object) -> object:
    """A bare number is a phone line without label or hours."""
    return {"number": value} if isinstance(value, str | int) else value


class Translation(BaseModel):
    """A service's own words in another language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    who_for: Text | None = None
    hours: Text | None = None
    description: Annotated[str, Field(min_length=1, max_length=2000)] | None = None


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")]


class ServiceSchema(BaseModel):
    """Front matter of one service file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=ID_PATTERN.pattern, max_length=80)]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    categories: Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(as_list)]
    phone: Annotated[
        list[Annotated[Phone, BeforeValidator(phone_entry)]], BeforeValidator(as_list)
    ] = []
    text_relay: RelayPhone | None = None
    textphone: UkPhone | None = None
    sms: UkPhone | None = None
    email: Email | None = None
    website: HttpsUrl | None = None
    hours: Text | None = None
    who_for: Text | None = None
    free: bool | None = None
    confidential: bool | None = None
    languages: Annotated[list[Text], BeforeValidator(as_list)] = []
    last_verified: dt.date
    source: Text
    order: Annotated[int, Field(ge=0, le=1000)] = 100
    translations: dict[LanguageCode, Translation] = {}

    @field_validator("categories")
    @classmethod
    def _at_least_one(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("list at least one category")
        return value

    def to_data(self) -> ServiceData:
        """The checked values as the plain dataclass the rest of the plugin uses."""
        return ServiceData(
            id=self.id,
            name=self.name,
            categories=tuple(self.categories),
            phone=tuple(PhoneLine(p.number, p.label, p.hours) for p in self.phone),
            text_relay=self.text_relay,
            textphone=self.textphone,
            sms=self.sms,
            email=self.email,
            website=self.website,
            hours=self.hours,
            who_for=self.who_for,
            free=self.free,
            confidential=self.confidential,
            languages=tuple(self.languages),
            last_verified=self.last_verified,
            source=self.source,
            order=self.order,
            translations=tuple(
                (code, ServiceWords(t.who_for, t.hours, t.description))
                for code, t in sorted(self.translations.items())
            ),
        )


def validate_service(meta: dict, where: str) -> ServiceData:
    """Check one service's front matter; raise one line per problem, each starting ``where``."""
    nested = {"translations": list(Translation.model_fields)}
    schema = validate(ServiceSchema, meta, where, "national-domestic-abuse-helpline", nested)
    return schema.to_data()
