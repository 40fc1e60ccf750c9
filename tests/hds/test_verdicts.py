"""Verdict details the battery does not pin down: date boundaries, languages, errors, the certificate reader."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.hds.conftest import SAMPLES, TODAY
from vendorcheck.errors import OptionError
from vendorcheck.hds import assess
from vendorcheck.hds.bodies import check_issuer
from vendorcheck.hds.certificate import parse_certificate, read_certificate
from vendorcheck.hds.messages import headline, reason_lines
from vendorcheck.hds.models import HdsAssessment, HdsVerdict
from vendorcheck.ingest import load


def test_expiry_boundaries_follow_the_injected_date(example_snapshot) -> None:  # noqa: ANN001
    until = date(2028, 2, 28)  # Nuage Fictif SAS, certified for the six activities
    verdicts = {
        days: assess("Nuage Fictif SAS", today=until - timedelta(days=days), snapshot=example_snapshot).verdict
        for days in (91, 90, 0, -1)
    }
    assert verdicts == {
        91: HdsVerdict.certified,
        90: HdsVerdict.expiring_soon,
        0: HdsVerdict.expiring_soon,
        -1: HdsVerdict.expired,
    }


def test_2018_referential_is_a_warning_before_the_deadline(example_snapshot) -> None:  # noqa: ANN001
    before = assess("Vieux Référentiel SAS", today=date(2026, 1, 15), snapshot=example_snapshot)
    after = assess("Vieux Référentiel SAS", today=TODAY, snapshot=example_snapshot)
    assert before.verdict is HdsVerdict.certified and "referential_transition" in before.codes
    assert after.verdict is HdsVerdict.outdated_referential
    # The deadline comes from a secondary source, and the reason says so.
    assert any("source secondaire" in r.fr for r in after.reasons)
    assert any("secondary source" in r.en for r in after.reasons)


def test_headline_and_reasons_in_both_languages(example_snapshot) -> None:  # noqa: ANN001
    result = assess("Archives Imaginaires SARL", today=TODAY, snapshot=example_snapshot)
    assert headline(result, "fr") == "Certificat HDS expiré — Archives Imaginaires SARL (liste du 20/11/2026)"
    assert headline(result, "en") == "HDS certificate expired — Archives Imaginaires SARL (list of 2026-11-20)"
    assert "Certificat expiré le 30/06/2026, il y a 146 jours." in reason_lines(result, "fr")
    assert reason_lines(result, "en")[-1].startswith("Source: liste d'exemple fictive — snapshot ")
    assert result.expiry_date == date(2026, 6, 30)


def test_assessment_round_trips_through_json(example_snapshot) -> None:  # noqa: ANN001
    result = assess(
        "Agenda Fictif SAS", host="Nuage Fictif SAS", service="saas", today=TODAY, snapshot=example_snapshot
    )
    dumped = result.model_dump(mode="json")
    assert dumped["snapshot_date"] == "2026-11-20" and dumped["source"] == "liste d'exemple fictive"
    assert headline(HdsAssessment.model_validate(dumped), "fr") == headline(result, "fr")


def test_unknown_service_and_empty_query_are_usage_errors(example_snapshot) -> None:  # noqa: ANN001
    with pytest.raises(OptionError, match="iaas, paas, saas, backup, pacs, support"):
        assess("Nuage Fictif SAS", service="cloud", snapshot=example_snapshot)
    with pytest.raises(OptionError):
        assess("  ", snapshot=example_snapshot)


@pytest.mark.parametrize(
    ("issuer", "status"),
    [
        ("BSI (EMEA)", "accredited"),
        ("LNE, accrédité COFRAC n° 5-0000", "accredited"),
        ("Bureau Veritas", "accredited"),
        ("Ministère de la Santé / ANSM", "not_certifier"),
        ("ANS et BSI", "not_certifier"),
        ("COFRAC", "not_certifier"),
        ("SGS", "unverified"),
        ("Certif Express", "unknown"),
    ],
)
def test_issuer_table(issuer: str, status: str) -> None:
    assert check_issuer(issuer).status == status


def test_certificate_reading_with_quotes() -> None:
    document = load(SAMPLES / "certificat-armor-imagerie.txt")
    text = document.text
    reading = read_certificate(document)
    assert (reading.entity, reading.siren, reading.certificate_number, reading.issuer) == (
        "Armor Imagerie Cloud",
        "903782142",
        "HDS-2025-0417",
        "AFNOR Certification",
    )
    assert (reading.issued_on, reading.valid_until, reading.referential) == (date(2025, 2, 3), date(2028, 2, 2), "2024")
    assert reading.activities == [1, 2, 3, 4, 5, 6] and not reading.invented_activities
    for field, quote in reading.quotes.items():
        assert text[quote.start : quote.end] == quote.quote, field


def test_misstatements_read_from_documents() -> None:
    brochure = parse_certificate(SAMPLES / "plaquette-hds-ready.txt")
    assert brochure.hosts == ["Nuage Fictif SAS"]
    assert set(brochure.marketing_terms) == {"HDS-ready", "serveurs HDS", "HIPAA", "SOC 2"}
    assert brochure.invented_activities == ["restauration", "archivage electronique", "6 roles"]
    assert parse_certificate(SAMPLES / "attestation-ministere-sante.txt").issuer == "Ministère de la Santé"
    assert parse_certificate(SAMPLES / "agrement-hebergeur-2016.txt").mentions_agrement
    physical = parse_certificate(SAMPLES / "attestation-infrastructure-physique.txt")
    assert physical.activities == [1, 2] and physical.entity == "Datacentre Chimère SA"


def test_certificate_pdf_goes_through_ingestion(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "certificat.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    y = 800
    for line in (SAMPLES / "certificat-v1-expire.txt").read_text(encoding="utf-8").splitlines():
        page.drawString(40, y, line)
        y -= 16
    page.save()
    reading = parse_certificate(pdf)
    assert (reading.certificate_number, reading.valid_until, reading.referential) == (
        "TEST-HDS-0006",
        date(2026, 6, 30),
        "2018",
    )
