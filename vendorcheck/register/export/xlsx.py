"""The register as an Excel workbook: summary, supplier × requirement matrix, evidence, errors."""

from __future__ import annotations

from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from vendorcheck.escaping import xml_safe
from vendorcheck.register.export.style import (
    OVERALL_COLOURS,
    STATUS_COLOURS,
    SUMMARY_COLUMNS,
    summary_row,
)
from vendorcheck.register.labels import label
from vendorcheck.register.summary import Dashboard, chase_order

_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def render(dashboard: Dashboard, out: BinaryIO) -> None:
    lang = dashboard.lang
    book = Workbook()
    summary = book.active
    summary.title = label("sheet_summary", lang)
    _summary(summary, dashboard)
    _matrix(book.create_sheet(label("sheet_matrix", lang)), dashboard)
    _evidence(book.create_sheet(label("sheet_evidence", lang)), dashboard)
    _errors(book.create_sheet(label("sheet_errors", lang)), dashboard)
    for sheet in book.worksheets:
        sheet.auto_filter.ref = sheet.dimensions
    book.save(out)


def _summary(sheet: Worksheet, d: Dashboard) -> None:
    lang = d.lang
    _header(
        sheet, [label(h, lang) for h in SUMMARY_COLUMNS], widths=[28, 24, 26, 60, 14, 14, 40, 10, 10, 10, 10, 9, 14]
    )
    dates = [i for i, name in enumerate(SUMMARY_COLUMNS) if name in ("hds_expiry", "hds_snapshot", "last_review")]
    for number, s in enumerate(chase_order(d.suppliers), start=2):
        row = _write(sheet, number, summary_row(s, lang))
        _fill(row[SUMMARY_COLUMNS.index("overall")], OVERALL_COLOURS[s.overall])
        if s.hds is not None and not s.hds.ok:
            _fill(row[SUMMARY_COLUMNS.index("hds")], OVERALL_COLOURS["not_signable"])
        for index in dates:
            row[index].number_format = "yyyy-mm-dd"


def _matrix(sheet: Worksheet, d: Dashboard) -> None:
    lang = d.lang
    _header(sheet, [label("supplier", lang)] + [r.id for r in d.requirements], widths=[28] + [16] * len(d.requirements))
    for column, requirement in enumerate(d.requirements, start=2):
        sheet.cell(1, column).comment = Comment(f"{requirement.title}\n{requirement.citation}", "vendorcheck")
    for number, s in enumerate(chase_order(d.suppliers), start=2):
        cells = [s.cells.get(r.id) for r in d.requirements]
        row = _write(sheet, number, [s.name] + [label(c.status, lang) if c else "" for c in cells])
        for target, cell in zip(row[1:], cells, strict=True):
            if cell is not None:
                _fill(target, STATUS_COLOURS[cell.status])
                target.comment = Comment(xml_safe(f"{label(cell.severity, lang)} — {cell.document}"), "vendorcheck")


def _evidence(sheet: Worksheet, d: Dashboard) -> None:
    lang = d.lang
    heads = ["supplier", "document", "requirement", "status", "severity", "where", "quote", "analysis"]
    _header(sheet, [label(h, lang) for h in heads], widths=[24, 28, 20, 20, 10, 24, 80, 60])
    for number, e in enumerate(d.evidence, start=2):
        row = _write(
            sheet,
            number,
            [
                e.supplier,
                e.document,
                e.requirement,
                label(e.status, lang),
                label(e.severity, lang),
                e.where,
                e.quote,
                e.message,
            ],
            wrap=True,
        )
        _fill(row[3], STATUS_COLOURS[e.status])


def _errors(sheet: Worksheet, d: Dashboard) -> None:
    lang = d.lang
    _header(sheet, [label(h, lang) for h in ("supplier", "file", "code", "message")], widths=[24, 60, 10, 90])
    for number, e in enumerate(d.errors, start=2):
        _write(sheet, number, [e.supplier, e.path, e.code, e.message], wrap=True)


def _header(sheet: Worksheet, titles: list[str], widths: list[int]) -> None:
    for column, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        sheet.cell(1, column, title).font = _BOLD
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "B2"


def _write(sheet: Worksheet, number: int, values: list[Any], *, wrap: bool = False) -> list[Any]:
    """Row `number`, written cell by cell: `sheet.max_row` rescans the whole sheet at every call, which
    made a 10,000-quote evidence sheet take minutes. RETURNS the row's cells."""
    cells = []
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(number, column, _safe(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"  # contract text is never a formula, whatever its first character
        if wrap:
            cell.alignment = _WRAP
        cells.append(cell)
    return cells


def _safe(value: Any) -> Any:
    # Control characters from PDF text layers (stored before ingestion removed them) are not allowed in XLSX XML.
    return xml_safe(value) if isinstance(value, str) else value


def _fill(cell: Any, colour: str) -> None:
    cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
