"""Matching a vendor to the list: identifiers first, then legal, trade and former names; two entities that
fit one name are ambiguous unless an identifier decides; the headline states the real state."""

from __future__ import annotations

from datetime import date

import pytest

from tests.hds.conftest import TODAY
from vendorcheck.hds import assess
from vendorcheck.hds.identifiers import parse_query
from vendorcheck.hds.matching import find
from vendorcheck.hds.messages import headline, reason_lines
from vendorcheck.hds.models import HdsEntry, HdsVerdict
from vendorcheck.hds.store import new_snapshot

ENTRIES = [
    HdsEntry(
        legal_entity="Ondine Santé SAS",
        trade_names=["Ondine"],
        siren="991000118",
        valid_until=date(2028, 1, 31),
        activities=[1, 2, 3, 4, 5, 6],
    ),
    HdsEntry(legal_entity="Ondine Services SARL", siren="992000125", valid_until=date(2028, 1, 31), activities=[5, 6]),
    HdsEntry(
        legal_entity="Pic Cloud SAS",
        former_names=["Sommet Numérique SAS"],
        siren="993000132",
        valid_until=date(2028, 1, 31),
        activities=[1, 2, 3, 4],
    ),
    HdsEntry(
        legal_entity="Pic Cloud Santé SAS",
        siren="994000149",
        valid_until=date(2028, 1, 31),
        activities=[1, 2, 3, 4, 5, 6],
    ),
]
SNAPSHOT = new_snapshot(ENTRIES, list_date=date(2026, 11, 20), source="liste de test")


def _names(query: str) -> tuple[str | None, list[str]]:
    result = find(parse_query(query), ENTRIES)
    return (result.entry.legal_entity if result.entry else None), [c.entry.legal_entity for c in result.ambiguous]


def test_a_trade_name_that_begins_another_company_is_ambiguous() -> None:
    assert _names("Ondine") == (None, ["Ondine Santé SAS", "Ondine Services SARL"])


def test_an_identifier_decides_between_homonyms() -> None:
    assert _names("Ondine (SIREN 992 000 125)") == ("Ondine Services SARL", [])
    assert _names("Ondine SIRET 991 000 118 00000")[0] == "Ondine Santé SAS"


def test_the_exact_legal_name_decides_and_names_the_others() -> None:
    result = assess("Pic Cloud SAS", service="paas", today=TODAY, snapshot=SNAPSHOT)
    assert result.entry is not None and result.entry.legal_entity == "Pic Cloud SAS"
    assert result.verdict is HdsVerdict.certified and "homonyms_listed" in result.codes
    assert "Pic Cloud Santé SAS (SIREN 994000149)" in " ".join(reason_lines(result, "fr"))


def test_a_former_name_finds_the_entity_under_its_new_name() -> None:
    result = assess("Sommet Numérique", service="paas", today=TODAY, snapshot=SNAPSHOT)
    assert result.entry is not None and result.entry.legal_entity == "Pic Cloud SAS"
    assert result.match is not None and result.match.kind == "former_name"
    assert "ancienne dénomination « Sommet Numérique SAS »" in " ".join(reason_lines(result, "fr"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("991000117", "Identifiant invalide"),
        ("Cabinet Sans Nom (SIREN 123 456 789)", "Identifiant invalide"),
        ("Ondine Services SARL", "Certifié HDS pour une partie des activités"),
        ("Inconnue Santé SAS", "Absent de la liste des hébergeurs certifiés"),
    ],
)
def test_headlines_state_the_real_state(query: str, expected: str) -> None:
    assert headline(assess(query, today=TODAY, snapshot=SNAPSHOT), "fr").startswith(expected + " — ")


def test_a_name_found_despite_a_wrong_siren_says_so_without_hiding_the_verdict() -> None:
    result = assess("Ondine Santé SAS (SIREN 991 000 117)", service="saas", today=TODAY, snapshot=SNAPSHOT)
    assert result.verdict is HdsVerdict.certified and "invalid_identifier" in result.codes


def test_absence_from_a_partial_list_reads_check_the_certification(shipped_snapshot) -> None:  # noqa: ANN001
    result = assess("Cabinet Imaginaire SAS", today=TODAY, snapshot=shipped_snapshot)
    assert result.verdict is HdsVerdict.not_found
    assert headline(result, "fr").startswith("Absent de la liste partielle utilisée, vérifier la certification")
    assert headline(result, "en").startswith("Not on the partial list used, check the certification")
