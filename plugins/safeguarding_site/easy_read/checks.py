"""Build-time checks that an easy-read page is easy to read.

Each finding names the line, so an editor can go straight to it. The rules follow common UK
easy-read guidance: short sentences, few per paragraph, a picture for every point, no
unexplained acronyms, plain questions as headings, and an overall reading-ease score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..audio.sentences import split_sentences
from .points import PICTURE_LINE
from .rules import Rules

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z](?:s)?\b")
ABBR_DEFINITION = re.compile(r"^\*\[([^\]]+)\]:", re.M)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# The question marks of the languages a site may publish in: Latin, Arabic script (Urdu),
# Greek, Armenian, Ethiopic, and full-width (Chinese, Japanese).
QUESTION_MARKS = ("?", "\u061f", "\u037e", "\u055e", "\u1367", "\uff1f")
MARKUP = re.compile(r"\*\*|__|[*_`]|\[([^\]]*)\]\([^)]*\)|<[^>]+>")


@dataclass(frozen=True)
class Finding:
    """One problem on one line."""

    line: int
    message: str


@dataclass(frozen=True)
class Report:
    """The findings, the page's reading-ease score and its longest sentence."""

    findings: list[Finding]
    reading_ease: float
    longest_sentence: str


def plain_text(markdown: str) -> str:
    """Markdown emphasis, links and tags removed, leaving the words a reader sees."""
    return MARKUP.sub(lambda m: m.group(1) or "", markdown)


def sentences_of(text: str) -> list[str]:
    """Sentences, with a line break ending a sentence as it does in easy read."""
    found = []
    for line in text.splitlines():
        found += [line[a:b] for a, b in split_sentences(line)]
    return found


def words(sentence: str) -> int:
    """Words in a sentence; '0808 2000 247' is one phone number, read as one thing."""
    return len(WORD.findall(re.sub(r"\d[\d ]*\d", "0", sentence)))


def check_page(markdown: str, rules: Rules, first_line: int = 1) -> Report:
    """Check the body of an easy-read page (front matter removed, its first line given)."""
    findings: list[Finding] = []
    explained = set(ABBR_DEFINITION.findall(markdown)) | rules.acronyms
    body_text: list[str] = []
    all_sentences: list[str] = []
    for line_no, block in _paragraphs(markdown, first_line):
        first = block[0]
        heading = HEADING.match(first)
        if heading:
            level, title = len(heading.group(1)), plain_text(heading.group(2))
            if level >= 2 and not title.endswith(QUESTION_MARKS):
                findings.append(
                    Finding(
                        line_no,
                        f"heading '{title}' is not a question; easy-read headings "
                        "ask what the part answers, such as 'Who can help?'",
                    )
                )
            _acronyms(title, explained, line_no, findings)
            continue
        if ABBR_DEFINITION.match(first):
            continue
        picture = PICTURE_LINE.match(first)
        if picture:
            if not (picture.group(2) or "").strip():
                findings.append(
                    Finding(
                        line_no,
                        f"picture '{picture.group(1)}' has no alt text; write it as "
                        f"'[picture: {picture.group(1)} | what the picture shows]'",
                    )
                )
            block = block[1:]
        else:
            findings.append(
                Finding(
                    line_no,
                    "this point has no picture; start it with a line such as "
                    "'[picture: material/phone | A phone]'",
                )
            )
        text = plain_text("\n".join(block))
        sentences = sentences_of(text)
        all_sentences += sentences
        body_text.append(text)
        if len(sentences) > rules.max_paragraph_sentences:
            findings.append(
                Finding(
                    line_no,
                    f"{len(sentences)} sentences in one point; keep to "
                    f"{rules.max_paragraph_sentences} or fewer, one idea each",
                )
            )
        for offset, line in enumerate(block, start=line_no + (1 if picture else 0)):
            for sentence in sentences_of(plain_text(line)):
                count = words(sentence)
                if count > rules.max_sentence_words:
                    findings.append(
                        Finding(
                            offset,
                            f"sentence of {count} words (limit "
                            f"{rules.max_sentence_words}): '{sentence}'",
                        )
                    )
            _acronyms(plain_text(line), explained, offset, findings)
    text = "\n".join(body_text)
    ease = reading_ease(text) if text.strip() else 100.0
    if ease < rules.min_reading_ease:
        findings.append(
            Finding(
                first_line,
                f"reading ease is {ease}, below {rules.min_reading_ease}; use "
                "shorter sentences and shorter, everyday words",
            )
        )
    longest = max(all_sentences, key=words, default="")
    return Report(sorted(findings, key=lambda f: f.line), ease, longest)


def reading_ease(text: str) -> float:
    """Flesch reading ease (textstat 0.7.8, imported on first use: it loads a dictionary)."""
    import textstat

    return round(textstat.flesch_reading_ease(text), 1)


def _acronyms(text: str, explained: set[str] | frozenset[str], line: int, out: list[Finding]):
    for acronym in dict.fromkeys(ACRONYM.findall(text)):
        bare = acronym.removesuffix("s") if acronym.endswith("s") else acronym
        if acronym not in explained and bare not in explained:
            out.append(
                Finding(
                    line,
                    f"acronym '{acronym}' is not explained; write the words out, add "
                    f"it to easy_read.acronyms, or explain it with '*[{bare}]: …'",
                )
            )


def _paragraphs(markdown: str, first_line: int):
    """Yield (line number, lines) for each block separated by blank lines."""
    block: list[str] = []
    start = first_line
    for number, line in enumerate(markdown.splitlines(), start=first_line):
        if line.strip():
            if not block:
                start = number
            block.append(line)
            if HEADING.match(line) and len(block) == 1:
                yield start, block
                block = []
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block
