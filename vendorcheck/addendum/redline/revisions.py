"""Word tracked changes written into the document part with lxml: `w:del` around struck text (runs split
at the sentence's edges, their formatting kept), `w:ins` around inserted text, and inserted or deleted
paragraph marks, so that Word's "Reject all" gives back the vendor's text exactly.

python-docx does not model revisions. The libraries that do were looked at first (docx-redline needs
Python 3.12 and appeared in 2026; docx-revisions 0.1 neither splits runs nor writes comments), so this
module writes the WordprocessingML itself (ECMA-376 part 1, 17.13.5).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from vendorcheck.addendum.markup import spans
from vendorcheck.ingest.docx import text_pieces
from vendorcheck.ingest.numbering import W

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Run properties an inserted run inherits from the text around it: the typeface, size and language, not
# the emphasis of whatever word it was copied from. Listed in the schema's order (CT_RPr).
_INHERITED = ("rFonts", "color", "sz", "szCs", "lang")
_RPR_ORDER = ("rFonts", "b", "color", "sz", "szCs", "highlight", "lang")
_TRACKED = {f"{W}ins", f"{W}del", f"{W}moveTo", f"{W}moveFrom"}


class Unsplittable(Exception):
    """The span starts or ends inside something that is not text (a drawing, a nested object)."""


@dataclass
class Stamp:
    """Author, date and identifiers of the revisions and comments one redline writes."""

    author: str
    date: str  # ISO 8601, as Word writes it: 2026-12-05T00:00:00Z
    next_id: int

    def mark(self, tag: str) -> etree._Element:
        """A new `w:ins`, `w:del` (or any element taking w:id, w:author, w:date)."""
        element = etree.Element(f"{W}{tag}")
        element.set(f"{W}id", str(self.take_id()))
        element.set(f"{W}author", self.author)
        element.set(f"{W}date", self.date)
        return element

    def take_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


# -- striking text ---------------------------------------------------------------------------------


def strike(paragraph: etree._Element, start: int, end: int, stamp: Stamp) -> list[etree._Element]:
    """Wrap characters [start, end) of the paragraph's own text in `w:del`, and return the `w:del`
    elements in reading order. A complex field the span touches is struck whole (its code with it).
    Raises Unsplittable when an edge falls inside something that is not text."""
    start, end = _widen_to_fields(paragraph, start, end)
    _split_at(paragraph, start, keep_boundary_left=True)
    _split_at(paragraph, end, keep_boundary_left=False)
    runs = [run for run, a, b in _text_runs(paragraph) if a >= start and b <= end and b > a]
    if not runs:
        return []
    ordered = _live_runs(paragraph)
    fields = _field_of(paragraph)
    touched = {fields[run] for run in runs if run in fields}
    indexes = [ordered.index(runs[0]), ordered.index(runs[-1])]
    indexes += [i for i, run in enumerate(ordered) if fields.get(run) in touched]
    struck = [
        run
        for run in ordered[min(indexes) : max(indexes) + 1]
        # a run without text inside the span (field code, footnote mark, drawing) goes with it;
        # another person's comment stays anchored where it was
        if run in runs or run.find(f"{W}commentReference") is None
    ]
    wrappers: list[etree._Element] = []
    for run in struck:
        if any(a.tag == f"{W}moveTo" for a in run.iterancestors()):
            raise Unsplittable("moved text")
        for child in run:
            if child.tag == f"{W}t":
                child.tag = f"{W}delText"
            elif child.tag == f"{W}instrText":
                child.tag = f"{W}delInstrText"
        previous = run.getprevious()
        if wrappers and previous is wrappers[-1]:
            previous.append(run)  # consecutive runs share one w:del
            continue
        wrapper = stamp.mark("del")
        run.addprevious(wrapper)
        wrapper.append(run)
        wrappers.append(wrapper)
    return wrappers


def _text_runs(paragraph: etree._Element) -> list[tuple[etree._Element, int, int]]:
    """Each run holding text, with its characters [start, end) in the paragraph's text."""
    out: list[tuple[etree._Element, int, int]] = []
    position = 0
    for piece, leaf in text_pieces(paragraph):
        run = _run_of(leaf, paragraph)
        if run is None:
            raise Unsplittable("text outside a run")
        if out and out[-1][0] is run:
            out[-1] = (run, out[-1][1], position + len(piece))
        else:
            out.append((run, position, position + len(piece)))
        position += len(piece)
    return out


def _run_of(leaf: etree._Element, paragraph: etree._Element) -> etree._Element | None:
    node = leaf
    while node is not None and node is not paragraph:
        if node.tag == f"{W}r":
            return node
        node = node.getparent()
    return None


