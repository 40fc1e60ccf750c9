"""What writing the redline costs next to the review it starts from, on one Word contract.

    python benchmarks/bench_redline.py [CONTRACT.docx] [--runs 5]

Without a file, the shipped PACS contract (10 pages, Word's own numbering) is weakened the way a vendor's
terms are: its ban on other uses becomes a permission, its sub-processing consent becomes "freely,
without notice", and its audits are done by the host alone, so the redline strikes and replaces. In one
process, after a warm-up, each figure is the median of `--runs` runs (wall and CPU time):
- review: `vendorcheck.api.review` of the document already read (the reference);
- annotate: `vendorcheck.addendum.redline.annotate`, the redline written from that document and review
  (a second analysis for the flagged sentences, a review of the text left once they are struck, the XML,
  the archive);
- redline_docx: the whole call the CLI makes (read, review, annotate).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACS = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.docx"
WEAKENINGS = {
    "L’Hébergeur s’interdit d’utiliser": "L’Hébergeur peut utiliser les Données hébergées afin d’améliorer ses "
    "services et d’établir des statistiques d’usage.",
    "L’Hébergeur ne recourt à un Sous-traitant": "L’Hébergeur peut recourir librement à tout sous-traitant de son "
    "choix, sans préavis ni autorisation du Cabinet.",
    "Pour tout ajout ou remplacement": "La liste des sous-traitants est communiquée au Cabinet sur demande.",
    "Le Cabinet peut réaliser ou faire réaliser": "Les audits sont réalisés par l’Hébergeur seul, qui en communique "
    "la synthèse au Cabinet.",
}


def weakened_pacs() -> bytes:
    import docx

    document = docx.Document(str(PACS))
    for paragraph in document.paragraphs:
        for start, weak in WEAKENINGS.items():
            if paragraph.text.startswith(start):
                for run in paragraph.runs[1:]:
                    run._r.getparent().remove(run._r)
                paragraph.runs[0].text = weak
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def measure(call: Callable[[], object], runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    from vendorcheck.addendum.redline import annotate, redline_docx
    from vendorcheck.api import review
    from vendorcheck.ingest import IngestOptions, load_bytes

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("contract", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = args.contract.read_bytes() if args.contract else weakened_pacs()
    document = load_bytes(Path("contrat.docx"), data, IngestOptions())
    reviewed = review(document)  # warm-up: rules, spaCy pipelines
    result = annotate(data, document, reviewed)
    print(
        f"{len(document.text):,} characters, {len(reviewed.violations)} gaps: {len(result.clauses)} clauses, "
        f"{result.struck} sentences struck, {result.comments} comments"
    )
    reference = measure(lambda: review(document), args.runs)
    for name, call in (
        ("review", lambda: review(document)),
        ("annotate", lambda: annotate(data, document, reviewed)),
        ("redline_docx", lambda: redline_docx(data)),
    ):
        wall, cpu = measure(call, args.runs)
        print(
            f"{name:13} {wall:6.3f} s wall ({wall / reference[0]:4.2f} x review), "
            f"{cpu:6.3f} s CPU ({cpu / reference[1]:4.2f} x)"
        )


if __name__ == "__main__":
    main()
