"""`vendorcheck rules`: list and validate the requirement rules, show one rule's page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vendorcheck.cli.common import LangOption, handle_errors, help_text, new_app

app = new_app("rules.about")
_SECTIONS = ("checks", "why", "compliant", "non_compliant")  # a rule's `doc`, in the order of its page


@app.command("check", help=help_text("rules.check.about"))
@handle_errors
def check(
    directory: Annotated[Path | None, typer.Argument(help=help_text("rules.check.directory"))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=help_text("rules.check.strict"))] = False,
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.engine.pattern_check import check_report

    for line in check_report(directory, strict=strict, lang=lang):
        typer.echo(line)


@app.command("list", help=help_text("rules.list.about"))
@handle_errors
def list_rules(lang: LangOption = "fr") -> None:
    from vendorcheck.rulebook import load_rules

    for rule in load_rules().rules:
        typer.echo(f"{rule.id:20} {rule.severity.value:9} {rule.citation.label:28} {rule.title.get(lang)}")


@app.command("show", help=help_text("rules.show.about"))
@handle_errors
def show(
    rule_id: Annotated[str, typer.Argument(help=help_text("rules.show.rule_id"))],
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.i18n import label, t
    from vendorcheck.rulebook import find_rule

    rule = find_rule(rule_id)
    typer.echo(f"{rule.id} — {rule.title.get(lang)}")
    typer.echo(f"{rule.citation.label} · {rule.citation.url} · {label(rule.severity, lang)}")
    sections = [(key, getattr(rule.doc, key)) for key in _SECTIONS] + [("advice", rule.advice)]
    for key, text in sections:
        typer.echo(t("cli.rules.heading", lang, heading=t(f"cli.rules.section.{key}", lang), text=text.get(lang)))
    typer.echo(t("cli.rules.references", lang) + "".join(f"\n  - {r}" for r in rule.doc.references))