def _atoms(run: etree._Element, paragraph: etree._Element) -> list[tuple[etree._Element, int, int]]:
    """The run's content children with their characters [start, end) relative to the run."""
    lengths: dict[etree._Element, int] = {}
    for piece, leaf in text_pieces(run):
        node = leaf
        while node.getparent() is not run:
            node = node.getparent()
        lengths[node] = lengths.get(node, 0) + len(piece)
    out, position = [], 0
    for child in run:
        if child.tag == f"{W}rPr":
            continue
        size = lengths.get(child, 0)
        out.append((child, position, position + size))
        position += size
    return out


def _split_at(paragraph: etree._Element, offset: int, *, keep_boundary_left: bool) -> None:
    """Split the run that holds character `offset` so that a run starts exactly there."""
    for run, a, b in _text_runs(paragraph):
        if a < offset < b:
            _split_run(run, paragraph, offset - a, keep_boundary_left)
            return


def _split_run(run: etree._Element, paragraph: etree._Element, cut: int, keep_boundary_left: bool) -> None:
    right = etree.Element(f"{W}r", attrib=dict(run.attrib))
    properties = run.find(f"{W}rPr")
    if properties is not None:
        right.append(copy.deepcopy(properties))
    for child, a, b in _atoms(run, paragraph):
        if b <= cut and not (a == b == cut and not keep_boundary_left):
            continue
        if a < cut < b:
            if child.tag != f"{W}t":
                raise Unsplittable(etree.QName(child).localname)
            tail = etree.SubElement(right, f"{W}t")
            tail.text, child.text = child.text[cut - a :], child.text[: cut - a]
            tail.set(XML_SPACE, "preserve")
            child.set(XML_SPACE, "preserve")
            continue
        right.append(child)  # moves it
    run.addnext(right)


def _live_runs(paragraph: etree._Element) -> list[etree._Element]:
    """Runs in reading order, leaving out text already deleted or moved away by someone else."""
    return [
        run
        for run in paragraph.iter(f"{W}r")
        if not any(a.tag in (f"{W}del", f"{W}moveFrom") for a in run.iterancestors())
    ]


def _field_of(paragraph: etree._Element) -> dict[etree._Element, int]:
    """Runs inside a complex field (begin … end), by field number; nested fields count as the outer one."""
    out: dict[etree._Element, int] = {}
    depth, number = 0, 0
    for run in _live_runs(paragraph):
        char = run.find(f"{W}fldChar")
        kind = char.get(f"{W}fldCharType") if char is not None else None
        if kind == "begin":
            if depth == 0:
                number += 1
            depth += 1
        if depth:
            out[run] = number
        if kind == "end" and depth:
            depth -= 1
    return out


def _widen_to_fields(paragraph: etree._Element, start: int, end: int) -> tuple[int, int]:
    """A span that touches a field's result covers the field's whole result: striking half a page
    reference would leave Word a field it cannot rebuild."""
    fields = _field_of(paragraph)
    if not fields:
        return start, end
    runs = _text_runs(paragraph)
    touched = {fields[r] for r, a, b in runs if r in fields and a < end and b > start}
    for number in touched:
        inside = [(a, b) for r, a, b in runs if fields.get(r) == number]
        start, end = min(start, inside[0][0]), max(end, inside[-1][1])
    return start, end


# -- inserting text --------------------------------------------------------------------------------


def inserted_text(markup: str, properties: etree._Element | None, stamp: Stamp) -> etree._Element:
    """A `w:ins` holding the text of one markup paragraph: **bold** spans bold, [fields] highlighted."""
    wrapper = stamp.mark("ins")
    for span in spans(markup):
        run = etree.SubElement(wrapper, f"{W}r")
        run_properties = run_format(properties, bold=span.bold, highlight=span.field)
        if len(run_properties):
            run.append(run_properties)
        text = etree.SubElement(run, f"{W}t")
        text.text = span.text
        text.set(XML_SPACE, "preserve")
    return wrapper


def inserted_paragraph(
    markup: str, paragraph_properties: etree._Element | None, run_properties: etree._Element | None, stamp: Stamp
) -> etree._Element:
    """A new paragraph, mark included, recorded as inserted."""
    paragraph = etree.Element(f"{W}p")
    properties = copy.deepcopy(paragraph_properties) if paragraph_properties is not None else None
    if properties is None:
        properties = etree.Element(f"{W}pPr")
    for tag in ("sectPr", "pPrChange", "rPr"):  # never a second section break, nor someone's change
        for child in properties.findall(f"{W}{tag}"):
            properties.remove(child)
    mark = etree.SubElement(properties, f"{W}rPr")
    mark.append(stamp.mark("ins"))
    paragraph.append(properties)
    paragraph.append(inserted_text(markup, run_properties, stamp))
    return paragraph


