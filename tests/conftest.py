"""Shared fixtures: the shipped rule pack, and documents built from plain strings; the corpus check of CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Re-exported: tests build snippet documents with the same helper as scripts/score_battery.py.
from vendorcheck.ingest.snippet import document_from_text as document_from_text
from vendorcheck.rulebook import RulePack, load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def missing_corpus(environ: dict[str, str] | os._Environ[str], corpus: Path) -> str | None:
    """Why this run must stop: in CI (`CI=true`), the labelled corpus must be there, or every test that
    measures detection on it would skip and CI would go green without measuring anything."""
    if environ.get("CI", "").lower() == "true" and not (corpus / "texts").is_dir():
        return f"CI=true but the labelled corpus is missing at {corpus}: detection would not be measured"
    return None


def pytest_configure(config: pytest.Config) -> None:
    problem = missing_corpus(os.environ, CORPUS)
    if problem:
        raise pytest.UsageError(problem)


@pytest.fixture(scope="session")
def rule_pack() -> RulePack:
    return load_rules()
