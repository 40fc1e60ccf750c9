"""Paginated text made readable: running headers, footers and page numbers dropped, words split at a
line or page end rejoined, and lines wrapped by the page width unwrapped into paragraphs.

Unwrapping matters beyond looks: a PDF line break falls anywhere in a sentence, and a wrapped line that
starts with "24 heures" or "article 21" would otherwise read as a new sentence or a numbered heading.
Joining is one character for one ("\\n" -> " "), so it never moves an offset.
"""

from __future__ import annotations

import re
from collections import Counter

from vendorcheck.ingest.cleanup import join_hyphenated_lines, vocabulary
from vendorcheck.structure import is_heading

_DIGITS = re.compile(r"\d+")
# Possessive runs (*+): a line of 50,000 spaces must not be re-split between the adjacent \s runs.
_PAGE_NUMBER = re.compile(
    r"^\s*+[-–—(]?\s*+(?:page|p\.)?\s*+(\d++)\s*+(?:(?:/|sur|of)\s*+\d++)?\s*+[-–—)]?\s*+$", re.IGNORECASE
)
_EDGE_LINES = 3  # headers and footers live in the first and last few lines of a page
_FINAL = tuple(".:;!?")
_ITEM_START = re.compile(r"^\s*+(?:[-–•*▪●◦]\s|\(?(?:[a-zA-Z]|\d{1,3}|[ivxIVX]{1,4})[.)]\s|\d+(?:\.\d+)+\s)")
# A match starts only at the start of a run of letters, so a long word is scanned once, not once per letter.
_WORD_BEFORE_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]++)-$")
_FIRST_WORD = re.compile(r"\s*+([^\W\d_]++)[ \t]?")
_FULL_LINE = 0.75  # a line at least this share of the usual width was wrapped by the page


def tidy_pages(pages: list[str]) -> list[str]:
    """The text of each page, cleaned, one entry per page so page numbers stay exact.

    Each page but the last ends with what joins it to the next one: a space when a paragraph runs on
    over the page break, a blank line otherwise; the caller concatenates them as they are.
    """
    lines = strip_running_lines([page.split("\n") for page in pages])
    texts = ["\n".join(page).strip("\n") for page in lines]
    known = vocabulary(texts)
    texts = [join_hyphenated_lines(text, known) for text in texts]
    texts = _join_split_words_across_pages(texts, known)
    width = _usual_width(texts)
    texts = [unwrap(text, width) for text in texts]
    for i in range(len(texts) - 1):
        last = texts[i].rsplit("\n", 1)[-1]
        first = texts[i + 1].split("\n", 1)[0]
        texts[i] += " " if texts[i] and _continues(last, first, width) else "\n\n"
    return texts


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines repeated at the top or bottom of at least half of the pages, and page numbers.

    A line is compared by its shape (digits replaced), so "Page 3 / 30" and "Contrat v2 - 12/2025"
    repeated with a changing number are recognised. In a two-page document only the first and last
    two lines are compared, since repetition is weaker evidence there; a bare page number is dropped
    when it is the page's own number.
    """
    edge_size = _EDGE_LINES if len(pages) >= 3 else 2
    edges = [_edge_indexes(lines, edge_size) for lines in pages]
    counts: Counter[str] = Counter()
    for lines, edge in zip(pages, edges, strict=True):
        counts.update({_shape(lines[i]) for i in edge})
    threshold = max(2, (len(pages) + 1) // 2)
    running = {shape for shape, n in counts.items() if n >= threshold} if len(pages) >= 2 else set()
    cleaned = []
    for number, (lines, edge) in enumerate(zip(pages, edges, strict=True), start=1):
        cleaned.append(
            [
                line
                for i, line in enumerate(lines)
                if not (i in edge and (_shape(line) in running or _is_page_number(line, number)))
            ]
        )
    return cleaned


def unwrap(text: str, width: int) -> str:
    """Turn the line breaks that only reflect the page width into spaces."""
    lines = text.split("\n")
    out = [lines[0]]
    for previous, line in zip(lines, lines[1:], strict=False):
        if _continues(previous, line, width):
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` carries on the paragraph of the physical line before it.

    It does when the line before does not end a sentence and either fills the text column or is
    followed by a lowercase word; never before a list item, a numbered clause or a heading.
    """
    stripped, start = previous.rstrip(), line.lstrip()
    if not stripped or not start or stripped.endswith(_FINAL):
        return False
    if _ITEM_START.match(line) or is_heading(line):
        return False
    return start[:1].islower() or (width > 0 and len(stripped) >= _FULL_LINE * width)


def _join_split_words_across_pages(texts: list[str], known: set[str]) -> list[str]:
    """Move the end of a word hyphenated across a page break back onto the first page."""
    out = list(texts)
    for i in range(len(out) - 1):
        head = _WORD_BEFORE_HYPHEN.search(out[i])
        tail = _FIRST_WORD.match(out[i + 1])
        if not (head and tail and tail.group(1)[:1].islower()):
            continue
        joined = join_hyphenated_lines(f"{head.group(1)}-\n{tail.group(1)}", known)
        out[i] = out[i][: head.start()] + joined
        out[i + 1] = out[i + 1][tail.end() :]
    return out


def _usual_width(texts: list[str]) -> int:
    """Characters on a full line of body text: a high percentile, so headings and ends don't count."""
    lengths = sorted(len(line.rstrip()) for text in texts for line in text.split("\n") if line.strip())
    if len(lengths) < 5:
        return 0
    return lengths[int(len(lengths) * 0.9) - 1]


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def _is_page_number(line: str, page: int) -> bool:
    match = _PAGE_NUMBER.match(line)
    # Printed numbering may start after a cover page or count from a previous volume; a table value
    # that happens to sit at the bottom of a page rarely equals the page number.
    return bool(match) and page - 2 <= int(match.group(1)) <= page


def _edge_indexes(lines: list[str], size: int) -> set[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return set(filled[:size] + filled[-size:])
