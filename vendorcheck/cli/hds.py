"""`vendorcheck hds`: check a vendor against the list of certified hosts, import the list, list snapshots,
write the declaration template sent to suppliers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from vendorcheck.cli.common import LangOption, handle_errors, new_app

if TYPE_CHECKING:
    from vendorcheck.hds.models import HdsAssessment, ImportReport, SnapshotInfo

app = new_app("Certification HDS : vérification d'un fournisseur dans la liste des hébergeurs certifiés, import de "
              "la liste officielle, instantanés, modèle de déclaration fournisseur.")

OutputFormat = Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="Format de sortie.")]
_TEXT = {
    "file": ("Fichier", "File"),
    "columns": ("Colonnes reconnues", "Columns recognised"),
    "ignored": ("Colonnes ignorées", "Columns ignored"),
    "rejected": ("Lignes rejetées", "Rejected rows"),
    "line": ("ligne", "line"),
    "nothing": ("Rien n'a été enregistré : corrigez les lignes rejetées (ou relancez avec --keep-valid pour "
                "n'enregistrer que les lignes valides).",
                "Nothing was stored: fix the rejected rows (or run again with --keep-valid to store only the "
                "valid rows)."),
    "unchanged": ("Liste identique au dernier instantané importé : rien n'a été enregistré.",
                  "Same list as the last imported snapshot: nothing was stored."),
    "dry": ("Essai à blanc : rien n'a été enregistré.", "Dry run: nothing was stored."),
    "stored": ("Instantané enregistré : {id} (liste du {date}, source : {source})",
               "Snapshot stored: {id} (list of {date}, source: {source})"),
    "added": ("ajouté", "added"), "removed": ("retiré", "removed"), "changed": ("modifié", "changed"),
    "expired": ("expiré", "expired"),
    "shipped": ("livré", "shipped"), "imported": ("importé", "imported"), "partial": ("partiel", "partial"),
    "current": ("instantané utilisé par défaut", "snapshot used by default"),
    "template": ("Modèle de déclaration écrit : {path}", "Declaration template written: {path}"),
}


def _t(key: str, lang: str, **values: object) -> str:
    fr, en = _TEXT[key]
    return (en if lang == "en" else fr).format(**values)


@app.command("check")
@handle_errors
def check(
    query: Annotated[str, typer.Argument(help="Nom, SIREN, SIRET ou numéro de certificat du fournisseur.")],
    service: Annotated[str | None, typer.Option(
        "--service", "-s", help="Type de service, pour vérifier les activités couvertes : iaas, paas, saas, "
                                "backup, pacs, support.")] = None,
    product: Annotated[str | None, typer.Option("--product", help="Produit ou offre souscrit.")] = None,
    host: Annotated[str | None, typer.Option("--host", help="Hébergeur HDS chez qui le fournisseur se dit "
                                                            "hébergé.")] = None,
    certificate: Annotated[Path | None, typer.Option(
        "--certificate", help="Certificat ou attestation HDS présenté par le fournisseur (PDF, DOCX, texte).")] = None,
    declaration: Annotated[Path | None, typer.Option(
        "--declaration", help="Déclaration remplie par le fournisseur (YAML, JSON, XLSX).")] = None,
    snapshot: Annotated[str | None, typer.Option("--snapshot", help="Instantané à utiliser (identifiant, voir "
                                                                     "« hds snapshots »).")] = None,
    on: Annotated[str | None, typer.Option("--date", help="Date de référence AAAA-MM-JJ (défaut : aujourd'hui), "
                                                          "par exemple la date de signature du contrat.")] = None,
    format: OutputFormat = "text",
    lang: LangOption = "fr",
) -> None:
    """Vérifie qu'un fournisseur est certifié HDS, pour les bonnes activités, à la date voulue.

    Code de sortie : 0 certifié, y compris à échéance proche ; 1 tout autre verdict, à lire (absent, à
    vérifier sur la liste partielle, validité inconnue, certifié pour une partie des activités, ambigu,
    identifiant invalide, expiré…) ; 2 erreur d'utilisation ou de lecture."""
    from vendorcheck.hds import assess
    from vendorcheck.hds.models import HdsClaim

    claim: HdsClaim | None = None
    if certificate:
        from vendorcheck.hds.certificate import parse_certificate

        claim = parse_certificate(certificate).claim()
    elif declaration:
        from vendorcheck.declarations import parse_declaration

        filled = parse_declaration(declaration)
        claim = filled.claim()
        service = service or filled.service
    result = assess(query, service=service, today=_date(on), snapshot=snapshot, host=host, product=product,
                    claim=claim)
    if format == "json":
        typer.echo(result.model_dump_json(indent=2))
    else:
        _print_assessment(result, lang)
    raise typer.Exit(0 if result.verdict.is_clear else 1)


