"""Precision/recall on violations and status agreement against a labelled corpus.

Same definitions as `../shared/tools/score.py` (which stays the yardstick): a requirement is a violation
unless its status is `present`; a requirement absent from the predictions counts as `missing`; a quote of a
`present` finding is grounded when it occurs in the document after whitespace and markup folding.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from pydantic import BaseModel

from vendorcheck import errors
from vendorcheck.files import read_regular
from vendorcheck.limits import MAX_SMALL_FILE_BYTES
from vendorcheck.models import Status
from vendorcheck.review import Review
from vendorcheck.text import squash


class RequirementScore(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Mismatch(BaseModel):
    doc: str
    requirement: str
    gold: str
    predicted: str


class CorpusScore(BaseModel):
    per_requirement: dict[str, RequirementScore]
    confusion: dict[str, int]
    exact: int
    total: int
    quotes: int
    grounded: int
    mismatches: list[Mismatch]

    @property
    def overall(self) -> RequirementScore:
        return RequirementScore(
            tp=sum(r.tp for r in self.per_requirement.values()),
            fp=sum(r.fp for r in self.per_requirement.values()),
            fn=sum(r.fn for r in self.per_requirement.values()),
        )

    @property
    def f1(self) -> float:
        return self.overall.f1


def load_labels(corpus: Path) -> dict[str, dict[str, str]]:
    """Document id -> requirement -> labelled status, from `corpus/labels/*.json`. Raises CorpusError for a
    missing folder, a folder without labels (nothing to divide by) or a label file that is not one."""
    if not corpus.is_dir():
        raise errors.CorpusError(corpus, wording="corpus_missing")
    out = {}
    for path in sorted((corpus / "labels").glob("*.json")):
        try:
            data = json.loads(read_regular(path, MAX_SMALL_FILE_BYTES))
            out[path.stem] = {req: v["status"] for req, v in data["labels"].items()}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise errors.CorpusError(path, wording="corpus_label", detail=type(exc).__name__) from exc
    if not any(out.values()):
        raise errors.CorpusError(corpus)
    return out


def score(corpus: Path, reviews: dict[str, Review]) -> CorpusScore:
    """`reviews` maps a document id (file stem) to its review."""
    per_req: dict[str, RequirementScore] = defaultdict(RequirementScore)
    confusion: Counter[str] = Counter()
    exact = total = quotes = grounded = 0
    mismatches = []
    for doc, gold in load_labels(corpus).items():
        review = reviews[doc]
        text = squash((corpus / "texts" / f"{doc}.md").read_text(encoding="utf-8", errors="replace"))
        for req, gold_status in gold.items():
            finding = review.finding(req)
            predicted = finding.status.value if finding else Status.missing.value
            confusion[f"{gold_status} -> {predicted}"] += 1
            total += 1
            exact += gold_status == predicted
            if gold_status != predicted:
                mismatches.append(Mismatch(doc=doc, requirement=req, gold=gold_status, predicted=predicted))
            gold_violation, predicted_violation = gold_status != "present", predicted != "present"
            counts = per_req[req]
            if gold_violation and predicted_violation:
                counts.tp += 1
            elif predicted_violation:
                counts.fp += 1
            elif gold_violation:
                counts.fn += 1
            if finding and predicted == "present":
                for ev in finding.evidence:
                    quotes += 1
                    grounded += squash(ev.quote) in text
    return CorpusScore(
        per_requirement=dict(per_req),
        confusion=dict(confusion),
        exact=exact,
        total=total,
        quotes=quotes,
        grounded=grounded,
        mismatches=mismatches,
    )
