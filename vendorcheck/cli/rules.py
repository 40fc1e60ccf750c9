"""`vendorcheck rules`: list and validate the requirement rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from vendorcheck.cli.common import LangOption, handle_errors, new_app

app = new_app("Règles d'exigences (rules/*.yaml) : liste et vérification.")


@app.command("check")
@handle_errors
def check(
    directory: Annotated[Path | None, typer.Argument(help="Dossier de règles (défaut : règles livrées).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Un motif sans exemple est une erreur (code 2).")] = False,
    lang: LangOption = "fr",
) -> None:
    """Valide chaque fichier de règles, compile chaque motif comme l'analyse et signale les motifs qu'aucun
    exemple de leur règle ne contient ; toutes les erreurs d'un coup."""
    from vendorcheck.engine.pattern_check import check_pack
    from vendorcheck.errors import RuleFileError
    from vendorcheck.i18n import t
    from vendorcheck.rulebook import load_rules

    pack = load_rules(directory)
    issues = check_pack(pack)
    lines = [t(f"rules.check.{i.kind}", lang, rule=i.rule, where=i.where, pattern=_shown(i.pattern), detail=i.detail)
             for i in issues]
    blocking = [line for line, issue in zip(lines, issues, strict=True) if issue.blocking or strict]
    if blocking:
        raise RuleFileError(pack.source, lang=lang, detail="\n".join(f"  - {line}" for line in blocking))
    for line in lines:
        typer.echo(f"  - {line}")
    typer.echo(t("rules.check.valid", lang, count=len(pack.rules), source=str(pack.source), version=pack.version))
    typer.echo(t("rules.check.without_example", lang, count=len(issues)))


def _shown(pattern: object) -> str:
    return pattern if isinstance(pattern, str) else json.dumps(pattern, ensure_ascii=False)


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
    rule_id: Annotated[str, typer.Argument(help="Identifiant, par exemple GDPR-33-2.")], lang: LangOption = "fr",
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
    for heading, text in ((("Ce qui est vérifié", "What is checked"), rule.doc.checks),
                          (("Pourquoi", "Why it matters"), rule.doc.why),
                          (("Rédaction conforme", "Compliant wording"), rule.doc.compliant),
                          (("Rédaction non conforme", "Non-compliant wording"), rule.doc.non_compliant),
                          (("À demander au fournisseur", "Ask the supplier"), rule.advice)):
        typer.echo(f"\n{heading[0] if fr else heading[1]} :\n  {text.get(lang)}")
    typer.echo(("\nRéférences :" if fr else "\nReferences:") + "".join(f"\n  - {r}" for r in rule.doc.references))
