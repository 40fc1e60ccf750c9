"""`vendorcheck register`: list, show, export the supplier register; re-check HDS verdicts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import typer

from vendorcheck.cli.common import LangOption, handle_errors, new_app, stderr

app = new_app("Registre des fournisseurs rempli par « vendorcheck batch » : liste, détail, exports, "
              "vérification HDS.")

_WIDE_COLUMNS = 400
DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="VENDORCHECK_DB",
    help="Registre : fichier SQLite ou URL SQLAlchemy. Défaut : celui que remplit « vendorcheck batch », "
         "registre.sqlite dans le dossier de données de vendorcheck ($VENDORCHECK_HOME, sinon "
         "~/.local/share/vendorcheck).")]

_TEXT = {
    "fr": {"none": "Le registre ne contient encore aucun fournisseur.",
           "history": "Historique des analyses", "hds_history": "Historique HDS", "files": "Fichiers",
           "unchanged": "inchangé", "expiring": "certificat expiré ou expirant sous 90 jours",
           "nothing": "Aucun fournisseur n'a encore de verdict HDS : lancez d'abord « vendorcheck batch » avec "
                      "--health-data."},
    "en": {"none": "The register holds no supplier yet.",
           "history": "Review history", "hds_history": "HDS history", "files": "Files",
           "unchanged": "unchanged", "expiring": "certificate expired or expiring within 90 days",
           "nothing": "No supplier has an HDS verdict yet: run `vendorcheck batch` with --health-data first."},
}


def _open(db: str | None):  # noqa: ANN202 - Register, imported lazily
    from vendorcheck.register import Register, default_register

    return Register.existing(db or default_register())


@app.command("list")
@handle_errors
def list_suppliers(
    db: DbOption = None,
    format: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="Format de sortie.")] = "text",
    wide: Annotated[bool, typer.Option("--wide", help="Toutes les colonnes, libellés complets (le tableau par "
                                                      "défaut tient en 80 colonnes).")] = False,
    lang: LangOption = "fr",
) -> None:
    """Liste les fournisseurs, du plus urgent à relancer au plus sûr, avec leur statut et leur certification HDS."""
    from rich.console import Console
    from rich.table import Table

    from vendorcheck.register.export.style import chase_order
    from vendorcheck.register.listing import supplier_listing
    from vendorcheck.register.summary import build_dashboard

    with _open(db) as register, register.transaction() as session:
        dashboard = build_dashboard(session, lang)
    suppliers = chase_order(dashboard.suppliers)
    if format == "json":
        typer.echo(json.dumps([s.model_dump(mode="json") for s in suppliers], ensure_ascii=False, indent=2))
        return
    if not suppliers:
        stderr.print(_TEXT[lang]["none"])
        return
    listing = supplier_listing(suppliers, lang, wide=wide)
    table = Table(show_lines=False)
    for header, wraps in zip(listing.headers, listing.wrap, strict=True):
        table.add_column(header, overflow="fold" if wraps else "ellipsis", no_wrap=not wraps)
    for row in listing.rows:
        table.add_row(*row)
    # Wide: every column at its natural width, whatever the terminal (for a pager or a file).
    Console(soft_wrap=False, width=_WIDE_COLUMNS if wide else None).print(table)


@app.command("show")
@handle_errors
def show(
    supplier: Annotated[str, typer.Argument(help="Nom du fournisseur (tel qu'affiché par « register list »).")],
    db: DbOption = None,
    lang: LangOption = "fr",
) -> None:
    """Détaille un fournisseur : fichiers, écarts par exigence, historique des analyses et des verdicts HDS."""
    from vendorcheck.hds.messages import verdict_label
    from vendorcheck.hds.models import HdsVerdict
    from vendorcheck.register.export.style import hds_text
    from vendorcheck.register.labels import label
    from vendorcheck.register.queries import supplier_history
    from vendorcheck.register.summary import build_dashboard

    with _open(db) as register, register.transaction() as session:
        history = supplier_history(session, supplier, lang)
        dashboard = build_dashboard(session, lang)
    line = next((s for s in dashboard.suppliers if s.name == history.name), None)
    words = _TEXT[lang]
    typer.echo(f"{history.name}" + (f" (SIREN {history.siren})" if history.siren else ""))
    if line is not None:
        typer.echo(f"{label('overall', lang)} : {label(line.overall, lang)}")
        typer.echo(f"{label('hds', lang)} : {hds_text(line.hds, lang)}"
                   + (f" — {line.hds.source}" if line.hds else ""))
        for requirement in dashboard.requirements:
            cell = line.cells.get(requirement.id)
            if cell is not None and cell.status.is_violation:
                typer.echo(f"  - {requirement.id} [{label(cell.status, lang)}, {label(cell.severity, lang)}] "
                           f"{cell.message} ({cell.document})")
    typer.echo(f"\n{words['files']}")
    for path in history.paths:
        typer.echo(f"  {path}")
    typer.echo(f"\n{words['history']}")
    for event in history.reviews:
        result = label(event.verdict, lang) if event.verdict else event.error or label(
            "kind_declaration", lang)
        typer.echo(f"  {event.at:%Y-%m-%d %H:%M}  {event.document}  {result}  "
                   f"({label('rules_version', lang)} {event.rules_version})")
    if history.hds:
        typer.echo(f"\n{words['hds_history']}")
        for hds in history.hds:
            expiry = f", {label('hds_expiry', lang)} {hds.expires_on}" if hds.expires_on else ""
            verdict = verdict_label(HdsVerdict(hds.verdict), lang)
            typer.echo(f"  {hds.at:%Y-%m-%d}  {label('hds_snapshot', lang)} {hds.snapshot_date} : {verdict}"
                       f"{expiry} — {hds.source}")


@app.command("export")
@handle_errors
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="Dossier où écrire les exports.")]
    = Path("vendorcheck-resultats"),
    formats: Annotated[str, typer.Option("--export", help="Exports à produire, séparés par des virgules.")]
    = "xlsx,csv,html",
    db: DbOption = None,
    lang: LangOption = "fr",
) -> None:
    """Écrit le classeur XLSX, les tableaux CSV et le tableau de bord HTML à partir du registre."""
    from vendorcheck.files import check_output
    from vendorcheck.register.export import export as write_exports
    from vendorcheck.register.export import parse_formats
    from vendorcheck.register.summary import build_dashboard

    wanted = parse_formats(formats)
    check_output(output, folder=True)
    with _open(db) as register, register.transaction() as session:
        dashboard = build_dashboard(session, lang)
    for path in write_exports(dashboard, output, wanted):
        typer.echo(path)


@app.command("recheck")
@handle_errors
def recheck(
    db: DbOption = None,
    today: Annotated[str | None, typer.Option("--today", help="Date de référence AAAA-MM-JJ (défaut : "
                                                              "aujourd'hui).")] = None,
    lang: LangOption = "fr",
) -> None:
    """Réévalue les verdicts HDS avec la liste en vigueur et signale les certificats expirant sous 90 jours.

    À lancer après « vendorcheck hds import ». Code de sortie 1 si un fournisseur demande une action."""
    from vendorcheck.errors import OptionError
    from vendorcheck.hds.messages import verdict_label
    from vendorcheck.hds.models import HdsVerdict
    from vendorcheck.i18n import t
    from vendorcheck.register.hds import recheck as recheck_all

    try:
        day = date.fromisoformat(today) if today else None
    except ValueError:
        raise OptionError(detail=f"--today « {today} » : date attendue au format AAAA-MM-JJ") from None
    with _open(db) as register, register.transaction() as session:
        lines = recheck_all(session, lang=lang, today=day)
    words = _TEXT[lang]
    if not lines:
        stderr.print(words["nothing"])
        return
    attention = False
    for line in lines:
        after = verdict_label(HdsVerdict(line.after), lang)
        change = (f"{verdict_label(HdsVerdict(line.before), lang)} → {after}" if line.before and line.changed
                  else f"{after} ({words['unchanged']})")
        flag = f"  ⚠ {words['expiring']} ({line.expires_on})" if line.expiring else ""
        typer.echo(f"{line.supplier}: {change} — {line.summary}{flag}")
        attention |= line.expiring or not HdsVerdict(line.after).is_clear
    stderr.print(t("register.rechecked", lang, count=len(lines)), soft_wrap=True)
    if attention:
        raise typer.Exit(1)
