"""The vendor's DOCX as a package of parts: bounded, entity-free XML parsing in, every untouched part out
byte for byte.

Only the parts the redline changes are parsed and rewritten (the document, comments, relationships and
content types); styles, numbering, headers, footers, images and everything else are copied as they are.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from vendorcheck import errors
from vendorcheck.i18n import message
from vendorcheck.ingest.docx import check_archive
from vendorcheck.ingest.options import IngestOptions

DOCUMENT = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# No DTD, no entity expansion, no network, libxml2's default depth and size limits (huge_tree off): a
# hostile part fails to parse rather than expanding; the archive's declared sizes are checked first.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class DocxPackage:
    """The parts of one DOCX archive; `xml(name)` parses a part once, `save()` writes the archive back."""

    def __init__(self, path: Path, data: bytes, options: IngestOptions | None = None) -> None:
        self.path = path
        check_archive(path, data, options or IngestOptions())
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:  # check_archive already opened it; kept for safety
            raise errors.CorruptDocx(path, detail=message("ingest.errors.not_a_zip")) from exc
        self._members = {m.filename: m for m in self._archive.infolist()}
        self._trees: dict[str, etree._Element] = {}
        self._added: list[str] = []

    def names(self) -> list[str]:
        return list(self._members)

    def raw(self, name: str) -> bytes:
        """A member's bytes as stored (its size is bounded by the archive check)."""
        return self._archive.read(name)

    def has(self, name: str) -> bool:
        return name in self._members or name in self._trees

    def xml(self, name: str) -> etree._Element:
        """The root element of a part, parsed on first use and kept for `save`."""
        if name not in self._trees:
            try:
                raw = self._archive.read(name)
                root = etree.fromstring(raw, _PARSER)
            except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError) as exc:
                raise errors.CorruptDocx(self.path, detail=f"{name} : {type(exc).__name__}") from exc
            if root.getroottree().docinfo.doctype:
                raise errors.CorruptDocx(self.path, detail=message("redline.errors.dtd", part=name))
            self._trees[name] = root
        return self._trees[name]

    def add_xml(self, name: str, root: etree._Element) -> None:
        """A new part (comments.xml when the document has none)."""
        self._trees[name] = root
        self._added.append(name)

    def related_part(self, rel_type: str) -> str | None:
        """The part the main document points to with this relationship type, or None."""
        rels = self._document_rels()
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
                return posixpath.normpath(posixpath.join(posixpath.dirname(DOCUMENT), rel.get("Target", "")))
        return None

    def relate(self, rel_type: str, part: str, content_type: str) -> None:
        """Point the main document to a new part, and declare its content type."""
        rels = self._document_rels()
        taken = {rel.get("Id") for rel in rels}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        target = posixpath.relpath(part, posixpath.dirname(DOCUMENT))
        etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=f"rId{number}", Type=rel_type, Target=target)
        types = self.xml(CONTENT_TYPES)
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + part, ContentType=content_type)

    def save(self) -> bytes:
        """The archive with the parsed parts re-serialised and every other member copied unchanged."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, member in self._members.items():
                if name in self._trees:
                    archive.writestr(_info(member), _serialise(self._trees[name]))
                else:
                    archive.writestr(_info(member), self._archive.read(name))
            for name in self._added:
                archive.writestr(name, _serialise(self._trees[name]), zipfile.ZIP_DEFLATED)
        return out.getvalue()

    def _document_rels(self) -> etree._Element:
        name = posixpath.join(posixpath.dirname(DOCUMENT), "_rels", posixpath.basename(DOCUMENT) + ".rels")
        if not self.has(name):  # a document with no relationship at all (hand-made archives)
            self.add_xml(name, etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS}))
        return self.xml(name)


def _info(member: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The member's name, date and compression, so the archive differs only where the redline wrote."""
    info = zipfile.ZipInfo(member.filename, date_time=member.date_time)
    info.compress_type = member.compress_type
    info.external_attr = member.external_attr
    return info


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
