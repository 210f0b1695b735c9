"""What a page reads aloud: blocks of sentences taken from the rendered HTML of its body.

Each sentence keeps two forms: character offsets into its block element's text, counted the
way the browser's ``element.textContent`` counts them (so a script can highlight it with a DOM
Range), and the normalised words the speech engine is given.

This module parses HTML with Beautiful Soup, which takes a twentieth of a second to import:
the build imports it only for pages whose reading is not cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from .blocks import ENGLISH, Block, MarkedPage, Sentence, Speech
from .sentences import split_sentences

BLOCK_ATTRIBUTE = "data-sg-block"

# Elements whose own text is read as one block; nested ones become blocks of their own.
BLOCK_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "tr", "summary", "figcaption",
     "caption"}
)  # fmt: skip
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "pre", "svg", "math", "button", "iframe",
     "audio", "video", "object", "select", "textarea"}
)  # fmt: skip
SKIPPED_CLASSES = frozenset(
    {"headerlink", "footnote-ref", "footnote-backref", "twemoji", "emojione", "gemoji",
     "highlight", "highlighttable", "sg-no-audio"}
)  # fmt: skip
# The plugin's own widgets, and their BEM parts such as "sg-exit__link".
WIDGET_CLASS_PREFIXES = ("sg-player", "sg-exit", "sg-toggle", "sg-languages")
# Layout elements: their edges separate words even though textContent has no space there.
SEPARATING_TAGS = frozenset(
    {"div", "ul", "ol", "dl", "table", "blockquote", "details", "figure", "section", "td",
     "th", "hr"}
)  # fmt: skip
# Classes that only place an admonition, never name its kind.
PLACEMENT_CLASSES = frozenset({"admonition", "inline", "end", "annotate", "is-open"})
# Strings that are not part of textContent.
NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


@dataclass
class _Piece:
    """A run of read text: from the page (``inserted`` False) or added for the listener."""

    at: int
    text: str
    inserted: bool = False
    own_sentence: bool = False


@dataclass
class _Reading:
    """What was collected while walking one block element."""

    text: list[str] = field(default_factory=list)
    pieces: list[_Piece] = field(default_factory=list)
    offset: int = 0
    speech: Speech = ENGLISH

    def add_text(self, value: str, read: bool) -> None:
        """Count ``value`` into textContent, and read it unless it is skipped."""
        if read:
            self.pieces.append(_Piece(self.offset, value))
        self.text.append(value)
        self.offset += len(value)

    def insert(self, value: str, own_sentence: bool = False) -> None:
        """Read ``value`` at the current position though the page does not show it."""
        self.pieces.append(_Piece(self.offset, value, inserted=True, own_sentence=own_sentence))


def extract(
    html: str, lexicon: Mapping[str, str] | None = None, speech: Speech = ENGLISH
) -> list[Block]:
    """Return the blocks read aloud from the rendered HTML of a page body."""
    return read_page(html, lexicon, speech).blocks


def mark_blocks(html: str) -> str:
    """Return ``html`` with ``data-sg-block="N"`` on each readable block, N as in ``extract``."""
    return read_page(html).html


def read_page(
    html: str, lexicon: Mapping[str, str] | None = None, speech: Speech = ENGLISH
) -> MarkedPage:
    """Extract the blocks and mark them in one parse of ``html``, read in ``speech``'s language."""
    # Browsers turn CR LF into LF before parsing; offsets must count the same characters.
    html = html.replace("\r\n", "\n").replace("\r", "\n")
    soup = BeautifulSoup(html, "html.parser")
    found = [
        (tag, reading) for tag in _candidates(soup) if _has_words(reading := _read(tag, speech))
    ]
    context = PageContext.from_text(" ".join("".join(p.text for p in r.pieces) for _, r in found))
    blocks = [
        Block(index, "".join(reading.text), _sentences(reading, lexicon or {}, context, speech))
        for index, (_, reading) in enumerate(found)
    ]
    return MarkedPage(_insert_marks(html, [tag for tag, _ in found]), blocks)


def _candidates(node: Tag) -> Iterator[Tag]:
    """Yield readable block elements in document order, never inside skipped ones."""
    for child in node.children:
        if not isinstance(child, Tag) or _is_skipped(child):
            continue
        if _is_block(child) or _is_standalone_image(child):
            yield child
        yield from _candidates(child)


def _is_block(tag: Tag) -> bool:
    """A block element, except a table's header row, whose words label the other rows."""
    return tag.name in BLOCK_TAGS and not (tag.name == "tr" and _is_table_header(tag))


