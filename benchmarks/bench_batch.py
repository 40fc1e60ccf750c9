"""Throughput of `vendorcheck batch` on a practice-sized pile of contracts, with one and two workers.

    python benchmarks/bench_batch.py [--count 200] [--min-pages 5] [--max-pages 40] [--jobs 1 2] [--keep DIR]

Builds `--count` distinct contracts (half PDF drawn with reportlab, half DOCX written with python-docx,
5 to 40 pages each, spread over 20 supplier folders) from the texts of samples/contracts/, then runs the
real command once per `--jobs` value, each time in a fresh process with a fresh register, so that every
run pays its own start-up (spaCy, fork server) as a user would. Reported per run:
- documents per minute and pages per second, over the whole command (start-up and exports included);
- peak memory: the largest total of the command and all its processes at one time (proportional set
  size, sampled every 0.1 s from /proc, Linux only), and the largest resident size of a single process.
Target: >= 100 pages/s with --jobs 2 on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "contracts"
LINES_PER_PAGE = 46
LINE_WIDTH = 95
SUPPLIERS = 20


def paragraphs(name: str) -> list[str]:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return [p.replace("**", "").strip() for p in text.split("\n\n") if p.strip()]


def pages_of(source: list[str], pages: int, serial: int) -> list[list[str]]:
    """`pages` pages of wrapped lines: the sample repeated as numbered annexes, so no two contracts and
    no two pages of one contract are identical."""
    out: list[list[str]] = []
    current: list[str] = [f"Contrat n° {serial} — exemplaire de mesure"]
    copy = 0
    while True:
        copy += 1
        for paragraph in [f"Annexe {copy} (contrat {serial})", *source]:
            for line in [*textwrap.wrap(paragraph, LINE_WIDTH), ""]:
                current.append(line)
                if len(current) == LINES_PER_PAGE:
                    out.append(current)
                    current = []
                    if len(out) == pages:
                        return out


def write_pdf(path: Path, pages: list[list[str]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    for page in pages:
        text = canvas.beginText(40, 800)
        text.setFont("Helvetica", 10)
        for line in page:
            text.textLine(line)
        canvas.drawText(text)
        canvas.showPage()
    canvas.save()


def write_docx(path: Path, pages: list[list[str]]) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for number, page in enumerate(pages):
        for paragraph in "\n".join(page).split("\n\n"):
            document.add_paragraph(paragraph.replace("\n", " ").strip())
        if number < len(pages) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))


def build(root: Path, count: int, min_pages: int, max_pages: int) -> int:
    """Write the contracts; RETURNS the total number of pages."""
    rng = random.Random(20261123)
    sources = [
        paragraphs("pacs-radiologie-hebergement.md"),
        paragraphs("saas-agenda-cgu-faibles.md"),
        paragraphs("dpa-cloud-backup-en.md"),
    ]
    total = 0
    for serial in range(count):
        pages = pages_of(sources[serial % len(sources)], rng.randint(min_pages, max_pages), serial)
        folder = root / f"fournisseur-{serial % SUPPLIERS:02}"
        folder.mkdir(parents=True, exist_ok=True)
        if serial % 2:
            write_docx(folder / f"contrat-{serial:03}.docx", pages)
        else:
            write_pdf(folder / f"contrat-{serial:03}.pdf", pages)
        total += len(pages)
    return total


class MemorySampler(threading.Thread):
    """Peak memory of a process and all its descendants, from /proc. The total uses the proportional set
    size (PSS): forked workers share most of their pages with the fork server, and adding up their
    resident sizes would count those pages once per worker."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_total, self.peak_single = pid, 0, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            tree = _tree(self.pid)
            self.peak_total = max(self.peak_total, sum(_memory(p, "Pss:", "smaps_rollup") for p in tree))
            self.peak_single = max(self.peak_single, *(_memory(p, "VmRSS:", "status") for p in tree))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as stream:
                    todo.extend(int(c) for c in stream.read().split())
        except OSError:
            continue
    return found


def _memory(pid: int, field: str, table: str) -> int:
    try:
        with open(f"/proc/{pid}/{table}") as stream:
            for line in stream:
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(folder: Path, jobs: int, work: Path) -> tuple[float, int, int, str]:
    out = work / f"out-{jobs}"
    command = [
        sys.executable,
        "-c",
        "from vendorcheck.cli.main import main; main()",
        "batch",
        str(folder),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # A home per run: the default register lives there, and a run must not find
        # the previous run's reviews.
        env={**os.environ, "COLUMNS": "200", "VENDORCHECK_HOME": str(work / f"home-{jobs}")},
    )
    sampler = MemorySampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    if process.returncode != 0:
        raise SystemExit(f"vendorcheck batch --jobs {jobs} failed ({process.returncode}):\n{stderr}")
    summary = next((line for line in stderr.splitlines() if "analysé" in line), "").strip()
    return seconds, sampler.peak_total, sampler.peak_single, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--min-pages", type=int, default=5)
    parser.add_argument("--max-pages", type=int, default=40)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="build the contracts in this folder and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vc-bench-batch-") as tmp:
        work = Path(tmp)
        folder = args.keep or work / "fournisseurs"
        started = time.perf_counter()
        pages = build(folder, args.count, args.min_pages, args.max_pages)
        print(
            f"{args.count} contracts ({args.count - args.count // 2} PDF, {args.count // 2} DOCX), {pages} pages, "
            f"{args.min_pages}-{args.max_pages} pages each, built in {time.perf_counter() - started:.1f} s "
            f"({os.cpu_count()} CPUs)"
        )
        print(
            f"{'jobs':>4} {'seconds':>8} {'docs/min':>9} {'pages/s':>8} {'peak MB (total)':>15} "
            f"{'peak MB (1 proc)':>17}"
        )
        for jobs in args.jobs:
            seconds, total, single, summary = run(folder, jobs, work)
            print(
                f"{jobs:>4} {seconds:8.1f} {args.count / seconds * 60:9.1f} {pages / seconds:8.1f} "
                f"{total / 2**20:15.0f} {single / 2**20:17.0f}   [{summary}]",
                flush=True,
            )


if __name__ == "__main__":
    main()
