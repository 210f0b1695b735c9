"""Tests for safeguarding_site.audio.text."""

from __future__ import annotations

import re
import textwrap

import markdown
import pytest

from safeguarding_site.audio.blocks import Speech
from safeguarding_site.audio.text import (
    Block,
    PageContext,
    extract,
    mark_blocks,
    normalise,
    read_page,
)

PAGE_MD = textwrap.dedent(
    """\
    # Getting help

    If you are worried about an adult, call **0808 2000 247**.[^1] In an emergency call 999.

    !!! warning "Stay safe"
        Do not confront the person you think is causing harm.

    !!! note
        The MSP approach puts you first.

    ??? info "What happens next"
        The SAB will look into it.

    - Talk to someone you trust
        - a friend
    - Write down what happened.

    | Service | Number |
    | ------- | ------ |
    | Police (non-emergency) | 101 |
    | NHS advice | 111 |

    ![A person on the phone](phone.png)

    ```python
    print("not read")
    ```

    [^1]: Free and open all day.
    """
)
LEXICON = {"MSP": "M S P", "LGA": "L G A", "SAB": "sab"}


def render(source: str) -> str:
    """Markdown rendered as MkDocs with Material's usual extensions renders it."""
    return markdown.markdown(
        source,
        extensions=[
            "admonition",
            "attr_list",
            "footnotes",
            "tables",
            "toc",
            "pymdownx.details",
            "pymdownx.superfences",
        ],
        extension_configs={"toc": {"permalink": True}},
    )


def spoken(blocks: list[Block]) -> list[str]:
    """Every sentence as it will be spoken, in order."""
    return [sentence.spoken for block in blocks for sentence in block.sentences]


def shown(blocks: list[Block]) -> list[str]:
    """Every sentence as the page shows it, cut from its block's text by its offsets."""
    return [block.text[s.start : s.end] for block in blocks for s in block.sentences]


def test_rendered_page_read_in_order():
    """A typical page is read in document order with every rule applied."""
    assert spoken(extract(render(PAGE_MD), LEXICON)) == [
        "Getting help",
        "If you are worried about an adult, call 0 8 0 8, 2 0 0 0, 2 4 7.",
        "In an emergency call nine nine nine.",
        "Warning: Stay safe",
        "Do not confront the person you think is causing harm.",
        "Note",
        "The M S P approach puts you first.",
        "Info: What happens next",
        "The sab will look into it.",
        "Talk to someone you trust",
        "a friend",
        "Write down what happened.",
        "Service: Police (non-emergency), Number: one oh one",
        "Service: NHS advice, Number: one one one",
        "Image: A person on the phone",
        "Free and open all day.",
    ]


def test_rendered_page_offsets_give_shown_text():
    """Offsets cut each sentence out of its block's textContent."""
    assert shown(extract(render(PAGE_MD))) == [
        "Getting help",
        "If you are worried about an adult, call 0808 2000 247.",
        "In an emergency call 999.",
        "Stay safe",
        "Do not confront the person you think is causing harm.",
        "Note",
        "The MSP approach puts you first.",
        "What happens next",
        "The SAB will look into it.",
        "Talk to someone you trust",
        "a friend",
        "Write down what happened.",
        "Police (non-emergency)\n101",
        "NHS advice\n111",
        "",
        "Free and open all day.",
    ]


def test_block_text_is_text_content():
    """Block text includes what is not read, exactly as textContent counts it."""
    blocks = extract(render(PAGE_MD))
    assert blocks[0].text == "Getting help\u00b6"
    assert blocks[1].text == (
        "If you are worried about an adult, call 0808 2000 247.1 In an emergency call 999."
    )
    assert blocks[8].text == "Talk to someone you trust\na friend\n\n"
    assert blocks[-1].text == "Free and open all day.\u00a0\u21a9"