def _is_table_header(tr: Tag) -> bool:
    """Whether ``tr`` is the header row of its table."""
    table = tr.find_parent("table")
    return table is not None and _header_row(table) is tr


def _is_standalone_image(tag: Tag) -> bool:
    """An image with alt text that no readable block contains (say, directly in a figure)."""
    if tag.name != "img" or not _alt_text(tag):
        return False
    return not any(_is_block(parent) for parent in tag.parents if parent.name)


def _is_skipped(tag: Tag) -> bool:
    """Hidden, decorative, code, or one of the plugin's own widgets."""
    if tag.name in SKIPPED_TAGS or tag.has_attr("hidden"):
        return True
    if str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    classes = _classes(tag)
    if SKIPPED_CLASSES.intersection(classes):
        return True
    if any(name.startswith(WIDGET_CLASS_PREFIXES) for name in classes):
        return True
    # Python-Markdown wraps footnote markers as <sup id="fnref:1"><a class="footnote-ref">.
    return tag.name == "sup" and tag.find("a", class_="footnote-ref") is not None


def _classes(tag: Tag) -> list[str]:
    """The element's classes as a list, whatever form the parser gave."""
    value = tag.get("class") or []
    return value.split() if isinstance(value, str) else list(value)


def _read(block: Tag, speech: Speech = ENGLISH) -> _Reading:
    """Walk ``block``: all its text for offsets, its own readable text for speech."""
    reading = _Reading(speech=speech)
    label = _label(block) if speech.english else ""
    if label:
        reading.insert(f"{label}: ")
    if block.name == "img":
        reading.insert(f"{speech.image}: {_alt_text(block)}", own_sentence=True)
    elif block.name == "tr":
        _read_row(block, reading)
    else:
        _walk(block, reading, read=True)
    return reading


def _walk(node: Tag, reading: _Reading, read: bool) -> None:
    """Add the strings under ``node`` to ``reading``, reading only what is spoken."""
    for child in node.children:
        if isinstance(child, Tag):
            _walk_tag(child, reading, read)
        elif isinstance(child, NavigableString) and not isinstance(child, NOT_TEXT):
            reading.add_text(_content_text(child), read)


def _walk_tag(tag: Tag, reading: _Reading, read: bool) -> None:
    """Handle one element inside a block: skip, nest, insert or descend."""
    if tag.name == "template":
        return  # a template's content is a separate fragment, absent from textContent
    speak = read and not _is_skipped(tag) and not _is_block(tag)
    if speak and tag.name == "img" and _alt_text(tag):
        reading.insert(f"{reading.speech.image}: {_alt_text(tag)}", own_sentence=True)
    elif speak and tag.name == "br":
        reading.insert(" ")
    separate = read and (tag.name in SEPARATING_TAGS or _is_block(tag))
    if separate:
        reading.insert(" ")
    _walk(tag, reading, speak)
    if separate:
        reading.insert(" ")


def _content_text(string: NavigableString) -> str:
    """The string as textContent has it (the parser drops a newline that opens a <pre>)."""
    text = str(string)
    parent = string.parent
    first = parent is not None and parent.name in {"pre", "textarea", "listing"}
    if first and text.startswith("\n") and string.previous_sibling is None:
        return text[1:]
    return text


def _read_row(row: Tag, reading: _Reading) -> None:
    """Read a table row as "header: value, header: value"."""
    headers = _column_headers(row)
    column = 0
    spoke_before = False
    for child in row.children:
        if not isinstance(child, Tag) or child.name not in {"td", "th"}:
            if isinstance(child, NavigableString) and not isinstance(child, NOT_TEXT):
                reading.add_text(str(child), read=False)
            elif isinstance(child, Tag):
                _walk_tag(child, reading, read=False)
            continue
        header = headers[column] if column < len(headers) else ""
        column += _span(child)
        cell_words = _plain_text(child)
        if not cell_words:
            _walk(child, reading, read=False)
            continue
        if spoke_before:
            reading.insert(", ")
        if header and header.lower() != cell_words.lower():
            reading.insert(f"{header}: ")
        _walk(child, reading, read=True)
        spoke_before = True


def _column_headers(row: Tag) -> list[str]:
    """Header words per column, from the table's header row, or none."""
    table = row.find_parent("table")
    header_row = _header_row(table) if table is not None else None
    if header_row is None:
        return []
    headers: list[str] = []
    for cell in header_row.find_all(["th", "td"], recursive=False):
        headers.extend([_plain_text(cell)] * _span(cell))
    return headers


