"""`vendorcheck rules`: list and validate the requirement rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vendorcheck.cli.common import LangOption, handle_errors, new_app

app = new_app("Règles d'exigences (rules/*.yaml) : liste et vérification.")


@app.command("check")
@handle_errors
def check(
    directory: Annotated[Path | None, typer.Argument(help="Dossier de règles (défaut : règles livrées).")] = None,
) -> None:
    """Valide chaque fichier de règles et signale toutes les erreurs d'un coup."""
    from vendorcheck.rulebook import load_rules

    pack = load_rules(directory)
    typer.echo(f"{len(pack.rules)} règles valides ({pack.source}, version {pack.version})")


@app.command("list")
@handle_errors
def list_rules(lang: LangOption = "fr") -> None:
    """Liste les exigences vérifiées, avec leur article et leur gravité."""
    from vendorcheck.rulebook import load_rules

    for rule in load_rules().rules:
        typer.echo(f"{rule.id:20} {rule.severity.value:9} {rule.citation.label:28} {rule.title.get(lang)}")
