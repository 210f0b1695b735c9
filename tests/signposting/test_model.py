"""Tests for safeguarding_site.signposting.phone and model."""

import dataclasses
import datetime as dt
import json

import pytest

from safeguarding_site.signposting.model import PhoneLine, ServiceData
from safeguarding_site.signposting.phone import (
    PhoneNumber,
    _parse_with_phonenumbers,
    parse_relay,
    parse_uk_phone,
)
from safeguarding_site.signposting.schema import ServiceSchema, validate_service


@pytest.mark.parametrize(
    ("written", "shown", "dial"),
    [
        ("0808 2000 247", "0808 2000 247", "+448082000247"),
        ("08088010327", "0808 801 0327", "+448088010327"),
        ("020 7946 1000", "020 7946 1000", "+442079461000"),
        ("999", "999", "999"),
        (101, "101", "101"),
        ("111", "111", "111"),
        ("116 123", "116 123", "116123"),
        ("  0800   999 5428 ", "0800 999 5428", "+448009995428"),
    ],
)
def test_valid_numbers(written, shown, dial):
    """UK numbers keep the editor's grouping; short codes dial as written."""
    number = parse_uk_phone(written)
    assert (number.shown, number.dial) == (shown, dial)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("999x", "'999x' is not a UK phone number: use digits and spaces only"),
        ("0808 2000 24", "'0808 2000 24' is not a valid UK phone number"),
        ("12345", "'12345' is not a valid UK phone number"),
        ("", "received '', expected a UK phone number"),
        (None, "received None, expected a UK phone number"),
    ],
)
def test_invalid_numbers(written, message):
    """Anything that is not a real UK number or short code is refused, echoing the input."""
    with pytest.raises(ValueError) as error:
        parse_uk_phone(written)
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    "written",
    ["020 7946 0123", "07700 900461", "+44 113 496 0999", "0808 157 0000", "01632 960001"],
)
def test_drama_numbers_are_refused_saying_why(written):
    """Ofcom's TV and radio drama numbers pass a digit-count rule and phonenumbers' checks,
    but reach nobody: the message says so."""
    with pytest.raises(ValueError) as error:
        parse_uk_phone(written)
    assert str(error.value) == (
        f"'{written}' is one of the numbers Ofcom keeps for TV and radio drama: it looks real "
        "but reaches nobody. Give the service's real number"
    )


def test_numbers_beside_the_drama_ranges_are_accepted():
    """One digit outside a drama range is an ordinary number."""
    assert parse_uk_phone("020 7946 1123").dial == "+442079461123"
    assert parse_uk_phone("0113 496 1000").dial == "+441134961000"


def test_spoken_form():
    """Numbers are read digit by digit, pausing between groups."""
    assert parse_uk_phone("0808 2000 247").spoken == "0 8 0 8, 2 0 0 0, 2 4 7"
    assert parse_uk_phone("999").spoken == "9 9 9"


def test_tel_link():
    """tel: links use the international form for full numbers."""
    assert parse_uk_phone("0808 2000 247").tel == "tel:+448082000247"


def test_relay_numbers():
    """Relay UK prefixes alone or before a UK number."""
    assert parse_relay("18000").dial == "18000"
    assert parse_relay("18001 101").dial == "18001101"
    assert parse_relay("18001 0808 2000 247").dial == "1800108082000247"
    with pytest.raises(ValueError, match="expected a Relay UK number"):
        parse_relay("0808 2000 247")


@pytest.mark.parametrize("written", ["999", "112", " 999 ", 999, 112, "\t112\n"])
def test_emergency_numbers_skip_phonenumbers_with_the_same_result(written):
    """999 and 112 are answered without phonenumbers, exactly as phonenumbers would answer."""
    shown = " ".join(str(written).split())
    assert parse_uk_phone(written) == _parse_with_phonenumbers(str(written), shown)
    assert parse_uk_phone(written) == PhoneNumber(shown, shown)


def full_data() -> ServiceData:
    """A service with every field set, checked by the schema."""
    return validate_service(
        {
            "id": "ndah",
            "name": "National Domestic Abuse Helpline",
            "categories": ["domestic-abuse", "emergency"],
            "phone": [{"number": "0808 2000 247", "label": "Helpline", "hours": "24 hours"}, 999],
            "text_relay": "18001 0808 2000 247",
            "textphone": "0800 112 999",
            "sms": "07860 077 777",
            "email": "help@example.org",
            "website": " https://example.org ",
            "hours": "Every day",
            "who_for": "Anyone",
            "free": True,
            "confidential": False,
            "languages": ["English", "Welsh"],
            "last_verified": dt.date(2026, 5, 1),
            "source": "https://example.org/contact",
            "order": 5,
        },
        "Service 'services/ndah.md'",
    )


def test_service_data_json_round_trip():
    """to_json gives plain JSON values; from_json gives back an equal ServiceData."""
    data = full_data()
    record = json.loads(json.dumps(data.to_json()))
    assert record == data.to_json()
    assert ServiceData.from_json(record) == data
    assert record["last_verified"] == "2026-05-01"
    assert record["phone"][0] == {
        "number": {"shown": "0808 2000 247", "dial": "+448082000247"},
        "label": "Helpline",
        "hours": "24 hours",
    }
    assert record["text_relay"] == {"shown": "18001 0808 2000 247", "dial": "1800108082000247"}
    assert data.phone[1] == PhoneLine(PhoneNumber("999", "999"))
    assert data.website == "https://example.org"


def test_service_data_defaults_round_trip():
    """Unset optional fields survive the round trip as None and empty lists."""
    data = ServiceData(
        id="a",
        name="A",
        categories=("emergency",),
        website="https://a.org",
        last_verified=dt.date(2026, 1, 31),
        source="https://a.org",
    )
    record = json.loads(json.dumps(data.to_json()))
    assert ServiceData.from_json(record) == data
    assert (record["phone"], record["sms"], record["languages"]) == ([], None, [])


def test_fields_match_the_schema():
    """The dataclass has the schema's fields, in the same order (services.json keeps it)."""
    names = [f.name for f in dataclasses.fields(ServiceData)]
    assert names == list(ServiceSchema.model_fields)
    assert list(full_data().to_json()) == names
