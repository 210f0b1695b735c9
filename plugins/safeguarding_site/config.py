"""Options of the ``safeguarding`` plugin, grouped by feature as in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

from .audio.config import AudioConfig
from .easy_read.config import EasyReadConfig
from .errors import SafeguardingError
from .languages.config import LanguagesConfig
from .library.config import LibraryConfig
from .quick_exit.model import check_destination
from .search.config import SearchConfig
from .security.config import SecurityConfig
from .signposting.config import SignpostingConfig


class NeutralURL(opt.BaseConfigOption[str]):
    """An absolute https URL (plain http is accepted for 127.0.0.1 and localhost in tests)."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(
                f"received {value!r}, expected an absolute https URL such as "
                "'https://www.bbc.co.uk/weather'"
            )
        try:
            return check_destination(value)
        except SafeguardingError as error:
            raise ValidationError(str(error)) from None


class QuickExitMessages(Config):
    """What the control says while Shift is being pressed, and on leaving."""

    press_two_more = opt.Type(str, default="Shift, press 2 more times to exit.")
    """Status after one Shift press. Default: 'Shift, press 2 more times to exit.'"""
    press_one_more = opt.Type(str, default="Shift, press 1 more time to exit.")
    """Status after two Shift presses. Default: 'Shift, press 1 more time to exit.'"""
    expired = opt.Type(str, default="Exit this page expired.")
    """Status when more than 5 seconds pass between presses. Default: 'Exit this page expired.'"""
    loading = opt.Type(str, default="Loading.")
    """Text of the plain screen shown while leaving. Default: 'Loading.'"""


class QuickExitConfig(Config):
    """The "Exit this page" control shown first on every page."""

    enabled = opt.Type(bool, default=True)
    """Show the control on every page, 404 included. Default: true."""
    destination = NeutralURL(default="https://www.bbc.co.uk/weather")
    """Neutral page the control leads to. Default: 'https://www.bbc.co.uk/weather'."""
    label = opt.Type(str, default="Exit this page")
    """Visible text of the control; also the start of its accessible name."""
    skip_label = opt.Type(str, default="Exit this page")
    """Text of the second exit link beside the skip link, shown when it has focus."""
    shift_shortcut = opt.Type(bool, default=True)
    """Leave when Shift is pressed 3 times within 5 seconds of each press. Default: true."""
    new_tab = opt.Type(bool, default=False)
    """Also open the destination in a new tab on mouse or touch activation. Default: false."""
    help_page = opt.Optional(opt.Type(str))
    """Page in docs_dir explaining how to browse safely, linked beside the control (e.g.
    'staying-safe-online.md'). Default: none."""
    help_label = opt.Type(str, default="Staying safe online")
    """Text of the link to help_page. Default: 'Staying safe online'."""
    messages = opt.SubConfig(QuickExitMessages)
    """Status and overlay wording."""


class PrivacyConfig(Config):
    """Leave nothing behind in the reader's browser."""

    memory_storage = opt.Type(bool, default=True)
    """Keep the theme's remembered settings (palette, tabs, banners) in page memory instead of
    localStorage and sessionStorage. Default: true."""
    no_referrer = opt.Type(bool, default=True)
    """Add <meta name="referrer" content="no-referrer"> first in every page's <head>, so no
    site a reader goes to (nor any request of the page's own) carries the page's address.
    Default: true."""


class FooterLink(Config):
    """One link in the footer: its text and the page it opens."""

    title = opt.Type(str)
    """Text of the link, e.g. 'Accessibility statement'."""
    page = opt.Type(str)
    """Page in docs_dir, e.g. 'accessibility.md'."""


class FooterConfig(Config):
    """The board's own footer on every page, in place of the theme's "Made with" line."""

    enabled = opt.Type(bool, default=True)
    """Show the footer. Default: true."""
    label = opt.Type(str, default="Site information")
    """Accessible name of the footer's list of links. Default: 'Site information'."""
    contact = opt.Optional(opt.Type(str))
    """How to contact the board, as plain text (e.g. 'Email sab@anytown.gov.uk or call
    020 3000 0000'). Default: none."""
    links = opt.ListOfItems(opt.SubConfig(FooterLink), default=[])
    """Links on every page, in order (the accessibility statement, privacy, contact pages).
    The quick exit's help page is added last when not listed. Default: none."""


class ReportConfig(Config):
    """A report for the people who look after the site, written beside mkdocs.yml."""

    enabled = opt.Type(bool, default=False)
    """Write the report on every build (`safeguarding report` writes it once). Default: false."""
    folder = opt.Type(str, default="report")
    """Folder for report.html and report.json, relative to mkdocs.yml; never published.
    Default: 'report'."""


class PluginConfig(Config):
    """All options of the ``safeguarding`` plugin."""

    enabled = opt.Type(bool, default=True)
    """Turn the whole plugin on or off. Default: true."""
    safe_publish = opt.Type(bool, default=True)
    """Build into a staging folder and replace site_dir only when the build succeeded, so a
    failed build leaves the published site as it was. Default: true."""
    minify_assets = opt.Type(bool, default=True)
    """Minify the plugin's own CSS and JavaScript in the built site. Default: true."""
    cache_templates = opt.Type(bool, default=True)
    """Keep the compiled theme templates (and the plugin's partials) between builds, so a
    warm build does not compile them again. Default: true."""
    quick_exit = opt.SubConfig(QuickExitConfig)
    """Quick exit options."""
    privacy = opt.SubConfig(PrivacyConfig)
    """No-trace options."""
    report = opt.SubConfig(ReportConfig)
    """Report options."""
    footer = opt.SubConfig(FooterConfig)
    """Footer options."""
    security = opt.SubConfig(SecurityConfig)
    """Content Security Policy and host header options."""
    signposting = opt.SubConfig(SignpostingConfig)
    """Signposting options."""
    library = opt.SubConfig(LibraryConfig)
    """Library options."""
    languages = opt.SubConfig(LanguagesConfig)
    """Translation options."""
    easy_read = opt.SubConfig(EasyReadConfig)
    """Easy-read options."""
    search = opt.SubConfig(SearchConfig)
    """Search options."""
    audio = opt.SubConfig(AudioConfig)
    """Audio options."""
