"""Options for pages in other languages."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError


class Direction(opt.Choice):
    def __init__(self) -> None:
        super().__init__(("ltr", "rtl"), default="ltr")


class LanguageConfig(Config):
    """A language the plugin does not ship, for translations in it."""

    code = opt.Type(str)
    """Its code as in HTML's lang attribute and in file names ('page.so.md'), e.g. 'so'."""
    name = opt.Type(str)
    """Its name in itself, as the switcher shows it, e.g. 'Soomaali'."""
    direction = Direction()
    """'ltr' (default) or 'rtl'."""


class Strings(opt.Type):
    """{language code: {word key: text}}."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict:
        value = super().run_validation(value)
        for code, table in value.items():
            if not isinstance(table, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in table.items()
            ):
                raise ValidationError(
                    f"'{code}' must map word keys to text, such as {{exit: 'Opuść tę stronę'}}"
                )
        return value


class LanguagesConfig(Config):
    """Translations beside their page: 'page.pl.md' is the Polish version of 'page.md'."""

    enabled = opt.Type(bool, default=True)
    """Publish translations with a language switcher. Default: true."""
    default = opt.Optional(opt.Type(str))
    """The language of the site's own pages. Default: the theme's language, or 'en'."""
    add = opt.ListOfItems(opt.SubConfig(LanguageConfig), default=[])
    """Languages beyond the shipped ones (en, cy, pl, ro, pa, ur). Default: none."""
    strings = Strings()
    """The plugin's words in a language, replacing the shipped ones key by key, e.g.
    '{pl: {exit: Opuść tę stronę}}'. Default: none."""
