"""Delays: every unit the pattern accepts is converted, and each delay is typed by the words around it."""

from __future__ import annotations

import pytest

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.engine.durations import HOURS_PER_UNIT, delays, shortest_delay_hours
from vendorcheck.models import Status


@pytest.mark.parametrize("unit", sorted(HOURS_PER_UNIT))
def test_every_accepted_unit_is_read_and_converted(unit):
    found = delays(f"within 3 {unit}.")
    assert [d.hours for d in found] == [3 * HOURS_PER_UNIT[unit]]


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("within five (5) business days", 120),
        ("sous cinq (5) jours ouvrés", 120),
        ("within 2 working days", 48),
        ("dans les 10 jours calendaires", 240),
        ("under 3 jours francs", 72),
        ("48 (quarante-huit) heures", 48),
        ("90(ninety) days", 2160),
        ("seventy-two hours", 72),
        ("twenty-four hrs", 24),
        ("24h", 24),
        ("1,5 jours", 36),
        ("two weeks", 336),
        ("un mois", 720),
        ("deux ans", 17520),
        ("within 5 business days of the request", 120),
        ("no later than 2 working days after", 48),
        ("within thirty (30) calendar days", 720),
        ("dans un délai de 48 heures", 48),
        ("within two weeks", 336),
    ],
)
def test_written_delays(text, hours):
    assert shortest_delay_hours(text) == hours


def test_a_business_day_is_never_shorter_than_a_calendar_day():
    assert HOURS_PER_UNIT["business days"] >= HOURS_PER_UNIT["days"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The processor notifies the customer within 48 hours.", "deadline"),
        ("Le Prestataire notifie le Client dans un délai de 24 heures.", "deadline"),
        ("Audits may take place once every 12 months.", "frequency"),
        ("Un audit peut être mené une fois tous les 12 mois.", "frequency"),
        ("One audit per year, 2 days per year at most.", "frequency"),
        ("The Customer gives 30 days' prior written notice of an audit.", "advance"),
        ("moyennant un préavis de trente (30) jours.", "advance"),
        ("Backups are retained for 35 days.", "period"),
        ("Les journaux sont conservés pendant 6 mois.", "period"),
    ],
)
def test_delays_are_typed_by_their_context(text, kind):
    assert [d.kind for d in delays(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Processor shall notify the Controller of any personal data breach within five (5) business days.", "en"),
        ("The Processor shall notify the Controller of a personal data breach within 4 working days.", "en"),
        ("Le Prestataire notifie au Client toute violation de données personnelles sous cinq jours ouvrés.", "fr"),
    ],
)
def test_a_breach_notice_in_business_days_is_read_not_a_crash(text, lang):
    finding = review(document_from_text(text, lang), health_data=False).finding("GDPR-33-2")
    assert finding.status is Status.non_compliant


def test_an_audit_frequency_is_not_a_breach_notice_delay():
    text = (
        "The Processor shall notify the Controller of any personal data breach without undue delay. "
        "The notification also lists the audits carried out once every 12 months."
    )
    finding = review(document_from_text(text, "en"), health_data=False).finding("GDPR-33-2")
    assert finding.status is Status.present
