"""User-facing labels in French (default) and English."""

from __future__ import annotations

from vendorcheck.models import Language, Severity, Status, Verdict

_LABELS: dict[str, tuple[str, str]] = {
    Status.present: ("Conforme", "Compliant"),
    Status.partial: ("Partiellement conforme", "Partially compliant"),
    Status.non_compliant: ("Non conforme", "Non-compliant"),
    Status.missing: ("Absente", "Missing"),
    Status.not_applicable: ("Non applicable", "Not applicable"),
    Severity.blocking: ("bloquant", "blocking"),
    Severity.major: ("majeur", "major"),
    Severity.minor: ("mineur", "minor"),
    Verdict.signable: ("Signable en l'état", "Can be signed as is"),
    Verdict.signable_with_addendum: ("Signable avec avenant", "Sign only with an addendum"),
    Verdict.not_signable: ("Ne pas signer en l'état", "Do not sign as is"),
    "title": ("Analyse du contrat", "Contract review"),
    "verdict": ("Avis global", "Overall opinion"),
    "blocking_major": ("Écarts bloquants et majeurs", "Blocking and major gaps"),
    "others": ("Autres points", "Other points"),
    "met": ("Exigences satisfaites", "Requirements met"),
    "group_not_applicable": ("Non applicables", "Not applicable"),
    "evidence": ("Extrait", "Quote"),
    "page": ("page", "page"),
    "paragraph": ("paragraphe", "paragraph"),
    "line": ("ligne", "line"),
    "advice": ("À demander au fournisseur", "Ask the supplier"),
    "next_steps": ("Et maintenant ?", "What next?"),
    "unverified": ("référence juridique à confirmer", "legal reference to be confirmed"),
    "document": ("Document", "Document"),
    "rules_version": ("version des règles", "rules version"),
    "health_data": ("Données de santé hébergées", "Health data hosted"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
    "requirement": ("Exigence", "Requirement"),
    "status": ("Statut", "Status"),
    "severity": ("Gravité", "Severity"),
    "details": ("Analyse", "Analysis"),
    "disclaimer": (
        "Analyse automatique d'aide à la décision : elle ne remplace pas la relecture d'un juriste.",
        "Automated decision aid: it does not replace review by a lawyer.",
    ),
}

NEXT_STEPS: dict[Verdict, tuple[str, str]] = {
    Verdict.signable: (
        "Le contrat couvre les exigences vérifiées. Conservez-le avec le certificat HDS du fournisseur.",
        "The contract covers the checked requirements. File it with the supplier's HDS certificate.",
    ),
    Verdict.signable_with_addendum: (
        "Envoyez au fournisseur l'avenant généré par « vendorcheck addendum » et demandez les documents "
        "listés ci-dessus ; signez une fois l'avenant accepté.",
        "Send the supplier the addendum produced by `vendorcheck addendum` and ask for the documents listed "
        "above; sign once the addendum is accepted.",
    ),
    Verdict.not_signable: (
        "Ne signez pas et ne confiez pas de données de patients avant correction des points bloquants ; "
        "faites relire le contrat et l'avenant par votre conseil.",
        "Do not sign or hand over patient data until the blocking points are fixed; have your lawyer review "
        "the contract and the addendum.",
    ),
}


def label(key: str, lang: Language) -> str:
    fr, en = _LABELS[key]
    return en if lang == "en" else fr


def next_steps(verdict: Verdict, lang: Language) -> str:
    fr, en = NEXT_STEPS[verdict]
    return en if lang == "en" else fr


def location(unit: str, page: int | None, line: int | None, lang: Language) -> str:
    """'page 3', 'paragraphe 12' or 'ligne 40'."""
    if page is not None:
        return f"{label('page' if unit == 'page' else 'paragraph', lang)} {page}"
    return f"{label('line', lang)} {line}" if line is not None else ""