def test_indexes_follow_document_order():
    """Blocks are numbered 0..n-1."""
    blocks = extract(render(PAGE_MD))
    assert [block.index for block in blocks] == list(range(len(blocks)))


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<h2 id="a">Help<a class="headerlink" href="#a">¶</a></h2>', ["Help"]),
        (
            '<p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>',
            ["Text."],
        ),
        ('<p>See<a class="footnote-ref" href="#fn:2">2</a> this.</p>', ["See this."]),
        ("<pre><code>rm -rf /</code></pre><p>After.</p>", ["After."]),
        ('<div class="highlight"><pre><code>x = 1</code></pre></div>', []),
        ("<p>Run <code>mkdocs build</code> now.</p>", ["Run mkdocs build now."]),
        ('<p>Shown <span aria-hidden="true">hidden</span>text.</p>', ["Shown text."]),
        ('<p aria-hidden="true">All hidden.</p>', []),
        (
            '<p>Happy <span class="twemoji"><svg><title>smile</title></svg></span>day.</p>',
            ["Happy day."],
        ),
        ("<p>Icon <svg><text>label</text></svg>here.</p>", ["Icon here."]),
        ('<p class="sg-no-audio">Opted out.</p><p>Read.</p>', ["Read."]),
        ('<div class="sg-no-audio"><p>Inside opt-out.</p></div>', []),
        ('<div class="sg-player"><p>Listen to this page</p></div>', []),
        ('<a class="sg-exit" href="https://bbc.co.uk"><p>Leave this site</p></a>', []),
        ('<p><a class="sg-exit__link" href="/x">Exit now</a> Stay.</p>', ["Stay."]),
        ('<nav class="sg-toggle"><p>Easy read</p></nav>', []),
        (
            "<p>Code<script>alert(1)</script><style>p{}</style><noscript>No JS</noscript>.</p>",
            ["Code."],
        ),
        ("<p hidden>Hidden attribute.</p>", []),
        ('<p><img alt="" src="decor.png"> Decorative.</p>', ["Decorative."]),
        ('<p><img alt="😀" class="twemoji" src="e.svg"> Emoji.</p>', ["Emoji."]),
        ("<p>¶ — …</p>", []),
    ],
)
def test_read_and_skipped(html, expected):
    """Permalinks, footnote markers, code blocks, hidden parts, icons and widgets are silent."""
    assert spoken(extract(html)) == expected


def test_admonition_title_prefix():
    """An admonition title is announced by its kind."""
    html = '<div class="admonition danger"><p class="admonition-title">Leave quickly</p></div>'
    assert spoken(extract(html)) == ["Danger: Leave quickly"]


def test_admonition_title_already_named():
    """A title that already says its kind is not doubled ("Warning: Warning")."""
    html = '<div class="admonition warning"><p class="admonition-title">Warning</p></div>'
    assert spoken(extract(html)) == ["Warning"]


def test_inline_admonition_kind():
    """Placement classes such as "inline end" do not become the label."""
    html = '<div class="admonition inline end tip"><p class="admonition-title">Be kind</p></div>'
    assert spoken(extract(html)) == ["Tip: Be kind"]


def test_details_summary_and_content():
    """A collapsible block is read in full, its summary prefixed by its kind."""
    html = '<details class="note"><summary>More help</summary><p>Open all day.</p></details>'
    assert spoken(extract(html)) == ["Note: More help", "Open all day."]


def test_details_without_kind():
    """A plain <details> has no prefix."""
    assert spoken(extract("<details><summary>More</summary><p>X.</p></details>")) == ["More", "X."]


def test_image_alt_inside_paragraph():
    """Alt text is its own sentence at the image's place, with an empty shown range."""
    blocks = extract('<p>Before. <img alt="A helpline card" src="c.png"> After.</p>')
    assert spoken(blocks) == ["Before.", "Image: A helpline card", "After."]
    image = blocks[0].sentences[1]
    assert (image.start, image.end) == (8, 8)


def test_standalone_image_is_a_block():
    """An image directly in a figure is a block of its own, and is marked."""
    html = '<figure><img alt="Map" src="m.png"><figcaption>Our office</figcaption></figure>'
    page = read_page(html)
    assert spoken(page.blocks) == ["Image: Map", "Our office"]
    assert '<img data-sg-block="0" alt="Map"' in page.html


