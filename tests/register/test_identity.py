"""Only a vendorcheck register is opened: another application's SQLite file is refused and left untouched,
an empty one becomes a register only where one is meant to be created."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vendorcheck.cli.main import app
from vendorcheck.errors import NotARegister
from vendorcheck.register import Register
from vendorcheck.register.identity import APPLICATION_ID

WIDE = {"COLUMNS": "1000"}


def other_application(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE factures (id INTEGER PRIMARY KEY, montant REAL)")
        connection.execute("INSERT INTO factures (montant) VALUES (120.5)")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command",
    [
        ["register", "list"],
        ["register", "export", "-o", "{tmp}/out"],
        ["register", "recheck"],
        ["batch", "{tmp}/lot", "-o", "{tmp}/out"],
    ],
    ids=["list", "export", "recheck", "batch"],
)
def test_another_applications_database_is_refused_and_left_untouched(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "lot").mkdir()
    database = other_application(tmp_path / "compta.sqlite")
    before = _digest(database)
    args = [a.format(tmp=tmp_path) for a in command] + ["--db", str(database)]
    result = CliRunner().invoke(app, args, env=WIDE)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"[VC-E062] {database} : ce n'est pas un registre vendorcheck (base d'une autre "
        "application) ; indiquez le registre rempli par « vendorcheck batch » avec --db"
    )
    assert _digest(database) == before
    with sqlite3.connect(database) as connection:
        assert [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")] == [
            "factures"
        ]


def test_an_empty_database_is_made_a_register_only_by_a_batch(tmp_path: Path) -> None:
    empty = tmp_path / "vide.sqlite"
    sqlite3.connect(empty).close()
    listed = CliRunner().invoke(app, ["register", "list", "--db", str(empty)], env=WIDE)
    assert listed.exit_code == 2 and listed.stderr.startswith(f"[VC-E062] {empty} : base vide")
    with pytest.raises(NotARegister):
        Register.existing(empty)
    with Register(empty) as register:  # what `vendorcheck batch --db vide.sqlite` opens
        assert register.applied == ["0001_initial"]
    assert _application_id(empty) == APPLICATION_ID
    with Register.existing(empty) as register:
        assert register.applied == []


def test_a_register_made_before_the_mark_is_still_opened_and_gets_marked(tmp_path: Path) -> None:
    path = tmp_path / "registre.sqlite"
    Register(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA application_id = 0")
    assert _application_id(path) == 0
    result = CliRunner().invoke(app, ["register", "list", "--db", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert _application_id(path) == APPLICATION_ID


def _application_id(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA application_id").fetchone()[0]
