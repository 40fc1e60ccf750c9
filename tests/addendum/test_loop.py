"""Closing the loop: the clauses the addendum adds make the review find each requirement met.

Two readings of "contract + addendum":
- the addendum's clauses on their own, for every requirement in both languages: each clause must
  satisfy the rule it fixes (a clause that only works next to a good contract would prove nothing);
- a real contract followed by its addendum: requirements the contract lacked become present as is;
  for the ones it contradicted or weakened, the stipulations the addendum replaces are struck out
  first, as the addendum itself provides (the engine cannot tell a replaced stipulation from a live one).
  A review quotes at most three sentences per finding, so a contract may keep a further contrary
  sentence the addendum could not quote; the precedence article overrides it, and the test accepts a
  contradiction only when every sentence behind it lies in the contract.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.addendum.conftest import CORPUS_TEXTS, SAMPLES, reviewed, synthetic_review
from vendorcheck.addendum import Addendum, draft, write
from vendorcheck.api import review_file
from vendorcheck.models import Document, Status
from vendorcheck.review import Review

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


def amended_contract(document: Document, review: Review, addendum: Addendum) -> tuple[str, int]:
    """The contract as the addendum leaves it: quoted stipulations struck out (to the end of their
    paragraph, as a review cuts long quotes), then the addendum's clauses; and where the clauses start."""
    text = document.text
    spans = sorted(
        {(e.start, e.end) for f in review.violations if f.status is not Status.missing for e in f.evidence},
        reverse=True,
    )
    for start, end in spans:
        stop = text.find("\n", end)
        text = text[:start] + text[stop if stop != -1 else len(text) :]
    return text + "\n\n" + write(clauses_only(addendum), "md").decode("utf-8"), len(text)


def overridden_by_precedence(review: Review, requirement: str, contract_end: int) -> bool:
    """A contradiction raised only by contract sentences the addendum did not get to quote."""
    finding = review.finding(requirement)
    return finding.status is Status.non_compliant and all(e.end <= contract_end for e in finding.evidence)


@pytest.mark.parametrize("path", LOOP_INPUTS, ids=lambda p: p.name)
def test_contract_plus_addendum(path: Path, tmp_path: Path) -> None:
    document, review = reviewed(path)
    addendum = draft(review, lang=document.language)
    covered = {a.requirement for a in addendum.clauses}

    as_sent = review_text(
        document.text + "\n\n" + write(addendum, "md").decode("utf-8"), tmp_path, "contrat+avenant.md"
    )
    lacking = {f.requirement for f in review.findings if f.status is Status.missing}
    assert not not_present(as_sent, lacking)

    text, contract_end = amended_contract(document, review, addendum)
    amended = review_text(text, tmp_path, "contrat-modifie.md")
    missed = {
        r: s for r, s in not_present(amended, covered).items() if not overridden_by_precedence(amended, r, contract_end)
    }
    assert not missed, f"clauses not recognised: {missed}"
