"""How much a whole review of a 30-page PDF contract costs next to a bare text dump of it.

    python benchmarks/bench_review_pdf.py [--runs 5] [--keep bench.pdf]

The contract is the PACS sample rendered three times over (articles renumbered, so the text is not one
page repeated): about 30 pages with running headers, footers and hyphenation, as a real one. In one
process, after one warm-up, each figure is the median of `--runs` runs, as wall time and as CPU time of
the process (on a shared machine the CPU time is the steadier one, and the ratio is given for both):
- review (warm): `vendorcheck.api.review_file`, rules and spaCy pipeline already loaded;
- review (cold): the same call made first in the process, loading included;
- ingest only: `vendorcheck.ingest.load`, the share of the review spent on the PDF;
- pdfplumber: `page.extract_text()` over every page, the naive text dump the review is measured against;
- pypdfium2: `get_text_bounded()` over every page, the text layer vendorcheck uses.
Target: review (warm) / pdfplumber <= 1.0.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _render_samples():
    spec = importlib.util.spec_from_file_location("render_samples", ROOT / "scripts" / "render_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def build_contract(out: Path, copies: int = 3) -> int:
    """Write the ~30-page contract; returns its page count."""
    render = _render_samples()
    blocks = render.parse(render.SOURCE.read_text(encoding="utf-8"))
    articles = sum(1 for b in blocks if b.kind == "heading" and b.label.startswith("Article"))
    story = []
    for copy in range(copies):
        shift = copy * articles
        last = copy == copies - 1
        in_annex = False
        for block in blocks:
            if block.kind == "title" and copy:
                continue
            if block.kind == "heading":
                in_annex = block.label.startswith("Annexe")
            if in_annex and not last:  # annexes once, at the end
                continue
            label = block.label
            if block.kind == "heading" and label.startswith("Article"):
                label = f"Article {int(label.split()[1]) + shift}"
            elif block.kind == "clause":
                number, sub = label.split(".")
                label = f"{int(number) + shift}.{sub}"
            story.append(render.Block(block.kind, block.text, label, block.rows))
    render.render_pdf(story, out)
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(out) as pdf:
        return len(pdf)


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(wall, cpu) seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def medians(function: Callable[[], object], runs: int) -> tuple[float, float]:
    function()  # warm-up: imports, caches, the file in the page cache
    samples = [timed(function) for _ in range(runs)]
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


def pdfplumber_dump(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfium_dump(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure, after one warm-up")
    parser.add_argument("--keep", type=Path, help="also write the generated PDF here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "contrat-30-pages.pdf"
        pages = build_contract(path)

        from vendorcheck.api import review_file
        from vendorcheck.ingest import load

        review = None

        def first_review() -> None:
            nonlocal review
            review = review_file(path)

        cold = timed(first_review)
        rows = {
            "review (cold, first call)": cold,
            "review (warm)": medians(lambda: review_file(path), args.runs),
            "ingest only (pdfium)": medians(lambda: load(path), args.runs),
            "pdfplumber extract_text": medians(lambda: pdfplumber_dump(path), args.runs),
            "pypdfium2 get_text_bounded": medians(lambda: pdfium_dump(path), args.runs),
        }
    print(
        f"{pages}-page PDF, {review.document.characters} characters, {len(review.findings)} findings; "
        f"median of {args.runs} runs after one warm-up (Python {sys.version.split()[0]})"
    )
    print()
    print(f"{'step':<30}{'wall':>10}{'cpu':>10}")
    for name, (wall, cpu) in rows.items():
        print(f"{name:<30}{wall:>9.3f}s{cpu:>9.3f}s")
    print()
    review_wall, review_cpu = rows["review (warm)"]
    plumber_wall, plumber_cpu = rows["pdfplumber extract_text"]
    pdfium_wall, pdfium_cpu = rows["pypdfium2 get_text_bounded"]
    print(
        f"review (warm) / pdfplumber extract_text: {review_wall / plumber_wall:.2f} wall, "
        f"{review_cpu / plumber_cpu:.2f} cpu  (target <= 1.0)"
    )
    print(
        f"pdfplumber / pypdfium2 text layer:       {plumber_wall / pdfium_wall:.0f} wall, "
        f"{plumber_cpu / pdfium_cpu:.0f} cpu"
    )


if __name__ == "__main__":
    main()
