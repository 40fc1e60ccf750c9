"""`vendorcheck batch DIR`: review every supplier's documents, fill the register, write the exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vendorcheck.cli.common import LangOption, RulesOption, handle_errors, help_text, say, stderr
from vendorcheck.cli.ocr import OcrOption, ocr_mode

INTERRUPTED_EXIT = 130  # the shell convention for a command stopped by Ctrl-C


@handle_errors
def batch(
    directory: Annotated[Path, typer.Argument(help=help_text("batch.directory"))],
    output: Annotated[Path, typer.Option("--output", "-o", help=help_text("batch.output"))] = Path(
        "vendorcheck-resultats"
    ),
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=help_text("batch.jobs"))] = None,
    db: Annotated[str | None, typer.Option("--db", envvar="VENDORCHECK_DB", help=help_text("batch.db"))] = None,
    health_data: Annotated[
        bool, typer.Option("--health-data/--no-health-data", help=help_text("batch.health_data"))
    ] = True,
    formats: Annotated[str, typer.Option("--export", help=help_text("batch.formats"))] = "xlsx,csv,html",
    rules_dir: RulesOption = None,
    lang: LangOption = "fr",
    ocr: OcrOption = None,
    redline: Annotated[bool, typer.Option("--redline", help=help_text("batch.redline"))] = False,
) -> None:
    from vendorcheck.batch import BatchOptions
    from vendorcheck.batch.folder import default_jobs, review_folder
    from vendorcheck.batch.progress import RichProgress
    from vendorcheck.batch.report import batch_summary, next_command, skipped_lines
    from vendorcheck.i18n import t

    options = BatchOptions(
        jobs=jobs or default_jobs(), health_data=health_data, lang=lang, rules_dir=rules_dir, ocr=ocr_mode(ocr)
    )
    progress = RichProgress(stderr, lang)
    run = review_folder(
        directory, output=output, db=db, formats=formats, options=options, progress=progress, redline=redline
    )
    say(batch_summary(run.result, lang))
    for line in skipped_lines(run.result, directory.resolve(), lang):
        say(line)
    say(t("batch.register", lang, url=run.register_url))
    if run.annotated is not None:
        say(t("redline.batch_written", lang, count=run.annotated, folder=str(run.annotated_folder)))
    say(t("register.batch_next", lang, command=next_command(db)))
    for path in run.written:
        typer.echo(path)
    if run.result.interrupted:
        stderr.print(t("batch.interrupted", lang), highlight=False, soft_wrap=True)
        raise typer.Exit(INTERRUPTED_EXIT)
