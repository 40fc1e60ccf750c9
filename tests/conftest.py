"""Shared fixtures: the shipped rule pack, and documents built from plain strings."""

from __future__ import annotations

from pathlib import Path

import pytest

# Re-exported: tests build snippet documents with the same helper as scripts/score_battery.py.
from vendorcheck.ingest.snippet import document_from_text as document_from_text
from vendorcheck.rulebook import RulePack, load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def rule_pack() -> RulePack:
    return load_rules()
