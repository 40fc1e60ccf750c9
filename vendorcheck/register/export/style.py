"""Colours and cell values shared by the exports, so that the workbook and the dashboard agree."""

from __future__ import annotations

import re
from datetime import date

from vendorcheck.models import Language
from vendorcheck.register.hds import expiring as expiry_due
from vendorcheck.register.labels import label
from vendorcheck.register.summary import HdsInfo, SupplierLine

# Background colours (RGB hex) by requirement status and by overall supplier status.
STATUS_COLOURS = {
    "present": "C8E6C9",
    "partial": "FFE0B2",
    "missing": "FFCDD2",
    "non_compliant": "E57373",
    "not_applicable": "ECEFF1",
}
OVERALL_COLOURS = {
    "signable": "C8E6C9",
    "verify_certification": "BBDEFB",
    "signable_with_addendum": "FFE0B2",
    "not_signable": "FFCDD2",
    "unchecked": "ECEFF1",
}

# A cell starting with one of these is run as a formula by spreadsheet programs ("CSV injection"):
# contract quotes and file names are untrusted text.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def plain(text: str) -> str:
    """Text made inert for a spreadsheet cell."""
    return "'" + text if _FORMULA_START.match(text) else text


def hds_text(hds: HdsInfo | None, lang: Language) -> str:
    return hds.summary if hds else label("hds_none", lang)


SUMMARY_COLUMNS = (
    "supplier",
    "overall",
    "hds",
    "hds_detail",
    "hds_expiry",
    "hds_snapshot",
    "hds_source",
    "gaps_blocking",
    "gaps_major",
    "gaps_minor",
    "documents",
    "errors",
    "last_review",
)


def summary_row(s: SupplierLine, lang: Language) -> list[str | int | date | None]:
    """One supplier as the summary sheet and the summary CSV show it, in SUMMARY_COLUMNS order. The HDS
    verdict always comes with the date and the source of the list it rests on."""
    hds = s.hds
    last = max((doc.reviewed_at for doc in s.documents), default=None)
    return [
        s.name,
        label(s.overall, lang),
        hds.label if hds else label("hds_none", lang),
        hds.summary if hds else "",
        hds.expires_on if hds else None,
        hds.snapshot if hds else None,
        hds.source if hds else "",
        s.counts["blocking"],
        s.counts["major"],
        s.counts["minor"],
        len(s.documents),
        s.errors,
        last.date() if last else None,
    ]


def expiring(hds: HdsInfo | None, today: date) -> bool:
    return bool(hds and expiry_due(hds.expires_on, today))
