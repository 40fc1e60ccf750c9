"""Which labelled documents each rule pattern matches: finds patterns that only one contract's wording uses.

    python scripts/pattern_usage.py [--corpus ../shared/corpus] [--max-docs 1]

Prints, for every pattern matching at most `--max-docs` documents of the corpus (in the language of the
pattern), the rule, its place in the file and the number of documents. A pattern that only one contract
uses is either lifted from it or too narrow to generalise; the corpus is read where it lies, never copied.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from vendorcheck.engine.nlp import pipeline
from vendorcheck.engine.patterns import add_pattern, new_pattern_set
from vendorcheck.ingest import load
from vendorcheck.rulebook import load_rules
from vendorcheck.text import fold_typography

ROOT = Path(__file__).resolve().parents[1]


def usage(corpus: Path) -> dict[tuple[str, str, str], set[str]]:
    """(rule, place, lang) -> the documents it matches."""
    pack = load_rules()
    sets, places = {}, {}
    for lang in ("fr", "en"):
        patterns = new_pattern_set(lang)
        for rule in pack.rules:
            for where, _, group in rule.pattern_groups():
                for index, pattern in enumerate(group.get(lang)):
                    key = f"{rule.id}|{where}|{index}"
                    add_pattern(patterns, key, pattern, lang)
                    places[(lang, key)] = (rule.id, f"{where} → {lang}[{index}]", lang)
        sets[lang] = patterns
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for place in places.values():
        found[place]  # noqa: B018 — every pattern listed, even one matching nothing
    for path in sorted((corpus / "texts").glob("*.md")):
        document = load(path)
        lang = json.loads((corpus / "labels" / f"{path.stem}.json").read_text(encoding="utf-8"))["language"]
        doc = pipeline(lang)(fold_typography(document.text))
        for key, _ in sets[lang](doc):
            found[places[(lang, key)]].add(path.stem[:3])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--max-docs", type=int, default=1)
    args = parser.parse_args()
    for (rule, place, _), docs in sorted(usage(args.corpus).items()):
        if len(docs) <= args.max_docs:
            print(f"{rule:20} {place:45} {len(docs)} {' '.join(sorted(docs))}")


if __name__ == "__main__":
    main()
