"""What the data features share: one wording for front matter problems, and the ids a page
asks for. Pydantic is imported only by the ``schema.py`` modules that use ``validate``."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from .errors import SafeguardingError

if TYPE_CHECKING:
    from pydantic import BaseModel

Model = TypeVar("Model", bound="BaseModel")


def validate(
    model: type[Model],
    meta: dict,
    where: str,
    example_id: str,
    nested: dict[str, list[str]] | None = None,
) -> Model:
    """Check front matter with a pydantic model; raise one line per problem, each starting
    ``where``. ``example_id`` shows what a good id looks like in this kind of file;
    ``nested`` names the fields of a field that holds its own fields (by language)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(meta)
    except ValidationError as error:
        lines = [
            f"{where}: {describe(e, list(model.model_fields), example_id, nested or {})}"
            for e in error.errors(include_url=False)
        ]
        raise SafeguardingError("\n".join(lines)) from None


def describe(
    error: dict, fields: list[str], example_id: str, nested: dict[str, list[str]] | None = None
) -> str:
    """One pydantic error as "field 'x': what is wrong" (or a rule of the whole file)."""
    loc = [part for part in error["loc"] if part != "[key]"]
    location = ""
    for part in loc:
        location += f"[{part}]" if isinstance(part, int) else (f".{part}" if location else part)
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        known = (nested or {}).get(str(loc[0]), fields) if len(loc) > 2 else fields
        message = f"unknown field. Known fields: {', '.join(known)}"
    elif error["type"] == "missing":
        message = "this field is required"
    elif error["type"] == "string_pattern_mismatch" and "[key]" in error["loc"]:
        message = f"received {error['input']!r}, expected a language code such as 'pl'"
    elif error["type"] == "string_pattern_mismatch":
        message = (
            f"received {error['input']!r}, expected lower-case letters, digits and hyphens, "
            f"such as '{example_id}'"
        )
    return f"field '{location}': {message}" if location else message


def page_refs(meta: dict, src_path: str, name: str, what: str, example: str) -> list[str]:
    """The ids a page's front matter field ``name`` lists (one id may stand alone); ``what``
    says which ids, ``example`` shows a good list."""
    refs = meta.get(name, [])
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise SafeguardingError(
            f"Page '{src_path}': front matter field '{name}' must be a list of {what}, "
            f"received {refs!r}. Write it as '{name}: [{example}]'."
        )
    return refs
