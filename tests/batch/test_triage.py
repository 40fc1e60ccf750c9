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


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("README.md", "# Contrats\n\nCe dossier contient les contrats, conditions et annexes des parties.", "readme"),
        ("LISEZMOI.txt", "Contrat, conditions, article, parties, client, prestataire.", "readme"),
        ("readme-2025.txt", "Contrat", "readme"),
        ("rappels.txt", "Appeler le fournisseur jeudi.\nImprimer le devis.", "note"),
        ("todo.md", "- relancer Acme\n- archiver 2024", "note"),
        ("call notes.txt", "Call with the vendor on Tuesday about pricing.", "note"),
    ],
)
def test_what_is_not_a_document(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert skip_reason(path) == f"batch.skip.{reason}"
    assert t(f"batch.skip.{reason}", "fr") and t(f"batch.skip.{reason}", "en")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "cgu.md",
            "Conditions générales. Article 1 : le Prestataire héberge les données personnelles du Client. "
            "Article 2 : durée et résiliation.",
        ),
        (
            "dpa.txt",
            "This agreement between the Customer and the Provider sets the processor's obligations on "
            "personal data; termination ends it.",
        ),
        ("vide.txt", ""),  # an empty file is an error to report (VC-E002), not a note
        ("contrat.pdf", "%PDF-1.7 not really"),
        ("ancien.doc", "\u00d0\u00cf\u0011\u00e0"),  # a format vendorcheck cannot read: reported as an error
        ("scan.png", "\x89PNG"),  # images are read by text recognition, which decides (below)
    ],
)
def test_what_is_reviewed_or_reported(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert skip_reason(path) is None


@pytest.mark.parametrize(
    ("name", "head", "code", "skipped"),
    [
        ("blanche.png", b"\x89PNG\r\n\x1a\n", "VC-E016", True),  # text recognition read nothing: no contract
        ("page.JPG", b"\xff\xd8\xff\xe0", "VC-E016", True),
        ("sans-extension", b"\x89PNG\r\n\x1a\n", "VC-E016", True),
        ("vue.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "VC-E016", True),
        ("logo.png", b"\x89PNG\r\n\x1a\n", "VC-E017", False),  # a damaged picture may be a contract: an error
        ("scan.pdf", b"%PDF-1.7", "VC-E016", False),  # a scanned PDF with nothing read stays an error
        ("blanche.png", b"\x89PNG\r\n\x1a\n", None, False),  # read: reviewed like any contract
    ],
)
def test_an_image_is_skipped_once_text_recognition_reads_nothing(
    tmp_path: Path, name: str, head: bytes, code: str | None, skipped: bool
) -> None:
    path = tmp_path / name
    path.write_bytes(head + b"\x00" * 16)
    assert (triage.skipped_after_review(path, code) == "batch.skip.image") is skipped


def test_batch_of_the_samples_folder_skips_the_readme() -> None:
    found = {Path(f.ref.path).relative_to(ROOT / "samples").as_posix(): f for f in discover(ROOT / "samples")}
    assert found["contracts/README.md"].skipped == "batch.skip.readme"
    assert all(
        found[f"contracts/{name}"].skipped is None
        for name in (
            "pacs-radiologie-hebergement.md",
            "pacs-radiologie-hebergement.pdf",
            "pacs-radiologie-hebergement.docx",
            "saas-agenda-cgu-faibles.md",
            "dpa-cloud-backup-en.md",
        )
    )


@pytest.mark.slow
def test_a_blank_photo_in_a_batch_is_listed_as_skipped(tmp_path: Path) -> None:
    """The real text recognition on a blank page: nothing read, so no contract, listed with its reason."""
    from PIL import Image

    from vendorcheck.batch import BatchOptions, run_batch
    from vendorcheck.register import Register

    folder = tmp_path / "fournisseurs" / "acme"
    folder.mkdir(parents=True)
    Image.new("L", (1240, 1754), color=255).save(folder / "photo-page.png")
    with Register(tmp_path / "registre.sqlite") as register:
        result = run_batch(folder.parent, register, BatchOptions(jobs=1, health_data=False))
    assert (result.reviewed, result.failed) == (0, 0)
    assert [(Path(s.path).name, s.reason) for s in result.not_documents] == [("photo-page.png", "batch.skip.image")]
