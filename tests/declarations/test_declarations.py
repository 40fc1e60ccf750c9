"""Vendor declarations: templates, parsing with located errors, cross-check against contract and list."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from vendorcheck.declarations import cross_check, parse_declaration, write_template
from vendorcheck.declarations.template import SCALARS, question, sheet_title, skeleton, yaml_template
from vendorcheck.errors import DeclarationError
from vendorcheck.hds.imports import parse_list
from vendorcheck.hds.messages import headline
from vendorcheck.hds.store import new_snapshot
from vendorcheck.ingest import load
from vendorcheck.parties import extract_parties

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "declarations"
CONTRACT = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md"


@pytest.fixture(scope="module")
def contract():  # noqa: ANN201 - a Document
    return load(CONTRACT)


@pytest.fixture(scope="module")
def snapshot():  # noqa: ANN201 - a Snapshot
    entries = parse_list(ROOT / "samples" / "hds" / "liste-exemple.csv")[1]
    return new_snapshot(entries, list_date=date(2026, 11, 20), source="liste d'exemple fictive")


@pytest.fixture(scope="module")
def shipped():  # noqa: ANN201 - the shipped partial Snapshot
    from vendorcheck.hds.store import read_snapshot, shipped_files

    return read_snapshot(shipped_files()[0], shipped=True)


def _check(path: Path, contract, snapshot):  # noqa: ANN001, ANN202
    declaration = parse_declaration(path)
    entry = next(e for e in snapshot.entries if e.legal_entity == "Armor Imagerie Cloud")
    return cross_check(declaration, contract, parties=extract_parties(contract), entry=entry, snapshot=snapshot)


def test_yaml_template_is_the_skeleton_with_comments() -> None:
    text = yaml_template()
    assert yaml.safe_load(text) == skeleton()
    for key in SCALARS:
        assert f"# {question(key)}" in text


def test_blank_templates_fail_on_the_vendor_name_only(tmp_path: Path) -> None:
    for fmt in ("yaml", "json", "xlsx"):
        path = write_template(tmp_path / f"modele.{fmt}", fmt)
        with pytest.raises(DeclarationError) as error:
            parse_declaration(path)
        problems = error.value.details["detail"].text("fr").splitlines()
        assert problems == [problems[0]] and "vendor" in problems[0], fmt


def test_xlsx_template_filled_in_round_trips(tmp_path: Path) -> None:
    path = write_template(tmp_path / "modele.xlsx", "xlsx")
    workbook = load_workbook(path)
    answers = {
        "vendor.name": "Nuage Fictif SAS",
        "vendor.siren": 901000109,
        "service": "SaaS",
        "hds.activities": "1 à 6",
        "hds.valid_until": "28/02/2028",
        "breach_notification_hours": "2 jours",
        "transfers_outside_eea": "non",
    }
    for row in workbook[sheet_title("main")].iter_rows(min_row=2):
        if row[0].value in answers:
            row[2].value = answers[row[0].value]
    workbook["Sous-traitants"].append(["Ouest Datacentres SAS", "791 463 524", "France", "Hébergement"])
    workbook.save(path)
    declaration = parse_declaration(path)
    assert (declaration.vendor.name, declaration.vendor.siren, declaration.service) == (
        "Nuage Fictif SAS",
        "901000109",
        "saas",
    )
    assert declaration.hds.activities.numbers == [1, 2, 3, 4, 5, 6]
    assert declaration.breach_notification_hours == 48 and declaration.transfers_outside_eea is False
    assert [(s.name, s.siren, s.country) for s in declaration.sub_processors] == [
        ("Ouest Datacentres SAS", "791463524", "FR")
    ]


def test_every_error_is_located(tmp_path: Path) -> None:
    text = (SAMPLES / "armor-imagerie-coherente.yaml").read_text(encoding="utf-8")
    text = text.replace("siren: 903 782 142", "siren: 903 782 143").replace("service: pacs", "service: cloud")
    text = text.replace("valid_until: 02/02/2028", "valid_until: bientôt")
    text = text.replace("  - country: France\n    city: Nantes", "  - country: Atlantide\n    city: Nantes")
    text += "couleur: bleu\n"
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(DeclarationError) as error:
        parse_declaration(tmp_path / "d.yaml")
    message = error.value.message()
    assert message.startswith(f"[VC-E055] {tmp_path / 'd.yaml'} : déclaration du fournisseur invalide")

    def line_of(fragment: str) -> int:
        return next(i for i, t in enumerate(lines, 1) if fragment in t)

    assert f"ligne {line_of('903 782 143')} (vendor.siren) : SIREN/SIRET invalide" in message
    assert f"ligne {line_of('service: cloud')} (service) : type de service inconnu : cloud" in message
    assert f"ligne {line_of('bientôt')} (hds.valid_until) : date illisible : bientôt" in message
    assert f"ligne {line_of('Atlantide')} (hosting_locations.1.country) : pays inconnu : Atlantide" in message
    assert f"ligne {line_of('couleur')} (couleur) : rubrique inconnue" in message


def test_unreadable_declarations(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("vendor: [unclosed", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"vendor": ', encoding="utf-8")
    (tmp_path / "c.xlsx").write_bytes(b"PK\x03\x04broken")
    (tmp_path / "d.yaml").write_text("- juste\n- une liste\n", encoding="utf-8")
    for name, fragment in (
        ("a.yaml", "YAML invalide ligne 1"),
        ("b.json", "JSON invalide"),
        ("c.xlsx", "XLSX illisible"),
        ("d.yaml", "ne contient pas une déclaration"),
    ):
        with pytest.raises(DeclarationError, match=fragment):
            parse_declaration(tmp_path / name)


def test_json_declaration_ignores_comment_keys(tmp_path: Path) -> None:
    data = {
        "_aide": "commentaire",
        "vendor": {"name": "Nuage Fictif SAS"},
        "hosting_locations": [
            {"country": None, "city": None, "provider": None},
            {"country": "Irlande", "city": "Dublin"},
        ],
    }
    (tmp_path / "d.json").write_text(json.dumps(data), encoding="utf-8")
    declaration = parse_declaration(tmp_path / "d.json")
    assert [loc.country for loc in declaration.hosting_locations] == ["IE"]


def test_consistent_declaration_has_no_inconsistency(contract, snapshot) -> None:  # noqa: ANN001
    assert _check(SAMPLES / "armor-imagerie-coherente.yaml", contract, snapshot) == []


@pytest.mark.parametrize("on", [date(2026, 11, 23), date(2027, 5, 31)])
def test_consistent_declaration_gets_a_clean_verdict_for_years(contract, snapshot, on: date) -> None:  # noqa: ANN001
    """The coherent sample stays coherent until its first host certificate ends (14 June 2027): its hosts'
    certificates cover what they do."""
    from vendorcheck.certification import assess_contract

    result = assess_contract(
        contract,
        extract_parties(contract),
        declaration=SAMPLES / "armor-imagerie-coherente.yaml",
        today=on,
        snapshot=snapshot,
    )
    assert result.verdict.value == "certified" and result.inconsistencies == []
    assert [r.code for r in result.reasons].count("declared_host_covered") == 2


def test_consistent_declaration_on_the_partial_list_asks_to_check(contract, shipped) -> None:  # noqa: ANN001
    """Absent from the shipped partial list, the vendor that states its own certificate is "to check", not
    "hosted elsewhere but uncertified", and its certificate number is not "contradicted"."""
    from vendorcheck.certification import assess_contract

    result = assess_contract(
        contract,
        extract_parties(contract),
        declaration=SAMPLES / "armor-imagerie-coherente.yaml",
        today=date(2026, 11, 23),
        snapshot=shipped,
    )
    assert result.verdict.value == "not_found" and headline(result, "fr").startswith(
        "Absent de la liste partielle utilisée, vérifier la certification"
    )
    assert {"hosted_at_host", "certificate_number_unknown"}.isdisjoint(result.codes)
    assert "certificate_number_unverifiable" in result.codes


def test_contradicting_declaration(contract, snapshot) -> None:  # noqa: ANN001
    found = _check(SAMPLES / "armor-imagerie-contradictoire.xlsx", contract, snapshot)
    codes = [i.reason.code for i in found]
    assert codes == [
        "decl_entity_contract",
        "decl_entity_list",
        "decl_location_not_in_contract",
        "decl_transfers_banned",
        "decl_transfers_self",
        "decl_subprocessor_not_in_contract",
        "decl_subprocessor_not_in_contract",
        "decl_subprocessor_undeclared",
        "decl_breach_delay",
        "decl_certificate_number",
        "decl_certificate_dates",
    ]
    by_code = {i.reason.code: i for i in found}
    assert by_code["decl_breach_delay"].reason.fr == (
        "Délai de notification des violations : 72 h selon la déclaration, 24 h selon le contrat."
    )
    assert "délai maximal de 24 heures" in by_code["decl_breach_delay"].contract[0].quote
    assert "Aucun transfert" in by_code["decl_transfers_banned"].contract[0].quote
    assert by_code["decl_location_not_in_contract"].declared == "Irlande (IE)"
    assert by_code["decl_subprocessor_undeclared"].contract[0].quote == "Télésauve SAS"
    assert by_code["decl_certificate_number"].contract[0].quote == "HDS-2025-0417"
    for item in found:
        for quote in item.contract:
            assert contract.text[quote.start : quote.end] == quote.quote
