"""Test helpers on WordprocessingML: accept or reject every tracked change the way Word does, read the
paragraphs' text, list revisions and comment ranges, and edit a DOCX's document part."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT = "word/document.xml"


def document_root(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(DOCUMENT))


def edit_document(data: bytes, change: Callable[[etree._Element], None]) -> bytes:
    """The DOCX with `change` applied to its document part; every other member copied unchanged."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            raw = source.read(member.filename)
            if member.filename == DOCUMENT:
                root = etree.fromstring(raw)
                change(root)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(member, raw)
    return out.getvalue()


def reject_all(data: bytes) -> bytes:
    return edit_document(data, lambda root: _resolve(root, accept=False))


def accept_all(data: bytes) -> bytes:
    return edit_document(data, lambda root: _resolve(root, accept=True))


def paragraph_texts(data: bytes) -> list[str]:
    """The visible text of every paragraph of the body, tables included, in order."""
    body = document_root(data).find(f"{W}body")
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def revisions(data: bytes, author: str | None = None) -> list[etree._Element]:
    """Every `w:ins` and `w:del` of the body, run-level and paragraph marks, optionally by one author."""
    body = document_root(data).find(f"{W}body")
    found = [e for e in body.iter(f"{W}ins", f"{W}del")]
    return [e for e in found if author is None or e.get(f"{W}author") == author]


def _resolve(root: etree._Element, *, accept: bool) -> None:
    kept, dropped = (f"{W}ins", f"{W}moveTo"), (f"{W}del", f"{W}moveFrom")
    if not accept:
        kept, dropped = dropped, kept
    body = root.find(f"{W}body")
    merged = []  # paragraphs whose mark goes: their content joins the next paragraph
    for mark in list(body.iter(f"{W}ins", f"{W}del", f"{W}moveTo", f"{W}moveFrom")):
        parent = mark.getparent()
        if parent is None:
            continue
        if parent.tag == f"{W}rPr" and parent.getparent() is not None and parent.getparent().tag == f"{W}pPr":
            if mark.tag in dropped:
                merged.append(parent.getparent().getparent())
            parent.remove(mark)
            continue
        if mark.tag in dropped:
            parent.remove(mark)
            continue
        for text in mark.iter(f"{W}delText"):
            text.tag = f"{W}t"
        for code in mark.iter(f"{W}delInstrText"):
            code.tag = f"{W}instrText"
        position = parent.index(mark)
        for offset, child in enumerate(list(mark)):
            parent.insert(position + offset, child)
        parent.remove(mark)
    for change in list(body.iter(f"{W}rPrChange", f"{W}pPrChange")):
        properties = change.getparent()
        properties.remove(change)
        if not accept and change.tag == f"{W}pPrChange":  # the former paragraph properties come back
            mark = properties.find(f"{W}rPr")
            for child in list(properties):
                if child is not mark:
                    properties.remove(child)
            for position, child in enumerate(change.find(f"{W}pPr") if change.find(f"{W}pPr") is not None else []):
                properties.insert(position, child)
    for paragraph in merged:
        following = paragraph.getnext()
        content = [c for c in paragraph if c.tag != f"{W}pPr"]
        if following is not None and following.tag == f"{W}p":
            anchor = following.find(f"{W}pPr")
            position = following.index(anchor) + 1 if anchor is not None else 0
            for offset, child in enumerate(content):
                following.insert(position + offset, child)
        paragraph.getparent().remove(paragraph)


def comment_ranges(data: bytes) -> list[tuple[str, list[etree._Element]]]:
    """Each comment id with the revisions written between its range start and end, in document order."""
    body = document_root(data).find(f"{W}body")
    open_ranges: dict[str, list[etree._Element]] = {}
    closed: list[tuple[str, list[etree._Element]]] = []
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ranges[element.get(f"{W}id")] = []
        elif element.tag == f"{W}commentRangeEnd":
            identifier = element.get(f"{W}id")
            closed.append((identifier, open_ranges.pop(identifier, [])))
        elif element.tag in (f"{W}ins", f"{W}del"):
            for inside in open_ranges.values():
                inside.append(element)
    return closed


def comments(data: bytes) -> dict[str, tuple[str, str]]:
    """Comment id -> (author, text) from the comments part, when there is one."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/comments.xml" not in archive.namelist():
            return {}
        root = etree.fromstring(archive.read("word/comments.xml"))
    return {
        c.get(f"{W}id"): (
            c.get(f"{W}author"),
            "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p")),
        )
        for c in root.iter(f"{W}comment")
    }
