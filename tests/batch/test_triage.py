"""Triage: READMEs, notes and images without text are skipped with their reason; contracts, empty files and
formats vendorcheck cannot read are not (they are reviewed or reported as errors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorcheck.batch import triage
from vendorcheck.batch.discover import discover
from vendorcheck.batch.triage import skip_reason
from vendorcheck.i18n import t

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("README.md", "# Contrats\n\nCe dossier contient les contrats, conditions et annexes des parties.", "readme"),
    ("LISEZMOI.txt", "Contrat, conditions, article, parties, client, prestataire.", "readme"),
    ("readme-2025.txt", "Contrat", "readme"),
    ("rappels.txt", "Appeler le fournisseur jeudi.\nImprimer le devis.", "note"),
    ("todo.md", "- relancer Acme\n- archiver 2024", "note"),
    ("call notes.txt", "Call with the vendor on Tuesday about pricing.", "note"),
    ("scan.png", "", "image"),
    ("photo.JPG", "", "image"),
    ("sans-extension", b"\x89PNG\r\n\x1a\n\x00\x00", "image"),
    ("page.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image"),
])
def test_what_is_not_a_document(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert skip_reason(path) == f"batch.skip.{reason}"
    assert t(f"batch.skip.{reason}", "fr") and t(f"batch.skip.{reason}", "en")


@pytest.mark.parametrize(("name", "content"), [
    ("cgu.md", "Conditions générales. Article 1 : le Prestataire héberge les données personnelles du Client. "
               "Article 2 : durée et résiliation."),
    ("dpa.txt", "This agreement between the Customer and the Provider sets the processor's obligations on "
                "personal data; termination ends it."),
    ("vide.txt", ""),  # an empty file is an error to report (VC-E002), not a note
    ("contrat.pdf", "%PDF-1.7 not really"),
    ("ancien.doc", "\u00d0\u00cf\u0011\u00e0"),  # a format vendorcheck cannot read: reported as an error
])
def test_what_is_reviewed_or_reported(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert skip_reason(path) is None


def test_images_are_skipped_until_text_recognition_reads_them(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """One place decides whether an image carries text: text recognition replaces it."""
    path = tmp_path / "contrat-scanne.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert skip_reason(path) == "batch.skip.image"
    monkeypatch.setattr(triage, "image_has_text", lambda _path: True)
    assert skip_reason(path) is None


def test_batch_of_the_samples_folder_skips_the_readme() -> None:
    found = {Path(f.ref.path).relative_to(ROOT / "samples").as_posix(): f for f in discover(ROOT / "samples")}
    assert found["contracts/README.md"].skipped == "batch.skip.readme"
    assert all(found[f"contracts/{name}"].skipped is None for name in (
        "pacs-radiologie-hebergement.md", "pacs-radiologie-hebergement.pdf", "pacs-radiologie-hebergement.docx",
        "saas-agenda-cgu-faibles.md", "dpa-cloud-backup-en.md"))
