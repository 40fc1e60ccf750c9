"""`vendorcheck review FILE`: the doctor's checklist for one contract."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from vendorcheck.cli.common import LangOption, RulesOption, handle_errors, help_text, stderr
from vendorcheck.cli.ocr import OcrOption, OcrOutputOption, ingest_options, page_progress


@handle_errors
def review(
    file: Annotated[Path, typer.Argument(help=help_text("review.file"))],
    format: Annotated[
        Literal["text", "json", "md", "html"], typer.Option("--format", "-f", help=help_text("review.format"))
    ] = "text",
    lang: LangOption = "fr",
    health_data: Annotated[
        bool, typer.Option("--health-data/--no-health-data", help=help_text("review.health_data"))
    ] = True,
    rules_dir: RulesOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=help_text("review.output"))] = None,
    vendor: Annotated[str | None, typer.Option("--vendor", help=help_text("review.vendor"))] = None,
    declaration: Annotated[Path | None, typer.Option("--declaration", help=help_text("review.declaration"))] = None,
    ocr: OcrOption = None,
    ocr_output: OcrOutputOption = None,
    fail_on: Annotated[
        Literal["blocking", "major", "minor"] | None, typer.Option("--fail-on", help=help_text("review.fail_on"))
    ] = None,
) -> None:
    from vendorcheck.api import review_file
    from vendorcheck.files import check_output
    from vendorcheck.models import Severity
    from vendorcheck.render import render
    from vendorcheck.rulebook import load_rules
    from vendorcheck.verdict import fails

    if output:
        check_output(output)  # before the review, not after it

    with page_progress(stderr, lang):
        result = review_file(
            file,
            health_data=health_data,
            lang=lang,
            ingest=ingest_options(ocr, ocr_output),
            rules=load_rules(rules_dir) if rules_dir else None,
            vendor=vendor,
            declaration=declaration,
        )
    if output:
        with output.open("w", encoding="utf-8") as out:
            render(result, format, out)
    else:
        render(result, format, sys.stdout)
    if fail_on and fails(result.findings, result.hds, Severity(fail_on)):
        raise typer.Exit(1)
