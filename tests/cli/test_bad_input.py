"""Bad input: one line on stderr naming the file and the reason, exit code 2, never a traceback.

The real files live in tests/data/bad/ (one per failure mode); the zip bomb, the huge file and the
folder are made in tmp_path. Most cases go through typer's CliRunner in-process (the review command
imports spaCy, a subprocess per case would cost a second each); one case runs the installed command
in a real process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vendorcheck import errors
from vendorcheck.cli.main import app
from vendorcheck.i18n import catalogue

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
# cli/common.py prints errors through rich, which hard-wraps at 80 columns when stderr is not a
# terminal (a log file, a batch runner): a wide console here keeps the in-process cases about
# ingestion; test_installed_command_in_a_real_process checks the real 80-column behaviour.
WIDE = {"COLUMNS": "1000"}


def zip_bomb(tmp_path: Path) -> Path:
    """A real DOCX package whose document.xml inflates 10 MB of blanks from about 10 kB."""
    path = tmp_path / "bombe.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", " " * 10_000_000)
    return path


def huge(tmp_path: Path) -> Path:
    """60 MB on paper, nothing on disk: the size limit is checked before anything is read."""
    path = tmp_path / "contrat-complet.pdf"
    with path.open("wb") as sparse:
        sparse.truncate(60 * 1024 * 1024)
    return path


def empty_docx(tmp_path: Path) -> Path:
    import docx

    path = tmp_path / "vide.docx"
    docx.Document().save(path)
    return path


CASES = {
    "missing": (lambda tmp: tmp / "absent.pdf", "VC-E001", "introuvable"),
    "empty": (lambda tmp: BAD / "empty.txt", "VC-E002", "vide"),
    "blank-image": (lambda tmp: BAD / "image.png", "VC-E016", "aucun texte lisible"),
    "legacy-doc": (lambda tmp: BAD / "legacy.doc", "VC-E003", "Word 97-2003"),
    "huge": (huge, "VC-E004", "trop volumineux"),
    "folder": (lambda tmp: tmp, "VC-E005", "dossier"),
    "encrypted-pdf": (lambda tmp: BAD / "encrypted.pdf", "VC-E010", "mot de passe"),
    "scanned-pdf-without-ocr": (lambda tmp: BAD / "scanned.pdf", "VC-E011", "--no-ocr", "--no-ocr"),
    "corrupt-pdf": (lambda tmp: BAD / "corrupt.pdf", "VC-E012", "endommagé"),
    "docx-not-zip": (lambda tmp: BAD / "not-a-zip.docx", "VC-E020", "pas une archive zip"),
    "docx-without-document": (lambda tmp: BAD / "no-document.docx", "VC-E020", "word/document.xml"),
    "zip-bomb": (zip_bomb, "VC-E021", "bombe zip"),
    "docx-without-text": (empty_docx, "VC-E022", "sans texte"),
    "binary-text": (lambda tmp: BAD / "binary.txt", "VC-E030", "encodage"),
}


def assert_one_clean_line(stderr: str, stdout: str, path: Path, code: str, reason: str) -> None:
    assert "Traceback" not in stderr + stdout
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"[{code}] {path} : ")
    assert reason in lines[0]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_one_line_and_exit_code_2(case, tmp_path):
    make, code, reason, *options = CASES[case]
    path = make(tmp_path)
    result = CliRunner().invoke(app, ["review", str(path), *options], env=WIDE)
    assert result.exit_code == 2, result.output
    assert_one_clean_line(result.stderr, result.stdout, path, code, reason)


def test_english_messages(tmp_path):
    result = CliRunner().invoke(app, ["review", str(BAD / "scanned.pdf"), "--lang", "en", "--no-ocr"], env=WIDE)
    assert result.exit_code == 2
    assert "without a text layer" in result.stderr


def test_installed_command_in_a_real_process():
    path = BAD / "encrypted.pdf"
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    run = subprocess.run(
        [sys.executable, "-c", "from vendorcheck.cli.main import main; main()", "review", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert run.returncode == 2
    assert_one_clean_line(run.stderr, run.stdout, path, "VC-E010", "mot de passe")


@pytest.mark.parametrize("failure", [KeyError("/Root"), __import__("struct").error("unpack"), RecursionError()])
def test_unexpected_parser_failure_is_translated(monkeypatch, tmp_path, failure):
    """Whatever a PDF library raises on a malformed file becomes a damaged-PDF error, not a traceback."""
    import vendorcheck.ingest.pdf as pdf

    def explode(*args):
        raise failure

    monkeypatch.setattr(pdf, "_pages_pdfium", explode)
    path = tmp_path / "contrat.pdf"
    path.write_bytes(b"%PDF-1.7\n%%EOF\n")
    result = CliRunner().invoke(app, ["review", str(path)], env=WIDE)
    assert result.exit_code == 2
    assert_one_clean_line(result.stderr, result.stdout, path, "VC-E012", type(failure).__name__)


def all_error_classes(base: type = errors.VendorcheckError) -> list[type]:
    out = []
    for cls in base.__subclasses__():
        out += [cls, *all_error_classes(cls)]
    return out


def test_every_error_class_has_its_own_code_and_both_messages():
    concrete = [cls for cls in all_error_classes() if cls.code != "VC-E000"]
    leaves = [cls for cls in concrete if "code" in vars(cls)]
    codes = [cls.code for cls in leaves]
    assert len(codes) == len(set(codes)), sorted(codes)
    for cls in leaves:
        key = cls.catalogue_key or f"errors.{cls.code}"
        fr, en = (catalogue(lang)[key] for lang in ("fr", "en"))
        assert fr and en and fr != en


def test_every_bad_input_case_has_a_distinct_failure_mode():
    """tests/data/bad/ keeps one file per failure mode: no two files there share an error and reason."""
    modes = {(code, reason) for make, code, reason, *options in CASES.values()}
    assert len(modes) == len(CASES)
    shipped = {p.name for p in BAD.iterdir()}
    used = {
        make(Path("/")).name
        for make, *_ in CASES.values()
        if make.__name__ == "<lambda>" and make(Path("/")).parent == BAD
    }
    assert shipped == used
