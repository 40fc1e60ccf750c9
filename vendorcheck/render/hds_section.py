"""The HDS block of a review report: a headline and the reasons behind the verdict.

Both cite the snapshot of the list the verdict rests on: the headline its date, the last reason its id
and the source of the entry.
"""

from __future__ import annotations

from vendorcheck.hds.messages import headline, reason_lines
from vendorcheck.i18n import location, t
from vendorcheck.review import Review


def hds_lines(review: Review) -> tuple[str, list[str]] | None:
    """(headline, reasons) for the vendor's HDS certification, or None when it was not checked. The
    first reason says who was looked up and how sure the reading of the contract is."""
    if review.hds is None:
        return None
    lines = reason_lines(review.hds, review.lang, review.document.unit)
    vendor = vendor_line(review)
    return headline(review.hds, review.lang), [vendor, *lines] if vendor else lines


def vendor_line(review: Review) -> str | None:
    """'Fournisseur lu dans le contrat : Armor Imagerie Cloud — confiance 57 % (ligne 12)', or why none is."""
    identity, lang = review.vendor, review.lang
    if identity is None:
        return None
    query = review.hds.query if review.hds else ""
    if query and not (identity.name and query.startswith(identity.name)):
        # --vendor named someone else than the contract reading (or the declaration did): say so.
        return t("vendor.given", lang, name=query, read=identity.name or t("vendor.none", lang))
    if identity.name is None:
        return t(f"vendor.unidentified.{identity.unidentified_because or 'none'}", lang)
    where = ""
    if identity.evidence is not None:
        where = location(review.document.unit, identity.evidence.page, identity.evidence.line, lang)
    return t("vendor.identified", lang, name=identity.name, confidence=round(identity.confidence * 100), where=where)