def _header_row(table: Tag) -> Tag | None:
    """The table's first row, if it is in <thead> or made only of <th> cells."""
    first = next((tr for tr in table.find_all("tr") if tr.find_parent("table") is table), None)
    if first is None:
        return None
    cells = first.find_all(["td", "th"], recursive=False)
    in_head = first.parent is not None and first.parent.name == "thead"
    return first if cells and (in_head or all(cell.name == "th" for cell in cells)) else None


def _span(cell: Tag) -> int:
    """How many columns a cell covers."""
    try:
        return max(1, int(str(cell.get("colspan", "1"))))
    except ValueError:
        return 1


def _plain_text(tag: Tag) -> str:
    """The spoken words of ``tag``, white space collapsed."""
    reading = _Reading()
    _walk(tag, reading, read=True)
    return " ".join("".join(piece.text for piece in reading.pieces).split())


def _alt_text(img: Tag) -> str:
    """Alt text worth reading: empty for decorative images and emoji."""
    if _is_skipped(img):
        return ""
    alt = " ".join(str(img.get("alt", "")).split())
    return alt if _has_letters(alt) else ""


def _label(block: Tag) -> str:
    """The kind that prefixes an admonition title or details summary, unless the title has it."""
    parent = block.parent
    summary = block.name == "summary" and parent is not None and parent.name == "details"
    title = block.name == "p" and "admonition-title" in _classes(block)
    if parent is None or not (summary or title):
        return ""
    kind = _kind(parent)
    label = kind.replace("-", " ").replace("_", " ").capitalize()
    words = _plain_text(block)
    return "" if not label or words.lower().startswith(label.lower()) else label


def _kind(container: Tag) -> str:
    """The admonition kind named by a container's classes, such as "warning"."""
    return next((name for name in _classes(container) if name not in PLACEMENT_CLASSES), "")


def _has_words(reading: _Reading) -> bool:
    """Whether anything in the reading would be heard."""
    return any(_has_letters(piece.text) for piece in reading.pieces if not piece.inserted) or any(
        piece.own_sentence for piece in reading.pieces
    )


def _has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter or digit, rather than only punctuation or emoji."""
    return any(char.isalnum() for char in text)


def _sentences(
    reading: _Reading, lexicon: Mapping[str, str], context: PageContext, speech: Speech
) -> list[Sentence]:
    """Split a block's read text into sentences with textContent offsets and spoken words."""
    sentences = []
    for run in _runs(reading.pieces):
        read, origin = _flatten(run)
        for start, end in split_sentences(read, language=speech.language):
            spoken = normalise(read[start:end], lexicon, context, speech.english)
            if _has_letters(spoken):
                shown_start, shown_end = _shown_span(read, origin, start, end)
                sentences.append(Sentence(shown_start, shown_end, spoken))
    return sentences


def _runs(pieces: list[_Piece]) -> Iterator[list[_Piece]]:
    """Group pieces into runs; an image's alt text is always a run of its own."""
    run: list[_Piece] = []
    for piece in pieces:
        if piece.own_sentence:
            if run:
                yield run
            yield [piece]
            run = []
        else:
            run.append(piece)
    if run:
        yield run


def _flatten(run: list[_Piece]) -> tuple[str, list[tuple[int, bool]]]:
    """Join a run into one string, with each character's textContent offset and origin."""
    origin: list[tuple[int, bool]] = []
    for piece in run:
        if piece.inserted:
            origin.extend((piece.at, True) for _ in piece.text)
        else:
            origin.extend((piece.at + i, False) for i in range(len(piece.text)))
    return "".join(piece.text for piece in run), origin


def _shown_span(read: str, origin: list[tuple[int, bool]], start: int, end: int) -> tuple[int, int]:
    """textContent offsets of the visible characters of ``read[start:end]``."""
    shown = [origin[i][0] for i in range(start, end) if not origin[i][1] and not read[i].isspace()]
    if not shown:
        return origin[start][0], origin[start][0]
    return shown[0], shown[-1] + 1


def _insert_marks(html: str, tags: list[Tag]) -> str:
    """Add ``data-sg-block`` to each start tag in the source, leaving the rest untouched."""
    line_starts = [0]
    line_starts.extend(match.end() for match in re.finditer("\n", html))
    edits = []
    for index, tag in enumerate(tags):
        if tag.sourceline is None or tag.sourcepos is None:
            raise ValueError(f"the parser gave no source position for <{tag.name}>")
        at = line_starts[tag.sourceline - 1] + tag.sourcepos + 1 + len(tag.name)
        edits.append((at, f' {BLOCK_ATTRIBUTE}="{index}"'))
    for at, attribute in reversed(edits):
        html = html[:at] + attribute + html[at:]
    return html


