"""A file name holding a line break or another control character keeps an error on one line: the name is
quoted with the character escaped, in the terminal and in the register."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.cli.main import app
from vendorcheck.escaping import one_line
from vendorcheck.register import Register
from vendorcheck.register.models import ErrorRow

WIDE = {"COLUMNS": "1000"}


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    damaged = tmp_path / "con\ntrat\x1b.pdf"
    damaged.write_bytes(b"%PDF-1.7\n\x00 broken")
    shown = f'"{tmp_path}/con\\ntrat\\x1b.pdf"'
    for name, code in ((damaged, "VC-E012"), (tmp_path / "ab\nsent.pdf", "VC-E001")):
        result = CliRunner().invoke(app, ["review", str(name)], env=WIDE)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f'[{code}] "{tmp_path}/')
    assert CliRunner().invoke(app, ["review", str(damaged)], env=WIDE).stderr.startswith(f"[VC-E012] {shown} : ")


def test_a_newline_in_a_file_name_stays_on_one_line_in_the_register(tmp_path: Path) -> None:
    root = tmp_path / "lot"
    root.mkdir()
    (root / "avenant\nsigné.docx").write_bytes(b"not a zip")
    with Register(tmp_path / "registre.sqlite") as register:
        run_batch(root, register, BatchOptions(jobs=1, health_data=False))
        with register.transaction() as session:
            (message,) = session.scalars(select(ErrorRow.message_fr)).all()
    assert "\n" not in message and message.startswith(f'[VC-E020] "{root}/avenant\\nsigné.docx" : ')


def test_names_without_such_characters_are_shown_as_they_are() -> None:
    assert one_line("/cabinet/Contrat signé (v2).pdf") == "/cabinet/Contrat signé (v2).pdf"
    assert one_line('a"b\\c\u2028.pdf') == '"a\\"b\\\\c\\u2028.pdf"'
    assert one_line(b"caf\xe9.pdf".decode("utf-8", "surrogateescape")) == '"caf\\xe9.pdf"'
