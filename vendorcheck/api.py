"""The library entry points the CLI, the batch and the web app call: one function per journey step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vendorcheck.engine.review import review_document
from vendorcheck.ingest import IngestOptions, load
from vendorcheck.models import Document, Language, Review
from vendorcheck.rulebook import RulePack, load_rules


def review(document: Document, *, health_data: bool = True, lang: Language = "fr",
           rules: RulePack | None = None) -> Review:
    """Review an already-loaded document against the rule pack (the shipped one by default)."""
    return review_document(document, rules or load_rules(), health_data=health_data, lang=lang)


def review_file(path: str | Path, *, health_data: bool = True, lang: Language = "fr",
                rules: RulePack | None = None,
                ingest: IngestOptions | dict[str, Any] | None = None) -> Review:
    """Load a contract file and review it. Raises an InputError subclass for unreadable files."""
    return review(load(path, ingest), health_data=health_data, lang=lang, rules=rules)
