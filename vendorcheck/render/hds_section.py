"""The HDS block of a review report: a headline and the reasons behind the verdict.

Both cite the snapshot of the list the verdict rests on: the headline its date, the last reason its id
and the source of the entry.
"""

from __future__ import annotations

from vendorcheck.models import Review


def hds_lines(review: Review) -> tuple[str, list[str]] | None:
    """(headline, reasons) for the vendor's HDS certification, or None when it was not checked."""
    if review.hds is None:
        return None
    return review.hds.headline(review.lang), review.hds.reason_lines(review.lang)
