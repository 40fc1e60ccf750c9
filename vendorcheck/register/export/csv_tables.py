"""The register as two CSV tables: one row per supplier, and one row per supplier and requirement."""

from __future__ import annotations

import csv
from datetime import date
from typing import TextIO

from vendorcheck.register.export.style import SUMMARY_COLUMNS, plain, summary_row
from vendorcheck.register.labels import label
from vendorcheck.register.summary import Dashboard, chase_order


def render_summary(dashboard: Dashboard, out: TextIO) -> None:
    lang = dashboard.lang
    writer = csv.writer(out, delimiter=";")  # the list separator of French spreadsheet settings
    writer.writerow([label(h, lang) for h in SUMMARY_COLUMNS])
    for s in chase_order(dashboard.suppliers):
        writer.writerow([_cell(v) for v in summary_row(s, lang)])


def render_matrix(dashboard: Dashboard, out: TextIO) -> None:
    """Long form (one line per cell of the matrix), which filters and pivots well."""
    lang = dashboard.lang
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [label(h, lang) for h in ("supplier", "requirement", "status", "severity", "document")] + ["status_code"]
    )
    for s in chase_order(dashboard.suppliers):
        for requirement in dashboard.requirements:
            cell = s.cells.get(requirement.id)
            if cell is not None:
                writer.writerow(
                    [
                        plain(s.name),
                        requirement.id,
                        label(cell.status, lang),
                        label(cell.severity, lang),
                        plain(cell.document),
                        cell.status.value,
                    ]
                )


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return plain(value) if isinstance(value, str) else value
