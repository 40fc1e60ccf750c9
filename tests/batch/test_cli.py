"""`vendorcheck batch`: exports written, one French line and exit 2 on bad use, exit 130 after Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vendorcheck.cli.main import app

WIDE = {"COLUMNS": "1000"}  # error lines go through rich, which wraps at 80 columns otherwise


def test_batch_writes_register_and_exports(many: Path, tmp_path: Path) -> None:
    out = tmp_path / "résultats"
    (many / "README.md").write_text("# Nos fournisseurs\n\nUn dossier par fournisseur.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(many), "-o", str(out), "-j", "1", "--no-health-data"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [
        str(out / n) for n in ("fournisseurs.xlsx", "fournisseurs.csv", "exigences.csv", "tableau-de-bord.html")
    ]
    assert (
        "8 fichiers, 8 documents distincts : 8 analysés, 0 déjà à jour, 0 en erreur, 1 ignoré (pas un contrat)"
        in result.stderr
    )
    assert "Ignoré : README.md — fichier d'explication (README), pas un contrat" in result.stderr
    # One register, in vendorcheck's data folder whatever -o says, and the next command to type.
    register = tmp_path / "home" / "registre.sqlite"
    assert register.is_file() and f"Registre : {register}" in result.stderr
    assert "Pour voir les fournisseurs : vendorcheck register list" in result.stderr

    again = CliRunner().invoke(
        app, ["batch", str(many), "-o", str(out), "--no-health-data", "--export", "csv"], env=WIDE
    )
    assert again.exit_code == 0 and "0 analysé, 8 déjà à jour" in again.stderr
    assert len(again.stdout.split()) == 2


def test_register_list_right_after_batch_finds_the_register(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # from another folder than the batch's output: still found
    batch = CliRunner().invoke(
        app, ["batch", str(many), "-o", str(tmp_path / "x"), "-j", "1", "--no-health-data"], env=WIDE
    )
    assert batch.exit_code == 0, batch.output
    listed = CliRunner().invoke(app, ["register", "list", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert sorted(s["name"] for s in json.loads(listed.stdout)) == [f"fournisseur-{i}" for i in range(3)]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["batch", "{tmp}/absent"], "[VC-E001]"),
        (["batch", "{tmp}/fichier.md"], "[VC-E080]"),
        (["batch", "{tmp}", "--export", "pdf"], "[VC-E080]"),
        (["batch", "{tmp}", "--db", "postgresql+nosuchdriver://x@127.0.0.1/y"], "[VC-E060]"),
    ],
)
def test_bad_use_is_one_french_line_and_exit_2(tmp_path: Path, args: list[str], code: str) -> None:
    (tmp_path / "fichier.md").write_text("Contrat.")
    result = CliRunner().invoke(app, [a.format(tmp=tmp_path) for a in args] + ["-o", str(tmp_path / "out")], env=WIDE)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(code) and "Traceback" not in result.output


@pytest.mark.slow
def test_ctrl_c_in_a_real_process_then_resume(many: Path, tmp_path: Path) -> None:
    """The real command, the real signal sent to its process group as a terminal does, workers included."""
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-c",
        "from vendorcheck.cli.main import main; main()",
        "batch",
        str(many),
        "-o",
        str(out),
        "-j",
        "2",
        "--no-health-data",
    ]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, **WIDE},
    )
    register = tmp_path / "home" / "registre.sqlite"
    deadline = time.monotonic() + 120
    while _reviews(register) < 1:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Interrompu" in stderr and "Traceback" not in stderr
    done = _reviews(register)
    assert 1 <= done < 8

    # The resume itself runs in-process: what matters above is the real signal to the real process tree.
    resumed = CliRunner().invoke(app, command[3:] + ["-j", "1"], env=WIDE)
    assert resumed.exit_code == 0, resumed.output
    assert f"{8 - done} analysé{'s' if 8 - done > 1 else ''}, {done} déjà à jour" in resumed.stderr
    assert _reviews(register) == 8


def _reviews(database: Path) -> int:
    if not database.is_file():
        return 0
    try:
        with sqlite3.connect(database, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
