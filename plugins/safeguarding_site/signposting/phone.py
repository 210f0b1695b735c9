"""UK phone numbers as editors write them; ids. Light to import: phonenumbers loads on demand."""

from __future__ import annotations

import re
from dataclasses import dataclass

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

EMERGENCY_NUMBERS = frozenset({"999", "112"})
"""UK emergency numbers: valid without asking phonenumbers, and dialled as written. The
emergency banner's default is one of them, so most builds never import phonenumbers."""


DRAMA_PREFIXES = (
    "01134960", "01144960", "01154960", "01164960", "01174960", "01184960",
    "01214960", "01314960", "01414960", "01514960", "01614960", "01914980",
    "02079460", "02896496", "02920180", "01632960",
    "07700900", "08081570", "09098790", "03069990",
)  # fmt: skip
"""Ofcom's numbers for TV and radio drama: each prefix and three more digits (020 7946 0000
to 0999, 07700 900000 to 900999, ...). They are valid in form but reach nobody."""


def is_drama_number(digits: str) -> bool:
    """Whether a number (digits only, national or +44 form) is one of Ofcom's drama numbers."""
    national = "0" + digits[3:] if digits.startswith("+44") else digits
    return len(national) == 11 and national.startswith(DRAMA_PREFIXES)


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
    if shown in EMERGENCY_NUMBERS:
        return PhoneNumber(shown, shown)
    if is_drama_number(shown.replace(" ", "")):
        raise ValueError(
            f"'{value}' is one of the numbers Ofcom keeps for TV and radio drama: it looks "
            "real but reaches nobody. Give the service's real number"
        )
    return _parse_with_phonenumbers(value, shown)


def _parse_with_phonenumbers(value: str, shown: str) -> PhoneNumber:
    """Check a number against Google's numbering data (``shown``: ``value``, spaces tidied)."""
    import phonenumbers
    from phonenumbers import shortnumberinfo

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
