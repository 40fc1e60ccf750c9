"""Words of the register's exports and commands (`register.label.*`); statuses and verdicts come from `i18n`."""

from __future__ import annotations

from vendorcheck.i18n import has, t
from vendorcheck.i18n import label as review_label
from vendorcheck.models import Language


def label(key: str, lang: Language) -> str:
    """A register word, or else a review word (statuses, severities, verdicts)."""
    if has(f"register.label.{key}", lang):
        return t(f"register.label.{key}", lang)
    return review_label(key, lang)
