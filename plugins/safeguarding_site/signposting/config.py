"""Options for signposting: where services live, their categories, freshness, the banner."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

from .phone import ID_PATTERN, parse_uk_phone

DEFAULT_CATEGORIES = [
    {
        "id": "emergency",
        "title": "In an emergency",
        "description": "If someone is in danger now, or a crime is happening.",
    },
    {
        "id": "domestic-abuse",
        "title": "Domestic abuse",
        "description": (
            "Help if a partner, ex-partner or family member is hurting or controlling you."
        ),
    },
    {
        "id": "mental-health",
        "title": "Mental health and feeling low",
        "description": "Someone to talk to when things feel too much.",
    },
    {
        "id": "witness",
        "title": "Being a witness or victim of crime",
        "description": "Support before, during and after reporting a crime or going to court.",
    },
    {
        "id": "fire-safety",
        "title": "Fire safety at home",
        "description": "Free help to make a home safer from fire.",
    },
    {
        "id": "caused-harm",
        "title": "If you are worried about your own behaviour",
        "description": "Help to stop hurting or controlling someone.",
    },
    {
        "id": "adult-social-care",
        "title": "Adult social care",
        "description": "Raise a concern about an adult, or ask for care and support.",
    },
]


class CategoryId(opt.Type):
    """A category id: lower-case words joined by hyphens."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if not ID_PATTERN.match(value):
            raise ValidationError(
                f"received '{value}', expected lower-case letters, digits and hyphens, such as "
                "'domestic-abuse'"
            )
        return value


class UkPhoneOption(opt.Type):
    """A UK phone number or short code, such as '999'."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        if isinstance(value, int):
            value = str(value)
        value = super().run_validation(value)
        try:
            parse_uk_phone(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None
        return value


class CategoryConfig(Config):
    """One kind of help."""

    id = CategoryId()
    """Used in service files ('categories:') and in '[services: id]'."""
    title = opt.Type(str)
    """Heading of the category's directory page."""
    description = opt.Type(str, default="")
    """One plain sentence under the heading."""


class EmergencyBannerConfig(Config):
    """The line on every page telling readers in danger what to do."""

    enabled = opt.Type(bool, default=True)
    """Show the banner on every page. Default: true."""
    message = opt.Type(str, default="In immediate danger?")
    """Words before the call link. Default: 'In immediate danger?'"""
    phone = UkPhoneOption(default="999")
    """Number to call. Default: '999'."""
    label = opt.Type(str, default="Emergency help")
    """Accessible name of the banner region. Default: 'Emergency help'."""


class SignpostingConfig(Config):
    """Services written once as Markdown files, shown as cards and directory pages."""

    enabled = opt.Type(bool, default=True)
    """Turn signposting on or off. Default: true."""
    services_dir = opt.Type(str, default="services")
    """Folder in docs_dir with one Markdown file per service; it also receives the generated
    directory pages. Default: 'services'."""
    directory_title = opt.Type(str, default="Find support")
    """Title of the generated index of categories. Default: 'Find support'."""
    directory_intro = opt.Type(
        str, default="Services that can help, grouped by the kind of help you need."
    )
    """Sentence under that title."""
    cards_heading = opt.Type(str, default="Where to get help")
    """Heading above the cards a page asks for in its front matter ('signposting:')."""
    categories = opt.ListOfItems(opt.SubConfig(CategoryConfig), default=DEFAULT_CATEGORIES)
    """Categories, in the order the directory lists them. Default: emergency, domestic-abuse,
    mental-health, witness, fire-safety, caused-harm, adult-social-care."""
    stale_after_months = opt.Type(int, default=12)
    """Warn about services whose 'last_verified' is older than this. Default: 12."""
    today = opt.Optional(opt.Type(dt.date))
    """Date freshness is measured against (for reproducible builds and tests). Default: the
    day of the build."""
    json_file = opt.Type(str, default="services.json")
    """Open-data file with every service and field, written to the site root."""
    emergency_banner = opt.SubConfig(EmergencyBannerConfig)
    """Emergency banner options."""
