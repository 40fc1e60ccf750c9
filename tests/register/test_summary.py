"""The supplier picture: a contractual set judged as a whole, errors kept visible, HDS verdicts applied."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from vendorcheck.hds.models import HdsEntry
from vendorcheck.models import Severity, Status
from vendorcheck.register import Register
from vendorcheck.register.hds import assess_suppliers, recheck
from vendorcheck.register.models import HdsVerdictRow, Run
from vendorcheck.register.records import Failure, Outcome
from vendorcheck.register.summary import build_dashboard

from .conftest import ROOT, make_review

B, M = Severity.blocking, Severity.major


def test_a_clause_met_in_any_document_counts_but_a_contradiction_wins(register: Register, put: Callable) -> None:
    put(
        f"{ROOT}/acme/dpa.md",
        make_review(
            "a" * 64,
            {"GDPR-28-3-a": (Status.present, M), "GDPR-33-2": (Status.present, B), "GDPR-28-3-h": (Status.partial, M)},
            name="dpa.md",
        ),
        folder="acme",
    )
    put(
        f"{ROOT}/acme/cgu.md",
        make_review(
            "b" * 64,
            {
                "GDPR-28-3-a": (Status.missing, M),
                "GDPR-33-2": (Status.non_compliant, B),
                "GDPR-28-3-h": (Status.missing, M),
            },
            name="cgu.md",
        ),
        folder="acme",
    )
    with register.transaction() as session:
        acme = build_dashboard(session).suppliers[0]
    assert {req: (c.status, c.document) for req, c in acme.cells.items()} == {
        "GDPR-28-3-a": (Status.present, "dpa.md"),
        "GDPR-33-2": (Status.non_compliant, "cgu.md"),
        "GDPR-28-3-h": (Status.partial, "dpa.md"),
    }
    assert acme.counts == {"blocking": 1, "major": 1, "minor": 0}
    assert acme.overall == "not_signable"
    assert sorted(d.name for d in acme.documents) == ["cgu.md", "dpa.md"]


def test_a_supplier_with_only_unreadable_files_is_unchecked_and_its_errors_listed(
    register: Register, put: Callable
) -> None:
    failure = Failure(code="VC-E012", message_fr="[VC-E012] PDF illisible", message_en="[VC-E012] unreadable PDF")
    put(
        f"{ROOT}/beta/scan.pdf",
        Outcome(path=f"{ROOT}/beta/scan.pdf", sha256="c" * 64, kind="contract", failure=failure),
        folder="beta",
    )
    with register.transaction() as session:
        dashboard = build_dashboard(session, lang="en")
    (beta,) = dashboard.suppliers
    assert (beta.overall, beta.errors, beta.cells) == ("unchecked", 1, {})
    assert [(e.supplier, e.code, e.message) for e in dashboard.errors] == [
        ("beta", "VC-E012", "[VC-E012] unreadable PDF")
    ]


def test_a_later_success_clears_the_error(register: Register, put: Callable) -> None:
    path = f"{ROOT}/beta/dpa.md"
    put(
        path,
        Outcome(path=path, sha256="c" * 64, kind="contract", failure=Failure.unexpected(path, MemoryError())),
        folder="beta",
    )
    put(path, make_review("c" * 64, {"GDPR-28-3-a": (Status.present, M)}), folder="beta")
    with register.transaction() as session:
        dashboard = build_dashboard(session)
    assert dashboard.errors == [] and dashboard.suppliers[0].overall == "signable"


def _hds_run(register: Register) -> None:
    with register.transaction() as session:
        run_id = session.scalars(select(Run.id)).first()
        assess_suppliers(session, run_id, root=ROOT, health_data=True, today=date(2026, 12, 1))


def test_health_data_hosted_by_an_uncertified_supplier_is_not_signable(
    register: Register, put: Callable, hds_list: Callable
) -> None:
    hds_list(
        [
            HdsEntry(
                legal_entity="Nuage Fictif SAS",
                siren="732829320",
                certifying_body="LSTI",
                issued_on=date(2025, 1, 10),
                valid_until=date(2028, 1, 9),
                activities=[1, 2, 3, 4, 5, 6],
                referential="2024",
            )
        ],
        list_date=date(2026, 11, 1),
    )
    complete = {"GDPR-28-3-a": (Status.present, M)}
    put(f"{ROOT}/Nuage Fictif/dpa.md", make_review("a" * 64, complete), folder="Nuage Fictif")
    put(f"{ROOT}/Autre Hebergeur/dpa.md", make_review("b" * 64, complete), folder="Autre Hebergeur")
    _hds_run(register)
    with register.transaction() as session:
        lines = {s.name: s for s in build_dashboard(session).suppliers}
    certified, unknown = lines["Nuage Fictif"], lines["Autre Hebergeur"]
    assert (certified.overall, certified.hds.verdict, certified.hds.expires_on) == (
        "signable",
        "certified",
        date(2028, 1, 9),
    )
    assert certified.hds.snapshot == "2026-11-01" and certified.hds.source == "liste de test"
    assert (unknown.overall, unknown.hds.verdict, unknown.hds.ok) == ("not_signable", "not_found", False)


def test_a_clean_supplier_absent_from_a_partial_list_is_to_check_not_to_amend(
    register: Register, put: Callable, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    """On the shipped partial list, absence proves nothing: clean clauses give « vérifier la certification »,
    never an addendum."""
    monkeypatch.setenv("VENDORCHECK_HOME", str(tmp_path / "empty-home"))  # the shipped snapshot is current
    put(
        f"{ROOT}/Hebergeur Inconnu/dpa.md",
        make_review("c" * 64, {"GDPR-28-3-a": (Status.present, M)}),
        folder="Hebergeur Inconnu",
    )
    _hds_run(register)
    with register.transaction() as session:
        (line,) = build_dashboard(session).suppliers
    assert (line.overall, line.hds.verdict) == ("verify_certification", "not_found")
    assert line.hds.label == "Absent de la liste partielle utilisée, vérifier la certification"


def test_recheck_uses_the_new_list_and_flags_certificates_expiring_within_90_days(
    register: Register, put: Callable, hds_list: Callable
) -> None:
    entry = dict(
        legal_entity="Nuage Fictif SAS",
        certifying_body="LSTI",
        issued_on=date(2025, 1, 10),
        activities=[1, 2, 3, 4, 5, 6],
        referential="2024",
    )
    hds_list([HdsEntry(**entry, valid_until=date(2028, 1, 9))], list_date=date(2026, 11, 1))
    put(
        f"{ROOT}/Nuage Fictif/dpa.md",
        make_review("a" * 64, {"GDPR-28-3-a": (Status.present, M)}),
        folder="Nuage Fictif",
    )
    _hds_run(register)
    # The new list shortens the validity: the certificate now lapses 30 days after the check.
    hds_list([HdsEntry(**entry, valid_until=date(2027, 1, 31))], list_date=date(2026, 12, 1))
    with register.transaction() as session:
        (line,) = recheck(session, today=date(2027, 1, 1))
    assert (line.before, line.after, line.changed, line.expiring) == ("certified", "expiring_soon", True, True)
    assert line.expires_on == date(2027, 1, 31)
    with register.transaction() as session:
        history = session.scalars(select(HdsVerdictRow).order_by(HdsVerdictRow.id)).all()
        assert [(h.snapshot_date, h.verdict) for h in history] == [
            (date(2026, 11, 1), "certified"),
            (date(2026, 12, 1), "expiring_soon"),
        ]
