"""Exports of the register's current picture: XLSX workbook, CSV tables, self-contained HTML dashboard.

Every exporter takes the same `Dashboard` (built once by `summary.build_dashboard`) and a file object.
"""

from __future__ import annotations

from pathlib import Path

from vendorcheck.errors import OptionError
from vendorcheck.i18n import message
from vendorcheck.register.summary import Dashboard

FORMATS = ("xlsx", "csv", "html")
# French file names by default: the doctor opens them from the file manager.
FILE_NAMES = {"xlsx": "fournisseurs.xlsx", "html": "tableau-de-bord.html", "csv": ("fournisseurs.csv", "exigences.csv")}


def parse_formats(text: str) -> tuple[str, ...]:
    """'xlsx,csv' -> ('xlsx', 'csv'); an unknown name is an OptionError listing the known ones. Commands
    call it before any work, so a typo never costs a whole batch."""
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise OptionError(
            detail=message(
                "register.errors.unknown_export", format=", ".join(unknown) or text, known=", ".join(FORMATS)
            )
        )
    return formats


def export(dashboard: Dashboard, outdir: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write the requested formats (see `parse_formats`) into `outdir`; RETURNS the files written."""
    from vendorcheck.register.export import csv_tables, html, xlsx

    parse_formats(",".join(formats))
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if "xlsx" in formats:
        path = outdir / FILE_NAMES["xlsx"]
        with path.open("wb") as out:
            xlsx.render(dashboard, out)
        written.append(path)
    if "csv" in formats:
        summary_name, matrix_name = FILE_NAMES["csv"]
        for name, render in ((summary_name, csv_tables.render_summary), (matrix_name, csv_tables.render_matrix)):
            # utf-8-sig: Excel, which most practices will open the CSV with, needs the BOM to read accents.
            with (outdir / name).open("w", encoding="utf-8-sig", newline="") as out:
                render(dashboard, out)
            written.append(outdir / name)
    if "html" in formats:
        path = outdir / FILE_NAMES["html"]
        with path.open("w", encoding="utf-8") as out:
            html.render(dashboard, out)
        written.append(path)
    return written
