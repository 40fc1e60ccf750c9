"""SIREN/SIRET checksums, query parsing, name normalisation, activities and dates as lists write them."""

from __future__ import annotations

from datetime import date

import pytest

from vendorcheck.hds.activities import read_activities
from vendorcheck.hds.dates import parse_date
from vendorcheck.hds.identifiers import normalise_siren, parse_query, siren_valid, siret_valid
from vendorcheck.hds.messages import describe
from vendorcheck.hds.names import core_key, full_key
from vendorcheck.text import fold


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("901000109", True),
        ("901 000 109", True),
        ("901.000.109", True),
        ("901000108", False),
        ("12345678", False),
        ("abcdefghi", False),
    ],
)
def test_siren_checksum(value: str, valid: bool) -> None:
    assert siren_valid(value) is valid


def test_siret_checksum_and_la_poste_exception() -> None:
    assert siret_valid("90100010910007")
    assert not siret_valid("90100010910008")
    # La Poste's establishments fail Luhn; INSEE checks that their digits sum to a multiple of 5.
    assert siret_valid("35600000000047")  # digit sum 25
    assert not siret_valid("35600000000048")
    assert normalise_siren("90100010910007") == "901000109"
    with pytest.raises(ValueError):
        normalise_siren("90100010910008")


def test_parse_query_splits_name_and_identifiers() -> None:
    query = parse_query("Nuage Fictif SAS (SIREN 901 000 109)")
    assert (query.name, query.siren) == ("Nuage Fictif SAS", "901000109")
    siret = parse_query("90100010910007")
    assert (siret.name, siret.siren, siret.siret) == ("", "901000109", "90100010910007")
    bad = parse_query("Acme 123456789")
    assert bad.siren is None and bad.invalid_identifiers == ["123456789"] and bad.name == "Acme"
    # A certificate number is not an identifier of the company: it stays in the name, for the number match.
    assert parse_query("38436-2").name == "38436-2"


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Nuage Fictif S.A.S.", "nuage fictif"),
        ("NUAGE FICTIF SAS", "nuage fictif"),
        ("Groupe Exemplum Santé", "exemplum sante"),
        ("GitHub, Inc.", "github"),
        ("WeTransfer B.V.", "wetransfer"),
        ("Télésauve", "telesauve"),
        ("SA", "sa"),  # nothing distinctive left: the full key is kept
    ],
)
def test_core_key(name: str, core: str) -> None:
    assert core_key(name) == core


def test_fold_keeps_offsets() -> None:
    text = "Hébergé chez « Œuvre » — ﬁn"
    assert len(fold(text)) == len(text)
    assert full_key("L'Hébergeur d’Armor") == "l hebergeur d armor"


@pytest.mark.parametrize(
    ("text", "numbers", "invented"),
    [
        ("1, 2, 3", [1, 2, 3], []),
        ("1 à 6", [1, 2, 3, 4, 5, 6], []),
        ("Activités 1 à 4", [1, 2, 3, 4], []),
        ("toutes les activités", [1, 2, 3, 4, 5, 6], []),
        ("les six activités d'hébergement", [1, 2, 3, 4, 5, 6], []),
        ("Hébergeur d'infrastructure physique", [1, 2], []),
        ("hébergeur infogéreur", [3, 4, 5, 6], []),
        ("administration et sauvegarde", [5, 6], []),
        ("Activité 5<br>Activité 6", [5, 6], []),
        ("backup", [6], []),
        ("1a, 1b, 3", [3], ["1a", "1b"]),
        ("restauration, archivage électronique", [], ["restauration", "archivage electronique"]),
        ("activité 7", [], ["activite 7"]),
        ("6 rôles HDS", [], ["6 roles"]),
    ],
)
def test_read_activities(text: str, numbers: list[int], invented: list[str]) -> None:
    reading = read_activities(text)
    assert (reading.numbers, reading.invented) == (numbers, invented)


def test_describe_activities() -> None:
    assert describe([5], "fr") == "l'activité 5"
    assert describe([1, 2, 3, 4], "fr") == "les activités 1 à 4"
    assert describe([5, 6], "en") == "activities 5 and 6"
    assert describe([1, 3, 5], "fr") == "les activités 1, 3 et 5"
    assert describe([], "fr") == "aucune activité"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19/12/2027", date(2027, 12, 19)),
        ("2027-12-19", date(2027, 12, 19)),
        ("11.09.2028", date(2028, 9, 11)),
        ("19 décembre 2027", date(2027, 12, 19)),
        ("1er mars 2026", date(2026, 3, 1)),
        ("Dec 19, 2027", date(2027, 12, 19)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2027", "bientôt", "2027-12-19 ou 2028-01-01"])
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)
