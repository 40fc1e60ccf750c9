"""What the commands that read a contract share for scans and photos: the OCR options and the page bar."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from vendorcheck.cli.common import help_text

if TYPE_CHECKING:
    from rich.console import Console

    from vendorcheck.i18n import Language

OcrOption = Annotated[bool | None, typer.Option("--ocr/--no-ocr", help=help_text("common.ocr"))]
OcrOutputOption = Annotated[Path | None, typer.Option("--ocr-output", help=help_text("common.ocr_output"))]


def ocr_mode(ocr: bool | None) -> str:
    return {None: "auto", True: "always", False: "never"}[ocr]


def ingest_options(ocr: bool | None, ocr_output: Path | None = None) -> dict[str, Any]:
    if ocr_output is not None:
        from vendorcheck.files import check_output

        check_output(ocr_output)  # before the recognition, which may take minutes
    return {"ocr": ocr_mode(ocr), "ocr_output": ocr_output}


@contextmanager
def page_progress(console: Console, lang: Language) -> Iterator[None]:
    """A bar on stderr while pages are recognised; nothing for a document that needs no OCR, and
    nothing when stderr is not a terminal (logs and pipes get the one-line result only)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from vendorcheck.i18n import t
    from vendorcheck.ingest.ocr import reporting_to, stop_reporting

    bar: Progress | None = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            bar.add_task(t("ocr.progress_bar", lang), total=total)
            bar.start()
        bar.update(bar.task_ids[0], completed=done)

    token = reporting_to(advance if console.is_terminal else None)
    try:
        yield
    finally:
        stop_reporting(token)
        if bar is not None:
            bar.stop()
