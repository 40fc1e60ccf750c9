"""`vendorcheck eval CORPUS`: detection quality on a labelled corpus, in one process.

The table keeps the column names of `../shared/tools/score.py`, the yardstick it is read beside.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vendorcheck.cli.common import handle_errors, help_text


@handle_errors
def evaluate(
    corpus: Annotated[Path, typer.Argument(help=help_text("eval.corpus"))],
    mismatches: Annotated[bool, typer.Option("--mismatches", help=help_text("eval.mismatches"))] = False,
    health_data: Annotated[bool, typer.Option("--health-data/--no-health-data")] = True,
) -> None:
    from vendorcheck.api import evaluate_corpus

    result = evaluate_corpus(corpus, health_data=health_data)
    typer.echo(f"{'requirement':22} {'P':>6} {'R':>6}  tp  fp  fn")
    for req, c in sorted(result.per_requirement.items()):
        typer.echo(f"{req:22} {c.precision:6.1%} {c.recall:6.1%} {c.tp:3} {c.fp:3} {c.fn:3}")
    if mismatches:
        for m in result.mismatches:
            typer.echo(f"  {m.doc[:28]:28} {m.requirement:20} gold={m.gold:14} got={m.predicted}")
    o = result.overall
    typer.echo(f"exact-status {result.exact / result.total:.1%}  grounded {result.grounded}/{result.quotes}")
    typer.echo(f"violations: precision {o.precision:.1%} recall {o.recall:.1%} F1 {result.f1:.1%}")
