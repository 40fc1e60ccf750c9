"""`load(path) -> Document`: the only way files enter the pipeline.

The format is sniffed from the first bytes; the file name only settles text vs Markdown and names the
expected format in error messages (a `.docx` that is not a zip is a damaged DOCX, not "unsupported").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from vendorcheck import errors
from vendorcheck.files import megabytes, read_regular
from vendorcheck.i18n import Message, message
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.ingest.text import UTF16_BOMS
from vendorcheck.models import Document

__all__ = ["IngestOptions", "load", "load_bytes", "sniff"]

Loader = Callable[[Path, bytes, IngestOptions], Document]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")  # JPEG, PNG, TIFF (II and MM)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def sniff(path: Path, head: bytes) -> str:
    """'pdf', 'docx', 'image', 'markdown' or 'text' from content; raises for anything else."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if any(head.startswith(magic) for magic in IMAGE_MAGIC):
        return "image"
    if suffix in IMAGE_SUFFIXES:
        raise errors.CorruptImage(path, detail=message("ingest.errors.not_an_image", kind=suffix[1:].upper()))
    if suffix == ".pdf":
        raise errors.CorruptPdf(path, detail=message("ingest.errors.no_pdf_header"))
    if suffix in (".docx", ".docm", ".dotx"):
        raise errors.CorruptDocx(path, detail=message("ingest.errors.not_a_zip"))
    if suffix in TEXT_SUFFIXES and (b"\x00" not in head or head.startswith(UTF16_BOMS)):
        return "markdown" if suffix in (".md", ".markdown") else "text"
    if suffix in TEXT_SUFFIXES - {""}:
        raise errors.UndecodableText(path)
    raise errors.UnsupportedFormat(path, detected=_describe(suffix, head))


def _describe(suffix: str, head: bytes) -> str | Message:
    for magic, name in (
        (b"\xd0\xcf\x11\xe0", "Word 97-2003 .doc / OLE"),
        (b"{\\rtf", "RTF"),
        (b"GIF8", "image GIF"),
        (b"RIFF", "RIFF / WebP"),
    ):
        if head.startswith(magic):
            return name
    return suffix or message("ingest.errors.unknown_format")


def _loader(fmt: str) -> Loader:
    """The reader of one format, imported only when a file of that format comes (PDFium, python-docx and
    Pillow each cost start-up time)."""
    if fmt == "pdf":
        from vendorcheck.ingest.pdf import load_pdf

        return load_pdf
    if fmt == "docx":
        from vendorcheck.ingest.docx import load_docx

        return load_docx
    if fmt == "image":
        from vendorcheck.ingest.images import load_image

        return load_image
    from vendorcheck.ingest.text import load_text

    return lambda path, data, options: load_text(path, data, options, fmt=fmt)


def load(path: str | Path, options: IngestOptions | dict[str, Any] | None = None) -> Document:
    """Read a contract file into a Document, or raise an InputError naming the file and the reason."""
    path = Path(path)
    opts = IngestOptions.resolve(options)
    # Only a regular file is read, and its size checked before reading: a 2 GB upload must not be
    # loaded into memory to be refused, nor a FIFO wait forever.
    data = read_regular(path, opts.max_bytes)
    if not data:
        raise errors.EmptyFile(path)
    return load_bytes(path, data, opts)


def load_bytes(path: Path, data: bytes, options: IngestOptions) -> Document:
    """Same as `load` for content already in memory (uploads); `path` only names it."""
    if not data:
        raise errors.EmptyFile(path)
    if len(data) > options.max_bytes:
        raise errors.TooLarge(path, size=megabytes(len(data)), limit=megabytes(options.max_bytes))
    fmt = sniff(path, data[:2048])
    try:
        return _loader(fmt)(path, data, options)
    except errors.VendorcheckError:
        raise
    except Exception as exc:
        # A parser tripping over a malformed file (pdfminer, PDFium, lxml, zlib, python-docx) raises
        # whatever its code meets, from KeyError to struct.error; the user must still get one line
        # naming the file. The exception's type stays in the message for whoever reports it.
        raise _DAMAGED[fmt](path, detail=type(exc).__name__) from exc


_DAMAGED: dict[str, Callable[..., errors.InputError]] = {
    "pdf": errors.CorruptPdf,
    "docx": errors.CorruptDocx,
    "image": errors.CorruptImage,
    "text": lambda path, detail: errors.UndecodableText(path),
    "markdown": lambda path, detail: errors.UndecodableText(path),
}
