"""`vendorcheck hds`: check a vendor against the list of certified hosts, import the list, list snapshots,
write the declaration template sent to suppliers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vendorcheck.cli.common import LangOption, OutputFormat, handle_errors, help_text, new_app, parse_date

if TYPE_CHECKING:
    from vendorcheck.hds.models import HdsAssessment, ImportReport, SnapshotInfo
    from vendorcheck.i18n import Language

app = new_app("hds.about")
_TEMPLATE_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".xlsx": "xlsx"}


@app.command("check", help=help_text("hds.check.about"))
@handle_errors
def check(
    query: Annotated[str, typer.Argument(help=help_text("hds.check.query"))],
    service: Annotated[str | None, typer.Option("--service", "-s", help=help_text("hds.check.service"))] = None,
    product: Annotated[str | None, typer.Option("--product", help=help_text("hds.check.product"))] = None,
    host: Annotated[str | None, typer.Option("--host", help=help_text("hds.check.host"))] = None,
    certificate: Annotated[Path | None, typer.Option("--certificate", help=help_text("hds.check.certificate"))] = None,
    declaration: Annotated[Path | None, typer.Option("--declaration", help=help_text("hds.check.declaration"))] = None,
    snapshot: Annotated[str | None, typer.Option("--snapshot", help=help_text("hds.check.snapshot"))] = None,
    on: Annotated[str | None, typer.Option("--date", help=help_text("hds.check.on"))] = None,
    format: OutputFormat = "text",
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.certification import check_vendor

    result = check_vendor(
        query,
        service=service,
        product=product,
        host=host,
        certificate=certificate,
        declaration=declaration,
        today=parse_date(on),
        snapshot=snapshot,
    )
    if format == "json":
        typer.echo(result.model_dump_json(indent=2))
    else:
        _print_assessment(result, lang)
    raise typer.Exit(0 if result.verdict.is_clear else 1)


@app.command("import", help=help_text("hds.import.about"))
@handle_errors
def import_list(
    file: Annotated[Path, typer.Argument(help=help_text("hds.import.file"))],
    on: Annotated[str | None, typer.Option("--date", help=help_text("hds.import.on"))] = None,
    source: Annotated[str | None, typer.Option("--source", help=help_text("hds.import.source"))] = None,
    reader: Annotated[str | None, typer.Option("--reader", help=help_text("hds.import.reader"))] = None,
    partial: Annotated[bool, typer.Option("--partial", help=help_text("hds.import.partial"))] = False,
    keep_valid: Annotated[bool, typer.Option("--keep-valid", help=help_text("hds.import.keep_valid"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_text("hds.import.dry_run"))] = False,
    format: OutputFormat = "text",
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.hds import import_file

    report = import_file(
        file,
        list_date=parse_date(on),
        source=source,
        fmt=reader,
        partial=partial,
        keep_valid=keep_valid,
        dry_run=dry_run,
    )
    if format == "json":
        typer.echo(report.model_dump_json(indent=2))
    else:
        _print_import(report, lang, dry_run=dry_run)
    if report.rejected and report.stored is None:
        raise typer.Exit(2)


@app.command("snapshots", help=help_text("hds.snapshots.about"))
@handle_errors
def snapshots(format: OutputFormat = "text", lang: LangOption = "fr") -> None:
    from vendorcheck.hds import current_snapshot, list_snapshots
    from vendorcheck.i18n import t

    infos = list_snapshots()
    current = current_snapshot().info.id
    if format == "json":
        listed = [info.model_dump(mode="json") | {"current": info.id == current} for info in infos]
        typer.echo(json.dumps(listed, ensure_ascii=False, indent=2))
        return
    for info in infos:
        typer.echo(_snapshot_line(info, lang, current=info.id == current))
    typer.echo(f"* {t('cli.hds.current', lang)}")


@app.command("template", help=help_text("hds.template.about"))
@handle_errors
def template(
    output: Annotated[Path, typer.Argument(help=help_text("hds.template.output"))],
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.declarations import write_template
    from vendorcheck.errors import OptionError
    from vendorcheck.files import check_output
    from vendorcheck.i18n import message, t

    fmt = _TEMPLATE_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise OptionError(detail=message("cli.errors.template_suffix", suffix=output.suffix))
    check_output(output)
    write_template(output, fmt)  # type: ignore[arg-type]
    typer.echo(t("cli.hds.template", lang, path=output))


def _print_assessment(result: HdsAssessment, lang: Language) -> None:
    from vendorcheck.hds.messages import headline, reason_lines
    from vendorcheck.i18n import t

    typer.echo(t("cli.hds.headline", lang, headline=headline(result, lang)))
    for line in reason_lines(result, lang):
        typer.echo(f"  • {line}")


def _print_import(report: ImportReport, lang: Language, *, dry_run: bool) -> None:
    from vendorcheck.i18n import t

    typer.echo(t("cli.hds.file", lang, path=report.path, format=report.format))
    typer.echo(import_counts(report, lang))
    typer.echo(t("cli.hds.columns", lang, columns=", ".join(f"{k} → {v}" for k, v in report.columns.items())))
    if report.ignored_columns:
        typer.echo(t("cli.hds.ignored", lang, columns=", ".join(report.ignored_columns)))
    if report.rejected:
        typer.echo(t("cli.hds.rejected", lang))
        for row in report.rejected:
            reasons = " ; ".join(r.text(lang) for r in row.errors)
            typer.echo(t("cli.hds.rejected_row", lang, line=str(row.line), reasons=reasons))
    for problem in report.suspicious:
        typer.echo(problem.text(lang))
    if report.diff is not None:
        _print_diff(report, lang)
    if report.stored is not None:
        info = report.stored
        typer.echo(t("cli.hds.stored", lang, id=info.id, date=info.list_date.isoformat(), source=info.source))
        if info.partial:
            # Never made current silently: the user is told that verdicts now rest on a partial list.
            typer.echo(t("hds.import.current_partial", lang))
    elif report.unchanged:
        typer.echo(t("cli.hds.unchanged", lang))
    elif dry_run and not report.rejected:
        typer.echo(t("cli.hds.dry", lang))
    else:
        typer.echo(t("cli.hds.nothing", lang))


def _print_diff(report: ImportReport, lang: Language) -> None:
    from vendorcheck.i18n import t

    diff = report.diff
    assert diff is not None
    if diff.previous_id is None:
        typer.echo(t("hds.import.first", lang, count=len(diff.added)))
        return
    counts = {
        key: t(f"hds.import.{key}", lang, count=len(getattr(diff, key)))
        for key in ("added", "removed", "changed", "expired")
    }
    typer.echo(t("hds.import.diff", lang, previous=diff.previous_id, **counts))
    for key, entries in (("added", diff.added), ("removed", diff.removed), ("expired", diff.expired)):
        for entry in entries:
            number = f" [{entry.certificate_number}]" if entry.certificate_number else ""
            kind = t(f"cli.hds.kind.{key}", lang)
            typer.echo(t("cli.hds.entry", lang, kind=kind, entity=entry.legal_entity, number=number))
    for change in diff.changed:
        kind = t("cli.hds.kind.changed", lang)
        fields = ", ".join(change.fields)
        typer.echo(t("cli.hds.changed_entry", lang, kind=kind, entity=change.legal_entity, fields=fields))


def import_counts(report: ImportReport, lang: Language) -> str:
    """'17 lignes lues sur 19 lignes du fichier : 16 acceptées, 1 rejetée'."""
    from vendorcheck.i18n import t

    rows = t("hds.import.rows", lang, count=report.rows)
    if report.lines is not None and report.lines != report.rows:
        rows = t("hds.import.rows_of_lines", lang, rows=rows, count=report.lines)
    accepted = t("hds.import.accepted", lang, count=report.accepted)
    rejected = t("hds.import.rejected", lang, count=len(report.rejected))
    return t("hds.import.counts", lang, rows=rows, accepted=accepted, rejected=rejected)


def _snapshot_line(info: SnapshotInfo, lang: Language, *, current: bool) -> str:
    from vendorcheck.i18n import t

    kind = t(f"cli.hds.kind.{'shipped' if info.shipped else 'imported'}", lang)
    flags = f", {t('cli.hds.kind.partial', lang)}" if info.partial else ""
    mark = "*" if current else " "
    return f"{mark} {info.id}  {info.list_date.isoformat()}  {info.entry_count:>4}  {kind}{flags}  {info.source}"
