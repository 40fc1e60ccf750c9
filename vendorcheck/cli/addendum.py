"""`vendorcheck addendum FILE`: the addendum (avenant) fixing every gap of a contract, for the lawyer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from vendorcheck.cli.common import LangOption, handle_errors, help_text, say, stderr
from vendorcheck.cli.ocr import OcrOption, OcrOutputOption, ingest_options, page_progress

if TYPE_CHECKING:
    from vendorcheck.addendum import Addendum
    from vendorcheck.i18n import Language

Format = Literal["docx", "md", "html"]
_BY_SUFFIX: dict[str, Format] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


@handle_errors
def addendum(
    source: Annotated[Path, typer.Argument(help=help_text("addendum.source"))],
    output: Annotated[Path | None, typer.Option("--output", "-o", help=help_text("addendum.output"))] = None,
    lang: LangOption = "fr",
    parties: Annotated[Path | None, typer.Option("--parties", help=help_text("addendum.parties"))] = None,
    clauses: Annotated[Path | None, typer.Option("--clauses", help=help_text("addendum.clauses"))] = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help=help_text("addendum.format"))] = None,
    health_data: Annotated[
        bool, typer.Option("--health-data/--no-health-data", help=help_text("addendum.health_data"))
    ] = True,
    ocr: OcrOption = None,
    ocr_output: OcrOutputOption = None,
    redline: Annotated[bool, typer.Option("--redline", help=help_text("addendum.redline"))] = False,
) -> None:
    from vendorcheck.addendum import from_source, write
    from vendorcheck.errors import OptionError
    from vendorcheck.files import check_output
    from vendorcheck.i18n import message

    if redline:
        _redline(source, output, lang, parties, clauses, format, health_data)
        return
    fmt: Format = format or (_BY_SUFFIX.get(output.suffix.lower(), "docx") if output else "docx")
    if fmt == "docx" and output is None:
        raise OptionError(detail=message("cli.errors.docx_output"))
    if output is not None:
        check_output(output)  # before the review, not after it
    with page_progress(stderr, lang):
        document = from_source(
            source,
            lang=lang,
            parties=parties,
            clauses_dir=clauses,
            health_data=health_data,
            ingest=ingest_options(ocr, ocr_output),
        )
    content = write(document, fmt)
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
    else:
        output.write_bytes(content)
    say(_summary(document, output, lang))


def _summary(document: Addendum, output: Path | None, lang: Language) -> str:
    """'Avenant écrit dans avenant.docx : 12 clauses, dont 5 remplaçant des stipulations ; 8 champs à compléter.'"""
    from vendorcheck.i18n import t

    clauses = document.clauses
    head = t("cli.addendum.written", lang, path=output) if output else t("cli.addendum.shown", lang)
    text = head + t(
        "cli.addendum.counts",
        lang,
        clauses=t("cli.addendum.clauses", lang, count=len(clauses)),
        replacing=sum(1 for a in clauses if a.replaced),
        fields=t("cli.addendum.fields", lang, count=len(document.fill_in_fields())),
    )
    return text if clauses else text + t("cli.addendum.no_gap", lang)


def _redline(
    source: Path,
    output: Path | None,
    lang: Language,
    parties: Path | None,
    clauses: Path | None,
    fmt: str | None,
    health_data: bool,
) -> None:
    from vendorcheck.addendum.redline import redline_docx
    from vendorcheck.errors import OptionError
    from vendorcheck.files import check_output
    from vendorcheck.i18n import message, t

    if output is None or (fmt or "docx") != "docx":
        raise OptionError(detail=message("redline.errors.output"))
    check_output(output)
    result = redline_docx(source, lang=lang, parties=parties, clauses_dir=clauses, health_data=health_data)
    output.write_bytes(result.content)
    for note in result.notes:
        say(note)
    if not result.clauses:
        say(t("redline.nothing", lang, output=str(output)))
        return
    clauses_text = t("redline.summary_clauses", lang, count=len(result.clauses))
    struck = t("redline.summary_struck", lang, count=result.struck)
    say(t("redline.summary", lang, output=str(output), clauses=clauses_text, struck=struck))
