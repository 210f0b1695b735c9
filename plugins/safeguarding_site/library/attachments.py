"""What a reader is about to download: a document's format and size, read from the file."""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..errors import SafeguardingError
from .model import Attachment

# Extension: (what the link says, media type for schema.org).
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF", "application/pdf"),
    "doc": ("Word document", "application/msword"),
    "docx": (
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "odt": ("OpenDocument text", "application/vnd.oasis.opendocument.text"),
    "rtf": ("Rich text document", "application/rtf"),
    "txt": ("Plain text", "text/plain"),
    "xls": ("Excel spreadsheet", "application/vnd.ms-excel"),
    "xlsx": (
        "Excel spreadsheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "ods": ("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"),
    "csv": ("CSV", "text/csv"),
    "pptx": (
        "PowerPoint presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odp": ("OpenDocument presentation", "application/vnd.oasis.opendocument.presentation"),
    "epub": ("EPUB ebook", "application/epub+zip"),
    "mp3": ("MP3 audio", "audio/mpeg"),
    "mp4": ("MP4 video", "video/mp4"),
}


def human_size(size: int) -> str:
    """'845 bytes', '12 KB', '1.2 MB': how GOV.UK tells readers what they will download."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def read_attachment(path: str, docs_dir: str | Path, where: str) -> Attachment:
    """Check that ``path`` names a document in docs_dir, and describe it."""
    clean = posixpath.normpath(path.replace("\\", "/"))
    if path.startswith("/") or clean == ".." or clean.startswith("../"):
        raise SafeguardingError(
            f"{where}: field 'file': '{path}' is outside docs_dir. Put the document in a folder "
            "of docs_dir, such as 'documents/', and give its path from there."
        )
    extension = posixpath.splitext(clean)[1].lower().lstrip(".")
    if extension not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise SafeguardingError(
            f"{where}: field 'file': '{path}' is not a document format the library knows. "
            f"Known formats: {known}. A web page belongs in 'url'."
        )
    target = Path(docs_dir) / clean
    if not target.is_file():
        raise SafeguardingError(
            f"{where}: field 'file': there is no file '{clean}' in docs_dir ('{docs_dir}'). "
            "Check the spelling and the folder."
        )
    size = target.stat().st_size
    if size == 0:
        raise SafeguardingError(
            f"{where}: field 'file': '{clean}' is empty (0 bytes). Copy the document in again."
        )
    name, media_type = FORMATS[extension]
    return Attachment(clean, name, human_size(size), size, media_type)