def test_table_rows_with_headers():
    """Each row is read as "header: value" pairs; the header row itself is not read."""
    html = (
        "<table><thead><tr><th>Day</th><th>Open</th></tr></thead><tbody>"
        "<tr><td>Monday</td><td>9am to 5pm</td></tr><tr><td>Sunday</td><td></td></tr>"
        "</tbody></table>"
    )
    assert spoken(extract(html)) == ["Day: Monday, Open: 9am to 5pm", "Day: Sunday"]


def test_table_without_header_row():
    """Without headers, cells are read in order."""
    html = "<table><tr><td>Police</td><td>101</td></tr></table>"
    assert spoken(extract(html)) == ["Police, one oh one"]


def test_table_with_colspan_header():
    """A header spanning two columns labels both."""
    html = (
        '<table><tr><th colspan="2">Contact</th><th>Notes</th></tr>'
        "<tr><td>Phone</td><td>101</td><td>Non-emergency</td></tr></table>"
    )
    assert spoken(extract(html)) == ["Contact: Phone, Contact: one oh one, Notes: Non-emergency"]


def test_nested_list_items_are_own_blocks():
    """A list item reads its own text; nested items follow as their own blocks."""
    blocks = extract("<ul><li>Parent<ul><li>Child one</li><li>Child two</li></ul></li></ul>")
    assert [spoken([block]) for block in blocks] == [["Parent"], ["Child one"], ["Child two"]]


def test_loose_list_item_paragraphs():
    """In a loose list the paragraph is the block, not the empty item around it."""
    assert len(extract("<ul><li>\n<p>One.</p>\n</li></ul>")) == 1


def test_definition_lists_and_captions():
    """Terms, definitions and figure captions are read."""
    html = (
        "<dl><dt>SAB</dt><dd>Safeguarding Adults Board</dd></dl>"
        "<figure><figcaption>Cap</figcaption></figure>"
    )
    assert spoken(extract(html, LEXICON)) == ["sab", "Safeguarding Adults Board", "Cap"]


def test_blockquote_paragraphs():
    """Quoted paragraphs are read."""
    assert spoken(extract("<blockquote><p>I was heard.</p></blockquote>")) == ["I was heard."]


def test_line_break_separates_words():
    """A <br> has no text, but the words either side must not run together."""
    assert spoken(extract("<p>1 High Street<br>Leeds</p>")) == ["1 High Street Leeds"]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Call 0808 2000 247.", "Call 0 8 0 8, 2 0 0 0, 2 4 7."),
        ("Childline: 0800 1111", "Childline: 0 8 0 0, 1 1 1 1"),
        ("Ring 020 7946 0000 today", "Ring 0 2 0, 7 9 4 6, 0 0 0 0 today"),
        ("Ring 02079460000", "Ring 0 2 0, 7 9 4 6, 0 0 0 0"),
        ("Ring 01632-960-001", "Ring 0 1 6 3 2, 9 6 0, 0 0 1"),
        ("Ring +44 20 7946 0000", "Ring plus 4 4, 2 0, 7 9 4 6, 0 0 0 0"),
        ("In an emergency call 999.", "In an emergency call nine nine nine."),
        ("Call 101 or 111.", "Call one oh one or one one one."),
        ("Samaritans: 116 123.", "Samaritans: one one six, one two three."),
        ("It cost £999.", "It cost £999."),
        ("In 1999 and 9990 and 9.99", "In 1999 and 9990 and 9.99"),
        ("Press 55 now.", "Press 55 now."),
        ("Too   many\n spaces.", "Too many spaces."),
    ],
)
def test_normalise_numbers(written, said):
    """Phone numbers digit by digit in their groups; emergency numbers in words."""
    assert normalise(written) == said


def test_silent_solution_fifty_five():
    """On a page about the Silent Solution, 55 is said as "five five"."""
    html = "<p>The Silent Solution helps if you cannot speak.</p><p>Press <strong>55</strong>.</p>"
    assert spoken(extract(html)) == [
        "The Silent Solution helps if you cannot speak.",
        "Press five five.",
    ]


