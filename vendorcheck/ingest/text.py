"""Plain text and Markdown: decoded, cleaned, located by line."""

from __future__ import annotations

from pathlib import Path

from vendorcheck import errors
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.cleanup import unify_line_ends
from vendorcheck.ingest.controls import strip_controls
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.models import Document, SourceFormat

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Windows Notepad's "Unicode" text files


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, which French office tools
    still produce."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise errors.UndecodableText(path) from exc
    if b"\x00" in data[:8192]:
        raise errors.UndecodableText(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise errors.UndecodableText(path) from exc


def load_text(path: Path, data: bytes, options: IngestOptions, fmt: SourceFormat = "text") -> Document:
    # Kept as written (line ends unified, control characters dropped: XML writers refuse them) so that
    # evidence offsets and lines are the file's own; invisible characters and line-end hyphens of text
    # saved from a PDF are dealt with in the view the engine reads (`engine.clauses.reading_view`), one
    # character for one.
    text = unify_line_ends(decode_text(path, data))
    options.check_length(path, len(text))
    text = strip_controls(text)
    if not text.strip(" \t\n\u200b\ufeff"):
        raise errors.EmptyFile(path)
    return assemble(path, data, fmt, [text], unit="line", separator="")
