"""A scanned contract in a batch: read by OCR in the workers, and retried once OCR is turned on."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.register import Register

from .conftest import SAMPLES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import make_scans  # noqa: E402


@pytest.mark.slow
def test_scan_refused_without_ocr_is_read_by_the_next_run(tmp_path: Path, register: Register) -> None:
    folder = tmp_path / "fournisseurs" / "armor"
    folder.mkdir(parents=True)
    rng = np.random.default_rng(1)
    pages = [
        make_scans.scanned(page, rng)
        for page in make_scans.rasterise(SAMPLES / "pacs-radiologie-hebergement.pdf", 200, [1, 2, 3])
    ]
    (folder / "contrat-signe.pdf").write_bytes(make_scans.image_pdf(pages))
    root = folder.parent
    refused = run_batch(root, register, BatchOptions(jobs=1, ocr="never"))
    assert (refused.reviewed, refused.failed) == (0, 1)
    # Two workers: the three pages share the batch's two Tesseract slots.
    read = run_batch(root, register, BatchOptions(jobs=2))
    assert (read.reviewed, read.failed, read.skipped, read.pages) == (1, 0, 0, 3)
