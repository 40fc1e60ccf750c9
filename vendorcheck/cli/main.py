"""`vendorcheck`: the root command; it only assembles the sub-commands."""

from __future__ import annotations

from vendorcheck.cli import addendum, batch, evaluate, hds, register, review, rules, serve
from vendorcheck.cli.common import help_text, new_app

app = new_app("about")
app.command("review", help=help_text("review.about"))(review.review)
app.command("addendum", help=help_text("addendum.about"))(addendum.addendum)
app.command("eval", help=help_text("eval.about"))(evaluate.evaluate)
app.add_typer(rules.app, name="rules")
app.command("batch", help=help_text("batch.about"))(batch.batch)
app.add_typer(register.app, name="register")
app.command("serve", help=help_text("serve.about"))(serve.serve)
app.add_typer(hds.app, name="hds")


def main() -> None:
    app()
