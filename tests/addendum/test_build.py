"""Composing the addendum from a review: which clauses, in what order, quoting what, naming whom."""

from __future__ import annotations

from datetime import date

from tests.addendum.conftest import synthetic_review
from vendorcheck.addendum import draft, write
from vendorcheck.addendum.build import CLAUSE_ORDER
from vendorcheck.models import Evidence, Finding, Party, Severity, Status

BREACH_QUOTE = "Le Prestataire informera le Client dans un délai de cinq jours ouvrés après analyse."
EVIDENCE = Evidence(quote=BREACH_QUOTE, start=100, end=183, page=3, line=40, section="Article 9 – Sécurité")


def test_one_clause_per_gap_none_for_met_or_not_applicable() -> None:
    review = synthetic_review(
        {
            "GDPR-33-2": Status.non_compliant,
            "GDPR-28-2": Status.partial,
            "GDPR-28-3-LAST": Status.missing,
            "CSP-R1111-11-3": Status.not_applicable,
        }
    )
    addendum = draft(review)
    assert [a.requirement for a in addendum.clauses] == ["GDPR-28-3-LAST", "GDPR-28-2", "GDPR-33-2"]
    assert [a.status for a in addendum.clauses] == [Status.missing, Status.partial, Status.non_compliant]


def test_clauses_follow_the_order_of_the_texts(rule_ids: list[str]) -> None:
    addendum = draft(synthetic_review({rid: Status.missing for rid in rule_ids}))
    assert [a.requirement for a in addendum.clauses] == list(CLAUSE_ORDER)
    assert set(CLAUSE_ORDER) == set(rule_ids)


def test_articles_are_numbered_between_the_framework_articles() -> None:
    addendum = draft(synthetic_review({"GDPR-33-2": Status.missing, "GDPR-28-3-h": Status.missing}))
    assert [a.number for a in addendum.articles] == [1, 2, 3, 4, 5]
    assert [a.title for a in addendum.articles][:2] == ["Objet et interprétation", "Primauté de l'Avenant"]
    assert addendum.articles[-1].title == "Entrée en vigueur et durée"
    assert [annex.title for annex in addendum.annexes] == [
        "Description du traitement",
        "Mesures techniques et organisationnelles de sécurité",
        "Sous-traitants ultérieurs autorisés",
    ]
    assert "prévaut" in addendum.articles[1].body  # the precedence clause


def test_a_contradicting_stipulation_is_quoted_with_its_location_and_replaced() -> None:
    addendum = draft(synthetic_review({"GDPR-33-2": Status.non_compliant}, evidence={"GDPR-33-2": [EVIDENCE]}))
    (clause,) = addendum.clauses
    assert clause.replaced[0].quote == BREACH_QUOTE
    assert clause.replaced[0].where == "page 3, Article 9 – Sécurité"
    assert "est remplacée par le présent article" in clause.lead
    markdown = write(addendum, "md").decode("utf-8")
    assert f"> « {BREACH_QUOTE} » (page 3, Article 9 – Sécurité)" in markdown
    assert "24 heures" in clause.body


def test_a_weak_stipulation_is_quoted_as_completed() -> None:
    addendum = draft(
        synthetic_review({"GDPR-33-2": Status.partial}, evidence={"GDPR-33-2": [EVIDENCE, EVIDENCE]}), lang="en"
    )
    (clause,) = addendum.clauses
    assert len(clause.replaced) == 1  # the same sentence quoted twice by the review appears once
    assert clause.lead.startswith("The following term of the Agreement, which is insufficient, is supplemented")


def test_a_missing_clause_replaces_nothing() -> None:
    (clause,) = draft(synthetic_review({"GDPR-33-2": Status.missing})).clauses
    assert clause.lead is None and clause.replaced == []


def test_a_quote_cut_by_the_review_shows_the_elision() -> None:
    long = Evidence(quote="x " * 199 + "y", start=0, end=399, line=1)
    (clause,) = draft(synthetic_review({"GDPR-28-2": Status.non_compliant}, evidence={"GDPR-28-2": [long]})).clauses
    assert clause.replaced[0].quote.endswith("y […]")
    assert clause.replaced[0].where == "ligne 1"


def test_unknown_parties_are_left_as_fill_in_fields() -> None:
    addendum = draft(synthetic_review({"GDPR-33-2": Status.missing}))
    assert "**[Nom du cabinet]**" in addendum.parties and "**[Nom du prestataire]**" in addendum.parties
    assert "[Nom du prestataire]" in addendum.signatures
    assert "[Name of the supplier]" in draft(synthetic_review(), lang="en").parties


