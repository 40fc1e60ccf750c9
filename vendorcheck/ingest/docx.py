"""DOCX reading: paragraphs, numbered lists and tables in reading order, one location unit each.

The archive is inspected before python-docx parses it, so a zip bomb is refused without inflating it.
Word's automatic numbering ("Article 5", "5.2", "a)") is not stored in the text; it is recomputed from
numbering.xml because section detection and the evidence locations depend on it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from vendorcheck import errors
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.cleanup import clean_extracted
from vendorcheck.ingest.numbering import ListNumbering
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.models import Document


def load_docx(path: Path, data: bytes, options: IngestOptions) -> Document:
    _check_archive(path, data, options)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise errors.CorruptDocx(path, detail=type(exc).__name__) from exc
    except Exception as exc:  # lxml syntax errors and the like: the archive is not a Word document
        raise errors.CorruptDocx(path, detail=type(exc).__name__) from exc
    units = [clean_extracted(u) for u in _blocks(document) if u.strip()]
    if not units:
        raise errors.EmptyDocx(path)
    return assemble(path, data, "docx", units, unit="paragraph", separator="\n")


def _check_archive(path: Path, data: bytes, options: IngestOptions) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise errors.CorruptDocx(path, detail="pas une archive zip") from exc
    with archive:
        members = archive.infolist()
        if "word/document.xml" not in {m.filename for m in members}:
            raise errors.CorruptDocx(path, detail="word/document.xml absent")
        total = sum(m.file_size for m in members)
        if total > options.docx_max_uncompressed:
            raise errors.DocxBomb(path, detail=f"{total // (1024 * 1024)} Mo")
        for member in members:
            if member.compress_size and member.file_size / member.compress_size > options.docx_max_ratio:
                raise errors.DocxBomb(path, detail=f"{member.filename} x{member.file_size // member.compress_size}")


def _blocks(document) -> list[str]:  # noqa: ANN001 - python-docx Document
    """Paragraphs with their list labels, and table rows as `cell | cell`, in body order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = ListNumbering.from_document(document)
    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            label = numbering.label(item)
            out.append(f"{label} {item.text}" if label else item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = []
                for cell in row.cells:
                    text = "\n".join(p.text for p in cell.paragraphs).strip()
                    if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                        cells.append(text)
                out.append(" | ".join(cells))
    return out
