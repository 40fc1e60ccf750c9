"""Two declarations for one supplier (issue 11, item 18): the HDS verdict does not depend on which worker
finished first — each declaration is assessed, the least favourable verdict is kept and the conflict stated."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from vendorcheck.declarations import parse_declaration
from vendorcheck.hds.imports import parse_list
from vendorcheck.hds.store import new_snapshot
from vendorcheck.register import Register
from vendorcheck.register.hds import assess_supplier
from vendorcheck.register.models import Supplier
from vendorcheck.register.records import FileRef, Outcome
from vendorcheck.register.store import record, start_run

from .conftest import KEY, ROOT

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def example():  # noqa: ANN201 - the example list as a Snapshot
    return new_snapshot(
        parse_list(SAMPLES / "hds" / "liste-exemple.csv")[1],
        list_date=date(2026, 11, 20),
        source="liste d'exemple fictive",
    )


def _declarations(tmp_path: Path) -> dict[str, dict]:
    """The coherent sample, and a variant whose certificate number the list does not know."""
    good = yaml.safe_load((SAMPLES / "declarations" / "armor-imagerie-coherente.yaml").read_text(encoding="utf-8"))
    other = yaml.safe_load(yaml.safe_dump(good))
    other["hds"]["certificate_number"] = "HDS-2024-9999"
    parsed = {}
    for name, data in (("a-declaration.yaml", good), ("b-declaration.yaml", other)):
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        parsed[name] = parse_declaration(path).model_dump(mode="json")
    return parsed


def _verdict(register: Register, declarations: dict[str, dict], order: list[str], example) -> tuple[str, list[str]]:  # noqa: ANN001
    with register.transaction() as session:
        run = start_run(session, ROOT, KEY, 2).id
        for name in order:  # the order in which the workers' results arrived
            outcome = Outcome(
                path=f"{ROOT}/armor/{name}",
                sha256=name * 2,
                kind="declaration",
                declaration=declarations[name],
                vendor_name="Armor Imagerie Cloud",
            )
            record(session, run, KEY, outcome, [FileRef(path=outcome.path, root=ROOT, folder="armor")])
        (supplier,) = session.query(Supplier).all()
        row = assess_supplier(session, supplier, run_id=run, today=date(2026, 11, 23), snapshot=example)
        return row.verdict, [r["code"] for r in row.data["reasons"]]


@pytest.mark.parametrize(
    "order", [["a-declaration.yaml", "b-declaration.yaml"], ["b-declaration.yaml", "a-declaration.yaml"]]
)
def test_two_declarations_give_one_verdict_whatever_the_order(tmp_path: Path, example, order: list[str]) -> None:  # noqa: ANN001
    declarations = _declarations(tmp_path)
    with Register(memory=True) as register:
        verdict, codes = _verdict(register, declarations, order, example)
    assert verdict == "claim_inconsistent"
    assert "claim_number_differs" in codes and codes[-1] == "declarations_conflict"


def test_copies_of_one_declaration_are_no_conflict(tmp_path: Path, example) -> None:  # noqa: ANN001
    declarations = _declarations(tmp_path)
    declarations["b-declaration.yaml"] = declarations["a-declaration.yaml"] | {"source": "b-declaration.yaml"}
    with Register(memory=True) as register:
        verdict, codes = _verdict(register, declarations, ["b-declaration.yaml", "a-declaration.yaml"], example)
    assert verdict == "certified" and "declarations_conflict" not in codes
