"""Closing the loop: the clauses the addendum adds make the review find each requirement met.

Two readings of "contract + addendum":
- the addendum's clauses on their own, for every requirement in both languages: each clause must
  satisfy the rule it fixes (a clause that only works next to a good contract would prove nothing);
- a real contract followed by its addendum: requirements the contract lacked become present as is;
  for the ones it contradicted or weakened, the stipulations the addendum replaces are struck out
  first, as the addendum itself provides (the engine cannot tell a replaced stipulation from a live one).
  A review quotes at most three sentences per finding, so a contract may keep a further contrary or
  weakening sentence the addendum could not quote; the precedence article overrides it, so it is struck
  out too: every sentence that raises a flag of a covered requirement, as the redline strikes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.addendum.conftest import CORPUS_TEXTS, SAMPLES, reviewed, synthetic_review
from vendorcheck.addendum import Addendum, draft, write
from vendorcheck.addendum.markup import blocks
from vendorcheck.addendum.redline.plan import plan_changes
from vendorcheck.api import review, review_file
from vendorcheck.engine.analysis import analyse
from vendorcheck.i18n import t
from vendorcheck.ingest.snippet import document_from_text
from vendorcheck.models import Document, Finding, Language, Status
from vendorcheck.review import Review
from vendorcheck.rulebook import load_rules
from vendorcheck.text import fold

# The Markdown samples (their DOCX and PDF twins hold the same contract) and an English corpus DPA with
# contradictions; reviews of contract + addendum take seconds each, so the list stays short.
LOOP_INPUTS = [p for p in SAMPLES if p.suffix == ".md"] + [
    p for p in (CORPUS_TEXTS / "009_wetransfer-dpa.md",) if p.is_file()
]


def clauses_only(addendum: Addendum) -> Addendum:
    """The addendum without the quotations of the stipulations it replaces."""
    return addendum.model_copy(
        update={"articles": [a.model_copy(update={"lead": None, "replaced": []}) for a in addendum.articles]}
    )


def review_text(text: str, tmp_path: Path, name: str) -> Review:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return review_file(path, health_data=True)


def not_present(review: Review, requirements: set[str]) -> dict[str, str]:
    return {
        f.requirement: f.status.value
        for f in review.findings
        if f.requirement in requirements and f.status is not Status.present
    }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_clause_meets_its_requirement(lang: str, rule_ids: list[str], tmp_path: Path) -> None:
    addendum = draft(synthetic_review({rid: Status.missing for rid in rule_ids}), lang=lang)
    assert len(addendum.clauses) == len(rule_ids)
    result = review_text(write(addendum, "md").decode("utf-8"), tmp_path, f"avenant-{lang}.md")
    assert result.document.language == lang
    missed = not_present(result, set(rule_ids))
    assert not missed, f"clauses not recognised ({lang}): {missed}"


def amended_contract(document: Document, review: Review, addendum: Addendum) -> str:
    """The contract as the addendum leaves it: quoted stipulations struck out (to the end of their
    paragraph, as a review cuts long quotes), and so is every other sentence that weakens or contradicts a
    requirement the addendum covers (the ones the redline strikes: the precedence article overrides them,
    whether or not the review quoted them); then the addendum's clauses."""
    text, pack = document.text, load_rules()
    spans = [
        (e.start, paragraph_end if (paragraph_end := text.find("\n", e.end)) != -1 else len(text))
        for f in review.violations
        if f.status is not Status.missing
        for e in f.evidence
    ]
    spans += [(s.start, s.end) for s in plan_changes(review, analyse(document, pack), pack).strikes]
    kept, position = [], 0
    for start, stop in sorted(spans):
        kept.append(text[position:start])  # empty where spans overlap
        position = max(position, stop)
    text = "".join(kept) + text[position:]
    return text + "\n\n" + write(clauses_only(addendum), "md").decode("utf-8")


@pytest.mark.parametrize("path", LOOP_INPUTS, ids=lambda p: p.name)
def test_contract_plus_addendum(path: Path, tmp_path: Path) -> None:
    assert_the_addendum_closes_the_loop(path, tmp_path)


# Our own contracts keeping the data for years twice, in two articles: the review quotes the first only,
# and the second, which the precedence article overrides, must not keep the requirement partial.
KEPT_TWICE = {
    "fr": """# Conditions du service d'archivage

Le présent contrat est conclu entre **Archimed**, société par actions simplifiée (ci-après « le Prestataire »), \
et le **Cabinet du docteur Martin** (ci-après « le Client »).

## Article 1 – Objet

Le Prestataire archive les documents médicaux du Client sur ses serveurs.

## Article 2 – Fin du contrat

2.1 Le Prestataire supprime les données du Client trois ans après la fin du contrat.

2.2 Sur demande du Client, le Prestataire lui restitue ses données avant cette suppression.

## Article 3 – Prix

Le prix mensuel est de 50 euros.

## Article 4 – Partage de documents

4.1 Les documents partagés par lien sont effacés des serveurs deux ans après leur dernier téléchargement.
""",
    "en": """# Archiving service terms

These terms are agreed between **Archivo Ltd** (the "Supplier") and **Dr Smith's practice** (the "Customer").

## 1. Purpose

The Supplier archives the Customer's medical documents on its servers.

## 2. End of the agreement

2.1 The Supplier deletes the Customer's data three years after the end of the agreement.

2.2 At the Customer's request, the Supplier returns the data before that deletion.

## 3. Price

The monthly fee is 50 pounds.

## 4. Sharing documents

4.1 Documents shared by link are erased from the servers two years after their last download.
""",
}


