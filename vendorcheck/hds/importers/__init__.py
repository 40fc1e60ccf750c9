"""Readers of the files an operator can save from the official directory: HTML page, CSV, XLSX, JSON.

Every reader returns a `RawTable`: the header row and each data row with the line (or sheet row) it
comes from, so that every rejected row can be reported where the operator will find it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from vendorcheck.bounded import LIST_LIMITS, LimitExceeded, read_regular_file
from vendorcheck.errors import RegistryError, UndecodableText
from vendorcheck.i18n import message


class RawRow(BaseModel):
    line: int
    end_line: int | None = Field(None, description="Last line of the row when a quoted cell spans lines")
    cells: list[Any]


class RawTable(BaseModel):
    headers: list[Any]
    rows: list[RawRow]
    delimiter: str | None = Field(None, description="The delimiter of a CSV file")


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
    raise RegistryError(path, detail=message("hds.errors.unrecognised_format"))


def read_tables(path: Path, fmt: str | None = None) -> tuple[str, list[RawTable]]:
    """(format, tables) of a list file; raises RegistryError for a missing, empty, oversized or unreadable
    file, naming the bound it reached (size, rows, depth, unzipped size; see vendorcheck.bounded)."""
    try:
        data = read_regular_file(path, LIST_LIMITS)
        if not data.strip():
            raise RegistryError(path, detail=message("hds.errors.empty_file"))
        available = readers()
        fmt = fmt or detect_format(path, data)
        if fmt not in available:
            raise RegistryError(
                path, detail=message("hds.errors.unknown_format", format=fmt, known=", ".join(available))
            )
        return fmt, available[fmt](path, data)
    except OSError as exc:
        raise RegistryError(path, detail=message("hds.errors.cannot_read", reason=exc.strerror or exc)) from exc
    except LimitExceeded as exc:
        raise RegistryError(path, detail=exc.message) from exc
    except UndecodableText as exc:  # binary content in a text format: a list error, not a contract's
        raise RegistryError(path, detail=exc.as_message()) from exc