@app.command("import")
@handle_errors
def import_list(
    file: Annotated[Path, typer.Argument(help="Liste enregistrée depuis l'annuaire officiel : page HTML, CSV, XLSX "
                                              "ou JSON.")],
    on: Annotated[str | None, typer.Option("--date", help="Date de la liste AAAA-MM-JJ (défaut : aujourd'hui).")]
    = None,
    source: Annotated[str | None, typer.Option("--source", help="Adresse de la page d'où vient la liste, citée par "
                                                                "chaque verdict.")] = None,
    reader: Annotated[str | None, typer.Option("--reader", help="Forcer le lecteur : html, csv, xlsx, json.")]
    = None,
    partial: Annotated[bool, typer.Option("--partial", help="Le fichier ne contient qu'une partie de la liste.")]
    = False,
    keep_valid: Annotated[bool, typer.Option("--keep-valid", help="Enregistrer les lignes valides même si "
                                                                  "d'autres sont rejetées.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Tout vérifier, ne rien enregistrer.")] = False,
    format: OutputFormat = "text",
    lang: LangOption = "fr",
) -> None:
    """Importe la liste des hébergeurs certifiés comme nouvel instantané daté et affiche les changements.

    Chaque ligne est validée ; si une ligne est rejetée, rien n'est enregistré (sauf --keep-valid) et le code
    de sortie est 2."""
    from vendorcheck.hds import import_file

    report = import_file(file, list_date=_date(on), source=source, fmt=reader, partial=partial,
                         keep_valid=keep_valid, dry_run=dry_run)
    if format == "json":
        typer.echo(report.model_dump_json(indent=2))
    else:
        _print_import(report, lang, dry_run=dry_run)
    if report.rejected and report.stored is None:
        raise typer.Exit(2)


@app.command("snapshots")
@handle_errors
def snapshots(format: OutputFormat = "text", lang: LangOption = "fr") -> None:
    """Liste les instantanés de la liste HDS (livrés et importés) ; « * » marque celui utilisé par défaut."""
    from vendorcheck.hds import current_snapshot, list_snapshots

    infos = list_snapshots()
    current = current_snapshot().info.id
    if format == "json":
        typer.echo(json.dumps([i.model_dump(mode="json") | {"current": i.id == current} for i in infos],
                              ensure_ascii=False, indent=2))
        return
    for info in infos:
        typer.echo(_snapshot_line(info, lang, current=info.id == current))
    typer.echo(f"* {_t('current', lang)}")


@app.command("template")
@handle_errors
def template(
    output: Annotated[Path, typer.Argument(help="Fichier à écrire (.yaml, .json ou .xlsx).")],
    lang: LangOption = "fr",
) -> None:
    """Écrit le modèle de déclaration à envoyer au fournisseur (YAML commenté, JSON ou classeur XLSX)."""
    from vendorcheck.declarations import write_template
    from vendorcheck.errors import OptionError
    from vendorcheck.files import check_output

    fmt = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".xlsx": "xlsx"}.get(output.suffix.lower())
    if fmt is None:
        raise OptionError(detail=f"extension « {output.suffix} » : choisissez .yaml, .json ou .xlsx")
    check_output(output)
    write_template(output, fmt)  # type: ignore[arg-type]
    typer.echo(_t("template", lang, path=output))


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from vendorcheck.errors import OptionError

        raise OptionError(detail=f"date « {value} » : format attendu AAAA-MM-JJ") from None


