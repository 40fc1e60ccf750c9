"""XLSX workbooks: every sheet is a candidate table; numbers are the sheet's row numbers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from vendorcheck.bounded import LIST_LIMITS, check_rows, check_zip
from vendorcheck.errors import RegistryError
from vendorcheck.hds.importers import RawRow, RawTable
from vendorcheck.i18n import message


def read(path: Path, data: bytes) -> list[RawTable]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(data, LIST_LIMITS)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RegistryError(path, detail=message("hds.errors.unreadable_xlsx", kind=type(exc).__name__)) from exc
    tables = []
    count = 0
    try:
        for sheet in workbook.worksheets:
            rows = []
            values_by_row = sheet.iter_rows(values_only=True, max_col=LIST_LIMITS.max_columns)
            for index, values in enumerate(values_by_row, start=1):
                if any(v is not None and str(v).strip() for v in values):
                    rows.append(RawRow(line=index, cells=list(values)))
                    count += 1
                    check_rows(count, LIST_LIMITS)
            tables.append(RawTable(headers=[], rows=rows))
    finally:
        workbook.close()
    return tables
