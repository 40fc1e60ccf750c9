"""A whole batch: bad files become error rows, copies are reviewed once, the register holds the picture."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from sqlalchemy import func, select

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.register import Register
from vendorcheck.register.models import DocumentFile, DocumentRow, ErrorRow, ReviewRow, Run
from vendorcheck.register.summary import build_dashboard

from .conftest import BAD_FILES


def test_corrupt_files_and_duplicates(suppliers: Path, register: Register) -> None:
    result = run_batch(suppliers, register, BatchOptions(jobs=1, health_data=True))
    # 10 files, 9 contents (acme/dpa.md and beta/dpa-copie.md are one document): 5 reviewed, 4 refused.
    assert (result.files, result.documents, result.reviewed, result.failed, result.skipped) == (10, 9, 5, 4, 0)
    assert not result.interrupted
    assert result.pages == len(pdfium.PdfDocument(suppliers / "acme/contrat-hebergement.pdf"))
    with register.transaction() as session:
        codes = {Path(row.path).relative_to(suppliers).as_posix(): error.code
                 for row, error in session.execute(select(ReviewRow, ErrorRow).join(ErrorRow))}
        assert codes == BAD_FILES
        # One review for the two copies, and both copies point at it, each in its own supplier.
        shared = session.scalars(select(DocumentRow).where(DocumentRow.name == "dpa.md")).one()
        reviews = select(func.count()).select_from(ReviewRow).where(ReviewRow.document_id == shared.id)
        assert session.scalar(reviews) == 1
        owners = sorted(f.supplier.name for f in session.scalars(
            select(DocumentFile).where(DocumentFile.document_id == shared.id)))
        assert owners == ["acme", "beta"]
        run = session.scalars(select(Run)).one()
        assert (run.status, run.reviewed, run.failed) == ("complete", 5, 4) and run.snapshot
        dashboard = build_dashboard(session)
    lines = {s.name: s for s in dashboard.suppliers}
    # The two loose files name their vendor in their first lines: they are grouped under it.
    assert set(lines) == {"acme", "beta", "Kalendo Santé"}
    assert sorted(d.name for d in lines["Kalendo Santé"].documents) == ["conditions-kalendo-2025.md",
                                                                         "contrat-kalendo.docx"]
    assert lines["beta"].errors == 4 and len(lines["beta"].documents) == 6
    assert lines["acme"].overall != "unchecked" and len(lines["acme"].cells) == len(lines["beta"].cells) > 0
    assert sorted(e.code for e in dashboard.errors) == sorted(BAD_FILES.values())
    # Every supplier is checked against the HDS list; none of these invented ones is on it, and hosting
    # health data with an uncertified supplier is not signable.
    assert {(s.hds.verdict, s.overall) for s in dashboard.suppliers} == {("not_found", "not_signable")}
    assert all(s.hds.snapshot for s in dashboard.suppliers)
