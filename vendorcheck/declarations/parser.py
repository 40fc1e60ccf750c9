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
from vendorcheck.declarations.template import SCALARS, SHEET, TABLES, put_path
from vendorcheck.errors import DeclarationError
from vendorcheck.hds.importers.rows import text_of
from vendorcheck.text import fold

_MESSAGES = {
    "missing": "valeur obligatoire manquante",
    "string_too_short": "valeur trop courte",
    "extra_forbidden": "rubrique inconnue",
    "bool_parsing": "oui ou non attendu",
    "float_parsing": "nombre attendu",
    "int_parsing": "nombre entier attendu",
    "greater_than_equal": "doit être positif",
    "list_type": "liste attendue",
    "dict_type": "rubrique attendue",
    "model_type": "rubrique attendue",
    "model_attributes_type": "rubrique attendue",
}


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
        raise DeclarationError(path, detail=f"lecture impossible ({exc.strerror or exc})") from exc
    except LimitExceeded as exc:
        raise DeclarationError(path, detail=exc.message) from exc
    if not isinstance(raw, dict):
        raise DeclarationError(path, detail="le fichier ne contient pas une déclaration (rubriques attendues)")
    pruned, moved = _prune(raw, "")
    try:
        return VendorDeclaration.model_validate({**pruned, "source": path.name})
    except ValidationError as exc:
        problems = [_describe(error, where, moved) for error in exc.errors()]
        raise DeclarationError(path, detail="\n".join(f"  - {p}" for p in problems)) from None


def _read_text(path: Path, data: bytes) -> tuple[Any, dict[str, str]]:
    text = data.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            return load_json(text, DECLARATION_LIMITS), {}
        except json.JSONDecodeError as exc:
            raise DeclarationError(path, detail=f"JSON invalide ligne {exc.lineno}, colonne {exc.colno}") from exc
    try:
        value, node = load_yaml(text, DECLARATION_LIMITS)
        return value, _yaml_lines(node, "")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ligne {mark.line + 1}" if mark else ""
        raise DeclarationError(path, detail=f"YAML invalide{where} ({getattr(exc, 'problem', exc)})") from exc


def _yaml_lines(node: yaml.Node | None, prefix: str) -> dict[str, str]:
    """Dotted path -> 'ligne N' for every key and list item of a YAML document."""
    lines: dict[str, str] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}{key.value}"
            lines[path] = f"ligne {key.start_mark.line + 1}"
            lines.update(_yaml_lines(value, path + "."))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}{index}"
            lines[path] = f"ligne {item.start_mark.line + 1}"
            lines.update(_yaml_lines(item, path + "."))
    return lines


def _read_xlsx(path: Path, data: bytes) -> tuple[dict[str, Any], dict[str, str]]:
    import io

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(data, DECLARATION_LIMITS)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DeclarationError(path, detail=f"classeur XLSX illisible ({type(exc).__name__})") from exc
    raw: dict[str, Any] = {}
    where: dict[str, str] = {}
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        keys = {key for key, _, _ in SCALARS}
        for number, row in enumerate(sheet.iter_rows(values_only=True, max_col=3), start=1):
            check_rows(number, DECLARATION_LIMITS)
            key = text_of(row[0]) if row else ""
            if key in keys and len(row) > 2 and text_of(row[2]):
                put_path(raw, key, text_of(row[2]))
                where[key] = f"feuille « {sheet.title} », ligne {number}"
        for key, (title, _, columns) in TABLES.items():
            if title in workbook.sheetnames:
                items = _read_table(workbook[title], columns, key, where)
                put_path(raw, key, items)
    finally:
        workbook.close()
    return raw, where


def _read_table(sheet: Any, columns: tuple[tuple[str, str], ...], key: str, where: dict[str, str]) -> list[dict]:
    """Rows under a header of column labels (or keys), in any column order."""
    by_label = {fold(label): column for column, label in columns} | {column: column for column, _ in columns}
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
            where[f"{key}.{len(items)}"] = f"feuille « {sheet.title} », ligne {number}"
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


def _describe(error: dict[str, Any], where: dict[str, str], moved: dict[str, str]) -> str:
    dotted = ".".join(str(part) for part in error["loc"])
    original = dotted
    for new, old in sorted(moved.items(), key=lambda kv: -len(kv[0])):
        if dotted == new or dotted.startswith(new + "."):
            original = old + dotted[len(new) :]
            break
    location = next((where[p] for p in _prefixes(original) if p in where), None)
    kind = error["type"]
    message = _MESSAGES.get(kind, error["msg"])
    if kind == "literal_error":
        message = f"valeur non admise : {error.get('input')}"
    return f"{location} ({original}) : {message}" if location else f"{original} : {message}"


def _prefixes(dotted: str) -> list[str]:
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
