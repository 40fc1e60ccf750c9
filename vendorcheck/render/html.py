"""Self-contained HTML report (inline CSS, no external resource), for e-mail or the web app."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, select_autoescape

from vendorcheck.i18n import label, next_steps, t
from vendorcheck.recognition import finding_note
from vendorcheck.render.groups import cause_lines, counts_line, footer, grouped, where
from vendorcheck.render.hds_section import hds_lines
from vendorcheck.review import Review


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("vendorcheck.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(label=label, next_steps=next_steps, t=t, finding_note=finding_note)
    return env


def context(review: Review) -> dict[str, Any]:
    """What the HTML report and the web app's result page show of `review`."""
    return {
        "review": review,
        "where": lambda ev: where(review, ev),
        "hds": hds_lines(review),
        "counts": review.counts(),
        "causes": cause_lines(review),
    }


def render(review: Review, out: TextIO) -> None:
    template = environment().get_template("report.html.j2")
    out.write(
        template.render(
            **context(review),
            groups=grouped(review),
            counts_line=counts_line(review),
            footer=footer(review),
            lang=review.lang,
        )
    )
