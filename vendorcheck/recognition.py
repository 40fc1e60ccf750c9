"""Findings that rest on text read by OCR: marked as such, and never shown surer than that reading.

A quote from a scanned page is what Tesseract read, not necessarily what is printed; a requirement
missing from a scan may sit on a page that was poorly read. Each such finding carries the recognition
confidence of its pages (`ocr_confidence`), and its own confidence is scaled down by it. Pages read
below LOW_CONFIDENCE are listed for the reader to check by eye (« relisez la page 3 »).
"""

from __future__ import annotations

from vendorcheck.i18n import t
from vendorcheck.models import Document, Finding, Language, Status

# Tesseract's mean word confidence on a page. Clean 200 dpi scans and the sample phone photo read at
# 92-94; at 75 and below, about one word in ten or more is wrong (a blurred or dark page, a thermal fax).
LOW_CONFIDENCE = 80.0


def temper(findings: list[Finding], document: Document) -> list[Finding]:
    """The findings, those resting on recognised pages marked and their confidence capped by the reading's."""
    reading = {page.page: page.confidence for page in document.recognised}
    if not reading:
        return findings
    lowest = min(reading.values())
    return [_tempered(finding, reading, lowest) for finding in findings]


def _tempered(finding: Finding, reading: dict[int, float], lowest: float) -> Finding:
    if finding.status is Status.not_applicable:
        return finding
    if finding.evidence:
        pages = [reading[e.page] for e in finding.evidence if e.page in reading]
        if not pages:
            return finding  # quoted from the text layer of a mixed PDF: read as typed
        confidence = min(pages)
    else:
        # Absent from the whole text: any page read badly may be where the clause was.
        confidence = lowest
    return finding.model_copy(
        update={"ocr_confidence": confidence, "confidence": round(finding.confidence * confidence / 100, 2)}
    )


def reading_notes(document: Document, lang: Language) -> list[str]:
    """The report's lines on OCR: which pages were recognised, how well, and which to reread."""
    if not document.recognised:
        return []
    pages = document.recognised
    mean = sum(page.confidence for page in pages) / len(pages)
    notes = [
        t("ocr.notice", lang, count=len(pages), pages=page_ranges([p.page for p in pages]), confidence=round(mean))
    ]
    notes += [
        t("ocr.reread", lang, page=str(page.page), confidence=round(page.confidence))
        for page in pages
        if page.confidence < LOW_CONFIDENCE
    ]
    return notes


def finding_note(finding: Finding, lang: Language) -> str | None:
    """'read by character recognition (confidence 87 %)…' under a finding resting on OCR text."""
    if finding.ocr_confidence is None:
        return None
    key = "ocr.finding" if finding.evidence else "ocr.finding_missing"
    return t(key, lang, confidence=round(finding.ocr_confidence))


def page_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5, 7, 8] -> '1-3, 5, 7-8'."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
