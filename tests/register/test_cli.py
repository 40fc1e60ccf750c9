"""`vendorcheck register list|show|export|recheck` on a register file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vendorcheck.cli.main import app
from vendorcheck.hds.models import HdsEntry
from vendorcheck.models import Severity, Status
from vendorcheck.register import Register
from vendorcheck.register.hds import assess_suppliers
from vendorcheck.register.records import FileRef, Outcome
from vendorcheck.register.store import record, start_run

from .conftest import KEY, ROOT, make_review

WIDE = {"COLUMNS": "1000"}
ENTRY = dict(
    legal_entity="Nuage Fictif SAS",
    certifying_body="LSTI",
    issued_on=date(2025, 1, 10),
    activities=[1, 2, 3, 4, 5, 6],
    referential="2024",
)


@pytest.fixture
def db(tmp_path: Path, hds_list: Callable) -> Path:
    """Two suppliers: Nuage Fictif (certified until 2028-01-09, one gap) and Beta (not on the list)."""
    hds_list([HdsEntry(**ENTRY, valid_until=date(2028, 1, 9))], list_date=date(2026, 11, 1))
    path = tmp_path / "registre.sqlite"
    with Register(path) as register, register.transaction() as session:
        run = start_run(session, ROOT, KEY, jobs=1)
        for folder, sha, status in (("Nuage Fictif", "a", Status.partial), ("Beta", "b", Status.present)):
            review = make_review(sha * 64, {"GDPR-28-3-h": (status, Severity.major)}, name="contrat.md")
            ref = FileRef(path=f"{ROOT}/{folder}/contrat.md", root=ROOT, folder=folder)
            record(session, run.id, KEY, Outcome(path=ref.path, sha256=sha * 64, kind="contract", review=review), [ref])
        assess_suppliers(session, run.id, root=ROOT, health_data=True, today=date(2026, 12, 1))
    return path


def run(*args: str) -> object:
    return CliRunner().invoke(app, ["register", *args], env=WIDE)


def test_list_puts_the_supplier_to_chase_first(db: Path) -> None:
    result = run("list", "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["name"], r["overall"], r["hds"]["verdict"]) for r in rows] == [
        ("Beta", "not_signable", "not_found"),
        ("Nuage Fictif", "signable_with_addendum", "certified"),
    ]
    text = run("list", "--db", str(db))
    assert text.exit_code == 0 and "Nuage Fictif" in text.stdout and "Ne pas signer" in text.stdout


def test_list_fits_80_columns_and_wide_shows_every_column(db: Path) -> None:
    narrow = CliRunner().invoke(app, ["register", "list", "--db", str(db)], env={"COLUMNS": "80"})
    assert narrow.exit_code == 0, narrow.output
    lines = narrow.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "Nuage Fictif" in narrow.stdout and "Ne pas signer" in narrow.stdout and "Bloq./Maj." in narrow.stdout
    assert any("certifié 2028-01-09" in line for line in lines) and any("0/1" in line for line in lines)
    wide = CliRunner().invoke(app, ["register", "list", "--db", str(db), "--wide"], env={"COLUMNS": "80"})
    assert wide.exit_code == 0
    for header in (
        "Fournisseur",
        "Statut global",
        "Certification HDS",
        "Fin de validité HDS",
        "Écarts bloquants",
        "Écarts majeurs",
        "Documents",
        "Erreurs",
    ):
        assert header in wide.stdout
    assert "Ne pas signer en l'état" in wide.stdout


def test_show_gives_gaps_files_and_history(db: Path) -> None:
    result = run("show", "nuage fictif sas", "--db", str(db))  # any spelling of the name
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Nuage Fictif\n") and "GDPR-28-3-h [Partiellement conforme, majeur]" in out
    assert f"{ROOT}/Nuage Fictif/contrat.md" in out and "liste de test" in out and "2028-01-09" in out


def test_show_of_an_unknown_supplier_lists_the_known_ones(db: Path) -> None:
    result = run("show", "Gamma", "--db", str(db))
    assert result.exit_code == 2
    assert "[VC-E060]" in result.stderr and "Gamma" in result.stderr and "Beta, Nuage Fictif" in result.stderr


def test_export_writes_the_requested_formats(db: Path, tmp_path: Path) -> None:
    result = run("export", "--db", str(db), "-o", str(tmp_path / "x"), "--export", "html", "--lang", "en")
    assert result.exit_code == 0 and result.stdout.split() == [str(tmp_path / "x" / "tableau-de-bord.html")]
    assert "Supplier dashboard" in (tmp_path / "x" / "tableau-de-bord.html").read_text()


def test_recheck_after_a_new_list_flags_the_expiring_certificate(db: Path, hds_list: Callable) -> None:
    hds_list([HdsEntry(**ENTRY, valid_until=date(2027, 2, 15))], list_date=date(2026, 12, 20))
    result = run("recheck", "--db", str(db), "--today", "2027-01-05")
    assert result.exit_code == 1  # something needs doing
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert lines["Nuage Fictif"].startswith("Certifié HDS → Certifié HDS, échéance proche")
    assert "expirant sous 90 jours (2027-02-15)" in lines["Nuage Fictif"]
    assert "(inchangé)" in lines["Beta"]


def test_missing_register_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("list", "--db", str(tmp_path / "nulle-part.sqlite"))
    assert result.exit_code == 2 and result.stderr.startswith("[VC-E060]") and "vendorcheck batch" in result.stderr
    assert not (tmp_path / "nulle-part.sqlite").exists()
