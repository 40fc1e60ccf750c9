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


@app.command("show")
@handle_errors
def show(
    rule_id: Annotated[str, typer.Argument(help="Identifiant, par exemple GDPR-33-2.")],
    lang: LangOption = "fr",
) -> None:
    """Affiche la fiche d'une exigence : ce qu'elle vérifie, pourquoi, exemples conformes et non conformes."""
    from vendorcheck.errors import OptionError
    from vendorcheck.i18n import label
    from vendorcheck.rulebook import load_rules

    pack = load_rules()
    rule = next((r for r in pack.rules if r.id == rule_id), None)
    if rule is None:
        raise OptionError(detail=f"exigence « {rule_id} » inconnue ; voir « vendorcheck rules list »")
    fr = lang == "fr"
    typer.echo(f"{rule.id} — {rule.title.get(lang)}")
    typer.echo(f"{rule.citation.label} · {rule.citation.url} · {label(rule.severity, lang)}")
    for heading, text in (
        (("Ce qui est vérifié", "What is checked"), rule.doc.checks),
        (("Pourquoi", "Why it matters"), rule.doc.why),
        (("Rédaction conforme", "Compliant wording"), rule.doc.compliant),
        (("Rédaction non conforme", "Non-compliant wording"), rule.doc.non_compliant),
        (("À demander au fournisseur", "Ask the supplier"), rule.advice),
    ):
        typer.echo(f"\n{heading[0] if fr else heading[1]} :\n  {text.get(lang)}")
    typer.echo(("\nRéférences :" if fr else "\nReferences:") + "".join(f"\n  - {r}" for r in rule.doc.references))
