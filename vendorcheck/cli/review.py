"""`vendorcheck review FILE`: the doctor's checklist for one contract."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from vendorcheck.cli.common import LangOption, handle_errors, stderr
from vendorcheck.cli.ocr import OcrOption, OcrOutputOption, ingest_options, page_progress


@handle_errors
def review(
    file: Annotated[Path, typer.Argument(help="Contrat à analyser (PDF, DOCX, TXT, Markdown, photo ou scan JPEG, "
                                              "PNG, TIFF).")],
    format: Annotated[
        Literal["text", "json", "md", "html"], typer.Option("--format", "-f", help="Format du rapport.")
    ] = "text",
    lang: LangOption = "fr",
    health_data: Annotated[
        bool,
        typer.Option("--health-data/--no-health-data",
                     help="Le fournisseur héberge des données de santé : évalue aussi les clauses CSP R.1111-11."),
    ] = True,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Dossier de règles à utiliser à la place des règles livrées.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Écrit le rapport dans ce fichier plutôt qu'à l'écran.")
    ] = None,
    vendor: Annotated[
        str | None, typer.Option("--vendor", help="Fournisseur à vérifier dans la liste HDS (nom ou SIREN), si le "
                                                  "préambule du contrat ne permet pas de le trouver.")
    ] = None,
    declaration: Annotated[
        Path | None, typer.Option("--declaration", help="Déclaration remplie par le fournisseur (YAML, JSON, "
                                                        "XLSX), comparée au contrat et à la liste HDS.")
    ] = None,
    ocr: OcrOption = None,
    ocr_output: OcrOutputOption = None,
) -> None:
    """Analyse un contrat et affiche, exigence par exigence, ce qui est présent, faible ou absent."""
    from vendorcheck.api import review_file
    from vendorcheck.files import check_output
    from vendorcheck.render import get_renderer
    from vendorcheck.rulebook import load_rules

    if output:
        check_output(output)  # before the review, not after it

    with page_progress(stderr, lang):
        result = review_file(file, health_data=health_data, lang=lang, ingest=ingest_options(ocr, ocr_output),
                             rules=load_rules(rules_dir) if rules_dir else None, vendor=vendor,
                             declaration=declaration)
    renderer = get_renderer(format)
    if output:
        with output.open("w", encoding="utf-8") as out:
            renderer(result, out)
    else:
        renderer(result, sys.stdout)
