"""An output (`-o`, `--ocr-output`) that cannot be written is refused in one line before any analysis: not
after a review of minutes or a batch of hours."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import vendorcheck.api
import vendorcheck.batch
from vendorcheck import files
from vendorcheck.cli.main import app

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "contracts" / "saas-agenda-cgu-faibles.md"
WIDE = {"COLUMNS": "1000"}


@pytest.fixture(autouse=True)
def no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any analysis started before the refusal fails the test."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the analysis started before the output was checked")

    monkeypatch.setattr(vendorcheck.api, "review_file", forbidden)
    monkeypatch.setattr(vendorcheck.batch, "run_batch", forbidden)


@pytest.mark.parametrize(
    ("args", "wording"),
    [
        (["review", str(SAMPLE), "-o", "{tmp}/absent/rapport.html"], "le dossier {tmp}/absent n'existe pas"),
        (["review", str(SAMPLE), "-o", "{tmp}"], "c'est un dossier ; indiquez le nom du fichier à écrire"),
        (["review", str(SAMPLE), "--ocr-output", "{tmp}/absent/archive.pdf"], "le dossier {tmp}/absent n'existe pas"),
        (["addendum", str(SAMPLE), "-o", "{tmp}/fichier.txt/avenant.docx"], "{tmp}/fichier.txt n'est pas un dossier"),
        (
            ["batch", "{tmp}", "-o", "{tmp}/fichier.txt/sorties", "--db", "{tmp}/r.sqlite"],
            "{tmp}/fichier.txt n'est pas un dossier",
        ),
        (
            ["register", "export", "-o", "{tmp}/fichier.txt/sorties", "--db", "{tmp}/r.sqlite"],
            "{tmp}/fichier.txt n'est pas un dossier",
        ),
        (["hds", "template", "{tmp}/absent/declaration.xlsx"], "le dossier {tmp}/absent n'existe pas"),
    ],
    ids=["review-missing", "review-folder", "ocr-output", "addendum", "batch", "register-export", "hds-template"],
)
def test_an_output_that_cannot_be_written_is_refused_first(tmp_path: Path, args: list[str], wording: str) -> None:
    (tmp_path / "fichier.txt").write_text("x")
    result = CliRunner().invoke(app, [a.format(tmp=tmp_path) for a in args], env=WIDE)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("[VC-E081] ") and result.stderr.count("\n") == 1
    assert wording.format(tmp=tmp_path) in result.stderr


def test_a_folder_that_cannot_be_written_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root writes anywhere whatever the modes, so the system's refusal is simulated.
    monkeypatch.setattr(files.os, "access", lambda path, mode: Path(path) != tmp_path)
    result = CliRunner().invoke(app, ["review", str(SAMPLE), "-o", str(tmp_path / "r.md"), "--lang", "en"], env=WIDE)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"[VC-E081] {tmp_path}/r.md : cannot write in {tmp_path} (access rights or "
        "read-only disk); choose another place"
    )
