"""Turn rendered pages and services into search documents, one per page section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import Tag

# Not words of the page: code, permalinks, the toggle, the language switcher, cards (services
# are documents of their own) and pictures.
SKIP = (
    "script, style, pre, .headerlink, .sg-toggle, .sg-languages, .sg-cards, .sg-point__picture, "
    "[aria-hidden=true]"
)
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Document:
    """One searchable thing: a section of a page, or a service."""

    ref: str
    url: str
    title: str
    page: str
    body: str
    kind: str  # "page", "easy", "service" or "library"
    phone: str = ""
    tel: str = ""
    categories: tuple[str, ...] = ()
    order: int = 100
    language: str = ""  # a translation's language code; "" for the site's own language

    @classmethod
    def from_json(cls, fields: dict) -> Document:
        """A document stored with ``dataclasses.asdict`` and read back from JSON."""
        return cls(**{**fields, "categories": tuple(fields.get("categories", ()))})

    def excerpt(self, length: int = 160) -> str:
        """The start of the body, cut at a word."""
        if len(self.body) <= length:
            return self.body
        return self.body[:length].rsplit(" ", 1)[0] + "…"


def page_documents(
    html: str, url: str, page_title: str, kind: str = "page", language: str = ""
) -> list[Document]:
    """Split a page's content at its second-level headings (``language``: a translation's)."""
    # Beautiful Soup is slow to import; a build whose pages are all cached never needs it.
    from bs4 import BeautifulSoup, Comment, Tag

    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(SKIP):
        element.decompose()
    body = soup.select_one("div.sg-easy-read") or soup  # easy reads are wrapped for styling
    sections: list[tuple[str, str, list[str]]] = [("", page_title, [])]
    for node in body.children:
        if isinstance(node, Tag) and node.name == "h2":
            sections.append((node.get("id", ""), _text(node), []))
        elif isinstance(node, Comment) or (isinstance(node, Tag) and node.name == "h1"):
            continue  # comments are placeholders (the player's slot), not words
        else:
            text = _text(node) if isinstance(node, Tag) else SPACES.sub(" ", str(node)).strip()
            if text:
                sections[-1][2].append(text)
    documents = []
    for anchor, title, texts in sections:
        ref = f"{url}#{anchor}" if anchor else url
        documents.append(
            Document(
                ref=ref,
                url=ref,
                title=title,
                page=page_title,
                body=" ".join(texts),
                kind=kind,
                language=language,
            )
        )
    return [d for d in documents if d.body or d.ref == url]


def _text(node: Tag) -> str:
    return SPACES.sub(" ", node.get_text(" ")).strip()


def service_document(
    ref: str,
    url: str,
    name: str,
    categories: tuple[str, ...],
    category_titles: str,
    description_html: str,
    who_for: str,
    phone: str,
    tel: str,
    order: int = 100,
) -> Document:
    """A service as a search result: found by its name, categories and description."""
    from bs4 import BeautifulSoup

    description = _text(BeautifulSoup(description_html, "html.parser"))
    return Document(
        ref=ref,
        url=url,
        title=name,
        page=category_titles,
        body=f"{description} {who_for}".strip(),
        kind="service",
        phone=phone,
        tel=tel,
        categories=categories,
        order=order,
    )
