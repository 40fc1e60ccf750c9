"""`batch --redline`: an annotated copy of every Word contract, beside the exports, written once."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.addendum.wordml import revisions
from tests.docx_contracts import WEAK_CONTRACT, python_docx
from vendorcheck.addendum.redline import AUTHOR
from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.register import Register

from .conftest import SAMPLES


def test_each_word_contract_gets_its_annotated_copy_once(tmp_path: Path, register: Register) -> None:
    root = tmp_path / "fournisseurs"
    (root / "logimed").mkdir(parents=True)
    (root / "logimed" / "contrat.docx").write_bytes(python_docx(WEAK_CONTRACT))
    shutil.copy(SAMPLES / "saas-agenda-cgu-faibles.md", root / "cgu-kalendo.md")
    annotated_dir = tmp_path / "resultats" / "contrats-annotes"
    options = BatchOptions(jobs=1, redline_dir=annotated_dir)

    first = run_batch(root, register, options)
    annotated = annotated_dir / "logimed" / "contrat-annote.docx"
    assert first.reviewed == 2
    assert sorted(p.relative_to(annotated_dir).as_posix() for p in annotated_dir.rglob("*.docx")) == [
        "logimed/contrat-annote.docx"
    ]  # the Markdown terms cannot be annotated
    assert revisions(annotated.read_bytes(), AUTHOR)

    again = run_batch(root, register, options)  # nothing changed: nothing reviewed nor rewritten
    assert (again.reviewed, again.skipped) == (0, 2)

    annotated.unlink()  # a copy deleted since: that contract alone is reviewed again to write it
    third = run_batch(root, register, options)
    assert (third.reviewed, third.skipped) == (1, 1) and annotated.is_file()
