"""How much of a review survives printing and scanning: statuses of a scan against its text version.

    python benchmarks/ocr_agreement.py [--corpus ../shared/corpus] [DOC-ID ...]

Each document (by default the shipped PDF sample, then four corpus texts of different languages and
layouts, which the OCR code was never tuned on) is printed to PDF (`make_scans.text_pdf`; the shipped
sample is already a PDF), rasterised at 200 dpi greyscale with skew and noise (`make_scans.scan_pdf`),
and both versions are reviewed. Printed: requirements with the same status, the differences, the mean
recognition confidence and the time of the scanned review. Nothing is written to the project: corpus
texts stay in ../shared and the renderings in a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from make_scans import scan_pdf, text_pdf  # noqa: E402

# (document, layout): an English and a French text each in one column of sans-serif, and in two
# columns of 9-point Times, the layout of terms printed on the back of an order form.
DEFAULT_DOCS = [
    "010_wire-dpa",
    "028_contrat-sous-traitance-livrable",
    "014_plausible-dpa",
    "040_rdv-insertion-convention-sous-traitance",
]
LAYOUTS = [{}, {}, {"columns": 2, "size": 9, "serif": True}, {"columns": 2, "size": 9, "serif": True}]


def compare(text_version: Path, scanned: Path) -> tuple[int, int, list[str], float, float]:
    from vendorcheck.api import review_file

    expected = {f.requirement: f.status for f in review_file(text_version).findings}
    started = time.perf_counter()
    review = review_file(scanned)
    seconds = time.perf_counter() - started
    got = {f.requirement: f.status for f in review.findings}
    differences = [f"{req}: {expected[req]} -> {got[req]}" for req in expected if got[req] != expected[req]]
    pages = review.document.recognised
    confidence = sum(p.confidence for p in pages) / len(pages) if pages else 0.0
    return len(expected) - len(differences), len(expected), differences, confidence, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="*", default=DEFAULT_DOCS)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--dpi", type=int, default=200, help="scan resolution (200: the acceptance setting)")
    parser.add_argument("--noise", type=float, default=7.0, help="sensor noise, standard deviation in grey levels")
    args = parser.parse_args()
    same_total = total = 0
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        cases = [("pacs-radiologie-hebergement (sample)", ROOT / "samples/contracts/pacs-radiologie-hebergement.pdf")]
        for index, doc in enumerate(args.docs):
            text = (args.corpus / "texts" / f"{doc}.md").read_text(encoding="utf-8")
            printed = work / f"{doc}.pdf"
            layout = LAYOUTS[index % len(LAYOUTS)]
            printed.write_bytes(text_pdf(text, **layout))
            cases.append((f"{doc} {layout or 'one column'}", printed))
        for name, printed in cases:
            scanned = work / f"{printed.stem}-scan.pdf"
            scanned.write_bytes(scan_pdf(printed, dpi=args.dpi, noise=args.noise))
            same, count, differences, confidence, seconds = compare(printed, scanned)
            same_total, total = same_total + same, total + count
            import pypdfium2 as pdfium

            pages = len(pdfium.PdfDocument(scanned))
            print(
                f"{name}: {same}/{count} statuses ({same / count:.0%}), {pages} pages, "
                f"confidence {confidence:.1f}, {seconds:.1f} s"
            )
            for line in differences:
                print(f"    {line}")
    print(f"overall: {same_total}/{total} ({same_total / total:.1%})")


if __name__ == "__main__":
    main()
