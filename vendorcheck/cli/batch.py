"""`vendorcheck batch DIR`: review every supplier's documents, fill the register, write the exports."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from vendorcheck.cli.common import LangOption, handle_errors, stderr
from vendorcheck.cli.ocr import OcrOption, ocr_mode

REDLINE_FOLDER = "contrats-annotes"  # inside OUTPUT, which the batch never reads as suppliers' files
INTERRUPTED_EXIT = 130  # the shell convention for a command stopped by Ctrl-C

_TEXT = {
    "fr": {
        "interrupted": "Interrompu : les résultats déjà obtenus sont enregistrés. Relancez la même commande pour "
                       "reprendre là où l'analyse s'est arrêtée.",
        "register": "Registre : {url}",
    },
    "en": {
        "interrupted": "Interrupted: the results obtained so far are recorded. Run the same command again to resume "
                       "where the review stopped.",
        "register": "Register: {url}",
    },
}


def default_jobs() -> int:
    # Each worker holds the spaCy pipelines and a document in memory; beyond 4 the disk and the register
    # writer, not the CPU, limit a practice's laptop.
    return max(1, min(4, os.cpu_count() or 1))


@handle_errors
def batch(
    directory: Annotated[Path, typer.Argument(
        help="Dossier des fournisseurs : un sous-dossier par fournisseur, ou des fichiers en vrac.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Dossier des exports (XLSX, CSV, HTML).")]
    = Path("vendorcheck-resultats"),
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Processus d'analyse en parallèle "
                                                                         "(défaut : nombre de cœurs, 4 au plus).")]
    = None,
    db: Annotated[str | None, typer.Option("--db", envvar="VENDORCHECK_DB", help="Registre : fichier SQLite ou URL "
                                           "SQLAlchemy (postgresql+psycopg://...). Défaut : registre.sqlite dans le "
                                           "dossier de données de vendorcheck, celui que lisent les commandes "
                                           "« register ».")]
    = None,
    health_data: Annotated[bool, typer.Option("--health-data/--no-health-data",
                                              help="Les fournisseurs hébergent des données de santé : clauses CSP "
                                                   "R.1111-11 et certification HDS vérifiées.")] = True,
    formats: Annotated[str, typer.Option("--export", help="Exports à produire, séparés par des virgules.")]
    = "xlsx,csv,html",
    rules_dir: Annotated[Path | None, typer.Option("--rules", help="Dossier de règles à utiliser à la place des "
                                                                   "règles livrées.")] = None,
    lang: LangOption = "fr",
    ocr: OcrOption = None,
    redline: Annotated[bool, typer.Option("--redline", help="Écrit aussi, pour chaque contrat Word (DOCX), le "
                                                             "contrat annoté (OUTPUT/contrats-annotes/).")] = False,
) -> None:
    """Analyse tous les contrats et déclarations du dossier, en parallèle, et remplit le registre des fournisseurs.

    Un fichier illisible devient une ligne d'erreur. Ctrl-C arrête proprement ; relancée, la commande reprend.
    """
    from vendorcheck.batch import BatchOptions, run_batch
    from vendorcheck.batch.progress import RichProgress
    from vendorcheck.batch.report import batch_summary, next_command, skipped_lines
    from vendorcheck.errors import FileMissing, OptionError
    from vendorcheck.files import check_output
    from vendorcheck.i18n import t
    from vendorcheck.register import Register, default_register
    from vendorcheck.register.db import display_url
    from vendorcheck.register.export import export, parse_formats
    from vendorcheck.register.summary import build_dashboard

    if not directory.exists():
        raise FileMissing(directory)
    if not directory.is_dir():
        raise OptionError(directory, detail="un dossier est attendu, pas un fichier (pour un seul contrat : "
                                            "vendorcheck review)")
    wanted = parse_formats(formats)
    check_output(output, folder=True)  # the exports are written at the end of a run that may last hours
    location = db or str(default_register())
    words = _TEXT[lang]
    with Register(location) as register:
        # The register and the exports may sit inside DIR; they are not suppliers' documents.
        exclude = [output, *_sqlite_files(location)]
        options = BatchOptions(jobs=jobs or default_jobs(), health_data=health_data, lang=lang,
                               rules_dir=rules_dir, exclude=exclude, ocr=ocr_mode(ocr),
                               redline_dir=(output / REDLINE_FOLDER).resolve() if redline else None)
        with RichProgress(stderr, lang) as progress:
            result = run_batch(directory, register, options, progress)
        with register.transaction() as session:
            dashboard = build_dashboard(session, lang)
        written = export(dashboard, output, wanted)
        # soft_wrap: one line each, whatever the width, so that paths can be copied and logs grepped.
        stderr.print(batch_summary(result, lang), highlight=False, markup=False, soft_wrap=True)
        for line in skipped_lines(result, directory.resolve(), lang):
            stderr.print(line, highlight=False, markup=False, soft_wrap=True)
        stderr.print(words["register"].format(url=display_url(register.url)), highlight=False, markup=False,
                     soft_wrap=True)
        if options.redline_dir is not None:
            annotated = len(list(options.redline_dir.rglob("*-annote.docx"))) if options.redline_dir.is_dir() else 0
            stderr.print(t("redline.batch_written", lang, count=annotated, folder=str(options.redline_dir)),
                         highlight=False, markup=False, soft_wrap=True)
        stderr.print(t("register.batch_next", lang, command=next_command(db)), highlight=False, markup=False,
                     soft_wrap=True)
    for path in written:
        typer.echo(path)
    if result.interrupted:
        stderr.print(words["interrupted"], highlight=False, soft_wrap=True)
        raise typer.Exit(INTERRUPTED_EXIT)


def _sqlite_files(location: str) -> list[Path]:
    if "://" in location:
        return []
    base = Path(location)
    return [base, *(base.with_name(base.name + suffix) for suffix in ("-journal", "-wal", "-shm"))]
