"""The supplier list as a terminal table: four short columns that fit 80 characters, or every column with
`wide` (what `vendorcheck register list` prints)."""

from __future__ import annotations

from pydantic import BaseModel

from vendorcheck.i18n import t
from vendorcheck.models import Language
from vendorcheck.register.labels import label
from vendorcheck.register.summary import SupplierLine


class Listing(BaseModel):
    headers: list[str]
    rows: list[list[str]]
    # Columns a narrow terminal may wrap (names, statuses); the others are short and never split.
    wrap: list[bool]


def supplier_listing(suppliers: list[SupplierLine], lang: Language, *, wide: bool = False) -> Listing:
    """Rows in the given order. Compact: supplier, short status, short HDS state, gaps as
    'blocking/major'. Wide: the full labels, HDS expiry, counts, documents and errors."""
    if wide:
        keys = ["supplier", "overall", "hds", "hds_expiry", "gaps_blocking", "gaps_major", "documents", "errors"]
        rows = [
            [
                s.name,
                label(s.overall, lang),
                s.hds.label if s.hds else label("hds_none", lang),
                str(s.hds.expires_on or "") if s.hds else "",
                str(s.counts["blocking"]),
                str(s.counts["major"]),
                str(len(s.documents)),
                str(s.errors),
            ]
            for s in suppliers
        ]
        return Listing(headers=[label(k, lang) for k in keys], rows=rows, wrap=[True, True, True] + [False] * 5)
    rows = [
        [
            s.name,
            t(f"register.short.{s.overall}", lang),
            _hds_short(s, lang),
            f"{s.counts['blocking']}/{s.counts['major']}",
        ]
        for s in suppliers
    ]
    headers = [label("supplier", lang), label("overall", lang), "HDS", t("register.short.gaps", lang)]
    return Listing(headers=headers, rows=rows, wrap=[True, True, True, False])


def _hds_short(supplier: SupplierLine, lang: Language) -> str:
    hds = supplier.hds
    if hds is None:
        return label("hds_none", lang)
    key = "not_found_partial" if hds.verdict == "not_found" and hds.partial_list else hds.verdict
    text = t(f"hds.short.{key}", lang)
    return f"{text} {hds.expires_on.isoformat()}" if hds.expires_on and hds.verdict != "expired" else text
