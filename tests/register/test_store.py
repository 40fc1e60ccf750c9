"""Recording outcomes: what counts as already done, how files find their supplier, what a run forgets."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from vendorcheck.models import Party, Severity, Status
from vendorcheck.register import Register
from vendorcheck.register.models import DocumentFile, EvidenceRow, FindingRow, ReviewRow, Supplier
from vendorcheck.register.records import Failure, FileRef, Outcome
from vendorcheck.register.store import link, prune, record, start_run, still_valid, supplier_key

from .conftest import KEY, ROOT, make_review

MET = (Status.present, Severity.major)


def test_a_review_is_stored_with_its_findings_and_evidence(register: Register, put: Callable) -> None:
    review = make_review(
        "a" * 64,
        {"GDPR-28-3-a": MET, "GDPR-33-2": (Status.missing, Severity.blocking)},
        quote="sur instruction documentée",
    )
    put(f"{ROOT}/acme/dpa.pdf", review, folder="acme")
    with register.transaction() as session:
        row = session.scalars(select(ReviewRow)).one()
        assert (row.outcome, row.verdict, row.page_count) == ("reviewed", "not_signable", 3)
        assert {f.requirement: f.status for f in row.findings} == {"GDPR-28-3-a": "present", "GDPR-33-2": "missing"}
        assert session.scalars(select(EvidenceRow.quote)).all() == ["sur instruction documentée"]
        assert row.data["document"]["sha256"] == "a" * 64


def test_still_valid_needs_the_same_key_and_a_final_outcome(register: Register, put: Callable) -> None:
    put(f"{ROOT}/a.md", make_review("a" * 64, {"GDPR-28-3-a": MET}))
    put(
        f"{ROOT}/b.md",
        Outcome(
            path=f"{ROOT}/b.md",
            sha256="b" * 64,
            kind="contract",
            failure=Failure(code="VC-E012", message_fr="x", message_en="x"),
        ),
    )
    put(
        f"{ROOT}/c.md",
        Outcome(
            path=f"{ROOT}/c.md", sha256="c" * 64, kind="contract", failure=Failure.unexpected("c.md", MemoryError())
        ),
    )
    hashes = ["a" * 64, "b" * 64, "c" * 64, "d" * 64]
    with register.transaction() as session:
        # A damaged file stays damaged; a crash (retryable) or an unknown document must be processed.
        assert set(still_valid(session, hashes, KEY)) == {"a" * 64, "b" * 64}
        for changed in (
            KEY.model_copy(update={"rules_version": "r2"}),
            KEY.model_copy(update={"snapshot": "2026-06-01-00000000"}),
            KEY.model_copy(update={"health_data": True}),
            KEY.model_copy(update={"lang": "en"}),
        ):
            assert still_valid(session, hashes, changed) == {}


def test_the_latest_outcome_decides(register: Register, put: Callable) -> None:
    """Reviewed once with the current rules, then again with other rules: no longer up to date."""
    review = make_review("a" * 64, {"GDPR-28-3-a": MET})
    put(f"{ROOT}/a.md", review)
    put(
        f"{ROOT}/a.md",
        review.model_copy(update={"rules_version": "r2"}),
        key=KEY.model_copy(update={"rules_version": "r2"}),
    )
    with register.transaction() as session:
        assert still_valid(session, ["a" * 64], KEY) == {}
        assert session.scalar(select(func.count()).select_from(ReviewRow)) == 2  # history is kept


def test_loose_files_go_to_the_detected_vendor_else_to_their_own_name(register: Register, put: Callable) -> None:
    detected = make_review("a" * 64, {"GDPR-28-3-a": MET})
    put(
        f"{ROOT}/cgu.md",
        Outcome(
            path=f"{ROOT}/cgu.md", sha256="a" * 64, kind="contract", review=detected, vendor_name="Kalendo Santé SAS"
        ),
    )
    put(f"{ROOT}/kalendo/dpa.md", make_review("b" * 64, {"GDPR-28-3-a": MET}), folder="KALENDO SANTE")
    put(f"{ROOT}/inconnu.md", make_review("c" * 64, {"GDPR-28-3-a": MET}))
    with register.transaction() as session:
        owners = {f.path.rsplit("/", 1)[1]: f.supplier.name for f in session.scalars(select(DocumentFile))}
        assert owners == {"cgu.md": "Kalendo Santé SAS", "dpa.md": "Kalendo Santé SAS", "inconnu.md": "inconnu"}
        assert session.scalar(select(func.count()).select_from(Supplier)) == 2


def test_supplier_keys_ignore_legal_forms_case_and_accents() -> None:
    assert supplier_key("Kalendo Santé SAS") == supplier_key("KALENDO SANTE") == supplier_key("kalendo-santé")
    assert supplier_key("Nuage Fictif") != supplier_key("Nuage Réel")


def test_copies_of_one_document_share_one_review(register: Register) -> None:
    review = make_review("a" * 64, {"GDPR-28-3-a": MET})
    refs = [
        FileRef(path=f"{ROOT}/acme/dpa.md", root=ROOT, folder="acme"),
        FileRef(path=f"{ROOT}/beta/dpa-copie.md", root=ROOT, folder="beta"),
    ]
    with register.transaction() as session:
        run = start_run(session, ROOT, KEY, jobs=1)
        record(session, run.id, KEY, Outcome(path=refs[0].path, sha256="a" * 64, kind="contract", review=review), refs)
    with register.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ReviewRow)) == 1
        assert session.scalar(select(func.count()).select_from(FindingRow)) == 1
        files = session.scalars(select(DocumentFile).order_by(DocumentFile.path)).all()
        assert [f.supplier.name for f in files] == ["acme", "beta"]
        assert files[0].document_id == files[1].document_id


def test_a_complete_run_forgets_files_it_no_longer_finds(register: Register, put: Callable) -> None:
    put(f"{ROOT}/acme/old.md", make_review("a" * 64, {"GDPR-28-3-a": MET}), folder="acme")
    with register.transaction() as session:
        run = start_run(session, ROOT, KEY, jobs=1)
        document = session.scalars(select(DocumentFile)).one().document
        link(session, run.id, document, [FileRef(path=f"{ROOT}/acme/renamed.md", root=ROOT, folder="acme")])
        assert prune(session, ROOT, run.id) == 1
    with register.transaction() as session:
        assert [f.path for f in session.scalars(select(DocumentFile))] == [f"{ROOT}/acme/renamed.md"]
        assert session.scalar(select(func.count()).select_from(ReviewRow)) == 1  # the review is not lost


def test_the_vendor_is_the_processor_party() -> None:
    from vendorcheck.batch.worker import contracting_vendor

    review = make_review("a" * 64, {"GDPR-28-3-a": MET}).model_copy(
        update={
            "parties": [
                Party(name="Cabinet du Dr Martin", role="controller"),
                Party(name="Kalendo Santé", role="processor", siren="884120759"),
            ]
        }
    )
    assert contracting_vendor(review) == ("Kalendo Santé", "884120759")
    assert contracting_vendor(make_review("b" * 64, {})) == (None, None)


def test_only_problems_of_the_file_itself_are_final() -> None:
    from vendorcheck.errors import CorruptPdf, RuleFileError

    assert not Failure.from_error(CorruptPdf("x.pdf", detail="en-tête absent")).retryable
    assert Failure.from_error(RuleFileError("rules", detail="YAML invalide")).retryable
