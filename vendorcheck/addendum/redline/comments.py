"""Word comments: the comments part (created with its relationship and content type when the document
has none, extended otherwise) and the range markers that anchor a comment to the text it explains."""

from __future__ import annotations

from lxml import etree

from vendorcheck.addendum.redline.package import OFFICE_REL, DocxPackage
from vendorcheck.addendum.redline.revisions import XML_SPACE, Stamp
from vendorcheck.ingest.numbering import W

COMMENTS_REL = f"{OFFICE_REL}/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_PART = "word/comments.xml"


class Comments:
    """The document's comments; new ones are appended, existing ones are never touched."""

    def __init__(self, package: DocxPackage, initials: str) -> None:
        self.package = package
        self.initials = initials
        self.added = 0
        part = package.related_part(COMMENTS_REL)
        self._root = package.xml(part) if part else None

    def existing_ids(self) -> set[int]:
        if self._root is None:
            return set()
        return {int(c.get(f"{W}id")) for c in self._root.iter(f"{W}comment") if c.get(f"{W}id", "").isdigit()}

    def add(self, paragraphs: list[tuple[str, bool]], stamp: Stamp) -> int:
        """A comment made of (text, bold) paragraphs; returns its id."""
        comment = stamp.mark("comment")
        comment.set(f"{W}initials", self.initials)
        for index, (text, bold) in enumerate(paragraphs):
            paragraph = etree.SubElement(comment, f"{W}p")
            if index == 0:  # the mark Word shows in the margin, tying the comment to its reference
                etree.SubElement(etree.SubElement(paragraph, f"{W}r"), f"{W}annotationRef")
            run = etree.SubElement(paragraph, f"{W}r")
            if bold:
                etree.SubElement(etree.SubElement(run, f"{W}rPr"), f"{W}b")
            node = etree.SubElement(run, f"{W}t")
            node.text = text
            node.set(XML_SPACE, "preserve")
        self._part().append(comment)
        self.added += 1
        return int(comment.get(f"{W}id"))

    def _part(self) -> etree._Element:
        if self._root is None:
            name = COMMENTS_PART
            number = 1
            while self.package.has(name):  # a stray comments.xml nobody points to is left alone
                number += 1
                name = f"word/comments{number}.xml"
            self._root = etree.Element(f"{W}comments", nsmap={"w": W[1:-1]})
            self.package.add_xml(name, self._root)
            self.package.relate(COMMENTS_REL, name, COMMENTS_TYPE)
        return self._root


def anchor(comment_id: int, first: etree._Element, last: etree._Element) -> None:
    """Mark the range from `first` to `last` (paragraph children, possibly in two paragraphs) and put
    the comment's reference right after it."""
    start = etree.Element(f"{W}commentRangeStart", {f"{W}id": str(comment_id)})
    end = etree.Element(f"{W}commentRangeEnd", {f"{W}id": str(comment_id)})
    first.addprevious(start)
    last.addnext(end)
    reference = etree.Element(f"{W}r")
    etree.SubElement(reference, f"{W}commentReference", {f"{W}id": str(comment_id)})
    end.addnext(reference)
