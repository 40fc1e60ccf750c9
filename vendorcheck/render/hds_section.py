"""The HDS block of a review report: a headline and the reasons behind the verdict."""

from __future__ import annotations

from vendorcheck.models import Review


def hds_lines(review: Review) -> tuple[str, list[str]] | None:
    """(headline, reasons) for the vendor's HDS certification, or None when it was not checked."""
    if not review.hds:
        return None
    return str(review.hds.get("summary", "")), [str(r) for r in review.hds.get("reasons", [])]
