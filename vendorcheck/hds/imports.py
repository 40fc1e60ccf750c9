"""`import_file()`: read a saved copy of the list, validate every row, store a new dated snapshot.

All or nothing by default: when a row is rejected nothing is stored, so a malformed file can never
replace a good snapshot. `keep_valid=True` stores the valid rows anyway, and marks the snapshot partial.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from vendorcheck.errors import RegistryError
from vendorcheck.hds.diff import diff, entry_key
from vendorcheck.hds.importers import RawRow, RawTable, read_tables
from vendorcheck.hds.importers.headers import HeaderMap, best_header_row, map_headers, normalise_header
from vendorcheck.hds.importers.rows import RowRejected, build_entry, raw_dict, shaped_cells, text_of
from vendorcheck.hds.messages import reason
from vendorcheck.hds.models import HdsEntry, ImportReport, Reason, RejectedRow, Snapshot
from vendorcheck.hds.store import all_snapshots, new_snapshot, save_snapshot
from vendorcheck.i18n import message, t

# Browsers record where a page was saved from; the directory's address is the best source to cite.
_PAGE_URL = (
    re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I),
    re.compile(rb"<link[^>]+rel=[\"']canonical[\"'][^>]+href=[\"']([^\"']+)", re.I),
    re.compile(rb"<meta[^>]+property=[\"']og:url[\"'][^>]+content=[\"']([^\"']+)", re.I),
)


def import_file(
    path: str | Path,
    *,
    list_date: date | None = None,
    source: str | None = None,
    fmt: str | None = None,
    partial: bool = False,
    keep_valid: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Import a list file (HTML, CSV, XLSX, JSON) as a new snapshot.

    path (str | Path): the saved file.
    list_date (date | None): date of the list (when it was read on the site); today when None.
    source (str | None): address or description cited by every verdict; read from the page when possible.
    fmt (str | None): force a reader ('html', 'csv', 'xlsx', 'json') instead of detecting it.
    partial (bool): the file is known to hold only part of the list (e.g. one letter of the directory).
    keep_valid (bool): store the valid rows even if some rows are rejected.
    dry_run (bool): validate and diff, store nothing.
    RETURNS (ImportReport): the column mapping, every rejected row with its line, and the diff.
    """
    path = Path(path)
    report, entries = parse_list(path, fmt)
    # Recorded in the snapshot and cited by every verdict: written in French, the language of the list.
    source = source or _page_url(path, report.format) or t("hds.import.source_file", "fr", name=path.name)
    if not entries:
        raise RegistryError(path, detail=message("hds.errors.no_valid_row"))
    # The shipped compilation is not a previous state of the official list: compare imports with imports.
    imported = [s for s in all_snapshots() if not s.info.shipped]
    previous = imported[-1] if imported else None
    if previous and not partial and not previous.info.partial:
        report.suspicious += _shrunk(previous, len(entries))
    doubtful = bool(report.rejected or report.suspicious)
    if doubtful and not keep_valid:
        return report
    snapshot = new_snapshot(entries, list_date=list_date or date.today(), source=source, partial=partial or doubtful)
    report.diff = diff(previous, snapshot)
    if previous and previous.info.content_hash == snapshot.info.content_hash:
        report.unchanged = True
        return report
    if not dry_run:
        save_snapshot(snapshot)
        report.stored = snapshot.info
    return report


def parse_list(path: Path, fmt: str | None = None) -> tuple[ImportReport, list[HdsEntry]]:
    """Read and validate every row of a list file; nothing is stored. Rejected rows are in the report."""
    fmt, tables = read_tables(path, fmt)
    table, mapping, rows = _pick_table(path, tables)
    report = ImportReport(
        path=str(path),
        format=fmt,
        rows=len(rows),
        lines=_lines(rows),
        columns={_header(table, i): f for i, f in mapping.fields.items()}
        | {_header(table, i): _activity_field(n) for i, n in mapping.activity_columns.items()},
        ignored_columns=mapping.ignored,
    )
    entries: list[HdsEntry] = []
    seen: dict[str, int] = {}
    width = len(table.headers)
    for row in rows:
        try:
            entry = build_entry(shaped_cells(row, width, mapping, table.delimiter), mapping)
            key = entry_key(entry)
            if key in seen:
                raise RowRejected([reason("row_duplicate", line=str(seen[key]))])
        except RowRejected as exc:
            report.rejected.append(
                RejectedRow(line=row.line, errors=exc.reasons, raw=raw_dict(table.headers, row.cells))
            )
            continue
        seen[key] = row.line
        entries.append(entry)
    report.accepted = len(entries)
    return report, entries


def _pick_table(path: Path, tables: list[RawTable]) -> tuple[RawTable, HeaderMap, list]:
    """The table whose headers map best; its data rows (below the header row)."""
    best: tuple[RawTable, HeaderMap, list] | None = None
    for table in tables:
        if table.headers:
            mapping, rows = map_headers(table.headers), table.rows
        else:
            found = best_header_row([r.cells for r in table.rows])
            if found is None:
                continue
            index, mapping = found
            rows = table.rows[index + 1 :]
            table = table.model_copy(update={"headers": table.rows[index].cells})
        if mapping.usable and (best is None or mapping.score > best[1].score):
            best = (table, mapping, rows)
    if best is None:
        seen = sorted(
            {normalise_header(h) for t in tables for r in t.rows[:1] for h in r.cells if text_of(h)}
            | {normalise_header(h) for t in tables for h in t.headers}
        )
        raise RegistryError(
            path,
            detail=message("hds.errors.no_table", seen=", ".join(seen) or message("hds.errors.none")),
        )
    return best


def _activity_field(number: int) -> str:
    # The report names the entry field each column feeds; an activity column feeds « activité N ». Recorded in
    # the report (its JSON too), in French like the list it describes.
    return t("hds.import.activity_column", "fr", number=str(number))


def _header(table: RawTable, index: int) -> str:
    return text_of(table.headers[index]) if index < len(table.headers) else f"#{index + 1}"


def _page_url(path: Path, fmt: str) -> str | None:
    if fmt != "html":
        return None
    head = path.read_bytes()[:65536]
    for pattern in _PAGE_URL:
        match = pattern.search(head)
        if match:
            return match.group(1).decode("utf-8", "replace")
    return None


def _lines(rows: list[RawRow]) -> int | None:
    """Lines of the file the data rows span (text formats): more lines than rows means that quoted cells
    ran over several lines."""
    if not rows or rows[0].end_line is None:
        return None
    return sum((row.end_line or row.line) - row.line + 1 for row in rows)


# A new list with less than this share of the previous import's entries is more likely a truncated
# file than the directory losing most of its hosts at once.
_SHRINK_RATIO = 0.5
_SHRINK_MIN_PREVIOUS = 20


def _shrunk(previous: Snapshot, count: int) -> list[Reason]:
    before = previous.info.entry_count
    if before >= _SHRINK_MIN_PREVIOUS and count < before * _SHRINK_RATIO:
        return [reason("snapshot_shrunk", count=count, previous=before, snapshot=previous.info.id)]
    return []
