"""From offsets in the Document's text back to the Word paragraphs they were read from.

The body is walked with the very function the DOCX ingest uses (`body_units`), so unit i here is the
paragraph or table row that became location unit i+1 of the Document. Each unit is checked against the
Document's text before anything is mapped: a unit whose text does not match is left alone rather than
edited at the wrong place.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from lxml import etree

from vendorcheck.ingest.cleanup import clean_extracted
from vendorcheck.ingest.docx import body_units, text_pieces
from vendorcheck.ingest.numbering import ListNumbering
from vendorcheck.models import Document


@dataclass(frozen=True)
class Piece:
    """Part of a span that lies in one paragraph: characters [start, end) of the paragraph's own text."""

    paragraph: etree._Element
    start: int
    end: int


@dataclass
class _Unit:
    start: int  # offset of the unit in the Document's text
    raw: str  # the unit's text before clean-up
    paragraphs: tuple[tuple[etree._Element, int], ...]
    clean_ends: list[int] = field(default_factory=list)  # clean_ends[i]: cleaned length of raw[:i+1]
    mapped: bool = False


class BodyMap:
    """Unit by unit correspondence between a Document read from a DOCX and that DOCX's body."""

    def __init__(self, body: etree._Element, numbering: ListNumbering, document: Document) -> None:
        self.body = body
        self.document = document
        self.units: list[_Unit] = []
        kept = [u for u in body_units(body, numbering) if u.text.strip()]
        for index, unit in enumerate(kept):
            start = document.unit_starts[index] if index < len(document.unit_starts) else -1
            self.units.append(_Unit(start, unit.text, unit.paragraphs))
        if len(kept) == len(document.unit_starts):
            for unit in self.units:
                self._check(unit)
        self._starts = [u.start for u in self.units]

    def pieces(self, start: int, end: int) -> list[Piece]:
        """The paragraph pieces of the Document span [start, end); empty when any of it cannot be mapped."""
        out: list[Piece] = []
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        while index < len(self.units) and self.units[index].start < end:
            unit = self.units[index]
            index += 1
            if not unit.mapped:
                return []
            length = unit.clean_ends[-1] if unit.clean_ends else 0
            low, high = max(start, unit.start) - unit.start, min(end, unit.start + length) - unit.start
            if high <= low:
                continue
            raw_low, raw_high = _raw_offset(unit, low), _raw_offset(unit, high)
            for paragraph, offset in unit.paragraphs:
                size = len(paragraph_text(paragraph))
                a, b = max(raw_low, offset), min(raw_high, offset + size)
                if b > a:
                    out.append(Piece(paragraph, a - offset, b - offset))
        return out

    def paragraph_at(self, offset: int) -> etree._Element | None:
        """The paragraph holding the character at `offset` of the Document's text."""
        pieces = self.pieces(offset, offset + 1)
        return pieces[0].paragraph if pieces else None

    def first_paragraph(self, unit: int) -> etree._Element | None:
        paragraphs = self.units[unit].paragraphs if 0 <= unit < len(self.units) else ()
        return paragraphs[0][0] if paragraphs else None

    def _check(self, unit: _Unit) -> None:
        cleaned, ends = "", []
        for char in unit.raw:  # clean-up works character by character (ligatures, soft hyphens…)
            cleaned += clean_extracted(char)
            ends.append(len(cleaned))
        expected = self.document.text[unit.start : unit.start + len(cleaned)]
        unit.clean_ends, unit.mapped = ends, cleaned == expected and unit.start >= 0


def paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's own text, as the ingest reads it (no list label)."""
    return "".join(piece for piece, _ in text_pieces(paragraph))


def _raw_offset(unit: _Unit, cleaned: int) -> int:
    """The raw position of a cleaned offset: the first raw character whose clean-up reaches past it."""
    return bisect.bisect_right(unit.clean_ends, cleaned)