@pytest.mark.parametrize("lang", KEPT_TWICE)
def test_a_weakening_the_review_did_not_quote_is_overridden_too(lang: str, tmp_path: Path) -> None:
    path = tmp_path / f"contrat-{lang}.md"
    path.write_text(KEPT_TWICE[lang], encoding="utf-8")
    _, review = reviewed(path)
    finding = review.finding("GDPR-28-3-g")
    assert finding.flags == ["long-retention"] and not any("4.1" in e.quote for e in finding.evidence)
    assert_the_addendum_closes_the_loop(path, tmp_path)


def assert_the_addendum_closes_the_loop(path: Path, tmp_path: Path) -> None:
    document, review = reviewed(path)
    addendum = draft(review, lang=document.language)
    covered = {a.requirement for a in addendum.clauses}

    as_sent = review_text(
        document.text + "\n\n" + write(addendum, "md").decode("utf-8"), tmp_path, "contrat+avenant.md"
    )
    lacking = {f.requirement for f in review.findings if f.status is Status.missing}
    assert not not_present(as_sent, lacking)

    amended = review_text(amended_contract(document, review, addendum), tmp_path, "contrat-modifie.md")
    missed = not_present(amended, covered)
    assert not missed, f"clauses not recognised: {missed}"


# A supplier's stipulation that only allows itself to do what a requirement asks (our own wording, one per
# requirement that asks for the supplier's firm commitment, read clause by clause). It raises no flag, so the
# redline keeps it and inserts the completing clause after it: the clause must then read as the supplier's
# own firm commitment, title line included, or the engine sees nothing but an optional one.
ONLY_ALLOWED = {
    "GDPR-28-3-b": (
        "Le Prestataire peut demander à son personnel de garder les données confidentielles.",
        "The Supplier may ask its staff to keep the data confidential.",
    ),
    "GDPR-28-3-c": (
        "Le Prestataire peut mettre en place des mesures de sécurité pour protéger les données.",
        "The Supplier may put security measures in place to protect the data.",
    ),
    "GDPR-28-3-e": (
        "Le Prestataire peut aider le Client à répondre aux demandes des personnes concernées qui exercent leurs"
        " droits.",
        "The Supplier may help the Customer answer the requests of data subjects exercising their rights.",
    ),
    "GDPR-28-3-f": (
        "Le Prestataire peut assister le Client pour la sécurité des données et ses analyses d'impact.",
        "The Supplier may assist the Customer with the security of the data and its impact assessments.",
    ),
    "GDPR-28-3-g": (
        "Le Prestataire peut supprimer les données à la fin du Contrat.",
        "The Supplier may delete the data at the end of the Agreement.",
    ),
    "GDPR-28-3-h": (
        "Le Prestataire peut accepter des audits menés par le Client.",
        "The Supplier may accept audits conducted by the Customer.",
    ),
    "GDPR-28-3-LAST": (
        "Le Prestataire peut informer le Client si une instruction lui paraît enfreindre le RGPD.",
        "The Supplier may inform the Customer if an instruction appears to infringe the GDPR.",
    ),
    "GDPR-33-2": (
        "Le Prestataire peut notifier au Client une violation de données personnelles.",
        "The Supplier may notify the Customer of a personal data breach.",
    ),
    "CSP-R1111-11-9": (
        "Le Prestataire peut informer le Client avant de modifier le service.",
        "The Supplier may notify the Customer in advance of changes to the service.",
    ),
    "CSP-R1111-11-12-14": (
        "Le Prestataire peut restituer les données de santé à la fin du Contrat.",
        "The Supplier may return the health data at the end of the Agreement.",
    ),
}


# efforts on security are a flag of their own (best-efforts): the redline strikes such a sentence
EFFORTS_FLAGGED = {"GDPR-28-3-c"}
STIPULATIONS = [
    (requirement, lang, hedge)
    for requirement in ONLY_ALLOWED
    for lang in ("fr", "en")
    for hedge in ("may", "efforts")
    if not (hedge == "efforts" and requirement in EFFORTS_FLAGGED)
]


def only_efforts(allowed: str) -> str:
    """The same stipulation with efforts instead of a faculty."""
    if allowed.startswith("The Supplier may "):
        return allowed.replace("The Supplier may ", "The Supplier will use reasonable efforts to ", 1)
    rest = allowed.removeprefix("Le Prestataire peut ")
    return "Le Prestataire s'efforce " + ("d'" if fold(rest[0]) in "aeiouh" else "de ") + rest


def _finding(text: str, lang: Language, requirement: str) -> Finding:
    return review(document_from_text(text, lang), lang=lang, rules=load_rules()).finding(requirement)


def test_every_requirement_asking_for_a_firm_commitment_has_its_merely_optional_stipulation() -> None:
    asking = {r.id for r in load_rules().rules if r.commitment == "duty" and r.elements_scope == "window"}
    assert set(ONLY_ALLOWED) == asking


@pytest.mark.parametrize(("requirement", "lang", "hedge"), STIPULATIONS)
def test_a_clause_binds_the_supplier_next_to_its_merely_optional_stipulation(
    requirement: str, lang: Language, hedge: str
) -> None:
    allowed = ONLY_ALLOWED[requirement][lang == "en"]
    stipulation = allowed if hedge == "may" else only_efforts(allowed)
    alone = _finding(stipulation, lang, requirement)
    assert alone.status is Status.partial and not alone.flags and t("engine.optional", lang) in alone.message
    clause = draft(synthetic_review({requirement: Status.missing}), lang=lang).clauses[0]
    # as the redline writes it after the stipulation it completes: the title on its own line, then the body
    completed = "\n".join([stipulation, clause.title] + [b.text for b in blocks(clause.body) if b.text])
    finding = _finding(completed, lang, requirement)
    assert finding.status is Status.present, finding.message
