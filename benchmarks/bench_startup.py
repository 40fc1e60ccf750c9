"""How long a command takes from the shell: whole processes, start-up and loading included.

    python benchmarks/bench_startup.py [--runs 7] [--reference DIR] [--own-timer]

Times `vendorcheck --help` and `vendorcheck review` of the PACS sample, the latter with the disk cache of
compiled forms (`vendorcheck.cache`) warm (any review after the first on a machine) and empty (the first
review after an install or an upgrade, which builds it). With `--reference DIR` (a checkout of the code
before a change, e.g. `git worktree add /tmp/vc-before <commit>`) each command runs in turn with the same
command from DIR, and the ratio is taken pair by pair. Timing is farm-bench's when it is installed (the
figures below); `--own-timer`, or its absence, uses a small timer of this script instead (medians of the
wall time and of the CPU time of the process and its children). The commands are printed before they run.

Targets (issue 15): a cold review of the PACS sample <= 1.5 s, `vendorcheck --help` <= 0.2 s.

Measured 2026-12-05 on the shared 2-core machine (AMD EPYC, load average 7 to 9: other people's test
runs), "before" = fd81714 (main before issue 15), medians of farm-bench's paired runs:

    PYTHONPATH=. farm-bench -n 7 --vs "sh -c 'export PYTHONPATH=/tmp/vc-before; exec vendorcheck review $PACS'" \
        -- vendorcheck review $PACS
    PYTHONPATH=. farm-bench -n 5 --vs "<same B>" \
        -- sh -c "rm -rf /tmp/empty; VENDORCHECK_CACHE=/tmp/empty exec vendorcheck review $PACS"
    PYTHONPATH=. farm-bench -n 9 --vs "sh -c 'export PYTHONPATH=/tmp/vc-before; exec vendorcheck --help'" \
        -- vendorcheck --help

| command                               | before: CPU / wall | after: CPU / wall | after/before (paired) |
|---------------------------------------|--------------------|-------------------|-----------------------|
| vendorcheck --help                    | 0.273 s / 0.582 s  | 0.171 s / 0.347 s | 0.60 CPU, 0.60 wall   |
| vendorcheck review PACS (warm cache)  | 3.128 s / 6.001 s  | 1.324 s / 2.639 s | 0.42 CPU, 0.44 wall   |
| vendorcheck review PACS (empty cache) | 3.078 s / 4.762 s  | 3.009 s / 4.665 s | 0.98 CPU, 0.97 wall   |

On that machine a process waits for a core about as long as it runs: the wall times are twice the CPU
times, before as after. Each run is one thread, so on an idle machine the wall time is the CPU time plus
a few hundredths of a second; the CPU times, and the paired ratios, are the figures to compare with the
targets (the issue's 3.1 s for a cold review is the "before" CPU time here). What is left of a review:
importing spaCy (0.35 s), Python, pydantic and the other imports, the analysis itself (0.15 s). What is
left of `--help`: the interpreter (0.04 s), typer and rich (typer's help formatter alone imports rich's
Markdown renderer and markdown-it, 0.07 s), this package's CLI modules (0.05 s).
"""

from __future__ import annotations

import argparse
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACS = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md"


def vendorcheck() -> list[str]:
    found = shutil.which("vendorcheck")
    return [found] if found else [sys.executable, "-c", "from vendorcheck.cli.main import main; main()"]


def in_tree(tree: Path, command: list[str], cache: Path, empty_cache: bool) -> str:
    """One shell command line running `command` from `tree`, with `cache` as cache folder."""
    line = f"export PYTHONPATH={shlex.quote(str(tree))} VENDORCHECK_CACHE={shlex.quote(str(cache))}; "
    if empty_cache:
        line += f"rm -rf {shlex.quote(str(cache))}; "
    return line + "exec " + shlex.join(command)


def farm_bench(runs: int, a: str, b: str | None) -> None:
    command = ["farm-bench", "-n", str(runs), "--timeout", "600"]
    if b:
        command += ["--vs", shlex.join(["sh", "-c", b])]
    command += ["--", "sh", "-c", a]
    print("$ " + shlex.join(command), flush=True)
    subprocess.run(command, check=False)


def timed(line: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of the shell line, its children included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(["sh", "-c", line], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def own_timer(runs: int, a: str, b: str | None) -> None:
    """Medians of `runs` runs after one warm-up, A and B in turn."""
    print("$ sh -c " + shlex.quote(a) + (f"  (vs sh -c {shlex.quote(b)})" if b else ""), flush=True)
    figures: dict[str, list[tuple[float, float]]] = {"A": [], "B": []}
    for run in range(runs + 1):
        for name, line in (("A", a), ("B", b)):
            if line:
                measured = timed(line)
                if run:
                    figures[name].append(measured)
    for name, measured in figures.items():
        if measured:
            wall = statistics.median(m[0] for m in measured)
            cpu = statistics.median(m[1] for m in measured)
            print(f"  {name}: wall {wall:6.3f} s  cpu {cpu:6.3f} s  (medians of {len(measured)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reference", type=Path, help="another checkout to time the same commands from")
    parser.add_argument("--own-timer", action="store_true", help="do not use farm-bench")
    args = parser.parse_args()
    bench = own_timer if args.own_timer or not shutil.which("farm-bench") else farm_bench
    with tempfile.TemporaryDirectory(prefix="vc-bench-") as scratch:
        ours, theirs = Path(scratch) / "cache", Path(scratch) / "reference-cache"
        commands = {
            "vendorcheck --help": (vendorcheck() + ["--help"], False),
            "review, warm cache": (vendorcheck() + ["review", str(PACS)], False),
            "review, empty cache": (vendorcheck() + ["review", str(PACS)], True),
        }
        subprocess.run(
            ["sh", "-c", in_tree(ROOT, commands["review, warm cache"][0], ours, False)],
            check=False,
            stdout=subprocess.DEVNULL,
        )  # fills the cache for the "warm" runs
        for name, (command, empty) in commands.items():
            print(f"\n== {name}", flush=True)
            a = in_tree(ROOT, command, ours, empty)
            b = in_tree(args.reference.resolve(), command, theirs, empty) if args.reference else None
            bench(args.runs, a, b)


if __name__ == "__main__":
    main()
