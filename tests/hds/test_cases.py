"""The battery of vendor cases (cases.yaml): every misstatement pattern of hds.md §1.8, clean cases, name
variants, homonyms and SIREN-only queries, each with its expected verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.hds.conftest import SAMPLES, TODAY
from vendorcheck.hds import assess
from vendorcheck.hds.certificate import parse_certificate
from vendorcheck.hds.messages import reason_lines
from vendorcheck.hds.models import HdsClaim, HdsVerdict

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
LOOKUPS = yaml.safe_load((Path(__file__).parent / "lookups.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES + LOOKUPS, ids=[c["id"] for c in CASES + LOOKUPS])
def test_case(case: dict, request: pytest.FixtureRequest) -> None:
    snapshot = request.getfixturevalue(f"{case['list']}_snapshot")
    claim = None
    if "certificate" in case:
        claim = parse_certificate(SAMPLES / case["certificate"]).claim()
    elif "claim" in case:
        claim = HdsClaim(**case["claim"])
    result = assess(
        case["query"],
        service=case.get("service"),
        host=case.get("host"),
        product=case.get("product"),
        claim=claim,
        today=TODAY,
        snapshot=snapshot,
    )
    assert result.verdict == HdsVerdict(case["verdict"]), reason_lines(result, "fr")
    if "entity" in case:
        assert (result.entry.legal_entity if result.entry else None) == case["entity"]
    assert set(case.get("codes", [])) <= set(result.codes), result.codes
    assert not set(case.get("absent", [])) & set(result.codes), result.codes
    # Every verdict cites the date of the list and the source of the entry it rests on.
    assert result.snapshot_date == snapshot.info.list_date
    entry = result.entry
    if entry and entry.source:
        assert result.source.startswith(entry.source) and (entry.source_date or "") in result.source
    else:
        assert result.source == snapshot.info.source
    last = reason_lines(result, "fr")[-1]
    assert result.source in last and snapshot.info.list_date.strftime("%d/%m/%Y") in last


def test_battery_covers_every_pattern_and_kind() -> None:
    kinds = {case["kind"] for case in CASES}
    assert {f"pattern-{n}" for n in range(1, 10)} <= kinds
    assert {"clean", "variant", "siren", "homonym"} <= kinds
    assert len(CASES) >= 30
    assert len({case["id"] for case in CASES}) == len(CASES)


def test_thirteen_lookups_on_a_list_typed_by_hand_cover_the_patterns() -> None:
    patterns = [case["kind"] for case in LOOKUPS if case["kind"].startswith("pattern-")]
    assert len(patterns) == 13 and {f"pattern-{n}" for n in range(1, 10)} == set(patterns)
