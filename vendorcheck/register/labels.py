"""Words of the register's exports and commands, French first; statuses and verdicts come from `i18n`."""

from __future__ import annotations

from vendorcheck.i18n import label as review_label
from vendorcheck.models import Language

_LABELS: dict[str, tuple[str, str]] = {
    "unchecked": ("Non vérifié", "Not checked"),
    "supplier": ("Fournisseur", "Supplier"),
    "overall": ("Statut global", "Overall status"),
    "hds": ("Certification HDS", "HDS certification"),
    "hds_detail": ("Détail HDS", "HDS detail"),
    "hds_source": ("Source de la liste HDS", "HDS list source"),
    "hds_expiry": ("Fin de validité HDS", "HDS expiry"),
    "hds_snapshot": ("Liste HDS du", "HDS list of"),
    "hds_entity": ("Entité certifiée", "Certified entity"),
    "hds_none": ("non évaluée", "not assessed"),
    "gaps_blocking": ("Écarts bloquants", "Blocking gaps"),
    "gaps_major": ("Écarts majeurs", "Major gaps"),
    "gaps_minor": ("Écarts mineurs", "Minor gaps"),
    "documents": ("Documents", "Documents"),
    "errors": ("Erreurs", "Errors"),
    "last_review": ("Dernière analyse", "Last review"),
    "document": ("Document", "Document"),
    "requirement": ("Exigence", "Requirement"),
    "status": ("Statut", "Status"),
    "severity": ("Gravité", "Severity"),
    "where": ("Emplacement", "Location"),
    "quote": ("Extrait", "Quote"),
    "analysis": ("Analyse", "Analysis"),
    "file": ("Fichier", "File"),
    "code": ("Code", "Code"),
    "message": ("Message", "Message"),
    "sheet_summary": ("Synthèse", "Summary"),
    "sheet_matrix": ("Matrice", "Matrix"),
    "sheet_evidence": ("Preuves", "Evidence"),
    "sheet_errors": ("Erreurs", "Errors"),
    "dashboard": ("Tableau de bord des fournisseurs", "Supplier dashboard"),
    "generated": ("Généré le", "Generated on"),
    "rules_version": ("version des règles", "rules version"),
    "to_chase": ("Fournisseurs à relancer", "Suppliers to chase"),
    "expiring": (
        "Certificats HDS expirés ou expirant sous 90 jours",
        "HDS certificates expired or expiring within 90 days",
    ),
    "filter": ("Filtrer les fournisseurs…", "Filter suppliers…"),
    "kind_contract": ("contrat", "contract"),
    "kind_declaration": ("déclaration", "declaration"),
    "outcome_failed": ("illisible", "unreadable"),
    "pages": ("pages", "pages"),
    "none": ("aucun", "none"),
}


def label(key: str, lang: Language) -> str:
    """A register word, or else a review word (statuses, severities, verdicts)."""
    if key in _LABELS:
        fr, en = _LABELS[key]
        return en if lang == "en" else fr
    return review_label(key, lang)
