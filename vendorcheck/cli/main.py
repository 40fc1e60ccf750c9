"""`vendorcheck`: the root command; it only assembles the sub-commands."""

from __future__ import annotations

from vendorcheck.cli import addendum, batch, evaluate, hds, register, review, rules, serve
from vendorcheck.cli.common import new_app

app = new_app("Vérifie les contrats des fournisseurs d'un cabinet médical (RGPD art. 28, CSP R.1111-11, HDS).")
app.command("review")(review.review)
app.command("addendum")(addendum.addendum)
app.command("eval")(evaluate.evaluate)
app.add_typer(rules.app, name="rules")
app.command("batch")(batch.batch)
app.add_typer(register.app, name="register")
app.command("serve")(serve.serve)
app.add_typer(hds.app, name="hds")


def main() -> None:
    app()
