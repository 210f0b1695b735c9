"""Load, check and look up library items; no MkDocs here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..dates import months_after
from ..errors import SafeguardingError
from ..signposting.directory import did_you_mean
from ..sources import check_front_matter, split_front_matter
from .attachments import read_attachment
from .model import Item, ItemData, Term

if TYPE_CHECKING:
    from ..jsoncache import JsonCache

CACHE_VERSION = "library-item-1"
"""Raise this when checking an item file changes what it gives (see ``schema.py``)."""


@dataclass(frozen=True)
class ItemSource:
    """One item file as read from disk."""

    src_path: str
    text: str


@dataclass(frozen=True)
class Vocabulary:
    """The words items may use, in the order pages list them."""

    types: dict[str, Term]
    audiences: dict[str, Term]
    topics: dict[str, Term]


@dataclass
class Catalogue:
    """Every item, by id."""

    vocabulary: Vocabulary
    items: dict[str, Item] = field(default_factory=dict)

    def sorted(self, items: Iterable[Item]) -> list[Item]:
        """By type (in the order of the types option), then 'order', then title."""
        rank = {type_id: number for number, type_id in enumerate(self.vocabulary.types)}
        return sorted(
            items, key=lambda i: (rank[i.data.type], i.data.order, i.title.casefold(), i.id)
        )

    def all(self) -> list[Item]:
        return self.sorted(self.items.values())

    def in_topic(self, topic_id: str) -> list[Item]:
        return self.sorted(i for i in self.items.values() if topic_id in i.data.topics)

    def for_audience(self, audience_id: str) -> list[Item]:
        return self.sorted(i for i in self.items.values() if audience_id in i.data.audiences)

    def resolve(self, refs: Iterable[str], where: str) -> list[Item]:
        """Items named by topic or item ids, in order, each once."""
        chosen: dict[str, Item] = {}
        for ref in refs:
            if ref in self.vocabulary.topics:
                for item in self.in_topic(ref):
                    chosen.setdefault(item.id, item)
            elif ref in self.items:
                chosen.setdefault(ref, self.items[ref])
            else:
                known = [*self.vocabulary.topics, *self.items]
                raise SafeguardingError(
                    f"Page '{where}': library '{ref}' is neither a topic nor an item."
                    f"{did_you_mean(ref, known)} Topics: {_names(self.vocabulary.topics)}. "
                    f"Items: {_names(self.items)}."
                )
        return list(chosen.values())

    def overdue(self, today: dt.date) -> list[Item]:
        """Items whose review date has passed."""
        return [i for i in self.all() if i.due is not None and i.due < today]

    def to_json(self, link: Callable[[Item], str]) -> str:
        """Every item with every field: open data for other sites and apps.

        ``link`` gives an item's address (a document's address in the site, or its url).
        """
        vocabulary = self.vocabulary
        return json.dumps(
            {
                "types": [vars(t) for t in vocabulary.types.values()],
                "audiences": [vars(t) for t in vocabulary.audiences.values()],
                "topics": [vars(t) for t in vocabulary.topics.values()],
                "items": [item_record(i, link(i)) for i in self.all()],
            },
            indent=2,
            ensure_ascii=False,
        )


def item_record(item: Item, address: str) -> dict:
    """All fields of one item, as plain JSON values."""
    record = item.data.to_json()
    record["address"] = address
    record["leaves_site"] = item.leaves_site
    if item.attachment is not None:
        record["format"] = item.attachment.format
        record["size"] = item.attachment.size
        record["bytes"] = item.attachment.bytes
        record["media_type"] = item.attachment.media_type
    record["review_due"] = item.due.isoformat() if item.due else None
    record["summary_html"] = item.summary_html
    return record


def load_catalogue(
    sources: Sequence[ItemSource],
    vocabulary: Vocabulary,
    render_markdown: Callable[[str], str],
    docs_dir: str | Path,
    today: dt.date,
    review_after_months: int,
    cache: JsonCache | None = None,
) -> Catalogue:
    """Check every item file; raise one error listing every problem found."""
    catalogue = Catalogue(vocabulary)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for source in sources:
        where = f"Library item '{source.src_path}'"
        try:
            data = _checked_data(source, vocabulary, where, cache)
            item = _item(source, data, where, render_markdown, docs_dir, today, review_after_months)
        except SafeguardingError as error:
            problems.append(str(error))
            continue
        if item.id in seen:
            problems.append(
                f"Library items '{seen[item.id]}' and '{source.src_path}' both have the id "
                f"'{item.id}'. Give one of them another file name or 'id'."
            )
            continue
        if item.id in vocabulary.topics:
            problems.append(
                f"{where}: field 'id': '{item.id}' is also a topic id; choose another id so "
                "that '[library: …]' is not ambiguous."
            )
            continue
        seen[item.id] = source.src_path
        catalogue.items[item.id] = item
    for item in catalogue.items.values():
        other = item.data.easy_read
        if other is None:
            continue
        if other == item.id or other not in catalogue.items:
            problems.append(
                f"Library item '{item.src_path}': field 'easy_read': '{other}' is not another "
                f"item of the library.{did_you_mean(other, catalogue.items)} Give the id of the "
                "easy read version's own item file."
            )
    if problems:
        raise SafeguardingError("\n".join(problems))
    return catalogue


def _item(
    source: ItemSource,
    data: ItemData,
    where: str,
    render_markdown: Callable[[str], str],
    docs_dir: str | Path,
    today: dt.date,
    review_after_months: int,
) -> Item:
    """What depends on the day, the Markdown settings and the files: done on every build."""
    for name in ("published", "last_reviewed"):
        day = getattr(data, name)
        if day is not None and day > today:
            raise SafeguardingError(
                f"{where}: field '{name}': {day.isoformat()} is in the future (today is "
                f"{today.isoformat()})."
            )
    body = split_front_matter(source.text)[1].strip()
    if not body:
        raise SafeguardingError(
            f"{where}: the summary is empty. After the front matter, write one or two plain "
            "sentences saying what the document is and who it helps."
        )
    attachment = read_attachment(data.file, docs_dir, where) if data.file else None
    due = data.review_due
    if due is None and data.last_reviewed is not None:
        due = months_after(data.last_reviewed, review_after_months)
    return Item(data, render_markdown(body), source.src_path, attachment, due)


def _checked_data(
    source: ItemSource, vocabulary: Vocabulary, where: str, cache: JsonCache | None
) -> ItemData:
    """The file's checked front matter: from the cache, or checked now and then cached."""
    key = [
        CACHE_VERSION,
        source.src_path,
        source.text,
        [sorted(vocabulary.types), sorted(vocabulary.audiences), sorted(vocabulary.topics)],
    ]
    stored = cache.get(key) if cache is not None else None
    if isinstance(stored, dict):
        try:
            return ItemData.from_json(stored)
        except (KeyError, TypeError, ValueError):
            pass  # an entry from elsewhere, or damaged: check the file again
    data = _check(source, vocabulary, where)
    if cache is not None:
        cache.put(key, data.to_json())
    return data


