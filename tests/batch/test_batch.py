"""A whole batch: bad files become error rows, copies are reviewed once, the register holds the picture."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from sqlalchemy import func, select

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.register import Register
from vendorcheck.register.models import DocumentFile, DocumentRow, ErrorRow, HdsVerdictRow, ReviewRow, Run
from vendorcheck.register.summary import build_dashboard

from .conftest import BAD_FILES, NOT_DOCUMENTS, SAMPLES


def test_corrupt_files_and_duplicates(suppliers: Path, register: Register) -> None:
    result = run_batch(suppliers, register, BatchOptions(jobs=1, health_data=True))
    # 11 files, 10 contents (acme/dpa.md and beta/dpa-copie.md are one document): 5 reviewed, 5 refused;
    # a README and a note are listed apart, with their reason, and reach neither count.
    assert (result.files, result.documents, result.reviewed, result.failed, result.skipped) == (11, 10, 5, 5, 0)
    assert {Path(s.path).relative_to(suppliers).as_posix(): s.reason for s in result.not_documents} == NOT_DOCUMENTS
    assert not result.interrupted
    assert result.pages == len(pdfium.PdfDocument(suppliers / "acme/contrat-hebergement.pdf"))
    with register.transaction() as session:
        codes = {
            Path(row.path).relative_to(suppliers).as_posix(): error.code
            for row, error in session.execute(select(ReviewRow, ErrorRow).join(ErrorRow))
        }
        assert codes == BAD_FILES
        # One review for the two copies, and both copies point at it, each in its own supplier.
        shared = session.scalars(select(DocumentRow).where(DocumentRow.name == "dpa.md")).one()
        reviews = select(func.count()).select_from(ReviewRow).where(ReviewRow.document_id == shared.id)
        assert session.scalar(reviews) == 1
        owners = sorted(
            f.supplier.name for f in session.scalars(select(DocumentFile).where(DocumentFile.document_id == shared.id))
        )
        assert owners == ["acme", "beta"]
        run = session.scalars(select(Run)).one()
        assert (run.status, run.reviewed, run.failed) == ("complete", 5, 5) and run.snapshot
        dashboard = build_dashboard(session)
    lines = {s.name: s for s in dashboard.suppliers}
    # The two loose files name their vendor in their first lines: they are grouped under it.
    assert set(lines) == {"acme", "beta", "Kalendo Santé"}
    assert sorted(d.name for d in lines["Kalendo Santé"].documents) == [
        "conditions-kalendo-2025.md",
        "contrat-kalendo.docx",
    ]
    assert lines["beta"].errors == 5 and len(lines["beta"].documents) == 7
    assert lines["acme"].overall != "unchecked" and len(lines["acme"].cells) == len(lines["beta"].cells) > 0
    assert sorted(e.code for e in dashboard.errors) == sorted(BAD_FILES.values())
    # Every supplier is checked against the HDS list; none of these invented ones is on the shipped one,
    # which is partial: "not found" is then a point to verify, so no supplier can be signed as is.
    assert {s.hds.verdict for s in dashboard.suppliers} == {"not_found"}
    assert "signable" not in {s.overall for s in dashboard.suppliers}
    assert all(s.hds.snapshot for s in dashboard.suppliers)


def test_a_vendor_declaration_identifies_the_supplier_for_the_hds_check(tmp_path: Path, register: Register) -> None:
    from vendorcheck.hds import import_file

    import_file(SAMPLES.parent / "hds" / "liste-exemple.csv", list_date=date(2026, 11, 2))
    root = tmp_path / "lot"
    (root / "armor").mkdir(parents=True)
    shutil.copy(SAMPLES.parent / "declarations" / "armor-imagerie-coherente.yaml", root / "armor" / "declaration.yaml")
    (root / "armor" / "brouillon.yaml").write_text("vendor:\n  name: Armor\n  siren: 123 456 789\n")  # bad key
    result = run_batch(root, register, BatchOptions(today=date(2026, 12, 1)))
    assert (result.reviewed, result.failed) == (1, 1)
    with register.transaction() as session:
        (armor,) = build_dashboard(session).suppliers
        (verdict,) = session.scalars(select(HdsVerdictRow)).all()
        error = session.scalars(select(ErrorRow)).one()
    # The declared SIREN is looked up, and the declared certificate checked against the imported list.
    assert (verdict.query, verdict.service, verdict.verdict) == ("903782142", "pacs", "certified")
    assert (armor.hds.entity, armor.hds.expires_on, armor.hds.snapshot) == (
        "Armor Imagerie Cloud",
        date(2028, 2, 2),
        "2026-11-02",
    )
    assert armor.overall == "unchecked"  # a declaration is not a contract: there is still nothing to sign
    assert error.code == "VC-E055" and not error.retryable