def _print_assessment(result: HdsAssessment, lang: str) -> None:
    typer.echo(f"HDS : {result.headline(lang)}")  # type: ignore[arg-type]
    for line in result.reason_lines(lang):  # type: ignore[arg-type]
        typer.echo(f"  • {line}")


def _print_import(report: ImportReport, lang: str, *, dry_run: bool) -> None:
    from vendorcheck.i18n import t

    typer.echo(f"{_t('file', lang)} : {report.path} ({report.format})")
    typer.echo(import_counts(report, lang))  # type: ignore[arg-type]
    typer.echo(f"{_t('columns', lang)} : " + ", ".join(f"{k} → {v}" for k, v in report.columns.items()))
    if report.ignored_columns:
        typer.echo(f"{_t('ignored', lang)} : {', '.join(report.ignored_columns)}")
    if report.rejected:
        typer.echo(f"{_t('rejected', lang)} :")
        for row in report.rejected:
            reasons = " ; ".join(r.text(lang) for r in row.errors)  # type: ignore[arg-type]
            typer.echo(f"  {_t('line', lang)} {row.line} : {reasons}")
    for problem in report.suspicious:
        typer.echo(problem.text(lang))  # type: ignore[arg-type]
    if report.diff is not None:
        _print_diff(report, lang)
    if report.stored is not None:
        info = report.stored
        typer.echo(_t("stored", lang, id=info.id, date=info.list_date.isoformat(), source=info.source))
        if info.partial:
            # Never made current silently: the user is told that verdicts now rest on a partial list.
            typer.echo(t("hds.import.current_partial", lang))  # type: ignore[arg-type]
    elif report.unchanged:
        typer.echo(_t("unchanged", lang))
    elif dry_run and not report.rejected:
        typer.echo(_t("dry", lang))
    else:
        typer.echo(_t("nothing", lang))


def _print_diff(report: ImportReport, lang: str) -> None:
    from vendorcheck.i18n import t

    diff = report.diff
    assert diff is not None
    if diff.previous_id is None:
        typer.echo(t("hds.import.first", lang, count=len(diff.added)))  # type: ignore[arg-type]
        return
    counts = {key: t(f"hds.import.{key}", lang, count=len(getattr(diff, key)))  # type: ignore[arg-type]
              for key in ("added", "removed", "changed", "expired")}
    typer.echo(t("hds.import.diff", lang, previous=diff.previous_id, **counts))  # type: ignore[arg-type]
    for key, entries in (("added", diff.added), ("removed", diff.removed), ("expired", diff.expired)):
        for entry in entries:
            number = f" [{entry.certificate_number}]" if entry.certificate_number else ""
            typer.echo(f"  {_t(key, lang)} : {entry.legal_entity}{number}")
    for change in diff.changed:
        typer.echo(f"  {_t('changed', lang)} : {change.legal_entity} ({', '.join(change.fields)})")


def import_counts(report: ImportReport, lang: str) -> str:
    """'17 lignes lues sur 19 lignes du fichier : 16 acceptées, 1 rejetée'."""
    from vendorcheck.i18n import t

    rows = t("hds.import.rows", lang, count=report.rows)  # type: ignore[arg-type]
    if report.lines is not None and report.lines != report.rows:
        rows = t("hds.import.rows_of_lines", lang, rows=rows, count=report.lines)  # type: ignore[arg-type]
    return t("hds.import.counts", lang, rows=rows,  # type: ignore[arg-type]
             accepted=t("hds.import.accepted", lang, count=report.accepted),  # type: ignore[arg-type]
             rejected=t("hds.import.rejected", lang, count=len(report.rejected)))  # type: ignore[arg-type]


def _snapshot_line(info: SnapshotInfo, lang: str, *, current: bool) -> str:
    kind = _t("shipped" if info.shipped else "imported", lang)
    flags = f", {_t('partial', lang)}" if info.partial else ""
    mark = "*" if current else " "
    return f"{mark} {info.id}  {info.list_date.isoformat()}  {info.entry_count:>4}  {kind}{flags}  {info.source}"
