"""A document's format and size, read from the file, as the link will say them."""

from __future__ import annotations

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.library.attachments import human_size, read_attachment

WHERE = "Library item 'library/form.md'"


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (1, "1 byte"),
        (845, "845 bytes"),
        (1024, "1 KB"),
        (36_900, "36 KB"),
        (1024 * 1024 - 1, "1024 KB"),
        (1024 * 1024, "1.0 MB"),
        (1_258_291, "1.2 MB"),
    ],
)
def test_human_size(size, text):
    assert human_size(size) == text


def test_format_and_size_from_the_file(tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents/Policy.PDF").write_bytes(b"%PDF-1.7\n" + b"x" * 2000)
    found = read_attachment("documents/Policy.PDF", tmp_path, WHERE)
    assert found.label == "PDF, 2 KB"
    assert (found.path, found.bytes, found.media_type) == (
        "documents/Policy.PDF",
        2009,
        "application/pdf",
    )
    docx = tmp_path / "form.docx"
    docx.write_bytes(b"PK" + b"y" * 40_000)
    assert read_attachment("./form.docx", tmp_path, WHERE).label == "Word document, 39 KB"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "../secret.pdf",
            "field 'file': '../secret.pdf' is outside docs_dir. Put the document in a folder of "
            "docs_dir, such as 'documents/', and give its path from there.",
        ),
        (
            "/etc/passwd.txt",
            "field 'file': '/etc/passwd.txt' is outside docs_dir. Put the document in a folder "
            "of docs_dir, such as 'documents/', and give its path from there.",
        ),
        (
            "documents/page.html",
            "field 'file': 'documents/page.html' is not a document format the library knows. "
            "Known formats: csv, doc, docx, epub, mp3, mp4, odp, ods, odt, pdf, pptx, rtf, txt, "
            "xls, xlsx. A web page belongs in 'url'.",
        ),
        (
            "documents/missing.pdf",
            "field 'file': there is no file 'documents/missing.pdf' in docs_dir ('{docs}'). "
            "Check the spelling and the folder.",
        ),
        (
            "empty.pdf",
            "field 'file': 'empty.pdf' is empty (0 bytes). Copy the document in again.",
        ),
    ],
)
def test_refused(tmp_path, path, message):
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(SafeguardingError) as caught:
        read_attachment(path, tmp_path, WHERE)
    assert str(caught.value) == f"{WHERE}: {message.format(docs=tmp_path)}"
