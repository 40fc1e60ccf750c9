"""`parse_declaration(path)`: a filled declaration (YAML, JSON or XLSX) -> VendorDeclaration.

Every problem is reported at once, each with where to find it (YAML/JSON line, or sheet and row).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from vendorcheck.bounded import (
    DECLARATION_LIMITS,
    LimitExceeded,
    check_rows,
    check_zip,
    load_json,
    load_yaml,
    read_regular_file,
)
from vendorcheck.declarations.models import VendorDeclaration
from vendorcheck.declarations.template import SCALARS, TABLES, column_label, put_path, sheet_title
from vendorcheck.errors import DeclarationError
from vendorcheck.hds.importers.rows import text_of
from vendorcheck.i18n import DEFAULT_LANGUAGE, LANGUAGES, Lines, Message, has, message
from vendorcheck.text import fold


def parse_declaration(path: str | Path) -> VendorDeclaration:
    """Read and validate a vendor declaration; raises DeclarationError listing every problem."""
    path = Path(path)
    try:
        data = read_regular_file(path, DECLARATION_LIMITS)
        if data.startswith(b"PK\x03\x04") or path.suffix.lower() == ".xlsx":
            raw, where = _read_xlsx(path, data)
        else:
            raw, where = _read_text(path, data)
    except OSError as exc:
        raise DeclarationError(
            path, detail=message("declarations.errors.cannot_read", reason=exc.strerror or exc)
        ) from exc
    except LimitExceeded as exc:
        raise DeclarationError(path, detail=exc.message) from exc
    if not isinstance(raw, dict):
        raise DeclarationError(path, detail=message("declarations.errors.not_a_declaration"))
    pruned, moved = _prune(raw, "")
    try:
        return VendorDeclaration.model_validate({**pruned, "source": path.name})
    except ValidationError as exc:
        problems = [_describe(error, where, moved) for error in exc.errors()]
        raise DeclarationError(path, detail=Lines(problems)) from None


def _read_text(path: Path, data: bytes) -> tuple[Any, dict[str, str]]:
    text = data.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            return load_json(text, DECLARATION_LIMITS), {}
        except json.JSONDecodeError as exc:
            problem = message("declarations.errors.invalid_json", line=str(exc.lineno), column=str(exc.colno))
            raise DeclarationError(path, detail=problem) from exc
    try:
        value, node = load_yaml(text, DECLARATION_LIMITS)
        return value, _yaml_lines(node, "")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = message("declarations.errors.yaml_line", line=str(mark.line + 1)) if mark else ""
        problem = message("declarations.errors.invalid_yaml", where=where, problem=getattr(exc, "problem", exc))
        raise DeclarationError(path, detail=problem) from exc


def _yaml_lines(node: yaml.Node | None, prefix: str) -> dict[str, Message]:
    """Dotted path -> 'ligne N' for every key and list item of a YAML document."""
    lines: dict[str, Message] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}{key.value}"
            lines[path] = message("declarations.problems.line", line=str(key.start_mark.line + 1))
            lines.update(_yaml_lines(value, path + "."))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}{index}"
            lines[path] = message("declarations.problems.line", line=str(item.start_mark.line + 1))
            lines.update(_yaml_lines(item, path + "."))
    return lines


def _read_xlsx(path: Path, data: bytes) -> tuple[dict[str, Any], dict[str, Message]]:
    import io

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(data, DECLARATION_LIMITS)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DeclarationError(
            path, detail=message("declarations.errors.unreadable_xlsx", kind=type(exc).__name__)
        ) from exc
    raw: dict[str, Any] = {}
    where: dict[str, Message] = {}
    try:
        titles = {lang: sheet_title("main", lang) for lang in LANGUAGES}
        sheet = next((workbook[t] for t in titles.values() if t in workbook.sheetnames), workbook.worksheets[0])
        keys = set(SCALARS)
        for number, row in enumerate(sheet.iter_rows(values_only=True, max_col=3), start=1):
            check_rows(number, DECLARATION_LIMITS)
            key = text_of(row[0]) if row else ""
            if key in keys and len(row) > 2 and text_of(row[2]):
                put_path(raw, key, text_of(row[2]))
                where[key] = message("declarations.problems.sheet_line", sheet=sheet.title, line=str(number))
        for key, columns in TABLES.items():
            # A sheet of the questionnaire in any of its languages.
            title = next((t for t in (sheet_title(key, lang) for lang in LANGUAGES) if t in workbook.sheetnames), None)
            if title is not None:
                put_path(raw, key, _read_table(workbook[title], columns, key, where))
    finally:
        workbook.close()
    return raw, where


def _read_table(sheet: Any, columns: tuple[str, ...], key: str, where: dict[str, Message]) -> list[dict]:
    """Rows under a header of column labels (in any language) or keys, in any column order."""
    by_label = {fold(column_label(key, column, lang)): column for column in columns for lang in LANGUAGES}
    by_label |= {column: column for column in columns}
    rows = []
    for row in sheet.iter_rows(values_only=True, max_col=DECLARATION_LIMITS.max_columns):
        rows.append(row)
        check_rows(len(rows), DECLARATION_LIMITS)
    if not rows:
        return []
    header = [by_label.get(fold(text_of(h))) for h in rows[0]]
    items = []
    for number, row in enumerate(rows[1:], start=2):
        item = {column: text_of(value) or None for column, value in zip(header, row, strict=False) if column}
        if any(item.values()):
            where[f"{key}.{len(items)}"] = message(
                "declarations.problems.sheet_line", sheet=sheet.title, line=str(number)
            )
            items.append(item)
    return items


def _prune(value: Any, path: str) -> tuple[Any, dict[str, str]]:
    """Drop '_comment' keys and the empty example rows of the template; remember how list items moved
    so that an error on item 0 can still be located where the vendor wrote it."""
    moved: dict[str, str] = {}
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if str(key).startswith("_"):
                continue
            out[key], sub = _prune(item, f"{path}{key}.")
            moved.update(sub)
        return out, moved
    if isinstance(value, list):
        kept = []
        for index, item in enumerate(value):
            if isinstance(item, dict) and not any(v not in (None, "", []) for v in item.values()):
                continue
            pruned, sub = _prune(item, f"{path}{index}.")
            moved[f"{path}{len(kept)}"] = f"{path}{index}"
            moved.update(sub)
            kept.append(pruned)
        return kept, moved
    return value, moved


def _describe(error: dict[str, Any], where: dict[str, Message], moved: dict[str, str]) -> Message:
    dotted = ".".join(str(part) for part in error["loc"])
    original = dotted
    for new, old in sorted(moved.items(), key=lambda kv: -len(kv[0])):
        if dotted == new or dotted.startswith(new + "."):
            original = old + dotted[len(new) :]
            break
    location = next((where[p] for p in _prefixes(original) if p in where), None)
    kind = error["type"]
    key = f"declarations.problems.{kind}"
    # Our own checks carry their values in `ctx`; pydantic's are named by their type. Others keep pydantic's words.
    problem: str | Message = error["msg"]
    if has(key, DEFAULT_LANGUAGE):
        problem = message(key, **error.get("ctx", {}), input=error.get("input"))
    if location:
        return message("declarations.problems.located", where=location, field=original, problem=problem)
    return message("declarations.problems.field", field=original, problem=problem)


def _prefixes(dotted: str) -> list[str]:
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
