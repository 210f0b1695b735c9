"""Checks on Markdown sources before MkDocs reads them.

MkDocs silently treats broken YAML front matter as page text and prints a traceback for a
page that is not UTF-8. These checks turn both into one clear message naming the file.
"""

from __future__ import annotations

import re

import yaml

from .errors import SafeguardingError

# Same opening rule as MkDocs' own front-matter reader: "---" on the first line, closed by
# "---" or "..." on a line of its own.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)??(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.S)


# libyaml's loader when PyYAML was built with it: the same YAML, parsed about ten times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_Loader)


def decode_source(raw: bytes, src_path: str) -> str:
    """Return the page text, or explain where a page is not UTF-8."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise SafeguardingError(
            f"Page '{src_path}' is not UTF-8 text: byte 0x{raw[error.start]:02x} on line {line} "
            "cannot be read. Open the file in your editor and save it with the encoding "
            "'UTF-8'."
        ) from None
    return text


def split_front_matter(text: str) -> tuple[str, str]:
    """The front matter block (without fences) and the rest of the page."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return "", text
    return match.group(1) or "", text[match.end() :]


def check_front_matter(text: str, src_path: str) -> dict:
    """Parse the page's front matter, or explain what is wrong with it and where."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---") and text.split("\n", 1)[0].strip() == "---":
            raise SafeguardingError(
                f"Page '{src_path}' starts front matter with '---' on line 1 but never closes "
                "it. Add a line with only '---' after the last front matter field."
            )
        return {}
    body = match.group(1) or ""
    try:
        data = _load_yaml(body)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        raise SafeguardingError(
            f"Page '{src_path}' has broken front matter{where}: {problem}. Each front matter "
            "line must look like 'name: value'; put quotes around values that contain ':' or "
            "start with a special character."
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SafeguardingError(
            f"Page '{src_path}' has front matter that is not a list of 'name: value' fields "
            f"(found {type(data).__name__}). Write each field on its own line as 'name: value'."
        )
    return data


def title_of_source(text: str) -> str | None:
    """A page's title as MkDocs will find it: front matter 'title', else the first '# '."""
    front, body = split_front_matter(text)
    try:
        meta = _load_yaml(front) if front else None
    except yaml.YAMLError:
        meta = None
    if isinstance(meta, dict) and isinstance(meta.get("title"), str):
        return meta["title"]
    heading = re.search(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", body, re.M)
    return heading.group(1) if heading else None
