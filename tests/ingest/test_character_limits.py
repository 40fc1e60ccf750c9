"""Character bounds: a PDF page, or a whole document, with more text than any contract is refused in one
line before its text costs gigabytes. The PDFs are a few kilobytes, built here (tests/hostile.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.hostile import dense_page, pdf, text_page
from vendorcheck import errors
from vendorcheck.cli.main import app
from vendorcheck.i18n import format_number
from vendorcheck.ingest import IngestOptions, load
from vendorcheck.limits import MAX_DOCUMENT_CHARS, MAX_PAGE_CHARS, MAX_PAGE_PARSE_BYTES
from vendorcheck.memory import heap_in_use


def write(tmp_path: Path, pages: list[bytes], name: str = "contrat.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf(pages))
    return path


@pytest.mark.skipif(heap_in_use() is None, reason="the parse bound needs glibc's mallinfo2")
def test_a_page_carrying_millions_of_characters_is_refused_before_its_text_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, [text_page(["Article 1 - Objet"]), dense_page(10_000_000)])
    assert path.stat().st_size < 50_000
    started, before = time.monotonic(), heap_in_use()
    with pytest.raises(errors.PageTooDense) as refused:
        load(path)
    # Its text layer alone would have taken about 1 GB and 10 s; what parsing took is given back.
    assert time.monotonic() - started < 5
    assert (heap_in_use() or 0) - (before or 0) < 32 * 1024 * 1024
    assert refused.value.message() == (
        f"[VC-E008] {path} : page 2 démesurée (son contenu occuperait plus de {MAX_PAGE_PARSE_BYTES // 1048576} Mo "
        "une fois lu) ; le PDF est probablement fabriqué ou endommagé"
    )


def test_a_page_over_the_character_bound_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, [dense_page(MAX_PAGE_CHARS + 20_000)])
    with pytest.raises(errors.PageTooDense) as refused:
        load(path)
    count = refused.value.details["count"]
    assert 220_000 <= count < 221_000  # PDFium adds a line break between text runs
    assert f"page 1 démesurée ({format_number(count, 'fr')} caractères, limite 200\u202f000 par page)" in (
        refused.value.message()
    )


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_document_over_the_character_bound_is_refused_at_the_page_that_crosses_it(
    tmp_path: Path, engine: str
) -> None:
    line = "Le prestataire notifie toute violation de données dans un délai de 24 heures."
    path = write(tmp_path, [text_page([line] * 40)] * 5)
    options = IngestOptions(max_document_chars=7_000, pdf_engine=engine)  # each page holds about 3 200
    with pytest.raises(errors.TooManyCharacters) as refused:
        load(path, options)
    assert refused.value.details["limit"] == 7_000 and 7_000 < refused.value.details["count"] < 10_000
    assert load(path, IngestOptions(pdf_engine=engine)).page_count == 5


def test_a_text_file_over_the_character_bound_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "contrat.txt"
    text = "Contrat. " * (MAX_DOCUMENT_CHARS // 9 + 100)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(path), "--lang", "en"], env={"COLUMNS": "1000"})
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(
        f"[VC-E007] {path} : oversized text ({len(text):,} characters, limit {MAX_DOCUMENT_CHARS:,});"
    )
