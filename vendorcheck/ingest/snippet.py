"""A Document from a short piece of contract wording, for phrasing batteries and tests."""

from __future__ import annotations

from pathlib import Path

from vendorcheck.ingest import load_bytes
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.models import Document, Language


def document_from_text(text: str, lang: Language) -> Document:
    """A Document for a snippet, with its language forced (detection needs more than one sentence)."""
    document = load_bytes(Path("snippet.txt"), text.encode("utf-8"), IngestOptions())
    return document.model_copy(update={"language": lang})
