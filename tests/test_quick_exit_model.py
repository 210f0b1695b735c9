"""Tests for safeguarding_site.quick_exit.model."""

import json

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.quick_exit.model import Messages, QuickExit, check_destination


@pytest.mark.parametrize(
    "url",
    ["https://www.bbc.co.uk/weather", "http://127.0.0.1:8000/weather", "http://localhost/x"],
)
def test_destinations_accepted(url):
    """https anywhere, plain http only on this machine."""
    assert check_destination(url) == url


@pytest.mark.parametrize(
    "url",
    ["http://www.bbc.co.uk/weather", "www.bbc.co.uk", "/weather", "javascript:alert(1)", ""],
)
def test_destinations_refused(url):
    """Anything but an absolute https URL is refused, echoing what was received."""
    with pytest.raises(SafeguardingError) as error:
        check_destination(url)
    assert str(error.value) == (
        f"received '{url}', expected an absolute https URL of a neutral website, such as "
        "'https://www.bbc.co.uk/weather'"
    )


def test_credentials_refused():
    """A URL carrying a password is refused."""
    with pytest.raises(SafeguardingError, match="without a user name or password"):
        check_destination("https://me:secret@example.org/")


def test_script_options_are_json():
    """The script options carry the switches and messages."""
    qe = QuickExit(
        destination="https://www.bbc.co.uk/weather",
        label="Exit",
        skip_label="Exit",
        shift_shortcut=False,
        new_tab=True,
        help_label="Help",
        help_url=None,
        messages=Messages("two", "one", "gone", "Loading."),
        home="../",
        site_name="Anytown SAB",
    )
    data = json.loads(qe.script_options())
    assert data == {
        "shiftShortcut": False,
        "newTab": True,
        "messages": {
            "press_two_more": "two",
            "press_one_more": "one",
            "expired": "gone",
            "loading": "Loading.",
        },
        "home": "../",
        "siteName": "Anytown SAB",
    }
