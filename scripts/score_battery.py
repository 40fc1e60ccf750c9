"""Score the detection engine on an independent phrasing battery, each case reviewed alone.

    PYTHONPATH=$PWD python scripts/score_battery.py [--battery FILE] [--json]

Prints the exact-status agreement overall, by requirement, by expected status and by language, the
present-vs-violation agreement with precision/recall on violations (the corpus definitions), and the
confusion matrix. `--json` prints the same figures and every case's result as JSON on stdout.

The December 2026 battery is frozen and scored once at the end of issue 10: do not tune rules on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vendorcheck.battery import (
    STATUSES,
    Agreement,
    BatteryScore,
    load_battery,
    review_case,
    run_battery,
    score_results,
)
from vendorcheck.rulebook import load_rules

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BATTERY = ROOT / "tests" / "battery" / "phrasings-2026-12.yaml"


def _row(label: str, tally: Agreement, width: int) -> str:
    return f"{label:<{width}} {tally.cases:>6} {tally.agree:>6} {100 * tally.rate:>7.1f}"


def _table(title: str, tallies: dict[str, Agreement]) -> list[str]:
    width = max(len(title), *(len(key) for key in tallies))
    return [
        f"{title:<{width}} {'cases':>6} {'agree':>6} {'%':>7}",
        *(_row(key, tally, width) for key, tally in tallies.items()),
        "",
    ]


def render_text(score: BatteryScore, battery: Path, written: str) -> str:
    v = score.violations
    columns = [*STATUSES, *sorted({got for row in score.confusion.values() for got in row} - set(STATUSES))]
    width = max(len(s) for s in columns)
    lines = [
        f"Battery {battery.name} (written {written}): {score.exact.cases} cases, each reviewed alone",
        "",
        f"Exact status: {score.exact.agree} / {score.exact.cases} ({100 * score.exact.rate:.1f} %)",
        f"Present vs violation: {score.present_vs_violation.agree} / {score.present_vs_violation.cases} "
        f"({100 * score.present_vs_violation.rate:.1f} %); violations P {v.precision:.3f} R {v.recall:.3f} "
        f"F1 {v.f1:.3f} (tp {v.tp}, fp {v.fp}, fn {v.fn})",
        "",
        *_table("By requirement", score.per_requirement),
        *_table("By expected status", score.per_status),
        *_table("By language", score.per_language),
        "Confusion (rows: expected, columns: got)",
        " ".join([f"{'':<{width}}", *(f"{c:>{width}}" for c in columns)]),
    ]
    for gold, row in score.confusion.items():
        lines.append(" ".join([f"{gold:<{width}}", *(f"{row.get(c, 0):>{width}}" for c in columns)]))
    return "\n".join(lines)


def render_json(score: BatteryScore, battery: Path, written: str) -> str:
    data = score.model_dump(mode="json")
    data = {
        "battery": str(battery),
        "written": written,
        **data,
        "violation_precision": score.violations.precision,
        "violation_recall": score.violations.recall,
        "violation_f1": score.violations.f1,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--battery", type=Path, default=DEFAULT_BATTERY, help="battery YAML file")
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    args = parser.parse_args(argv)

    battery = load_battery(args.battery)
    rules = load_rules()

    def progress(done: int, total: int) -> None:
        if done % 25 == 0 or done == total:
            print(f"\r{done}/{total} cases reviewed", end="\n" if done == total else "", file=sys.stderr, flush=True)

    score = score_results(run_battery(battery, lambda case: review_case(case, rules), progress))
    render = render_json if args.json else render_text
    print(render(score, args.battery, battery.written.isoformat()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
