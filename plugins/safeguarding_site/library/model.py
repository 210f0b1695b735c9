"""Library items as the rest of the plugin sees them: plain values, already checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A type, audience or topic, with the words its page shows."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Attachment:
    """A document published with the site: where it is and what a reader downloads."""

    path: str  # relative to docs_dir, with forward slashes
    format: str  # "PDF"
    size: str  # "1.2 MB"
    bytes: int
    media_type: str  # "application/pdf"

    @property
    def label(self) -> str:
        """'PDF, 1.2 MB', as GOV.UK shows attachments."""
        return f"{self.format}, {self.size}"


@dataclass(frozen=True, kw_only=True)
class ItemData:
    """Front matter of one item file, validated (see ``schema.ItemSchema``)."""

    id: str
    title: str
    type: str
    audiences: tuple[str, ...]
    topics: tuple[str, ...] = ()
    publisher: str
    url: str | None = None
    file: str | None = None
    page: str | None = None
    published: dt.date | None = None
    last_reviewed: dt.date | None = None
    review_due: dt.date | None = None
    easy_read: str | None = None
    order: int = 100

    def to_json(self) -> dict:
        """Every field as plain JSON values (see ``from_json``)."""
        return {
            "id": self.id,
            "title": self.title,
            "type": self.type,
            "audiences": list(self.audiences),
            "topics": list(self.topics),
            "publisher": self.publisher,
            "url": self.url,
            "file": self.file,
            "page": self.page,
            "published": _day(self.published),
            "last_reviewed": _day(self.last_reviewed),
            "review_due": _day(self.review_due),
            "easy_read": self.easy_read,
            "order": self.order,
        }

    @classmethod
    def from_json(cls, record: dict) -> ItemData:
        """The data ``to_json`` gave; raises KeyError, TypeError or ValueError if it is not."""
        return cls(
            id=record["id"],
            title=record["title"],
            type=record["type"],
            audiences=tuple(record["audiences"]),
            topics=tuple(record["topics"]),
            publisher=record["publisher"],
            url=record["url"],
            file=record["file"],
            page=record["page"],
            published=_date(record["published"]),
            last_reviewed=_date(record["last_reviewed"]),
            review_due=_date(record["review_due"]),
            easy_read=record["easy_read"],
            order=record["order"],
        )


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


@dataclass(frozen=True)
class Item:
    """A checked item: its data, its summary, the document it points to, when it is due."""

    data: ItemData
    summary_html: str
    src_path: str
    attachment: Attachment | None
    due: dt.date | None  # review_due, or last_reviewed + the library's review period

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def leaves_site(self) -> bool:
        return self.data.url is not None
