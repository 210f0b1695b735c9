"""Tests for safeguarding_site.audio.sentences."""

import pytest

from safeguarding_site.audio.sentences import MAX_SENTENCE, split_sentences


def sentences(text: str) -> list[str]:
    """The sentence texts, for readable assertions."""
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 999. Then wait for help.", ["Call 999.", "Then wait for help."]),
        ("Call 999.", ["Call 999."]),
        ("Dr. Patel and Mr. Jones met Mrs. Khan.", ["Dr. Patel and Mr. Jones met Mrs. Khan."]),
        ("Ask a service, e.g. Social Services.", ["Ask a service, e.g. Social Services."]),
        ("Tell someone, i.e. a friend. Then rest.", ["Tell someone, i.e. a friend.", "Then rest."]),
        ("Bring bills, letters etc. Others help.", ["Bring bills, letters etc. Others help."]),
        ("Write to No. 10 Downing St. London.", ["Write to No. 10 Downing St. London."]),
        ("Just say no. Nobody may force you.", ["Just say no.", "Nobody may force you."]),
        ("It took 2.5 hours. Then it ended.", ["It took 2.5 hours.", "Then it ended."]),
        ("J. K. Smith chairs the board.", ["J. K. Smith chairs the board."]),
        ("Are you safe? Is anyone hurting you!", ["Are you safe?", "Is anyone hurting you!"]),
        ("Are you safe?tell us", ["Are you safe?tell us"]),
        ("Talk to someone you trust", ["Talk to someone you trust"]),
        ('She said "Leave now." Then she left.', ['She said "Leave now."', "Then she left."]),
        ("  Spaced out.   Really.  ", ["Spaced out.", "Really."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split(text, expected):
    """Abbreviations, initials and decimals do not end a sentence; . ? ! do."""
    assert sentences(text) == expected


def test_spans_index_the_text():
    """Spans are character offsets into the text given."""
    text = "One. Two? Three!"
    assert split_sentences(text) == [(0, 4), (5, 9), (10, 16)]


def test_long_sentence_split_at_semicolon():
    """A sentence over the limit is cut after a semicolon, the most natural pause."""
    first = "You can ask for an assessment of your needs " * 4
    text = f"{first.strip()}; the council will then decide with you " + "what help fits " * 10 + "."
    pieces = sentences(text)
    assert len(text) > MAX_SENTENCE
    assert pieces[0].endswith(";")
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert " ".join(pieces) == text


def test_long_sentence_split_at_comma():
    """Without semicolons, commas are used; every piece stays under the limit."""
    text = ", ".join(f"item number {n} of the list of things to bring" for n in range(20)) + "."
    pieces = sentences(text)
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert all(piece.endswith((",", ".")) for piece in pieces)


def test_long_run_without_punctuation():
    """Even a very long run of words with no punctuation is cut at spaces."""
    text = "word " * 200
    pieces = sentences(text)
    assert all(0 < len(piece) <= MAX_SENTENCE for piece in pieces)
    assert " ".join(pieces) == text.strip()


def test_urdu_full_stop_and_question_mark_end_sentences():
    """Urdu ends sentences with its full stop and question mark; Panjabi with the danda."""
    text = "بدسلوکی آپ کی غلطی نہیں۔ کیا آپ خطرے میں ہیں؟ 999 پر کال کریں۔"  # noqa: RUF001
    parts = [text[start:end] for start, end in split_sentences(text, language="ur")]
    assert parts == ["بدسلوکی آپ کی غلطی نہیں۔", "کیا آپ خطرے میں ہیں؟", "999 پر کال کریں۔"]  # noqa: RUF001
    panjabi = "ਮਦਦ ਲਓ। 999 ਤੇ ਕਾਲ ਕਰੋ।"
    assert len(split_sentences(panjabi, language="pa")) == 2


def test_a_language_s_abbreviations_do_not_end_sentences():
    """'np.' (for example) and 'tel.' in Polish, with the English ones still known."""
    text = "Zadzwoń np. Do nas. Tel. 0808 2000 247. Dr. Kowalska pomoże."
    polish = [text[start:end] for start, end in split_sentences(text, language="pl")]
    assert polish == ["Zadzwoń np. Do nas.", "Tel. 0808 2000 247.", "Dr. Kowalska pomoże."]
    english = [text[start:end] for start, end in split_sentences(text)]
    assert english[0] == "Zadzwoń np."  # English does not know 'np.'


def test_long_urdu_sentence_is_cut_at_its_comma():
    """The Urdu comma "،" is a pause where a long sentence can be cut."""
    clause = "یہ ایک لمبا جملہ ہے جس میں بہت سے الفاظ ہیں"
    text = "، ".join([clause] * 12) + "۔"  # noqa: RUF001
    spans = split_sentences(text, language="ur")
    assert len(spans) > 1
    assert all(text[end - 1] in "،۔" for _, end in spans)  # noqa: RUF001
