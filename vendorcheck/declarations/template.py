"""The declaration the practice sends to a supplier, as commented YAML, JSON or an XLSX workbook.

One field list drives the three templates and the XLSX reader, so they cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from vendorcheck.i18n import DEFAULT_LANGUAGE, Language, t

TemplateFormat = Literal["yaml", "json", "xlsx"]

# The questionnaire's fields in order; the words of each (`declarations.template.*`) are in the catalogues.
SCALARS: tuple[str, ...] = (
    "vendor.name",
    "vendor.siren",
    "vendor.trade_names",
    "vendor.address",
    "vendor.contact",
    "service",
    "service_description",
    "products",
    "hds.certified",
    "hds.certificate_number",
    "hds.certifying_body",
    "hds.issued_on",
    "hds.valid_until",
    "hds.activities",
    "hds.referential",
    "transfers_outside_eea",
    "transfer_countries",
    "breach_notification_hours",
    "signed.name",
    "signed.role",
    "signed.signed_on",
)
# dotted key of a list -> its columns
TABLES: dict[str, tuple[str, ...]] = {
    "hds.hosts": ("name", "siren", "certificate_number", "activities"),
    "hosting_locations": ("country", "city", "provider"),
    "sub_processors": ("name", "siren", "country", "purpose"),
}


def question(key: str, lang: Language = DEFAULT_LANGUAGE) -> str:
    return t(f"declarations.template.question.{key}", lang)


def help_text(key: str, lang: Language = DEFAULT_LANGUAGE) -> str:
    return t(f"declarations.template.help.{key}", lang)


def sheet_title(key: str, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The workbook's sheet of a list, or of the single answers for `key="main"`."""
    return t(f"declarations.template.sheet.{key}", lang)


def column_label(table: str, column: str, lang: Language = DEFAULT_LANGUAGE) -> str:
    return t(f"declarations.template.column.{table}.{column}", lang)


def skeleton() -> dict[str, Any]:
    """The empty declaration as nested data (lists hold one empty row to show their columns)."""
    data: dict[str, Any] = {"version": 1}
    for key in SCALARS:
        put_path(data, key, None)
    for key, columns in TABLES.items():
        put_path(data, key, [dict.fromkeys(columns)])
    return data


def put_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def yaml_template(lang: Language = DEFAULT_LANGUAGE) -> str:
    """Commented YAML: each question above its key, in the questionnaire's order."""
    intro, blank = (t(f"declarations.template.{key}", lang) for key in ("intro", "blank"))
    lines = [f"# {intro}", f"# {blank}", "version: 1"]
    entries = [(key, question(key, lang), help_text(key, lang)) for key in SCALARS]
    entries += [(key, question(key, lang), "") for key in TABLES]
    order = list(SCALARS)
    entries.sort(key=lambda e: _position(e[0], order))
    opened: list[str] = []
    for key, asked, help_ in entries:
        *parents, last = key.split(".")
        while opened and opened != parents[: len(opened)]:
            opened.pop()
        for depth in range(len(opened), len(parents)):
            lines.append("  " * depth + f"{parents[depth]}:")
            opened.append(parents[depth])
        indent = "  " * len(parents)
        lines.append(f"{indent}# {asked}" + (f" ({help_})" if help_ else ""))
        if key in TABLES:
            lines.append(f"{indent}{last}:")
            for i, column in enumerate(TABLES[key]):
                label = column_label(key, column, lang)
                lines.append(f"{indent}  {'- ' if i == 0 else '  '}{column}:    # {label}")
        else:
            lines.append(f"{indent}{last}:")
    return "\n".join(lines) + "\n"


def _position(key: str, order: list[str]) -> tuple[int, int]:
    """Lists go right after the scalars of their parent group (hds.hosts after hds.referential)."""
    if key in order:
        return order.index(key), 0
    parent = key.rsplit(".", 1)[0] if "." in key else ""
    same_group = [i for i, k in enumerate(order) if parent and k.startswith(parent + ".")]
    return (max(same_group) if same_group else order.index("transfers_outside_eea") - 1), 1


def json_template(lang: Language = DEFAULT_LANGUAGE) -> str:
    intro = t("declarations.template.intro", lang)
    return (
        json.dumps({t("declarations.template.help_key", lang): intro, **skeleton()}, ensure_ascii=False, indent=2)
        + "\n"
    )


def write_template(path: str | Path, fmt: TemplateFormat, lang: Language = DEFAULT_LANGUAGE) -> Path:
    """The questionnaire in `lang` (French by default: it goes to French suppliers)."""
    path = Path(path)
    if fmt == "xlsx":
        _write_xlsx(path, lang)
    else:
        path.write_text(yaml_template(lang) if fmt == "yaml" else json_template(lang), encoding="utf-8")
    return path


def _write_xlsx(path: Path, lang: Language) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title("main", lang)
    bold, grey = Font(bold=True), Font(color="888888", size=8)
    sheet.append([t(f"declarations.template.headers.{h}", lang) for h in ("key", "question", "answer", "help")])
    for cell in sheet[1]:
        cell.font = bold
    for key in SCALARS:
        sheet.append([key, question(key, lang), None, help_text(key, lang)])
        sheet.cell(sheet.max_row, 1).font = grey
        sheet.cell(sheet.max_row, 3).fill = PatternFill("solid", fgColor="FFF7D6")
    sheet.append([])
    sheet.append([None, t("declarations.template.intro", lang)])
    for column, width in zip("ABCD", (24, 60, 40, 60), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_col=2, max_col=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for key, columns in TABLES.items():
        table = workbook.create_sheet(sheet_title(key, lang))
        table.append([column_label(key, column, lang) for column in columns])
        for cell in table[1]:
            cell.font = bold
        for index in range(len(columns)):
            table.column_dimensions["ABCD"[index]].width = 32
        table.cell(1, len(columns) + 2, question(key, lang)).font = grey
    workbook.save(path)
