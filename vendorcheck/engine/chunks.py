"""Long documents parsed in pieces cut between sections, then joined into one Doc.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters, error E088); a contract with its
annexes, or several contracts exported into one file, can be longer. The text is cut where a blank line
opens a section heading (else at a blank line, else at a line start), where a sentence always starts, so
the joined Doc has the same tokens, norms and sentences as one parse of the whole text: the findings do
not depend on where it was cut.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vendorcheck.models import Section

PIECE_CHARS = 500_000  # well under spaCy's limit, so a piece never trips it


def parse(nlp: Language, text: str, sections: list[Section], piece_chars: int = PIECE_CHARS) -> Doc:
    """`nlp(text)`, in pieces of at most `piece_chars` characters when the text is longer."""
    if len(text) <= piece_chars:
        return nlp(text)
    bounds = _cuts(text, [s.start for s in sections], piece_chars)
    docs = list(nlp.pipe(text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)))
    return Doc.from_docs(docs, ensure_whitespace=False)


def _cuts(text: str, heading_starts: list[int], piece_chars: int) -> list[int]:
    """Offsets 0 < … < len(text) where the text is cut, each piece at most `piece_chars` long."""
    headings = sorted(set(heading_starts))
    bounds = [0]
    while len(text) - bounds[-1] > piece_chars:
        start, limit = bounds[-1], bounds[-1] + piece_chars
        bounds.append(_best_cut(text, start, limit, headings))
    bounds.append(len(text))
    return bounds


def _best_cut(text: str, start: int, limit: int, headings: list[int]) -> int:
    """The last good place to cut in (start, limit]: a section start after a blank line, a blank line,
    a line start, a space — in that order of preference. Past half the piece, so pieces stay large."""
    floor = start + (limit - start) // 2
    for offset in reversed(headings):
        if floor < offset <= limit and text.startswith("\n\n", offset - 2) and not text[offset].isspace():
            return offset
    for opening in ("\n\n", "\n", " "):
        position = text.rfind(opening, floor, limit)
        while position >= 0:
            cut = position + len(opening)
            if cut <= limit and cut < len(text) and not text[cut].isspace():
                return cut
            position = text.rfind(opening, floor, position)
    return limit  # one unbroken run of characters: the tokenizer cuts it anyway (see text.fold_typography)