def track_mark_as_inserted(paragraph: etree._Element, stamp: Stamp) -> None:
    """Record an existing paragraph's mark as inserted (see `hand_over_mark`)."""
    _mark_properties(paragraph).insert(0, stamp.mark("ins"))


def _mark_properties(paragraph: etree._Element) -> etree._Element:
    """The run properties of the paragraph's mark (`w:pPr/w:rPr`), made where absent, in schema order."""
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        properties = etree.Element(f"{W}pPr")
        paragraph.insert(0, properties)
    mark = properties.find(f"{W}rPr")
    if mark is None:
        mark = etree.Element(f"{W}rPr")
        following = [properties.find(f"{W}{tag}") for tag in ("sectPr", "pPrChange")]
        anchor = next((f for f in following if f is not None), None)
        if anchor is not None:
            anchor.addprevious(mark)
        else:
            properties.append(mark)
    return mark


def hand_over_mark(original: etree._Element, last: etree._Element, stamp: Stamp) -> None:
    """Paragraphs inserted after `original`, as Word records them when Enter is pressed at its end: the
    original's mark counts as the inserted one, and the last new paragraph ends with the original mark,
    its former properties kept as a tracked property change. Rejecting everything then joins the
    original's text to that mark with the original's properties, whichever paragraph's properties the
    word processor keeps when it joins two (Word the second's, LibreOffice the first's)."""
    track_mark_as_inserted(original, stamp)
    inserted = last.find(f"{W}pPr/{W}rPr/{W}ins")
    if inserted is not None:
        inserted.getparent().remove(inserted)
    merge_properties(last, original, stamp)


def merge_properties(inserted: etree._Element, following: etree._Element, stamp: Stamp) -> None:
    """Record, as a tracked property change of an inserted paragraph, the properties of the paragraph it
    merges into when the insertion is rejected, so that this paragraph gets its style and number back."""
    former = copy.deepcopy(following.find(f"{W}pPr"))
    if former is None:
        former = etree.Element(f"{W}pPr")
    for tag in ("rPr", "sectPr", "pPrChange"):  # CT_PPrBase: paragraph properties only
        for child in former.findall(f"{W}{tag}"):
            former.remove(child)
    change = stamp.mark("pPrChange")
    change.append(former)
    inserted.find(f"{W}pPr").append(change)  # last child of CT_PPr


def delete_paragraph_mark(paragraph: etree._Element, stamp: Stamp) -> None:
    """Record the paragraph mark as deleted: once accepted, the emptied paragraph disappears."""
    mark = _mark_properties(paragraph)
    position = 1 if mark.find(f"{W}ins") is not None else 0  # CT_ParaRPr: ins, del, then properties
    mark.insert(position, stamp.mark("del"))


def run_format(
    template: etree._Element | None, *, bold: bool = False, highlight: bool = False, keep_all: bool = False
) -> etree._Element:
    """Run properties for inserted text: the template's typeface, size and language, plus bold and the
    yellow highlight of fill-in fields; with `keep_all` (headings), the template's formatting whole."""
    if keep_all:
        properties = copy.deepcopy(template) if template is not None else etree.Element(f"{W}rPr")
        for child in list(properties):
            if child.tag in _TRACKED or child.tag in (f"{W}rPrChange", f"{W}vanish"):
                properties.remove(child)
        return properties
    kept: dict[str, etree._Element] = {}
    for child in template if template is not None else ():
        if isinstance(child.tag, str) and etree.QName(child).localname in _INHERITED:
            kept[etree.QName(child).localname] = copy.deepcopy(child)
    if bold:
        kept["b"] = etree.Element(f"{W}b")
    if highlight:
        kept["highlight"] = etree.Element(f"{W}highlight", {f"{W}val": "yellow"})
    properties = etree.Element(f"{W}rPr")
    for name in _RPR_ORDER:
        if name in kept:
            properties.append(kept[name])
    return properties


def top_level(paragraph: etree._Element, element: etree._Element) -> etree._Element:
    """The ancestor of `element` (or itself) that is a direct child of the paragraph."""
    node = element
    while node.getparent() is not paragraph:
        node = node.getparent()
    return node


def outside_revisions(element: etree._Element) -> etree._Element:
    """`element`, or its outermost tracked-change ancestor: new revisions are never nested in one."""
    node = element
    while node.getparent() is not None and node.getparent().tag in _TRACKED:
        node = node.getparent()
    return node
