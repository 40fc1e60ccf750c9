"""The DOCX opens without repair: LibreOffice converts it to PDF with every page and every article."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.addendum.conftest import synthetic_review
from vendorcheck.addendum import draft, write
from vendorcheck.models import Status

pytestmark = pytest.mark.slow
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice absent (CI installs it: .ci/setup.d/libreoffice.sh)")
def test_docx_converts_to_pdf(tmp_path: Path, rule_ids: list[str]) -> None:
    import pypdfium2

    review = synthetic_review({rid: Status.missing for rid in rule_ids})
    addendum = draft(review, parties={"processor": {"name": "Santé Cloud"}})
    source = tmp_path / "avenant.docx"
    source.write_bytes(write(addendum, "docx"))
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a running LibreOffice or another test
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf_path = tmp_path / "avenant.pdf"
    assert completed.returncode == 0 and pdf_path.is_file(), completed.stderr

    pdf = pypdfium2.PdfDocument(pdf_path)
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    text = " ".join(" ".join(pages).split())
    # 24 clauses, framework articles and three annexes, each annex on its own page: about 15 A4 pages.
    assert 10 <= len(pages) <= 25
    assert pdf[0].get_size() == pytest.approx((595.3, 841.9), abs=1)  # A4, in points
    for article in addendum.articles:
        assert f"Article {article.number} – {article.title}" in text, article.title
    assert "Santé Cloud" in text and "[Nom du cabinet]" in text
    annex_pages = [next(i for i, page in enumerate(pages) if f"Annexe {n} –" in page) for n in (1, 2, 3)]
    signature_page = max(i for i, page in enumerate(pages) if "Pour le Prestataire" in page)
    assert signature_page < annex_pages[0] < annex_pages[1] < annex_pages[2]
    assert f"Page {len(pages)}" in " ".join(pages[-1].split())  # the footer's page field was computed
