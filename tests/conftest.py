"""Shared fixtures: the shipped rule pack, and documents built from plain strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorcheck.ingest import IngestOptions, load_bytes
from vendorcheck.models import Document, Language
from vendorcheck.rulebook import RulePack, load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def rule_pack() -> RulePack:
    return load_rules()


def document_from_text(text: str, lang: Language) -> Document:
    """A Document for a snippet, with its language forced (detection needs more than one sentence)."""
    document = load_bytes(Path("snippet.txt"), text.encode("utf-8"), IngestOptions())
    return document.model_copy(update={"language": lang})