def _check(source: ItemSource, vocabulary: Vocabulary, where: str) -> ItemData:
    """Everything about a file that depends only on its path, text and the vocabulary."""
    from .schema import validate_item  # pydantic: only when a file is new or changed

    meta = check_front_matter(source.text, source.src_path)
    if not meta:
        raise SafeguardingError(
            f"{where} has no front matter. Start the file with '---', then 'title:', 'type:', "
            "'audiences:', 'publisher:' and one of 'url:', 'file:' or 'page:', then '---'."
        )
    meta.setdefault("id", PurePosixPath(source.src_path).stem)
    data = validate_item(meta, where)
    _known(where, "type", [data.type], vocabulary.types, "library.types")
    _known(where, "audiences", data.audiences, vocabulary.audiences, "library.audiences")
    _known(where, "topics", data.topics, vocabulary.topics, "library.topics")
    return data


def _known(
    where: str, name: str, values: Iterable[str], terms: dict[str, Term], option: str
) -> None:
    for value in values:
        if value not in terms:
            raise SafeguardingError(
                f"{where}: field '{name}': unknown {name.rstrip('s')} '{value}'."
                f"{did_you_mean(value, terms)} Known: {_names(terms)} (set them in mkdocs.yml "
                f"under {option})."
            )


def _names(items: Iterable[str]) -> str:
    return ", ".join(sorted(items)) or "(none)"
