"""The register as one self-contained HTML dashboard (inline CSS and script, no network) that opens from disk."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache, partial
from typing import TextIO

from jinja2 import Environment, PackageLoader, select_autoescape

from vendorcheck.ranking import severity_rank
from vendorcheck.register.export.style import (
    OVERALL_COLOURS,
    STATUS_COLOURS,
    expiring,
)
from vendorcheck.register.labels import label
from vendorcheck.register.summary import Dashboard, EvidenceLine, chase_order

# One-letter codes for the matrix cells, explained by the legend under it.
_SHORT = {
    "fr": {"present": "C", "partial": "P", "missing": "A", "non_compliant": "NC", "not_applicable": "—"},
    "en": {"present": "C", "partial": "P", "missing": "M", "non_compliant": "NC", "not_applicable": "—"},
}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("vendorcheck.register", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(dashboard: Dashboard, out: TextIO) -> None:
    lang = dashboard.lang
    suppliers = chase_order(dashboard.suppliers)
    today = dashboard.generated_at.date()
    gaps = {
        s.name: sorted(
            (
                (r, s.cells[r.id])
                for r in dashboard.requirements
                if r.id in s.cells and s.cells[r.id].status.is_violation
            ),
            key=lambda rc: severity_rank(rc[1].severity),
        )
        for s in suppliers
    }
    # The quotes of the document that decided each cell, once each (the engine may cite a sentence twice).
    quotes: dict[tuple[str, str, str], list[EvidenceLine]] = defaultdict(list)
    for line in dashboard.evidence:
        bucket = quotes[(line.supplier, line.requirement, line.document)]
        if line.status.is_violation and all((q.quote, q.where) != (line.quote, line.where) for q in bucket):
            bucket.append(line)
    tally = {key: sum(1 for s in suppliers if s.overall == key) for key in OVERALL_COLOURS}
    out.write(
        _environment()
        .get_template("dashboard.html.j2")
        .render(
            d=dashboard,
            lang=lang,
            L=partial(label, lang=lang),
            suppliers=suppliers,
            tally=tally,
            gaps=gaps,
            quotes=quotes,
            short=_SHORT[lang],
            overall_colours=OVERALL_COLOURS,
            status_colours=STATUS_COLOURS,
            soon=[s for s in suppliers if expiring(s.hds, today)],
            expiring=partial(expiring, today=today),
        )
    )
