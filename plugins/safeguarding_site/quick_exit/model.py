"""What the quick-exit control shows and does, decided in Python for the partial to render."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from ..errors import SafeguardingError

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def check_destination(url: str) -> str:
    """Accept an absolute https URL (plain http only on this machine, for tests).

    Returns the URL unchanged, or raises ``SafeguardingError`` saying what was received.
    """
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    local_test = parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
    if not parts.netloc or not (secure or local_test):
        raise SafeguardingError(
            f"received '{url}', expected an absolute https URL of a neutral website, such as "
            "'https://www.bbc.co.uk/weather'"
        )
    if parts.username or parts.password:
        raise SafeguardingError(f"received '{url}', expected a URL without a user name or password")
    return url


@dataclass(frozen=True)
class Messages:
    """Words the control uses; every one can be changed in ``mkdocs.yml``."""

    press_two_more: str
    press_one_more: str
    expired: str
    loading: str


@dataclass(frozen=True)
class QuickExit:
    """Everything the quick-exit partial needs for one page."""

    destination: str
    label: str
    skip_label: str
    shift_shortcut: bool
    new_tab: bool
    help_label: str
    help_url: str | None
    messages: Messages
    home: str = "/"
    """Address of the site's home page from this page (a neutral history entry, if needed)."""
    site_name: str = ""
    """The site's name: the title of that neutral history entry."""

    def script_options(self) -> str:
        """Options for the JavaScript module, as JSON safe to place in an HTML attribute."""
        return json.dumps(
            {
                "shiftShortcut": self.shift_shortcut,
                "newTab": self.new_tab,
                "messages": asdict(self.messages),
                "home": self.home,
                "siteName": self.site_name,
            },
            separators=(",", ":"),
        )
