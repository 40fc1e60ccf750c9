"""Delays read from contract wording: every unit the pattern accepts converts to hours."""

from __future__ import annotations

import pytest

from vendorcheck.engine.durations import shortest_delay_hours


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("within 5 business days of the request", 120),
        ("no later than 2 working days after", 48),
        ("within thirty (30) calendar days", 720),
        ("sous cinq (5) jours ouvrés", 120),
        ("dans un délai de 48 heures", 48),
        ("within two weeks", 336),
    ],
)
def test_every_unit_converts(text: str, hours: float) -> None:
    assert shortest_delay_hours(text) == hours
