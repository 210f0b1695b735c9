"""The service model: what one Markdown file under the services folder may say."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}", re.I)


@dataclass(frozen=True)
class PhoneNumber:
    """A UK number as the editor grouped it, with its dialling form."""

    shown: str
    dial: str

    @property
    def tel(self) -> str:
        """The ``tel:`` link target."""
        return f"tel:{self.dial}"

    @property
    def spoken(self) -> str:
        """Digit by digit, a pause between groups: how a number should be read aloud."""
        return ", ".join(" ".join(group) for group in self.shown.split())


def parse_uk_phone(value: object) -> PhoneNumber:
    """Accept a valid UK number or short code (999, 101, 111, 116 123) as written."""
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"received {value!r}, expected a UK phone number such as '0808 2000 247'")
    shown = " ".join(value.split())
    if not re.fullmatch(r"\+?[0-9 ]+", shown):
        raise ValueError(
            f"'{value}' is not a UK phone number: use digits and spaces only, such as "
            "'0808 2000 247' or '999'"
        )
    number = phonenumbers.parse(shown, "GB")
    digits = shown.replace(" ", "")
    if shortnumberinfo.is_valid_short_number_for_region(number, "GB") and len(digits) <= 6:
        return PhoneNumber(shown, digits)
    if phonenumbers.is_valid_number_for_region(number, "GB"):
        if shown == digits:  # no grouping given: use the standard UK grouping
            shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return PhoneNumber(
            shown, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        )
    raise ValueError(
        f"'{value}' is not a valid UK phone number; check the digits (a UK number has 10 or 11 "
        "digits and starts with 0, or is a short code such as 999, 101, 111 or 116 123)"
    )


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


def parse_relay(value: object) -> PhoneNumber:
    """Relay UK: a prefix (18000 for 999, 18001 or 18002) alone or before a UK number."""
    text = " ".join(str(value).split()) if isinstance(value, str | int) else ""
    prefix, _, rest = text.partition(" ")
    if prefix not in {"18000", "18001", "18002"}:
        raise ValueError(
            f"received {value!r}, expected a Relay UK number such as '18000' (emergencies) or "
            "'18001 0808 2000 247'"
        )
    dial = prefix + (parse_uk_phone(rest).dial.replace("+44", "0") if rest else "")
    return PhoneNumber(text, dial)


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


class ServiceData(BaseModel):
    """Front matter of one service file, validated."""

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

    @field_validator("categories")
    @classmethod
    def _at_least_one(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("list at least one category")
        return value

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


@dataclass(frozen=True)
class Category:
    """A kind of help, with the words shown on its directory page."""

    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Service:
    """A validated service and its description."""

    data: ServiceData
    description_html: str
    src_path: str

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def name(self) -> str:
        return self.data.name