# Spoken normalisation ------------------------------------------------------------------------

DIGIT_WORDS = {
    "0": "oh", "1": "one", "2": "two", "3": "three", "4": "four",
    "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine",
}  # fmt: skip
# Short numbers people say digit by digit; written forms as they appear on UK sites.
SERVICE_NUMBERS = {
    "999": "nine nine nine",
    "112": "one one two",
    "111": "one one one",
    "101": "one oh one",
}
_SERVICE = re.compile(r"(?<![\w£$€.,\-+])(999|112|111|101)(?![\w\-]|[.,]\d)")
_HELPLINE_116 = re.compile(r"(?<![\w£$€.,\-+])116[\s\-]?(\d{3})(?![\w\-]|[.,]\d)")
# UK numbers: 0 or +44, then 7 to 10 more digits, with spaces or hyphens between groups.
_UK_PHONE = re.compile(
    r"(?<![\w+£$€.,])(?:\+44[\s\-]?(?:\(0\)[\s\-]?)?|\(?0)\d(?:\)?[\s\-]?\d){6,9}(?![\w\-]|[.,]\d)"
)
_SILENT_SOLUTION = re.compile(r"silent\s+solution", re.IGNORECASE)
_FIFTY_FIVE = re.compile(r"(?<![\w£$€.,\-])55(?![\w\-]|[.,]\d)")


@dataclass(frozen=True)
class PageContext:
    """Facts about the whole page that change how a few numbers are read."""

    silent_solution: bool = False

    @classmethod
    def from_text(cls, text: str) -> PageContext:
        """Look for the Silent Solution, where callers press 55 to say they need help."""
        return cls(silent_solution=bool(_SILENT_SOLUTION.search(text)))


def normalise(
    text: str,
    lexicon: Mapping[str, str] | None = None,
    context: PageContext | None = None,
    english: bool = True,
) -> str:
    """Turn shown text into what the speech engine should say.

    Phone numbers are read digit by digit. In English the short ones are words ("nine nine
    nine", "oh" for zero); in other languages every number becomes single digits, which the
    engine says in the page's language ("dziewięć dziewięć dziewięć").
    """
    text = " ".join(text.split())
    text = _UK_PHONE.sub(lambda match: _phone_words(match.group(), english), text)
    text = _HELPLINE_116.sub(
        lambda match: f"{_said('116', english)}, {_said(match.group(1), english)}", text
    )
    text = _SERVICE.sub(lambda match: _said(match.group(1), english), text)
    if context is not None and context.silent_solution:
        text = _FIFTY_FIVE.sub(_said("55", english), text)
    if lexicon:
        text = _apply_lexicon(text, lexicon)
    return " ".join(text.split())


def _said(digits: str, english: bool) -> str:
    """A short number said digit by digit: in English words ("one one six", with "oh" for
    zero as people say it in numbers, and the service numbers as people say them), else
    digits apart for the page's voice to say in its language."""
    if not english:
        return " ".join(digits)
    return SERVICE_NUMBERS.get(digits) or " ".join(DIGIT_WORDS[digit] for digit in digits)


def _phone_words(written: str, english: bool = True) -> str:
    """Digits one by one, with a pause between the groups the number is written in."""
    international = written.startswith("+44")
    written = written.replace("(0)", " ").removeprefix("+44")
    groups = [group for group in re.split(r"[\s\-()]+", written) if group]
    if len(groups) == 1:
        groups = _conventional_groups(groups[0])
    spoken = [" ".join(group) for group in groups]
    plus = "plus 4 4" if english else "+ 4 4"
    return ", ".join([plus, *spoken] if international else spoken)


def _conventional_groups(digits: str) -> list[str]:
    """Group an unspaced UK number as it is usually said: 020 7946 0000, 0808 200 0247."""
    if digits.startswith("02") and len(digits) == 11:
        sizes = (3, 4, 4)
    elif digits.startswith(("01", "07")) and len(digits) == 11:
        sizes = (5, 6)
    elif len(digits) == 11:
        sizes = (4, 3, 4)
    else:
        sizes = (4,) * (len(digits) // 4 + 1)
    groups, start = [], 0
    for size in sizes:
        if start < len(digits):
            groups.append(digits[start : start + size])
            start += size
    return groups


def _apply_lexicon(text: str, lexicon: Mapping[str, str]) -> str:
    """Replace whole words from the pronunciation lexicon, longest first."""
    words = sorted(lexicon, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    return pattern.sub(lambda match: lexicon[match.group()], text)
