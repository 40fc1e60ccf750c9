"""Join the units of a file (pages, paragraphs, lines) into one Document with its offset map."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vendorcheck.i18n import Message
from vendorcheck.models import Document, LocationUnit, RecognisedPage, SourceFormat
from vendorcheck.structure import detect_language, split_sections


def assemble(
    path: Path,
    data: bytes,
    fmt: SourceFormat,
    units: list[str],
    *,
    unit: LocationUnit,
    separator: str,
    page_count: int | None = None,
    warnings: list[Message] | None = None,
    recognised: list[RecognisedPage] | None = None,
) -> Document:
    """`units[i]` becomes location i+1; units are final text, so every offset maps back exactly."""
    starts: list[int] = []
    offset = 0
    for index, text in enumerate(units):
        if index:
            offset += len(separator)
        starts.append(offset)
        offset += len(text)
    full = separator.join(units)
    return Document(
        name=path.name,
        path=str(path),
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        text=full,
        unit=unit,
        unit_starts=starts,
        page_count=page_count,
        sections=split_sections(full),
        language=detect_language(full),
        warnings=warnings or [],
        recognised=recognised or [],
    )
