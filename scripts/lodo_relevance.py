"""Would a learned clause-relevance model improve the rules? Leave-documents-out cross-validation on the corpus.

    python scripts/lodo_relevance.py [--corpus ../shared/corpus] [--low 0.25] [--high 0.95]

The candidate (issue 10, Deliver 5) is a linear model per requirement (scikit-learn logistic regression)
over hashed word 1-2-grams and character 3-5-grams, trained on every rule file's own examples and on the
corpus labels: the sentences holding a label's evidence are positives, and the sentences the rules quoted
for a requirement that the label says the document does not address are hard negatives, with a sample of
that document's other sentences. It would act in two ways on the rules' verdict:
- off-topic hits: a `partial` whose quoted sentences all score at most `--low` becomes `missing`;
- wording the patterns miss: a `missing` with a sentence scoring at least `--high` becomes `partial`.
Each document is judged by a model that never saw it (one fold per document, rebuilt every time), and the
thresholds are fixed before the run. The script prints both figures; the model ships only if it wins.
Nothing is written: the corpus is read where it lies.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vendorcheck.api import review
from vendorcheck.engine.analysis import analyse
from vendorcheck.ingest import load
from vendorcheck.rulebook import load_rules

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Doc:
    sentences: list[str]
    gold: dict[str, str]
    gold_quote: dict[str, str]
    predicted: dict[str, str]
    quoted: dict[str, list[str]]  # what the rules quote for each requirement


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return " ".join(re.sub(r"[*_`#>|\\]", " ", text).split())


def _holding(doc: Doc, quotes: list[str]) -> list[int]:
    """Sentences that hold one of the quotes (or that one of them holds)."""
    heads = [q[:50] for q in map(_norm, quotes) if q]
    return [
        i
        for i, s in enumerate(map(_norm, doc.sentences))
        if any(h in s or (len(s) > 20 and s[:50] in h) for h in heads)
    ]


def read_corpus(corpus: Path) -> dict[str, Doc]:
    pack = load_rules()
    docs = {}
    for path in sorted((corpus / "labels").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        document = load(corpus / "texts" / f"{path.stem}.md").model_copy(update={"language": label["language"]})
        analysis = analyse(document, pack)
        result = review(document, health_data=True)
        docs[path.stem] = Doc(
            sentences=[analysis.view_of(i) for i in range(len(analysis.sentences))],
            gold={r: v["status"] for r, v in label["labels"].items()},
            gold_quote={r: v["evidence"] for r, v in label["labels"].items()},
            predicted={f.requirement: f.status.value for f in result.findings},
            quoted={f.requirement: [e.quote for e in f.evidence] for f in result.findings},
        )
    return docs


class Features:
    def __init__(self) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        common = {
            "n_features": 2**17,
            "alternate_sign": False,
            "strip_accents": "unicode",
            "norm": None,
            "binary": True,
        }
        self.word = HashingVectorizer(ngram_range=(1, 2), **common)
        self.char = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), **common)

    def __call__(self, texts: list[str]):  # noqa: ANN204 - a scipy sparse matrix
        from scipy import sparse

        matrix = sparse.hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()
        norms = np.sqrt(matrix.multiply(matrix).sum(1)).A1
        norms[norms == 0] = 1
        return sparse.diags(1 / norms) @ matrix


def training_set(rule_id: str, examples: list[tuple[str, bool]], docs: dict[str, Doc], names: list[str]):
    texts, labels, weights = [], [], []
    for text, addressed in examples:
        texts.append(text), labels.append(int(addressed)), weights.append(1.0)
    for name in names:
        doc = docs[name]
        if doc.gold.get(rule_id, "missing") != "missing":
            chosen = [(i, 1, 2.0) for i in _holding(doc, [doc.gold_quote[rule_id]])]
        else:
            step = max(1, len(doc.sentences) // 40)
            chosen = [(i, 0, 2.0) for i in _holding(doc, doc.quoted.get(rule_id, []))]
            chosen += [(i, 0, 0.5) for i in range(0, len(doc.sentences), step)]
        for i, label, weight in chosen:
            texts.append(doc.sentences[i]), labels.append(label), weights.append(weight)
    return texts, labels, weights


def cross_validate(docs: dict[str, Doc], low: float, high: float) -> dict[str, dict[str, str]]:
    """Each document's statuses once the model trained without it has acted on the rules' verdict."""
    from sklearn.linear_model import LogisticRegression

    pack = load_rules()
    examples = {r.id: [(e.text, e.expect.value != "missing") for e in r.examples] for r in pack.rules}
    features = Features()
    out = {}
    for held in sorted(docs):
        doc, others = docs[held], [n for n in sorted(docs) if n != held]
        statuses = dict(doc.predicted)
        for rule_id, status in doc.predicted.items():
            candidates = (
                _holding(doc, doc.quoted.get(rule_id, []))
                if status == "partial"
                else list(range(len(doc.sentences)))
                if status == "missing"
                else []
            )
            if not candidates:
                continue
            texts, labels, weights = training_set(rule_id, examples[rule_id], docs, others)
            model = LogisticRegression(C=2.0, class_weight="balanced", max_iter=3000)
            model.fit(features(texts), labels, sample_weight=weights)
            best = float(model.predict_proba(features([doc.sentences[i] for i in candidates]))[:, 1].max())
            if status == "partial" and best <= low:
                statuses[rule_id] = "missing"
            elif status == "missing" and best >= high:
                statuses[rule_id] = "partial"
        out[held] = statuses
    return out


def figures(docs: dict[str, Doc], statuses: dict[str, dict[str, str]]) -> str:
    tp = fp = fn = exact = total = 0
    for name, doc in docs.items():
        for rule_id, gold in doc.gold.items():
            predicted = statuses[name].get(rule_id, "missing")
            total, exact = total + 1, exact + (gold == predicted)
            gold_v, predicted_v = gold != "present", predicted != "present"
            tp += gold_v and predicted_v
            fp += predicted_v and not gold_v
            fn += gold_v and not predicted_v
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return f"precision {precision:.1%}  recall {recall:.1%}  F1 {f1:.1%}  exact {exact / total:.1%} ({exact}/{total})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--low", type=float, default=0.25)
    parser.add_argument("--high", type=float, default=0.95)
    args = parser.parse_args()
    docs = read_corpus(args.corpus)
    with_model = cross_validate(docs, args.low, args.high)
    changed = [
        (n, r, d.predicted[r], with_model[n][r], d.gold[r])
        for n, d in docs.items()
        for r in d.gold
        if d.predicted.get(r) != with_model[n].get(r)
    ]
    print(f"rules only            {figures(docs, {n: d.predicted for n, d in docs.items()})}")
    print(f"rules + model (LODO)  {figures(docs, with_model)}")
    right = sum(new == gold for *_, new, gold in changed)
    wrong = sum(old == gold for _, _, old, _, gold in changed)
    print(f"statuses changed by the model: {len(changed)} ({right} now right, {wrong} now wrong)")
    for name, rule_id, old, new, gold in changed:
        print(f"  {name[:30]:30} {rule_id:20} {old} -> {new} (label: {gold})")


if __name__ == "__main__":
    main()
