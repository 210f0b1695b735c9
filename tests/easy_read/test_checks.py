"""Tests for safeguarding_site.easy_read.checks."""

import json
import os
import subprocess
import sys

from safeguarding_site.easy_read.checks import Rules, check_page, sentences_of, words

RULES = Rules(acronyms=frozenset({"NHS"}))


def messages(markdown: str, rules: Rules = RULES) -> list[tuple[int, str]]:
    """(line, message) for every finding."""
    return [(f.line, f.message) for f in check_page(markdown, rules).findings]


def test_good_page_passes():
    """Short sentences with pictures and question headings give no findings."""
    page = (
        "# Fire: easy read\n\n"
        "[picture: material/fire | A fire]\nFire can hurt you.\nGet out and stay out.\n\n"
        "## Who can help?\n\n"
        "[picture: material/phone | A phone]\nCall **999**.\nAsk the NHS for help.\n"
    )
    report = check_page(page, RULES)
    assert report.findings == []
    assert report.reading_ease >= 60
    assert report.longest_sentence == "Get out and stay out."


def test_short_sentences_counted_as_sentences():
    """'Call 999.' is a sentence; phone numbers count as one word."""
    assert sentences_of("Call 999. Then wait.") == ["Call 999.", "Then wait."]
    assert words("Call 0808 2000 247 now.") == 3


def test_long_sentence_named_with_its_line():
    """A sentence over the limit is quoted with its line."""
    long = "This sentence has far too many words in it for an easy read page to be easy to read."
    assert messages(f"[picture: material/fire | A fire]\n{long}\n") == [
        (2, f"sentence of 19 words (limit 15): '{long}'")
    ]


def test_too_many_sentences_in_a_point():
    """More than five sentences in one point is reported."""
    point = "[picture: material/fire | A fire]\n" + "Go now. " * 6 + "\n"
    assert (1, "6 sentences in one point; keep to 5 or fewer, one idea each") in messages(point)


def test_missing_picture_and_alt():
    """A paragraph with no picture, and a picture with no alt text, are both reported."""
    page = "Just words.\n\n[picture: material/fire]\nFire.\n"
    assert messages(page) == [
        (
            1,
            "this point has no picture; start it with a line such as "
            "'[picture: material/phone | A phone]'",
        ),
        (
            3,
            "picture 'material/fire' has no alt text; write it as "
            "'[picture: material/fire | what the picture shows]'",
        ),
    ]


def test_acronyms():
    """Unknown acronyms are reported; allowed and glossary ones are not."""
    page = (
        "*[SAB]: Safeguarding Adults Board\n\n"
        "[picture: material/fire | A fire]\nThe SAB and MSP and NHS help.\n"
    )
    assert messages(page) == [
        (
            4,
            "acronym 'MSP' is not explained; write the words out, add it to easy_read.acronyms, "
            "or explain it with '*[MSP]: …'",
        )
    ]


def test_heading_must_be_question():
    """Second-level headings are plain questions."""
    page = "# Title\n\n## Getting help\n\n[picture: material/fire | A fire]\nCall 999.\n"
    assert messages(page) == [
        (
            3,
            "heading 'Getting help' is not a question; easy-read headings ask what the part "
            "answers, such as 'Who can help?'",
        )
    ]


def test_reading_ease_threshold():
    """Hard words lower the score below the threshold."""
    page = (
        "[picture: material/fire | A fire]\n"
        "Multidisciplinary safeguarding considerations necessitate comprehensive documentation.\n"
    )
    found = messages(page, Rules(min_reading_ease=60))
    assert found[-1][1].startswith("reading ease is ")
    assert found[-1][1].endswith(", below 60; use shorter sentences and shorter, everyday words")


def test_the_rules_cache_key_is_the_same_in_every_process():
    # A frozenset's repr follows per-process string hashing; the key must not.
    code = (
        "import json; from safeguarding_site.easy_read.checks import Rules; "
        "print(json.dumps(Rules(acronyms=frozenset(['BBC', 'NHS', 'GP', 'SAB'])).cache_key()))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(keys) == 1
    assert json.loads(keys.pop())[-1] == ["BBC", "GP", "NHS", "SAB"]
