"""What `vendorcheck batch` says when it ends: the counts in words (French plurals included) and the next
command to type."""

from __future__ import annotations

import shlex
from pathlib import Path

from vendorcheck.batch.runner import BatchResult
from vendorcheck.escaping import one_line
from vendorcheck.i18n import t
from vendorcheck.models import Language


def batch_summary(result: BatchResult, lang: Language) -> str:
    """'12 fichiers, 11 documents distincts : 9 analysés, 0 déjà à jour, 2 en erreur, 1 ignoré — 8,4 s (31
    pages de PDF)'."""
    parts = {
        key: t(f"batch.count.{key}", lang, count=value)
        for key, value in (
            ("files", result.files),
            ("documents", result.documents),
            ("reviewed", result.reviewed),
            ("up_to_date", result.skipped),
            ("failed", result.failed),
            ("not_documents", len(result.not_documents)),
            ("pages", result.pages),
        )
    }
    return t("batch.summary", lang, seconds=round(result.seconds, 1), **parts)


def skipped_lines(result: BatchResult, root: Path, lang: Language) -> list[str]:
    """'Ignoré : contracts/README.md — fichier d'explication (README), pas un contrat', paths from the batch root."""
    lines = []
    for skipped in result.not_documents:
        path = Path(skipped.path)
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        lines.append(t("batch.skipped", lang, path=one_line(str(shown)), reason=t(skipped.reason, lang)))
    return lines


def next_command(db: str | None) -> str:
    """The command that lists the suppliers of the register just filled."""
    if db is None:
        return "vendorcheck register list"
    from vendorcheck.register.db import display_url

    shown = db if "://" not in db else display_url(db)  # never print a password
    return f"vendorcheck register list --db {shlex.quote(shown)}"
