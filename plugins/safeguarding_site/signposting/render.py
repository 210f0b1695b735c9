"""Turn services into what pages show: cards, directory pages and structured data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..languages.strings import format_date, shipped
from ..markup import Slots, front_matter_title, md_text, script_json
from .directory import Directory
from .model import Category, Service

Render = Callable[..., str]
"""Renders a named partial with keyword context (the theme's Jinja environment)."""


@dataclass(frozen=True)
class Card:
    """What one card shows, decided here so the partial only lays it out."""

    service: Service
    checked: str
    json_ld: str
    language: str | None = None  # the page's, when the service has words in it
    source: str | None = None
    """The language of the service file, on a page in another language: the words the file
    gives only in it are marked with ``lang`` (WCAG 3.1.2), so screen readers say them right."""

    @property
    def data(self):
        return self.service.data

    def _own(self, name: str) -> str | None:
        """The service's own words for field ``name`` in the page's language, if its file
        gives them ("description" is its rendered HTML)."""
        language = self.language or ""
        if name == "description":
            return dict(self.service.translated_html).get(language)
        words = self.data.words_in(language)
        return getattr(words, name) if words else None

    def _lang(self, name: str) -> str | None:
        """``source`` for a field shown in the file's language, None for one in the page's."""
        return None if self._own(name) else self.source

    @property
    def description_html(self) -> str:
        return self._own("description") or self.service.description_html

    @property
    def description_lang(self) -> str | None:
        return self._lang("description")

    @property
    def who_for(self) -> str | None:
        return self._own("who_for") or self.data.who_for

    @property
    def who_for_lang(self) -> str | None:
        return self._lang("who_for")

    @property
    def hours(self) -> str | None:
        return self._own("hours") or self.data.hours

    @property
    def hours_lang(self) -> str | None:
        return self._lang("hours")


def checked_label(service: Service, words: dict[str, str] | None = None) -> str:
    """'May 2026' ('05.2026' in Polish): month and year are what a reader needs to judge
    freshness."""
    return format_date(service.data.last_verified, words or shipped("en"), "date_month")


def json_ld(service: Service) -> str:
    """schema.org data for one service, safe to place inside a <script> element."""
    data = service.data
    record: dict = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": data.name,
        "description": re.sub(r"<[^>]+>", "", service.description_html).strip(),
    }
    if data.website:
        record["url"] = data.website
    if data.email:
        record["email"] = data.email
    points = [
        {"@type": "ContactPoint", "telephone": p.number.dial, "contactType": p.label or "helpline"}
        for p in data.phone
    ]
    for point in points:
        if data.languages:
            point["availableLanguage"] = list(data.languages)
    if points:
        record["contactPoint"] = points
    return script_json(record)


def cards_html(
    services: list[Service],
    render: Render,
    heading: str | None = None,
    words: dict[str, str] | None = None,
    language: str | None = None,
    source: str | None = None,
) -> str:
    """The card list for these services, in the words of the page's ``language`` (English by
    default), with the services' own words in it where their files give them; ``source`` is
    the files' language when it is not the page's."""
    words = words or shipped("en")
    cards = [Card(s, checked_label(s, words), json_ld(s), language, source) for s in services]
    return render("service-cards.html", cards=cards, heading=heading, t=words)


SLOTS = Slots("services")


def mark_slots(markdown: str, directory: Directory, where: str) -> tuple[str, list[list[Service]]]:
    """Replace each ``[services: …]`` line with a placeholder; unknown ids are reported while
    the page's name is known."""
    return SLOTS.mark(markdown, lambda refs: directory.resolve(refs, where))


def fill_slots(
    html: str,
    slots: list[list[Service]],
    render: Render,
    words: dict[str, str] | None = None,
    language: str | None = None,
    source: str | None = None,
) -> str:
    """Put the cards where ``mark_slots`` left placeholders."""
    return SLOTS.fill(
        html, slots, lambda services: cards_html(services, render, None, words, language, source)
    )


def category_page(
    category: Category,
    directory: Directory,
    index_name: str,
    words: Mapping[str, str] | None = None,
) -> str:
    """Markdown of a generated directory page for one category, in the site's ``words``."""
    words = words or shipped("en")
    count = len(directory.in_category(category.id))
    listed = words["services_listed"].replace("{services}", _plural(count, words))
    return (
        f"---\ntitle: {json.dumps(category.title)}\ndescription: "
        f"{json.dumps(category.description)}\n---\n\n"
        f"# {md_text(category.title)}\n\n{md_text(category.description)}\n\n"
        f"{md_text(listed)} [{md_text(words['all_support'])}]({index_name})\n\n"
        # Cards name services in h3: keep the heading levels in order.
        f"## {md_text(words['services_heading'])}\n\n"
        f"[services: {category.id}]\n"
    )


def index_page(
    title: str,
    intro: str,
    directory: Directory,
    link: Callable[[str], str],
    words: Mapping[str, str] | None = None,
) -> str:
    """Markdown of the generated index of every category, in the site's ``words``."""
    words = words or shipped("en")
    lines = [front_matter_title(title), f"# {md_text(title)}\n"]
    lines.append(f"{md_text(intro)}\n")
    for category in directory.categories.values():
        count = len(directory.in_category(category.id))
        if not count:
            continue  # left out of the directory, with a warning (feature.py)
        lines.append(
            f"- [{md_text(category.title)}]({link(category.id)}): "
            f"{md_text(category.description)} ({md_text(_plural(count, words))})"
        )
    return "\n".join(lines) + "\n"


def _plural(count: int, words: Mapping[str, str]) -> str:
    """'1 service', '3 services' (in Polish 'Liczba usług: 3', which needs no plural forms)."""
    return words["one_service"] if count == 1 else words["services_count"].format(count=count)
