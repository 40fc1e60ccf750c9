"""Importing list files: tolerant headers, every rejected row with its line, atomic snapshots, diffs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.hds.conftest import EXAMPLE_DATE, SAMPLES
from vendorcheck.errors import RegistryError
from vendorcheck.hds import current_snapshot, import_file, list_snapshots
from vendorcheck.hds.imports import parse_list
from vendorcheck.hds.store import content_hash, get_snapshot, shipped_files, user_dir

FORMATS = ["liste-exemple.csv", "liste-exemple.html", "liste-exemple.xlsx", "liste-exemple.json"]


def _stored(home: Path) -> dict[str, bytes]:
    folder = home / "hds"
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_reads_the_same_list(name: str) -> None:
    report, entries = parse_list(SAMPLES / name)
    reference = parse_list(SAMPLES / "liste-exemple.csv")[1]
    assert not report.rejected and report.accepted == 17
    assert content_hash(entries) == content_hash(reference)
    assert "legal_entity" in report.columns.values()


def test_headers_are_mapped_tolerantly() -> None:
    xlsx = parse_list(SAMPLES / "liste-exemple.xlsx")[0]
    assert xlsx.columns["Company name"] == "legal_entity"
    assert xlsx.columns["Activité 3"] == "activité 3"  # one ticked column per activity
    json_report = parse_list(SAMPLES / "liste-exemple.json")[0]
    assert json_report.columns["dateFinValidite"] == "valid_until"  # camelCase keys
    html = parse_list(SAMPLES / "liste-exemple.html")[0]
    assert html.columns["Valable jusqu'au"] == "valid_until"


def test_malformed_file_reports_every_row_and_stores_nothing(vendorcheck_home: Path) -> None:
    import_file(SAMPLES / "liste-exemple.csv", list_date=EXAMPLE_DATE)
    before = _stored(vendorcheck_home)
    report = import_file(SAMPLES / "liste-malformee.csv", list_date=date(2026, 11, 22))
    assert report.stored is None
    assert _stored(vendorcheck_home) == before
    assert current_snapshot().info.list_date == EXAMPLE_DATE
    by_line = {row.line: [e.code for e in row.errors] for row in report.rejected}
    assert by_line == {
        3: ["row_bad_date"],
        4: ["row_bad_siren"],
        5: ["row_invented_activities"],
        6: ["row_missing_entity"],
        7: ["row_dates_order"],
        8: ["row_bad_referential"],
        9: ["row_duplicate"],
    }
    assert report.rejected[0].raw["Raison sociale"] == "Date Impossible SAS"


def test_keep_valid_stores_the_good_rows_as_a_partial_snapshot() -> None:
    report = import_file(SAMPLES / "liste-malformee.csv", keep_valid=True, list_date=EXAMPLE_DATE)
    assert report.stored is not None and report.stored.partial and report.stored.entry_count == 1


def test_line_numbers_in_html_json_and_multiline_csv(tmp_path: Path) -> None:
    html = (SAMPLES / "liste-exemple.html").read_text(encoding="utf-8").replace("28/02/2028", "30/02/2028")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    line = next(i for i, text in enumerate(html.splitlines(), 1) if "30/02/2028" in text)
    assert [r.line for r in parse_list(tmp_path / "page.html")[0].rejected] == [line]

    data = json.loads((SAMPLES / "liste-exemple.json").read_text(encoding="utf-8"))
    data["data"][2]["siren"] = "123456789"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    (tmp_path / "list.json").write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "123456789" in t)
    (rejected,) = parse_list(tmp_path / "list.json")[0].rejected
    assert rejected.line < line and "Exemplum Infogérance" in text.splitlines()[rejected.line]

    csv_text = (
        'Raison sociale;Activités certifiées;Fin de validité\n"Nuage\nFictif SAS";"1,\n2";31/12/2027\n'
        "Mauvais SAS;1 à 6;bientôt\n"
    )
    (tmp_path / "multi.csv").write_text(csv_text, encoding="utf-8")
    assert [r.line for r in parse_list(tmp_path / "multi.csv")[0].rejected] == [5]  # row 2 spans lines 2-4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "vide"),
        (b"<html><body><p>Aucun tableau</p></body></html>", "aucun tableau"),
        (b'{"data": [', "JSON invalide"),
        (b"PK\x03\x04 not really a workbook", "XLSX illisible"),
        (b"Nom;Pays\nAcme;France\n", "aucun tableau"),
    ],
)
def test_unreadable_files_raise_a_registry_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "liste.txt"
    path.write_bytes(content)
    with pytest.raises(RegistryError) as error:
        import_file(path)
    assert error.value.code == "VC-E050" and message in error.value.message()
    assert str(path) in error.value.message()


def test_import_then_reimport_then_change(tmp_path: Path) -> None:
    first = import_file(SAMPLES / "liste-exemple.csv", list_date=EXAMPLE_DATE)
    assert first.stored is not None and first.diff is not None and first.diff.previous_id is None
    assert first.stored.source == "fichier importé « liste-exemple.csv »"
    again = import_file(SAMPLES / "liste-exemple.json", list_date=EXAMPLE_DATE)
    assert again.unchanged and again.stored is None

    text = (SAMPLES / "liste-exemple.csv").read_text(encoding="utf-8")
    text = text.replace("Support Chimérique SAS;;912001203;LSTI;TEST-HDS-0012;01/05/2025;30/04/2028;5;v2.0\n", "")
    text = text.replace("TEST-HDS-0002;15/07/2024;30/06/2027;1, 2, 3, 4", "TEST-HDS-0002;15/07/2024;30/06/2027;1 à 5")
    text = text.replace("TEST-HDS-0005;15/06/2024;31/12/2026", "TEST-HDS-0005;15/06/2024;30/11/2026")
    text += "Nouvel Hébergeur Fictif SAS;;;LNE;TEST-HDS-0099;01/10/2026;30/09/2029;1 à 6;v2.0\n"
    (tmp_path / "v2.csv").write_text(text, encoding="utf-8")
    second = import_file(tmp_path / "v2.csv", list_date=date(2026, 12, 1), source="https://exemple.invalid/liste")
    diff = second.diff
    assert diff is not None and diff.previous_id == first.stored.id
    assert [e.legal_entity for e in diff.added] == ["Nouvel Hébergeur Fictif SAS"]
    assert [e.legal_entity for e in diff.removed] == ["Support Chimérique SAS"]
    assert [(c.legal_entity, c.fields) for c in diff.changed] == [
        ("Exemplum Cloud SAS", ["activities"]),
        ("Sauvegarde Factice SAS", ["valid_until"]),
    ]
    assert [e.legal_entity for e in diff.expired] == ["Sauvegarde Factice SAS"]
    assert current_snapshot().info.id == second.stored.id
    assert [s.id for s in list_snapshots()] == ["2026-11-23-sources-publiques", first.stored.id, second.stored.id]


def test_html_page_gives_its_own_address_as_source() -> None:
    report = import_file(SAMPLES / "liste-exemple.html", list_date=EXAMPLE_DATE)
    assert report.stored is not None and report.stored.source == "https://exemple.invalid/liste-hds-fictive"


def test_without_imports_the_shipped_snapshot_is_current() -> None:
    snapshot = current_snapshot()
    assert snapshot.info.shipped and snapshot.info.partial


def test_unknown_or_corrupted_snapshots_are_reported(vendorcheck_home: Path) -> None:
    with pytest.raises(RegistryError, match="inconnu"):
        get_snapshot("1999-01-01")
    import_file(SAMPLES / "liste-exemple.csv", list_date=EXAMPLE_DATE)
    (stored,) = user_dir().glob("*.json")
    stored.write_text("{ pas du json", encoding="utf-8")
    with pytest.raises(RegistryError) as error:
        current_snapshot()
    assert stored.name in error.value.message()


def test_shipped_snapshot_holds_only_sourced_facts(shipped_snapshot) -> None:  # noqa: ANN001 - fixture
    info = shipped_snapshot.info
    assert info.partial and "pas la liste officielle" in info.source
    assert len(shipped_files()) == 1
    for entry in shipped_snapshot.entries:
        assert entry.source and entry.note and entry.source_date  # each fact with its source and its date
        assert entry.siren is None  # SIREN is not published with the list: none is invented
    # Certificate numbers only where a public source gives them (hds.md §1.6).
    numbers = {e.legal_entity: e.certificate_number for e in shipped_snapshot.entries if e.certificate_number}
    assert numbers == {"Clever Cloud SAS": "FR094504", "Scalingo": "38436-2", "Extra Horizon": "789841"}
    assert info.content_hash == content_hash(shipped_snapshot.entries)
