"""Verbatim quotes with their location: `quote == document.text[start:end]` by construction."""

from __future__ import annotations

from vendorcheck.engine.analysis import Analysis
from vendorcheck.models import Evidence

MAX_QUOTE = 400
_TRIM = " \t\n|>*#-•"  # list markers and Markdown/table markup around a sentence


def evidence_for(analysis: Analysis, sentence: int) -> Evidence | None:
    s = analysis.sentences[sentence]
    text = analysis.document.text
    start, end = s.start, s.end
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end - start < 3:
        return None
    if end - start > MAX_QUOTE:
        cut = text.rfind(" ", start, start + MAX_QUOTE)
        end = cut if cut > start else start + MAX_QUOTE
    return analysis.document.quote(start, end, opened_before=s.start)