def test_parties_found_in_the_contract_are_named() -> None:
    review = synthetic_review({"GDPR-33-2": Status.missing}).model_copy(
        update={
            "parties": [
                Party(name="Medisoft SAS", role="processor", siren="552100554"),
                Party(name="Dr Durand", role="unknown"),
            ]
        }
    )
    addendum = draft(review)
    assert "**Medisoft SAS**" in addendum.parties and "SIREN 552100554" in addendum.parties
    assert "**[Nom du cabinet]**" in addendum.parties  # a party of unknown role is not guessed


def test_the_parties_file_wins_over_the_contract() -> None:
    review = synthetic_review().model_copy(update={"parties": [Party(name="Medisoft SAS", role="processor")]})
    details = {
        "processor": {"name": "Medisoft Santé", "representative": "M. Roux, président"},
        "contract": {"title": "contrat d'abonnement", "date": date(2025, 3, 1), "addendum_number": "2"},
    }
    addendum = draft(review, parties=details)
    assert "**Medisoft Santé**" in addendum.parties and "Medisoft SAS" not in addendum.parties
    assert addendum.title == "Avenant n° 2 au contrat d'abonnement"
    assert "en date du 1er mars 2025" in addendum.preamble
    assert "Nom et qualité : M. Roux, président" in addendum.signatures


def test_terms_flow_into_the_clauses() -> None:
    review = synthetic_review(
        {
            "GDPR-33-2": Status.missing,
            "GDPR-28-2": Status.missing,
            "CSP-R1111-11-6": Status.missing,
            "CSP-R1111-11-5": Status.missing,
        }
    )
    details = {
        "terms": {
            "breach_notice_hours": 12,
            "subprocessor_notice_days": 45,
            "service_credit_percent": 0,
            "availability_percent": 99.9,
        },
        "controller": {"name": "Cabinet Pasteur", "contact": "Mme Lenoir, 01 02 03 04 05"},
    }
    bodies = {a.requirement: a.body for a in draft(review, parties=details).clauses}
    assert "12 heures" in bodies["GDPR-33-2"]
    assert "au moins 45 jours à l'avance" in bodies["GDPR-28-2"]
    assert "99,9 %" in bodies["CSP-R1111-11-6"] and "aucune pénalité" in bodies["CSP-R1111-11-6"]
    assert "Mme Lenoir, 01 02 03 04 05" in bodies["CSP-R1111-11-5"]  # the practice's contact is its referent


def test_without_health_data_the_addendum_stays_on_the_gdpr() -> None:
    review = synthetic_review({"GDPR-28-3-b": Status.missing}, health_data=False)
    addendum = draft(review)
    text = write(addendum, "md").decode("utf-8")
    assert "L.1111-8" not in text and "secret professionnel" not in text
    assert [a.requirement for a in addendum.clauses] == ["GDPR-28-3-b"]


def test_a_rule_without_a_clause_keeps_its_article_as_a_fill_in() -> None:
    review = synthetic_review()
    extra = Finding(
        requirement="GDPR-32-1-a",
        title="Chiffrement",
        citation="RGPD art. 32(1)(a)",
        status=Status.missing,
        severity=Severity.major,
        confidence=0.7,
        message="Absent.",
        advice="Exigez le chiffrement des données au repos.",
    )
    (clause,) = draft(review.model_copy(update={"findings": [*review.findings, extra]})).clauses
    assert clause.title == "Chiffrement" and clause.body == "[Exigez le chiffrement des données au repos.]"


def test_a_contract_without_gaps_gets_the_framework_only() -> None:
    addendum = draft(synthetic_review())
    assert addendum.clauses == [] and len(addendum.articles) == 3
    assert "confirmer" in addendum.preamble


def test_a_clause_whose_heading_is_the_quote_is_cited_by_its_number() -> None:
    quote = "2.5 Types of personal data: any personal data contained in the backed-up systems."
    evidence = Evidence(quote=quote, start=0, end=len(quote), line=27, section="2.5 Types of personal data: any pers…")
    (clause,) = draft(
        synthetic_review({"GDPR-28-3-INTRO": Status.partial}, evidence={"GDPR-28-3-INTRO": [evidence]}), lang="en"
    ).clauses
    assert clause.replaced[0].where == "line 27, 2.5"
