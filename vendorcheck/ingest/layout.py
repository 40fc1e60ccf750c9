"""Drop running headers, footers and page numbers from paginated text."""

from __future__ import annotations

import re
from collections import Counter

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^\s*(page|p\.)?\s*\d+\s*((/|sur|of)\s*\d+)?\s*$", re.IGNORECASE)
_EDGE_LINES = 3  # headers and footers live in the first and last few lines of a page


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines repeated at the top or bottom of at least half of the pages, and bare page numbers.

    A line is compared by its shape (digits replaced), so "Page 3 / 30" and "Contrat v2 - 12/2025"
    repeated with a changing number are recognised. Documents of one or two pages keep everything but
    bare page numbers, since repetition cannot be told from content there.
    """
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = _edge_indexes(lines)
        counts.update({_shape(lines[i]) for i in edge if lines[i].strip()})
    threshold = max(2, (len(pages) + 1) // 2)
    running = {shape for shape, n in counts.items() if n >= threshold} if len(pages) >= 3 else set()
    cleaned = []
    for lines in pages:
        edge = _edge_indexes(lines)
        cleaned.append([
            line for i, line in enumerate(lines)
            if not (i in edge and (_shape(line) in running or _PAGE_NUMBER.match(line)))
        ])
    return cleaned


def _edge_indexes(lines: list[str]) -> set[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])
