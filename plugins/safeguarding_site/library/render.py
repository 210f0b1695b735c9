"""Turn library items into what pages show: cards, generated pages and structured data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..languages.strings import format_date, shipped
from ..markup import Slots, md_text, script_json
from .catalogue import Catalogue
from .model import Item, Term

SLOTS = Slots("library")

Render = Callable[..., str]


@dataclass(frozen=True)
class Links:
    """Addresses as one page needs them: relative to it, or absolute for structured data."""

    document: Callable[[Item], str]
    """Where an item's link goes from this page: its file in the site, or its url."""
    topic: Callable[[str], str | None]
    """This page's link to a topic's page; None where the topic has no page."""
    absolute: Callable[[Item], str]
    """The item's address for structured data: absolute when the site's address is known."""


@dataclass(frozen=True)
class Card:
    """What one card shows, decided here so the partial only lays it out."""

    item: Item
    type: str
    href: str
    where: str  # "PDF, 1.2 MB" or "another website: www.gov.uk"
    dates: list[tuple[str, str]]
    audiences: str
    topics: list[tuple[str, str | None]]
    easy_read: tuple[str, str, str] | None  # (title, href, where)
    json_ld: str
    anchor: str | None


def where_label(item: Item, words: dict[str, str] | None = None) -> str:
    """What a reader gets on following the link, said in the link itself; nothing for a
    page of this site."""
    if item.attachment is not None:
        return item.attachment.label
    if item.data.url is not None:
        host = urlsplit(item.data.url).hostname or ""
        return (words or shipped("en"))["elsewhere"].replace("{host}", host)
    return ""


def card(
    item: Item, catalogue: Catalogue, links: Links, anchors: bool, words: dict[str, str]
) -> Card:
    """Everything one card shows, in the page language's ``words``."""
    data, vocabulary = item.data, catalogue.vocabulary
    dates = [
        (words[key], format_date(day, words))
        for key, day in (
            ("published", data.published),
            ("last_reviewed", data.last_reviewed),
            ("review_due", item.due),
        )
        if day is not None
    ]
    easy = None
    if data.easy_read:
        other = catalogue.items[data.easy_read]
        easy = (other.title, links.document(other), where_label(other, words))
    return Card(
        item=item,
        type=vocabulary.types[data.type].title,
        href=links.document(item),
        where=where_label(item, words),
        dates=dates,
        audiences=", ".join(vocabulary.audiences[a].title for a in data.audiences),
        topics=[(vocabulary.topics[t].title, links.topic(t)) for t in data.topics],
        easy_read=easy,
        json_ld=json_ld(item, catalogue, links.absolute(item)),
        anchor=f"item-{item.id}" if anchors else None,
    )


def json_ld(item: Item, catalogue: Catalogue, address: str) -> str:
    """schema.org data for one item, safe to place inside a <script> element."""
    data, vocabulary = item.data, catalogue.vocabulary
    record: dict = {
        "@context": "https://schema.org",
        "@type": "DigitalDocument" if item.attachment else "CreativeWork",
        "name": data.title,
        "description": re.sub(r"<[^>]+>", "", item.summary_html).strip(),
        "url": address,
        "genre": vocabulary.types[data.type].title,
        "publisher": {"@type": "Organization", "name": data.publisher},
        "audience": [
            {"@type": "Audience", "audienceType": vocabulary.audiences[a].title}
            for a in data.audiences
        ],
    }
    if data.topics:
        record["about"] = [
            {"@type": "Thing", "name": vocabulary.topics[t].title} for t in data.topics
        ]
    if data.published:
        record["datePublished"] = data.published.isoformat()
    if data.last_reviewed:
        record["dateModified"] = data.last_reviewed.isoformat()
    if item.attachment:
        record["encodingFormat"] = item.attachment.media_type
        record["contentSize"] = item.attachment.size
    return script_json(record)


