"""`vendorcheck eval` on a folder that is not a labelled corpus: one line, exit 2 (was ZeroDivisionError)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from vendorcheck.cli.main import app

WIDE = {"COLUMNS": "1000"}


def corpus_with_label(tmp: Path, content: str) -> Path:
    (tmp / "labels").mkdir()
    (tmp / "labels" / "001.json").write_text(content, encoding="utf-8")
    return tmp


@pytest.mark.parametrize(
    ("label", "named", "wording"),
    [
        (None, "absent", "dossier introuvable"),
        (None, "", "aucun document étiqueté (labels/*.json)"),
        ('{"labels": {}}', "", "aucun document étiqueté"),
        ("[1, 2", "labels/001.json", "fichier d'étiquettes illisible (JSONDecodeError)"),
    ],
    ids=["missing", "empty", "no-label", "broken-label"],
)
def test_eval_without_a_corpus_is_one_line_and_exit_2(
    tmp_path: Path, label: str | None, named: str, wording: str
) -> None:
    corpus = tmp_path / "absent" if named == "absent" else tmp_path
    if label is not None:
        corpus_with_label(tmp_path, label)
    result = CliRunner().invoke(app, ["eval", str(corpus)], env=WIDE)
    assert result.exit_code == 2, result.output
    shown = tmp_path / named if named else tmp_path
    assert result.stderr.startswith(f"[VC-E042] {shown} : {wording}") and result.stderr.count("\n") == 1
