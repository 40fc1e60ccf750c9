"""Lists as people save them (activity notations, header wordings, encodings, delimiters) and lists that are
damaged or hostile (stray quote, spilled cells, huge fields, deep JSON, zip bombs, shrunken lists)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.hds.conftest import EXAMPLE_DATE, SAMPLES
from vendorcheck.errors import RegistryError
from vendorcheck.hds import current_snapshot, import_file
from vendorcheck.hds.activities import read_activities
from vendorcheck.hds.imports import parse_list

NOTATIONS = [
    ("1,2,3", [1, 2, 3]),
    ("1/2/3", [1, 2, 3]),
    ("1 à 6", [1, 2, 3, 4, 5, 6]),
    ("1-6", [1, 2, 3, 4, 5, 6]),
    ("1, 2 et 3", [1, 2, 3]),
    ("activités 1,2,3,4", [1, 2, 3, 4]),
    ("Activité 5", [5]),
    ("de 3 à 6", [3, 4, 5, 6]),
    ("1;2;3", [1, 2, 3]),
    ("5 + 6", [5, 6]),
    ("activities 1 to 4", [1, 2, 3, 4]),
    ("sites physiques, infrastructure matérielle", [1, 2]),
    (
        "Administration et exploitation du système d'information contenant les données de santé ; sauvegarde des "
        "données de santé",
        [5, 6],
    ),
    # R.1111-9's own wording of activity 1 names the hardware it hosts: it is still activity 1 alone.
    (
        "La mise à disposition et le maintien en condition opérationnelle des sites physiques permettant "
        "d'héberger l'infrastructure matérielle du système d'information utilisé pour le traitement des données "
        "de santé",
        [1],
    ),
    ("mise à disposition et maintien en condition opérationnelle de l'infrastructure virtuelle", [3]),
    ("Hébergeur d'infrastructure physique", [1, 2]),
    ("hébergeur infogéreur", [3, 4, 5, 6]),
    ("Activités 1, 2, 3, 4, 5 et 6", [1, 2, 3, 4, 5, 6]),
    ("toutes les activités", [1, 2, 3, 4, 5, 6]),
    ("activités n°5 et n°6", [5, 6]),
    ("Act. 3, Act. 4", [3, 4]),
    ("Hébergement d'applications, administration, sauvegarde", [4, 5, 6]),
]


@pytest.mark.parametrize(("text", "numbers"), NOTATIONS, ids=[n[0][:40] for n in NOTATIONS])
def test_every_activity_notation_is_read(text: str, numbers: list[int]) -> None:
    assert read_activities(text).numbers == numbers


@pytest.mark.parametrize(
    "text", ["valable jusqu'au 01/03/2025", "référentiel v2.0", "disponibilité 99,5 %", "version 1.1", "le 1/2/2025"]
)
def test_dates_versions_and_decimals_are_not_activities(text: str) -> None:
    assert read_activities(text).numbers == []


def _list(rows: list[str], header: str = "Raison sociale;SIREN;Activités certifiées;Fin de validité") -> str:
    return "\n".join([header, *rows]) + "\n"


def test_a_list_with_each_activity_notation_imports_fully(tmp_path: Path) -> None:
    sirens = [
        "901000109",
        "902000207",
        "903000305",
        "904000403",
        "905000501",
        "906000609",
        "907000707",
        "908000805",
        "909000903",
        "910001007",
        "911001105",
        "912001203",
        "913001301",
        "791463524",
        "817330962",
        "903782142",
        "842156374",
        "991000019",
        "992000026",
        "993000033",
        "994000040",
        "995000056",
    ]
    rows = [
        f'Hébergeur {index} SAS;{siren};"{text}";{("31/12/2028", "31.12.2028", "31/12/28")[index % 3]}'
        for index, ((text, _), siren) in enumerate(zip(NOTATIONS, sirens, strict=False), start=1)
    ]
    path = tmp_path / "notations.csv"
    path.write_text(_list(rows), encoding="utf-8")
    report, entries = parse_list(path)
    assert report.rejected == [] and report.accepted == len(rows) == len(NOTATIONS)
    assert [e.activities for e in entries] == [numbers for _, numbers in NOTATIONS]
    assert {e.valid_until for e in entries} == {date(2028, 12, 31)}  # 31/12/2028, 31.12.2028, 31/12/28


PERSON_SAVED = (
    "Liste HDS recopiée le 20/11/2026 par le secrétariat\n"
    "Nom commercial;Hébergeur;Début;Fin;Activités;N° SIREN;Organisme\n"
    "Nuage;Nuage Fictif SAS;01/03/2025;28/02/2028;1,2,3,4,5,6;901 000 109;LNE\n"
    ";Exemplum Cloud SAS;15/07/2024;30/06/2027;1/2/3/4;902000207;BSI\n"
    ";Société Générale d'Hébergement Éphémère;01/09/2024;31/08/2027;activités 1 et 2;904000403;Bureau Veritas\n"
    ";Sauvegarde Factice SAS;15/06/2024;31/12/2026;Sauvegarde;905000501;LSTI\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1", "cp1252"])
def test_a_list_typed_by_a_person_imports_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(PERSON_SAVED.encode(encoding))
    report, entries = parse_list(path)
    assert report.rejected == [] and report.accepted == 4
    assert report.columns == {
        "Nom commercial": "trade_names",
        "Hébergeur": "legal_entity",
        "Début": "issued_on",
        "Fin": "valid_until",
        "Activités": "activities",
        "N° SIREN": "siren",
        "Organisme": "certifying_body",
    }
    assert entries[2].legal_entity == "Société Générale d'Hébergement Éphémère"
    assert [e.activities for e in entries] == [[1, 2, 3, 4, 5, 6], [1, 2, 3, 4], [1, 2], [6]]
    assert entries[0].valid_until == date(2028, 2, 28) and entries[0].siren == "901000109"


def test_comma_delimited_list_with_unquoted_activities(tmp_path: Path) -> None:
    """'1,2,3' typed without quotes in a comma file spills into the next columns: it is joined back."""
    path = tmp_path / "virgules.csv"
    path.write_text(
        "Raison sociale,Activités,Fin de validité,SIREN\n"
        "Nuage Fictif SAS,1,2,3,4,5,6,28/02/2028,901000109\n"
        'Exemplum Cloud SAS,"1,2,3,4",30/06/2027,902000207\n'
        "Sauvegarde Factice SAS,6,31/12/2026,905000501\n",
        encoding="utf-8",
    )
    report, entries = parse_list(path)
    assert report.rejected == []
    assert [e.activities for e in entries] == [[1, 2, 3, 4, 5, 6], [1, 2, 3, 4], [6]]
    assert entries[0].valid_until == date(2028, 2, 28)


def test_cells_that_spill_for_another_reason_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "virgules.csv"
    path.write_text(
        "Raison sociale,Activités,Fin de validité\nNuage Fictif, SAS,1 à 6,28/02/2028\n"
        "Exemplum Cloud SAS,1 à 4,30/06/2027\n",
        encoding="utf-8",
    )
    report, entries = parse_list(path)
    (row,) = report.rejected
    assert row.line == 2 and [e.code for e in row.errors] == ["row_extra_cells"]
    assert "4 cellules pour 3 colonnes" in row.errors[0].fr
    assert [e.legal_entity for e in entries] == ["Exemplum Cloud SAS"]


def _with_stray_quote(tmp_path: Path) -> Path:
    lines = (SAMPLES / "liste-exemple.csv").read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("Exemplum Infogérance SARL;Exemplum;", 'Exemplum Infogérance SARL;"Exemplum;')
    path = tmp_path / "guillemet.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_stray_quote_is_reported_with_the_lines_it_swallowed(tmp_path: Path, vendorcheck_home: Path) -> None:
    import_file(SAMPLES / "liste-exemple.csv", list_date=EXAMPLE_DATE)
    before = current_snapshot().info.id
    report = import_file(_with_stray_quote(tmp_path), list_date=date(2026, 11, 22))
    (row,) = report.rejected
    assert row.line == 5 and [e.code for e in row.errors] == ["row_merged_lines"]
    assert "lignes 5 à 19 lues comme une seule" in row.errors[0].fr
    assert report.rows == 3 and report.lines == 17  # 3 rows read where the file has 17 data lines
    assert report.stored is None and current_snapshot().info.id == before  # never made current silently


def test_keep_valid_stores_the_readable_rows_as_a_partial_snapshot(tmp_path: Path) -> None:
    report = import_file(_with_stray_quote(tmp_path), list_date=date(2026, 11, 22), keep_valid=True)
    assert report.stored is not None and report.stored.partial and report.stored.entry_count == 2
    assert current_snapshot().info.partial
    names = [e.legal_entity for e in current_snapshot().entries]
    assert names == ["Nuage Fictif SAS", "Exemplum Cloud SAS"]  # nothing of the merged text became a host


def test_a_truncated_list_is_not_made_current(tmp_path: Path) -> None:
    rows = [f"Hébergeur Numéro {n} SAS;;1 à 6;31/12/2028" for n in range(30)]
    (tmp_path / "full.csv").write_text(_list(rows), encoding="utf-8")
    (tmp_path / "cut.csv").write_text(_list(rows[:5]), encoding="utf-8")
    full = import_file(tmp_path / "full.csv", list_date=date(2026, 11, 1))
    cut = import_file(tmp_path / "cut.csv", list_date=date(2026, 11, 2))
    assert cut.stored is None and [r.code for r in cut.suspicious] == ["snapshot_shrunk"]
    assert "5 entrées contre 30" in cut.suspicious[0].fr
    assert current_snapshot().info.id == full.stored.id
    forced = import_file(tmp_path / "cut.csv", list_date=date(2026, 11, 2), keep_valid=True)
    assert forced.stored is not None and forced.stored.partial


def test_implausible_names_and_numbers_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text(
        "Raison sociale;N° de certificat;Activités\n"
        + "12345;C-1;1 à 6\n"
        + "Nuage Fictif SAS;"
        + "X" * 80
        + ";1 à 6\n"
        + "A" * 300
        + ";C-3;1 à 6\n",
        encoding="utf-8",
    )
    report, _ = parse_list(path)
    assert {r.line: [e.code for e in r.errors] for r in report.rejected} == {
        2: ["row_bad_entity"],
        3: ["row_bad_certificate"],
        4: ["row_bad_entity"],
    }


# --- bounds (issue 11, item 4) -----------------------------------------------------------------------


def _refused(path: Path) -> str:
    with pytest.raises(RegistryError) as error:
        import_file(path)
    message = error.value.message()
    assert message.startswith("[VC-E050]") and str(path) in message and "\n" not in message
    return message


def test_a_field_over_the_csv_limit_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "champ.csv"
    path.write_text('Raison sociale;Activités\n"' + "x" * 200_000 + '";1\n', encoding="utf-8")
    assert "ligne 2 : champ de plus de 131\u202f072 caractères" in _refused(path)


def test_a_long_field_under_the_csv_limit_rejects_its_row(tmp_path: Path) -> None:
    path = tmp_path / "champ.csv"
    path.write_text(
        "Raison sociale;Note;Activités\nNuage Fictif SAS;" + "x" * 5_000 + ";1\nExemplum Cloud SAS;;1 à 4\n",
        encoding="utf-8",
    )
    report, entries = parse_list(path)
    assert [[e.code for e in r.errors] for r in report.rejected] == [["row_field_too_long"]]
    assert len(entries) == 1


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "enorme.csv"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    assert "fichier trop volumineux (21 Mo, limite 20 Mo)" in _refused(path)


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "lignes.csv"
    path.write_text(_list(["A SAS;;1;"] * 20_001), encoding="utf-8")
    assert "plus de 20\u202f000 lignes" in _refused(path)


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "profond.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "imbrication trop profonde (plus de 32 niveaux)" in _refused(path)


def test_json_with_thousands_of_keys_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cles.json"
    path.write_text(json.dumps([{f"k{n}": n for n in range(5_000)}]), encoding="utf-8")
    assert "plus de 64 colonnes" in _refused(path)
