"""tests/data/corpus_vendors.yaml labels every corpus document, with names as the document writes them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from tests.conftest import CORPUS

VENDORS_FILE = Path(__file__).parent / "data" / "corpus_vendors.yaml"


class CorpusVendor(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    doc: str
    vendor: str | None = Field(description="None for a template or a document naming no vendor.")
    aliases: list[str]
    note: str = Field(min_length=1)


def _vendors() -> list[CorpusVendor]:
    raw = yaml.safe_load(VENDORS_FILE.read_text(encoding="utf-8"))
    return [CorpusVendor.model_validate(entry) for entry in raw["vendors"]]


def _folded(text: str) -> str:
    # Names may wrap across lines in the converted Markdown.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def corpus_texts() -> dict[str, str]:
    if not CORPUS.is_dir():  # in CI the run stops before (tests/conftest.py)
        pytest.skip("../shared/corpus is not beside the project")
    return {path.stem: _folded(path.read_text(encoding="utf-8")) for path in (CORPUS / "texts").glob("*.md")}


def test_one_entry_per_corpus_document(corpus_texts: dict[str, str]):
    docs = [entry.doc for entry in _vendors()]
    assert len(docs) == len(set(docs))
    assert set(docs) == set(corpus_texts)


def test_names_are_written_as_in_the_document(corpus_texts: dict[str, str]):
    for entry in _vendors():
        names = [entry.vendor, *entry.aliases] if entry.vendor else entry.aliases
        assert entry.vendor is not None or not entry.aliases, entry.doc
        for name in names:
            assert _folded(name) in corpus_texts[entry.doc], (entry.doc, name)
