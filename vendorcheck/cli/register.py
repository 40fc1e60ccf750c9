"""`vendorcheck register`: list, show, export the supplier register; re-check HDS verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vendorcheck.cli.common import (
    LangOption,
    OutputFormat,
    RegisterOption,
    handle_errors,
    help_text,
    new_app,
    parse_date,
    stderr,
)

if TYPE_CHECKING:
    from vendorcheck.i18n import Language
    from vendorcheck.register.views import SupplierView

app = new_app("register.about")

_WIDE_COLUMNS = 400


@app.command("list", help=help_text("register.list.about"))
@handle_errors
def list_suppliers(
    db: RegisterOption = None,
    format: OutputFormat = "text",
    wide: Annotated[bool, typer.Option("--wide", help=help_text("register.list.wide"))] = False,
    lang: LangOption = "fr",
) -> None:
    from rich.console import Console
    from rich.table import Table

    from vendorcheck.i18n import t
    from vendorcheck.register.listing import supplier_listing
    from vendorcheck.register.views import suppliers

    lines = suppliers(db, lang)
    if format == "json":
        typer.echo(json.dumps([s.model_dump(mode="json") for s in lines], ensure_ascii=False, indent=2))
        return
    if not lines:
        stderr.print(t("cli.register.none", lang))
        return
    listing = supplier_listing(lines, lang, wide=wide)
    table = Table(show_lines=False)
    for header, wraps in zip(listing.headers, listing.wrap, strict=True):
        table.add_column(header, overflow="fold" if wraps else "ellipsis", no_wrap=not wraps)
    for row in listing.rows:
        table.add_row(*row)
    # Wide: every column at its natural width, whatever the terminal (for a pager or a file).
    Console(soft_wrap=False, width=_WIDE_COLUMNS if wide else None).print(table)


@app.command("show", help=help_text("register.show.about"))
@handle_errors
def show(
    supplier: Annotated[str, typer.Argument(help=help_text("register.show.supplier"))],
    db: RegisterOption = None,
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.register.views import supplier_view

    for line in _supplier_lines(supplier_view(db, supplier, lang), lang):
        typer.echo(line)


@app.command("export", help=help_text("register.export.about"))
@handle_errors
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help=help_text("register.export.output"))] = Path(
        "vendorcheck-resultats"
    ),
    formats: Annotated[str, typer.Option("--export", help=help_text("register.export.formats"))] = "xlsx,csv,html",
    db: RegisterOption = None,
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.register.views import export_register

    for path in export_register(db, output, formats, lang):
        typer.echo(path)


@app.command("recheck", help=help_text("register.recheck.about"))
@handle_errors
def recheck(
    db: RegisterOption = None,
    today: Annotated[str | None, typer.Option("--today", help=help_text("register.recheck.today"))] = None,
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.hds.messages import verdict_label
    from vendorcheck.hds.models import HdsVerdict
    from vendorcheck.i18n import t
    from vendorcheck.register.views import recheck_register

    lines = recheck_register(db, parse_date(today, "bad_today"), lang)
    if not lines:
        stderr.print(t("cli.register.nothing", lang))
        return
    attention = False
    for line in lines:
        after = verdict_label(HdsVerdict(line.after), lang)
        if line.before and line.changed:
            change = t("cli.register.change", lang, before=verdict_label(HdsVerdict(line.before), lang), after=after)
        else:
            change = t("cli.register.same", lang, after=after, unchanged=t("cli.register.unchanged", lang))
        flag = ""
        if line.expiring:
            flag = t("cli.register.flag", lang, expiring=t("cli.register.expiring", lang), date=str(line.expires_on))
        typer.echo(
            t("cli.register.recheck", lang, supplier=line.supplier, change=change, summary=line.summary, flag=flag)
        )
        attention |= line.expiring or not HdsVerdict(line.after).is_clear
    stderr.print(t("register.rechecked", lang, count=len(lines)), soft_wrap=True)
    if attention:
        raise typer.Exit(1)


def _supplier_lines(view: SupplierView, lang: Language) -> list[str]:
    """A supplier's page: its status and gaps, its files, the history of its reviews and HDS verdicts."""
    from vendorcheck.hds.messages import verdict_label
    from vendorcheck.hds.models import HdsVerdict
    from vendorcheck.i18n import t
    from vendorcheck.register.export.style import hds_text
    from vendorcheck.register.labels import label

    history, line = view.history, view.line
    out = [history.name + (t("cli.register.siren", lang, siren=history.siren) if history.siren else "")]
    if line is not None:
        out.append(t("cli.register.field", lang, label=label("overall", lang), value=label(line.overall, lang)))
        hds = hds_text(line.hds, lang) + (f" — {line.hds.source}" if line.hds else "")
        out.append(t("cli.register.field", lang, label=label("hds", lang), value=hds))
        for requirement in view.requirements:
            cell = line.cells.get(requirement.id)
            if cell is not None and cell.status.is_violation:
                out.append(
                    t(
                        "cli.register.gap",
                        lang,
                        requirement=requirement.id,
                        status=label(cell.status, lang),
                        severity=label(cell.severity, lang),
                        message=cell.message,
                        document=cell.document,
                    )
                )
    out += ["", t("cli.register.files", lang), *(f"  {path}" for path in history.paths)]
    out += ["", t("cli.register.history", lang)]
    for event in history.reviews:
        result = label(event.verdict, lang) if event.verdict else event.error or label("kind_declaration", lang)
        out.append(
            t(
                "cli.register.review",
                lang,
                at=f"{event.at:%Y-%m-%d %H:%M}",
                document=event.document,
                result=result,
                rules_version=label("rules_version", lang),
                version=event.rules_version,
            )
        )
    if history.hds:
        out += ["", t("cli.register.hds_history", lang)]
        for verdict in history.hds:
            expiry = ""
            if verdict.expires_on:
                expiry = t("cli.register.expiry", lang, label=label("hds_expiry", lang), date=str(verdict.expires_on))
            out.append(
                t(
                    "cli.register.hds",
                    lang,
                    at=f"{verdict.at:%Y-%m-%d}",
                    snapshot=label("hds_snapshot", lang),
                    date=str(verdict.snapshot_date),
                    verdict=verdict_label(HdsVerdict(verdict.verdict), lang),
                    expiry=expiry,
                    source=verdict.source,
                )
            )
    return out