def cards_html(
    items: list[Item],
    catalogue: Catalogue,
    links: Links,
    render: Render,
    heading: str | None = None,
    anchors: bool = False,
    words: dict[str, str] | None = None,
    source: str | None = None,
) -> str:
    """The card list for these items, in the words of the page's language (English by
    default); ``source`` is the items' language when it is not the page's, marked on what
    they say (WCAG 3.1.2, language of parts)."""
    words = words or shipped("en")
    cards = [card(i, catalogue, links, anchors, words) for i in items]
    return render("library-cards.html", cards=cards, heading=heading, t=words, source=source)


def mark_slots(markdown: str, catalogue: Catalogue, where: str) -> tuple[str, list[list[Item]]]:
    """Replace each ``[library: …]`` line with a placeholder the Markdown keeps."""
    return SLOTS.mark(markdown, lambda refs: catalogue.resolve(refs, where))


def fill_slots(html: str, slots: list[list[Item]], make: Callable[[list[Item]], str]) -> str:
    """Put the cards where ``mark_slots`` left placeholders."""
    return SLOTS.fill(html, slots, make)


def _front(title: str, description: str) -> str:
    lines = ["---", f"title: {json.dumps(title)}"]
    if description:
        lines.append(f"description: {json.dumps(description)}")
    return "\n".join([*lines, "---", ""])


def _count(number: int, words: Mapping[str, str]) -> str:
    """'1 document', '3 documents' (in Polish 'Liczba dokumentów: 3')."""
    return words["one_document"] if number == 1 else words["documents_count"].format(count=number)


def index_page(
    title: str,
    intro: str,
    catalogue: Catalogue,
    topic_link: Callable[[str], str],
    audience_link: Callable[[str], str],
    words: Mapping[str, str] | None = None,
) -> str:
    """Markdown of the library's index: ways in by topic and audience, then every item, in
    the site's ``words``."""
    words = words or shipped("en")
    vocabulary = catalogue.vocabulary
    lines = [_front(title, intro), f"# {md_text(title)}\n", f"{md_text(intro)}\n"]
    lines += _term_links(
        words["by_topic"], vocabulary.topics, catalogue.in_topic, topic_link, words
    )
    lines += _term_links(
        words["by_audience"], vocabulary.audiences, catalogue.for_audience, audience_link, words
    )
    everything = catalogue.all()
    by_type = words["by_type"].replace("{documents}", _count(len(everything), words))
    lines.append(f"## {md_text(words['all_documents'])}\n\n{md_text(by_type)}\n")
    lines.append(f"[library: {', '.join(i.id for i in everything)}]\n")
    return "\n".join(lines)


def _term_links(
    heading: str,
    terms: dict[str, Term],
    items_of: Callable[[str], list[Item]],
    link: Callable[[str], str],
    words: Mapping[str, str],
) -> list[str]:
    entries = [
        f"- [{md_text(term.title)}]({link(term.id)}) "
        f"({md_text(_count(len(items_of(term.id)), words))})"
        for term in terms.values()
        if items_of(term.id)
    ]
    return [f"## {md_text(heading)}\n", "\n".join(entries) + "\n"] if entries else []


def term_page(
    term: Term,
    items: list[Item],
    kind: str,
    index_link: str,
    library_title: str,
    words: Mapping[str, str] | None = None,
) -> str:
    """Markdown of one topic's or audience's page, in the site's ``words``."""
    words = words or shipped("en")
    title = term.title
    if kind != "topic":
        # 'For practitioners'; an acronym such as 'NHS staff' keeps its capitals.
        audience = title if title[:2].isupper() else f"{title[:1].lower()}{title[1:]}"
        title = words["for_audience"].replace("{audience}", audience)
    lines = [_front(title, term.description), f"# {md_text(title)}\n"]
    if term.description:
        lines.append(f"{md_text(term.description)}\n")
    here = words["documents_here"].replace("{documents}", _count(len(items), words))
    before, _, after = here.partition("{library}")
    link = f"[{md_text(library_title)}]({index_link})"
    lines.append(f"{md_text(before)}{link}{md_text(after)}\n")
    # Cards name items in h3: keep the heading levels in order.
    lines.append(f"## {md_text(words['documents_heading'])}\n")
    lines.append(f"[library: {', '.join(i.id for i in items)}]\n")
    return "\n".join(lines)