def test_lexicon_whole_words_only():
    """Lexicon entries replace whole words, longest first, case as written."""
    lexicon = {"SAB": "sab", "SABs": "sabs", "LGA": "L G A"}
    said = normalise("The SABs and the SAB met the LGA; SABRE and sab stay.", lexicon)
    assert said == "The sabs and the sab met the L G A; SABRE and sab stay."


def test_mark_blocks_matches_extract():
    """Marks are added in extract's order and leave the rest of the HTML as it was."""
    html = render(PAGE_MD)
    marked = mark_blocks(html)
    numbers = [int(n) for n in re.findall(r'data-sg-block="(\d+)"', marked)]
    assert numbers == list(range(len(extract(html))))
    assert re.sub(r' data-sg-block="\d+"', "", marked) == html


def test_mark_blocks_uppercase_and_multiline_tags():
    """Marks go right after the tag name, however the start tag is written."""
    html = '<P\n  class="x">Hello.</P>\n<LI>Item</LI>'
    assert (
        mark_blocks(html)
        == '<P data-sg-block="0"\n  class="x">Hello.</P>\n<LI data-sg-block="1">Item</LI>'
    )


def test_read_page_marks_and_extracts_once():
    """read_page gives both results from one parse."""
    page = read_page("<h1>Title</h1><p>Body.</p>", LEXICON)
    assert page.html == '<h1 data-sg-block="0">Title</h1><p data-sg-block="1">Body.</p>'
    assert spoken(page.blocks) == ["Title", "Body."]


def test_crlf_counted_as_browsers_do():
    """CR LF becomes LF before parsing, as in browsers, so offsets agree."""
    blocks = extract("<p>One.\r\nTwo.</p>")
    assert blocks[0].text == "One.\nTwo."
    assert shown(blocks) == ["One.", "Two."]


def test_offsets_in_chromium(page):
    """Chromium's textContent of each marked block agrees with the offsets."""
    html = (
        render(PAGE_MD)
        + '<p>Tab&nbsp;and &amp; entity <em>x</em>.<br>\n<span aria-hidden="true">h</span>End.</p>'
    )
    marked = read_page(html)
    page.set_content(f"<!doctype html><html><body>{marked.html}</body></html>")
    texts = page.evaluate(
        "() => [...document.querySelectorAll('[data-sg-block]')].map(e => e.textContent)"
    )
    assert texts == [block.text for block in marked.blocks]


def test_numbers_in_another_language_are_digits_for_its_voice():
    """In English, numbers become English words; in another language, single digits that
    the page's voice says in its language, grouped as written."""
    text = "Zadzwoń pod 0808 2000 247 lub 999, albo 116 123. Z komórki naciśnij 55."
    context = PageContext(silent_solution=True)
    assert normalise(text, context=context, english=False) == (
        "Zadzwoń pod 0 8 0 8, 2 0 0 0, 2 4 7 lub 9 9 9, albo 1 1 6, 1 2 3. Z komórki naciśnij 5 5."
    )
    assert normalise("+44 20 7946 0000", english=False) == "+ 4 4, 2 0, 7 9 4 6, 0 0 0 0"
    assert normalise("Call 999 or 116 123.") == "Call nine nine nine or one one six, one two three."


def test_a_translated_page_reads_its_own_words():
    """A Polish page: the image is introduced in Polish, admonition kinds are not added in
    English, the language's abbreviations do not end sentences, and its lexicon applies."""
    html = (
        '<div class="admonition warning"><p class="admonition-title">Uwaga</p>'
        "<p>Zadzwoń np. do NDAH. Pomogą.</p></div>"
        '<p><img src="a.png" alt="Telefon"> Zadzwoń.</p>'
    )
    blocks = extract(html, {"NDAH": "en de a ha"}, Speech("pl", "Obraz"))
    spoken = [sentence.spoken for block in blocks for sentence in block.sentences]
    assert spoken == [
        "Uwaga", "Zadzwoń np. do en de a ha.", "Pomogą.", "Obraz: Telefon", "Zadzwoń."
    ]  # fmt: skip
    english = extract(html)
    assert english[0].sentences[0].spoken == "Warning: Uwaga"
