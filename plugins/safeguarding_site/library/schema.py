"""What one Markdown file under the library folder may say, checked with pydantic.

Heavy to import: only ``catalogue.py`` imports it, inside the function that checks an item
file the cache does not know.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from ..checked import validate
from ..signposting.phone import ID_PATTERN
from ..signposting.schema import HttpsUrl, as_list
from .model import ItemData

Id = Annotated[str, Field(pattern=ID_PATTERN.pattern, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=300)]


def check_day(value: object) -> object:
    """A date written year-month-day; YAML gives a date, anything else is refused."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValueError(
            f"received {value!r}, expected a date written as year-month-day, such as '2026-11-30'"
        )
    return value


Day = Annotated[dt.date, BeforeValidator(check_day)]


class ItemSchema(BaseModel):
    """Front matter of one library item."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    title: Annotated[str, Field(min_length=1, max_length=200)]
    type: Id
    audiences: Annotated[list[Id], BeforeValidator(as_list)]
    topics: Annotated[list[Id], BeforeValidator(as_list)] = []
    publisher: Text
    url: HttpsUrl | None = None
    file: Text | None = None
    page: Text | None = None
    published: Day | None = None
    last_reviewed: Day | None = None
    review_due: Day | None = None
    easy_read: Id | None = None
    order: Annotated[int, Field(ge=0, le=1000)] = 100

    @field_validator("audiences")
    @classmethod
    def _at_least_one(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("list at least one audience, such as 'practitioners'")
        return value

    @model_validator(mode="after")
    def _one_place(self) -> ItemSchema:
        if [self.url, self.file, self.page].count(None) != 2:
            raise ValueError(
                "give exactly one of 'url' (an https address of a page or document elsewhere), "
                "'file' (a document in docs_dir, such as 'documents/feedback-form.pdf') or "
                "'page' (a page of this site, such as 'guidance/index.md')"
            )
        if self.review_due and self.last_reviewed and self.review_due <= self.last_reviewed:
            raise ValueError(
                f"'review_due' ({self.review_due.isoformat()}) must come after "
                f"'last_reviewed' ({self.last_reviewed.isoformat()})"
            )
        return self

    def to_data(self) -> ItemData:
        """The checked values as the plain dataclass the rest of the plugin uses."""
        return ItemData(
            id=self.id,
            title=self.title,
            type=self.type,
            audiences=tuple(self.audiences),
            topics=tuple(self.topics),
            publisher=self.publisher,
            url=self.url,
            file=self.file.strip().replace("\\", "/") if self.file else None,
            page=self.page.strip().replace("\\", "/") if self.page else None,
            published=self.published,
            last_reviewed=self.last_reviewed,
            review_due=self.review_due,
            easy_read=self.easy_read,
            order=self.order,
        )


def validate_item(meta: dict, where: str) -> ItemData:
    """Check one item's front matter; raise one line per problem, each starting ``where``."""
    return validate(ItemSchema, meta, where, "practice-guidance").to_data()
