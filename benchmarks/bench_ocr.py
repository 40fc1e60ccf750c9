"""Speed and memory of reading scans: seconds per page with one and two Tesseract jobs, and peak memory.

    python benchmarks/bench_ocr.py [--jobs 1 2] [--repeat 3]

Inputs are made by scripts/make_scans.py: the 10-page PACS contract printed and scanned (image-only PDF,
200 dpi greyscale) and the phone photo of one page (JPEG). Each run is `vendorcheck.ingest.load` in a
fresh process (PDFium rendering, lighting, skew, Tesseract, parsing, layout), timed inside that process
from the call to the Document; peak memory is the largest total of that process and its Tesseract
children at one time (proportional set size, sampled every 0.1 s from /proc, as bench_batch.py does).

Reference, in the same run: the bare `tesseract` command (fra+eng, TSV, one thread) on the same pages
already rendered to files, one page after the other; the ratio to it is what vendorcheck adds
(rendering, preparation, orientation checks) with one job, or saves with two.
Target: at most 2 s per page and 1 GB, on the shared 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_batch import MemorySampler  # noqa: E402
from make_scans import photograph, rasterise, scan_pdf  # noqa: E402

PACS = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.pdf"
CHILD = """
import json, sys, time
from vendorcheck.ingest import load
started = time.perf_counter()
document = load(sys.argv[1], {"ocr_jobs": int(sys.argv[2])})
print(json.dumps({"seconds": time.perf_counter() - started, "pages": document.page_count,
                  "confidence": [p.confidence for p in document.recognised]}))
"""


def run(path: Path, jobs: int) -> tuple[float, int, int, float]:
    """(seconds, pages, peak total bytes, mean confidence) of one load in a fresh process."""
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    sampler = MemorySampler(process.pid)
    sampler.start()
    out, _ = process.communicate()
    sampler.stop()
    if process.returncode:
        raise SystemExit(f"load failed on {path.name} with {jobs} job(s)")
    result = json.loads(out)
    confidence = statistics.mean(result["confidence"])
    return result["seconds"], result["pages"], sampler.peak_total, confidence


def bare_tesseract(pages: list[Path]) -> float:
    """Seconds per page of the tesseract command alone, pages in sequence."""
    started = time.perf_counter()
    for page in pages:
        subprocess.run(
            ["tesseract", str(page), str(page.with_suffix("")), "-l", "fra+eng", "tsv"],
            check=True,
            capture_output=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    return (time.perf_counter() - started) / len(pages)


def cores_free(page: Path) -> float:
    """Two bare tesseract runs one after the other, divided by the same two at once: about 2 when both
    cores are ours, about 1 when another user of the shared machine holds one."""

    def both(parallel: bool) -> float:
        started = time.perf_counter()
        command = ["tesseract", str(page), "-", "-l", "fra+eng", "tsv"]
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        if parallel:
            runs = [
                subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
                for _ in range(2)
            ]
            for process in runs:
                process.wait()
        else:
            for _ in range(2):
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        return time.perf_counter() - started

    return both(False) / both(True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the median is reported")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vc-bench-ocr-") as tmp:
        work = Path(tmp)
        scan, photo = work / "pacs-scan.pdf", work / "pacs-photo-p4.jpg"
        scan.write_bytes(scan_pdf(PACS))
        photo.write_bytes(photograph(PACS))
        rendered = []
        for number, image in enumerate(rasterise(scan), start=1):
            rendered.append(work / f"page-{number}.png")
            image.save(rendered[-1])
        reference = statistics.median(bare_tesseract(rendered) for _ in range(args.repeat))
        print(
            f"{os.cpu_count()} CPUs, {cores_free(rendered[0]):.1f} of them free for us now; reference: bare "
            f"tesseract {reference:.2f} s/page (10-page scan, 1 thread)"
        )
        print(f"{'input':28} {'jobs':>4} {'s/page':>7} {'ratio':>6} {'peak MB':>8} {'confidence':>10}")
        for name, path in (("scan, 10 pages, 200 dpi", scan), ("phone photo, 1 page", photo)):
            for jobs in args.jobs:
                runs = [run(path, jobs) for _ in range(args.repeat)]
                seconds = statistics.median(r[0] for r in runs)
                pages, peak, confidence = runs[0][1], max(r[2] for r in runs), runs[0][3]
                per_page = seconds / pages
                print(
                    f"{name:28} {jobs:>4} {per_page:7.2f} {per_page / reference:6.2f} {peak / 2**20:8.0f} "
                    f"{confidence:10.1f}",
                    flush=True,
                )
        print(f"machine after the runs: {cores_free(rendered[0]):.1f} cores free")


if __name__ == "__main__":
    main()
