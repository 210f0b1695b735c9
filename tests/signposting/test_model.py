"""Tests for safeguarding_site.signposting.model."""

import pytest

from safeguarding_site.signposting.model import parse_relay, parse_uk_phone


@pytest.mark.parametrize(
    ("written", "shown", "dial"),
    [
        ("0808 2000 247", "0808 2000 247", "+448082000247"),
        ("08088010327", "0808 801 0327", "+448088010327"),
        ("020 7946 0000", "020 7946 0000", "+442079460000"),
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
