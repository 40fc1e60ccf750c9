"""Readers of the files an operator can save from the official directory: HTML page, CSV, XLSX, JSON.

Every reader returns a `RawTable`: the header row and each data row with the line (or sheet row) it
comes from, so that every rejected row can be reported where the operator will find it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vendorcheck.errors import RegistryError


class RawRow(BaseModel):
    line: int
    cells: list[Any]


class RawTable(BaseModel):
    headers: list[Any]
    rows: list[RawRow]


Reader = Callable[[Path, bytes], list[RawTable]]


def readers() -> dict[str, Reader]:
    """Format name -> reader (versioned names, as elsewhere in vendorcheck, would be 'hds.csv.v1')."""
    from vendorcheck.hds.importers import csvfile, htmlfile, jsonfile, xlsxfile

    return {"csv": csvfile.read, "xlsx": xlsxfile.read, "html": htmlfile.read, "json": jsonfile.read}


def detect_format(path: Path, data: bytes) -> str:
    """From the content first (a page saved as .txt is still HTML), then the suffix."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<table" in data[:65536].lower():
        return "html"
    if head.startswith((b"[", b"{")):
        return "json"
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("csv", "tsv", "txt"):
        return "csv"
    if suffix in ("htm", "html", "xlsx", "json"):
        return {"htm": "html"}.get(suffix, suffix)
    raise RegistryError(path, detail="format non reconnu ; formats acceptés : HTML, CSV, XLSX, JSON")


def read_tables(path: Path, fmt: str | None = None) -> tuple[str, list[RawTable]]:
    """(format, tables) of a list file; raises RegistryError for a missing, empty or unreadable file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegistryError(path, detail=f"lecture impossible ({exc.strerror or exc})") from exc
    if not data.strip():
        raise RegistryError(path, detail="fichier vide")
    available = readers()
    fmt = fmt or detect_format(path, data)
    if fmt not in available:
        raise RegistryError(path, detail=f"format « {fmt} » inconnu ; disponibles : {', '.join(available)}")
    return fmt, available[fmt](path, data)
