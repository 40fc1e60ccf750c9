"""Join the units of a file (pages, paragraphs, lines) into one Document with its offset map."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vendorcheck.ingest.cleanup import join_hyphenated_lines
from vendorcheck.models import Document, LocationUnit, SourceFormat
from vendorcheck.structure import detect_language, split_sections


def assemble(path: Path, data: bytes, fmt: SourceFormat, units: list[str], *, unit: LocationUnit,
             separator: str, page_count: int | None = None, warnings: list[str] | None = None) -> Document:
    """`units[i]` becomes location i+1. Hyphenated line breaks are rejoined inside each unit only,
    so a word split across two pages keeps its page boundary exact."""
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for index, text in enumerate(units):
        if index:
            parts.append(separator)
            offset += len(separator)
        text = join_hyphenated_lines(text)
        starts.append(offset)
        parts.append(text)
        offset += len(text)
    full = "".join(parts)
    return Document(
        name=path.name, path=str(path), format=fmt, sha256=hashlib.sha256(data).hexdigest(), text=full,
        unit=unit, unit_starts=starts, page_count=page_count, sections=split_sections(full),
        language=detect_language(full), warnings=warnings or [],
    )
