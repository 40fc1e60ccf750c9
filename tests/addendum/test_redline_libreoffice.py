"""The redline on Word files as LibreOffice saves them: the shipped sample contracts, our own weak
contract, and real contracts of the corpus the redline was not developed on (converted at test time,
never copied into the project). Then LibreOffice itself reads the result: it converts it to PDF, and
saving it again keeps vendorcheck's tracked changes and comments, so they are real revisions to it."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from tests.addendum.redline_checks import (
    assert_accept_leaves_no_violation,
    assert_every_change_is_commented,
    assert_reject_gives_the_original,
    assert_tracked_by_vendorcheck,
)
from tests.addendum.wordml import accept_all, comments, revisions
from tests.docx_contracts import (
    WEAK_CONTRACT,
    libreoffice_docx,
    libreoffice_resolve,
    require_soffice,
    soffice_convert,
    styled_paragraphs,
    weakened_pacs,
)
from vendorcheck.addendum.redline import AUTHOR, Redline, redline_docx

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "contracts"
CORPUS_TEXTS = ROOT.parent / "shared" / "corpus" / "texts"
# Weak real contracts, one French and one English, chosen by their labels (many gaps, one contradiction or
# more) and left out of the redline's development: the check that it generalises.
UNSEEN = {"corpus-033-fr": ("033_clevercloud-cgu-2013.md", "fr"), "corpus-014-en": ("014_plausible-dpa.md", "en")}
SOURCES = {
    "saas-agenda-cgu-faibles": (lambda: (SAMPLES / "saas-agenda-cgu-faibles.md").read_text(encoding="utf-8"), "fr"),
    "dpa-cloud-backup-en": (lambda: (SAMPLES / "dpa-cloud-backup-en.md").read_text(encoding="utf-8"), "en"),
    "contrat-faible-libreoffice": (lambda: WEAK_CONTRACT, "fr"),
    **{case: (lambda name=name: _corpus_text(name), lang) for case, (name, lang) in UNSEEN.items()},
}


WORD_NUMBERED = "pacs-numerotation-word"  # the shipped Word sample, weakened (tests/docx_contracts.py)


def _corpus_text(name: str) -> str:
    path = CORPUS_TEXTS / name
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"corpus text missing: {path}")
        pytest.skip(f"corpus text missing: {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_soffice()
    return tmp_path_factory.mktemp("redline-libreoffice")


@cache
def _redlined(case: str, folder: Path) -> tuple[bytes, Redline]:
    if case == WORD_NUMBERED:
        original, lang = weakened_pacs(), "fr"
    else:
        text, lang = SOURCES[case]
        original = libreoffice_docx(text(), folder / case, case)
    return original, redline_docx(original, name=f"{case}.docx", lang=lang, today=date(2026, 12, 5))


@pytest.mark.parametrize("case", SOURCES)
def test_redline_of_a_libreoffice_document(case: str, workdir: Path) -> None:
    original, result = _redlined(case, workdir)
    assert_tracked_by_vendorcheck(result, "2026-12-05")
    assert_reject_gives_the_original(original, result)
    assert_accept_leaves_no_violation(result)
    assert_every_change_is_commented(result, SOURCES[case][1])


def test_libreoffice_prints_the_redline_and_keeps_its_revisions_when_saving(workdir: Path) -> None:
    import pypdfium2

    original, result = _redlined("saas-agenda-cgu-faibles", workdir)
    folder = workdir / "relu"
    folder.mkdir()
    annotated = folder / "contrat-annote.docx"
    annotated.write_bytes(result.content)
    pdf = pypdfium2.PdfDocument(soffice_convert(annotated, "pdf", folder))
    text = " ".join(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())
    assert len(pdf) >= 3
    assert "Protection des données personnelles et hébergement des données de santé" in text
    saved_again = folder / "resave"
    saved_again.mkdir()
    resaved = soffice_convert(annotated, "docx:MS Word 2007 XML", saved_again).read_bytes()
    assert len(revisions(resaved, AUTHOR)) >= len(result.clauses)
    kept = [text for author, text in comments(resaved).values() if author == AUTHOR]
    assert len(kept) == result.comments
    with zipfile.ZipFile(io.BytesIO(resaved)) as archive:  # LibreOffice still sees a Word document
        assert "word/document.xml" in archive.namelist()


@pytest.mark.parametrize(
    "case", ["saas-agenda-cgu-faibles", "contrat-faible-libreoffice", "corpus-014-en", WORD_NUMBERED]
)
def test_libreoffices_own_accept_and_reject_all(case: str, workdir: Path) -> None:
    """LibreOffice's "Reject all" gives back the original paragraphs with their styles and numbering, and
    its "Accept all" the document the redline means (our accept-all, saved by LibreOffice the same way)."""
    original, result = _redlined(case, workdir)
    folder = workdir / f"resolve-{case}"
    folder.mkdir()
    source, annotated, ours = folder / "original.docx", folder / "annote.docx", folder / "accepte.docx"
    source.write_bytes(original)
    annotated.write_bytes(result.content)
    ours.write_bytes(accept_all(result.content))
    before = styled_paragraphs(libreoffice_resolve(source, "RejectAllTrackedChanges", folder).read_bytes())
    rejected = styled_paragraphs(libreoffice_resolve(annotated, "RejectAllTrackedChanges", folder).read_bytes())
    assert rejected == before
    accepted = styled_paragraphs(libreoffice_resolve(annotated, "AcceptAllTrackedChanges", folder).read_bytes())
    assert accepted == styled_paragraphs(libreoffice_resolve(ours, "AcceptAllTrackedChanges", folder).read_bytes())
