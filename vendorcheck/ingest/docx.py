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
from dataclasses import dataclass
from pathlib import Path

from vendorcheck import errors
from vendorcheck.i18n import message
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.cleanup import clean_extracted
from vendorcheck.ingest.controls import strip_controls
from vendorcheck.ingest.numbering import ListNumbering, W
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.models import Document

_SKIP = {
    f"{W}del",
    f"{W}moveFrom",
    f"{W}txbxContent",
    f"{W}pPr",
    f"{W}rPr",
    f"{W}fldChar",
    f"{W}instrText",
    f"{W}footnoteReference",
    f"{W}endnoteReference",
    f"{W}commentReference",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}
_CHARS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "\u2011"}
_CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"}
_CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class BodyUnit:
    """One location unit of the body before clean-up: a paragraph (with its list label) or a table row.

    `paragraphs` holds each `w:p` whose text the unit contains, with the offset in `text` where that
    paragraph's own text starts, so that the redline can map a quote back to the runs it came from.
    """

    text: str
    paragraphs: tuple[tuple[object, int], ...]  # (w:p element, offset in text)


def load_docx(path: Path, data: bytes, options: IngestOptions) -> Document:
    check_archive(path, data, options)
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
    cleaned = (strip_controls(clean_extracted(u.text)) for u in body_units(document.element.body, numbering))
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


def check_archive(path: Path, data: bytes, options: IngestOptions) -> None:
    """Refuse what is not a Word archive, and zip bombs, from the sizes the archive declares."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise errors.CorruptDocx(path, detail=message("ingest.errors.not_a_zip")) from exc
    with archive:
        members = archive.infolist()
        if "word/document.xml" not in {m.filename for m in members}:
            raise errors.CorruptDocx(path, detail=message("ingest.errors.no_document_xml"))
        # Sizes declared in the central directory; python-docx would inflate whatever is there.
        total = sum(m.file_size for m in members)
        if total > options.docx_max_uncompressed:
            raise errors.DocxBomb(path, detail=message("ingest.errors.megabytes", size=str(total // (1024 * 1024))))
        for member in members:
            if member.compress_size and member.file_size / member.compress_size > options.docx_max_ratio:
                raise errors.DocxBomb(path, detail=f"{member.filename} x{member.file_size // member.compress_size}")


def body_units(body, numbering: ListNumbering) -> Iterator[BodyUnit]:  # noqa: ANN001 - lxml element
    """Paragraphs with their list labels, and table rows as `cell | cell`, in body order.

    Units whose text is blank are yielded too: the caller drops them, as `load_docx` does.
    """
    for node in body:
        if node.tag == f"{W}p":
            yield _paragraph(node, numbering)
        elif node.tag == f"{W}tbl":
            yield from _table_rows(node, numbering)
        elif node.tag in _CONTAINERS:
            yield from body_units(node, numbering)


def _paragraph(p, numbering: ListNumbering) -> BodyUnit:  # noqa: ANN001 - lxml element
    label = numbering.label(p)
    text = "".join(piece for piece, _ in text_pieces(p))
    if label:
        return BodyUnit(f"{label} {text}", ((p, len(label) + 1),))
    return BodyUnit(text, ((p, 0),))


def text_pieces(node) -> Iterator[tuple[str, object]]:  # noqa: ANN001 - lxml element
    """The text Word shows once changes are accepted, piece by piece, each with the element it comes
    from (`w:t`, or `w:tab`, `w:br`… for one character)."""
    for child in node:
        tag = child.tag
        if tag == f"{W}t":
            yield child.text or "", child
        elif tag in _CHARS:
            if tag != f"{W}br" or child.get(f"{W}type") in (None, "textWrapping"):
                yield _CHARS[tag], child
        elif tag not in _SKIP and isinstance(tag, str):
            yield from text_pieces(child)


def _table_rows(table, numbering: ListNumbering) -> Iterator[BodyUnit]:  # noqa: ANN001 - lxml element
    for row in _children(table, f"{W}tr"):
        cells: list[str] = []
        paragraphs: list[tuple[object, int]] = []
        offset = 0  # where the next cell starts in the row's text
        for cell in _children(row, f"{W}tc"):
            parts: list[str] = []
            cell_paragraphs: list[tuple[object, int]] = []
            for node in _children(cell, f"{W}p", f"{W}tbl"):
                start = sum(len(part) + 1 for part in parts)  # parts are joined by one space
                if node.tag == f"{W}p":
                    unit = _paragraph(node, numbering)
                    parts.append(unit.text)
                    cell_paragraphs += [(p, start + at) for p, at in unit.paragraphs]
                else:  # a nested table is read, but its paragraphs are not mapped
                    parts.append(" ".join(u.text for u in _table_rows(node, numbering)))
            joined = " ".join(" ".join(parts).split("\n"))  # one character for one: offsets hold
            text = joined.strip()
            if text:  # a vertically merged cell repeats nothing in the XML and is skipped
                shift = offset - (len(joined) - len(joined.lstrip()))
                paragraphs += [(p, at + shift) for p, at in cell_paragraphs]
                cells.append(text)
                offset += len(text) + len(_CELL_SEPARATOR)
        if cells:
            yield BodyUnit(_CELL_SEPARATOR.join(cells), tuple(paragraphs))


def _children(node, *tags: str) -> Iterator:  # noqa: ANN001 - lxml element
    """Direct children with these tags, looking through content controls and custom XML."""
    for child in node:
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, *tags)
