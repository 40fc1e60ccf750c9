"""A practice's suppliers folder built from the shipped samples: supplier sub-folders, loose files, copies
of one document, damaged files and desktop clutter."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from vendorcheck.register import Register

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "contracts"
# Damaged or unreadable inputs and the error code each must be recorded with.
BAD_FILES = {
    "beta/scan-corrompu.pdf": "VC-E012",
    "beta/avenant.docx": "VC-E020",
    "beta/vide.txt": "VC-E002",
    "beta/logo.png": "VC-E017",
    "beta/ancien-contrat.doc": "VC-E003",
}  # logo.png: a broken picture
# Not documents at all: listed as skipped, with the catalogue key of their reason.
NOT_DOCUMENTS = {"README.md": "batch.skip.readme", "beta/rappels.txt": "batch.skip.note"}


def write_pdf(path: Path, text: str, lines_per_page: int = 40) -> int:
    """The text drawn line by line with reportlab; RETURNS the number of pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    lines = [chunk for paragraph in text.splitlines() for chunk in textwrap.wrap(paragraph, 95) or [""]]
    canvas = Canvas(str(path), pagesize=A4)
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    for page in pages:
        y = 800
        for line in page:
            canvas.drawString(40, y, line)
            y -= 18
        canvas.showPage()
    canvas.save()
    return len(pages)


def write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    document.save(str(path))


@pytest.fixture
def suppliers(tmp_path: Path) -> Path:
    """acme/ (a PDF contract and an English DPA), beta/ (weak French terms, a second copy of acme's DPA,
    four bad files), two loose files of Kalendo Santé at the top, and clutter that must be ignored.
    Short texts: the engine's speed is measured by the benchmarks, not here."""
    root = tmp_path / "fournisseurs"
    (root / "acme").mkdir(parents=True)
    (root / "beta").mkdir()
    dpa, cgu = (SAMPLES / "dpa-cloud-backup-en.md").read_text(), (SAMPLES / "saas-agenda-cgu-faibles.md").read_text()
    write_pdf(root / "acme" / "contrat-hebergement.pdf", dpa)
    shutil.copy(SAMPLES / "dpa-cloud-backup-en.md", root / "acme" / "dpa.md")
    shutil.copy(SAMPLES / "dpa-cloud-backup-en.md", root / "beta" / "dpa-copie.md")  # same content as acme's
    (root / "beta" / "cgu.md").write_text(cgu)
    write_docx(root / "contrat-kalendo.docx", cgu)  # loose files of one vendor, found in their text
    (root / "conditions-kalendo-2025.md").write_text(cgu.replace("Version 4.2", "Version 4.1"))
    (root / "beta" / "scan-corrompu.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    (root / "beta" / "avenant.docx").write_bytes(b"this is not a zip archive")
    (root / "beta" / "vide.txt").write_bytes(b"")
    (root / "beta" / "ancien-contrat.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    (root / "beta" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (root / "beta" / "rappels.txt").write_text("Rappeler Beta mardi pour le devis.\nApporter la clé USB.\n")
    (root / "README.md").write_text(
        "# Fournisseurs du cabinet\n\nUn dossier par fournisseur : contrat, conditions générales et déclaration.\n"
    )
    (root / "beta" / "~$cgu.docx").write_bytes(b"Office lock file")
    (root / ".DS_Store").write_bytes(b"\x00\x00")
    return root


MANY = 8


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Eight distinct short contracts (the openings of two samples) in three supplier folders: enough for
    a run to be stopped mid-way, small enough to keep the suite fast."""
    root = tmp_path / "lot"
    texts = [
        (SAMPLES / "saas-agenda-cgu-faibles.md").read_text(encoding="utf-8")[:2500],
        (SAMPLES / "dpa-cloud-backup-en.md").read_text(encoding="utf-8")[:2500],
    ]
    for i in range(MANY):
        folder = root / f"fournisseur-{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"contrat-{i:02}.md").write_text(texts[i % 2] + f"\n\nVersion {i}.\n", encoding="utf-8")
    return root


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    with Register(tmp_path / "registre.sqlite") as reg:
        yield reg


@pytest.fixture(autouse=True)
def private_hds_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HDS lists the user imported on this machine must not change a test's verdicts."""
    monkeypatch.setenv("VENDORCHECK_HOME", str(tmp_path / "home"))
