"""DOCX reading: paragraphs, numbered lists and tables in reading order, one location unit each.

The archive is inspected before python-docx parses it, so a zip bomb is refused without inflating it.
The body is then walked directly in its XML rather than through python-docx's `Paragraph.text`, which
skips text a contract really contains: tracked insertions (`w:ins`, the text a lawyer's redline
adds), simple fields, smart tags and content controls (`w:sdt`, common in templates). Deleted text and
moved-from text are left out, as Word shows the document once changes are accepted. Headers, footers,
comments and text boxes are not part of the body and are not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from vendorcheck import errors
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.cleanup import clean_extracted
from vendorcheck.ingest.controls import strip_controls
from vendorcheck.ingest.numbering import ListNumbering, W
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.models import Document

_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{W}pPr", f"{W}rPr", f"{W}fldChar",
         f"{W}instrText", f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference",
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_CHARS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "\u2011"}
_CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"}


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
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    numbering = ListNumbering.from_parts(_part_element(document, RT.NUMBERING), _part_element(document, RT.STYLES))
    cleaned = (strip_controls(clean_extracted(u)) for u in _blocks(document.element.body, numbering))
    units = [u for u in cleaned if u.strip()]
    options.check_length(path, sum(map(len, units)))
    if not units:
        raise errors.EmptyDocx(path)
    return assemble(path, data, "docx", units, unit="paragraph", separator="\n")


def _part_element(document, relationship: str):  # noqa: ANN001, ANN202 - python-docx objects
    """Root of numbering.xml or styles.xml, or None when the document has none (python-docx's own
    accessors would create a default part instead)."""
    try:
        return document.part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None


def _check_archive(path: Path, data: bytes, options: IngestOptions) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise errors.CorruptDocx(path, detail="pas une archive zip") from exc
    with archive:
        members = archive.infolist()
        if "word/document.xml" not in {m.filename for m in members}:
            raise errors.CorruptDocx(path, detail="word/document.xml absent")
        # Sizes declared in the central directory; python-docx would inflate whatever is there.
        total = sum(m.file_size for m in members)
        if total > options.docx_max_uncompressed:
            raise errors.DocxBomb(path, detail=f"{total // (1024 * 1024)} Mo")
        for member in members:
            if member.compress_size and member.file_size / member.compress_size > options.docx_max_ratio:
                raise errors.DocxBomb(path, detail=f"{member.filename} x{member.file_size // member.compress_size}")


def _blocks(body, numbering: ListNumbering) -> Iterator[str]:  # noqa: ANN001 - lxml element
    """Paragraphs with their list labels, and table rows as `cell | cell`, in body order."""
    for node in body:
        if node.tag == f"{W}p":
            yield _paragraph(node, numbering)
        elif node.tag == f"{W}tbl":
            yield from _table_rows(node, numbering)
        elif node.tag in _CONTAINERS:
            yield from _blocks(node, numbering)


def _paragraph(p, numbering: ListNumbering) -> str:  # noqa: ANN001 - lxml element
    label = numbering.label(p)
    text = "".join(_text(p))
    return f"{label} {text}" if label else text


def _text(node) -> Iterator[str]:  # noqa: ANN001 - lxml element
    for child in node:
        tag = child.tag
        if tag == f"{W}t":
            yield child.text or ""
        elif tag in _CHARS:
            if tag != f"{W}br" or child.get(f"{W}type") in (None, "textWrapping"):
                yield _CHARS[tag]
        elif tag not in _SKIP and isinstance(tag, str):
            yield from _text(child)


def _table_rows(table, numbering: ListNumbering) -> Iterator[str]:  # noqa: ANN001 - lxml element
    for row in _children(table, f"{W}tr"):
        cells = []
        for cell in _children(row, f"{W}tc"):
            parts = [_paragraph(p, numbering) if p.tag == f"{W}p" else " ".join(_table_rows(p, numbering))
                     for p in _children(cell, f"{W}p", f"{W}tbl")]
            text = " ".join(" ".join(parts).split("\n")).strip()
            if text:  # a vertically merged cell repeats nothing in the XML and is skipped
                cells.append(text)
        if cells:
            yield " | ".join(cells)


def _children(node, *tags: str) -> Iterator:  # noqa: ANN001 - lxml element
    """Direct children with these tags, looking through content controls and custom XML."""
    for child in node:
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, *tags)
