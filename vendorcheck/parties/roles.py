"""The words contracts use for each side: the practice (controller, « le Client ») and the vendor (processor,
« le Prestataire », « nous »), and the generic words that designate a party without naming it."""

from __future__ import annotations

import re
from typing import Literal

from vendorcheck.text import fold

Role = Literal["controller", "processor", "unknown"]

CONTROLLER_TERMS = frozenset(
    {
        "client",
        "clients",
        "cabinet",
        "responsable de traitement",
        "responsable du traitement",
        "responsable",
        "customer",
        "customers",
        "controller",
        "data controller",
        "etablissement",
        "praticien",
        "medecin",
        "souscripteur",
        "abonne",
        "licensee",
        "rt",
        "utilisateur",
        "user",
        "you",
        "your",
        "vous",
        "tu",
        "commanditaire",
        "merchant",
        "administration",
        "acheteur",
        "donneur d'ordre",
        "pouvoir adjudicateur",
        "subscriber",
    }
)
PROCESSOR_TERMS = frozenset(
    {
        "prestataire",
        "fournisseur",
        "hebergeur",
        "sous-traitant",
        "sous traitant",
        "editeur",
        "titulaire",
        "processor",
        "data processor",
        "provider",
        "service provider",
        "vendor",
        "supplier",
        "contractor",
        "st",
        "nous",
        "we",
        "us",
        "our",
        "exploitant",
        "operateur",
        "hosting provider",
        "host",
    }
)
# Words that designate a party, a document or a thing without naming anyone.
GENERIC = (
    CONTROLLER_TERMS
    | PROCESSOR_TERMS
    | frozenset(
        {
            "users",
            "personne",
            "structure",
            "partie",
            "parties",
            "party",
            "signataire",
            "entity",
            "entite",
            "organisation",
            "organization",
            "other",
            "company",
            "societe",
            "service",
            "services",
            "agreement",
            "contrat",
            "accord",
            "dpa",
            "terms",
            "conditions",
            "annexe",
            "appendix",
            "schedule",
            "addendum",
            "avenant",
            "article",
            "section",
            "clause",
            "plateforme",
            "platform",
            "site",
            "application",
            "donnees",
            "data",
            "personal data",
            "sub-processor",
            "subprocessor",
            "sub-processors",
            "sous-traitants",
            "sous-traitant ulterieur",
            "affiliate",
            "affiliates",
            "group",
            "groupe",
            "team",
            "equipe",
            "support",
            "the parties",
            "les parties",
            "each party",
            "chaque partie",
            "visiteur",
            "visitor",
            "patient",
            "patients",
            "usager",
            "usagers",
            "agent",
            "agents",
            "offre",
            "offer",
            "product",
            "produit",
            "cgu",
            "cgv",
            "cgvu",
            "cu",
            "contract",
            "order form",
            "contact",
            "definitions",
            "definition",
            "obligations",
            "preambule",
            "preamble",
            "objet",
            "purpose",
            "scope",
            "module",
            "module two",
            "module three",
            "exhibit",
            "recital",
            "recitals",
            "whereas",
            "introduction",
        }
    )
)
# What a defined term turns into a role when the text says "X (the "Provider")" or « ci-après le Prestataire ».
_ARTICLE = re.compile(r"^(?:le|la|les|l'|the)\s*")


def term_role(term: str) -> Role:
    """The role a designation gives: 'le Prestataire', "Processor", 'we' -> processor; 'the Customer' ->
    controller; a name or an alias -> unknown."""
    key = _ARTICLE.sub("", fold(term).strip())
    if key in CONTROLLER_TERMS:
        return "controller"
    if key in PROCESSOR_TERMS:
        return "processor"
    return "unknown"


def roles_of(terms: list[str]) -> Role:
    """The first role any of the terms gives ('"Processor", "we", or "RevenueHunt"' -> processor)."""
    return next((role for role in map(term_role, terms) if role != "unknown"), "unknown")


def is_generic(words: str) -> bool:
    """'the Customer', 'Sub-processors', 'le Service': a designation, not a name."""
    return _ARTICLE.sub("", fold(words).strip()) in GENERIC
