"""The health-data hosting requirements (CSP R.1111-11) on whole contracts written for the test: clauses spread
over several articles, off-topic words, and the wording that gives a requirement back."""

from __future__ import annotations

import pytest

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.models import Status


def _status(text: str, lang: str, requirement: str) -> Status:
    return review(document_from_text(text, lang), health_data=True, lang=lang).finding(requirement).status


FILLER = {
    "fr": "Le Prestataire fournit une assistance par courriel. Les factures sont payables à trente jours. "
    "Le présent contrat est conclu pour une durée d'un an. Il se renouvelle tacitement. "
    "Les parties se rencontrent une fois par trimestre.",
    "en": "The Provider offers support by e-mail. Invoices are payable within thirty days. "
    "This agreement is concluded for one year. It renews automatically. "
    "The parties meet once a quarter.",
}


@pytest.mark.parametrize(
    ("lang", "conditions", "flow_down"),
    [
        (
            "fr",
            "Le Prestataire ne recourt à un sous-traitant ultérieur qu'avec l'accord écrit préalable du Cabinet.",
            "Le Prestataire impose à chacun de ses sous-traitants les obligations du présent contrat.",
        ),
        (
            "en",
            "The Provider engages a sub-processor only with the Customer's prior written consent.",
            "The Provider imposes on each of its sub-processors the data protection obligations of this agreement.",
        ),
    ],
)
def test_external_providers_conditions_and_flow_down_read_across_articles(lang, conditions, flow_down):
    headings = {"fr": ("Article 4 – Sous-traitance", "Article 9 – Données"), "en": ("4. Subcontracting", "9. Data")}
    first, second = headings[lang]
    text = f"## {first}\n\n{conditions}\n\n{FILLER[lang]}\n\n## {second}\n\n{FILLER[lang]} {flow_down}\n"
    assert _status(text, lang, "CSP-R1111-11-7") is Status.present
    # the flow-down alone leaves the conditions of use unsaid
    alone = f"## {second}\n\n{FILLER[lang]} {flow_down}\n"
    assert _status(alone, lang, "CSP-R1111-11-7") is Status.partial


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le Cabinet autorise le recours aux sous-traitants du Prestataire. "
            "Ceux-ci garantissent le même niveau de protection que le présent contrat.",
        ),
        (
            "en",
            "The Customer authorises the use of the Provider's subcontractors. "
            "They provide the same level of protection as this agreement.",
        ),
    ],
)
def test_a_blanket_authorisation_is_no_condition_of_use(lang, text):
    assert _status(text, lang, "CSP-R1111-11-7") is Status.partial


def test_a_partner_that_is_a_party_is_no_external_provider():
    text = (
        "Le partenaire signataire s'engage à informer les usagers. "
        "Il tient la liste des personnes habilitées et en informe l'Éditeur."
    )
    assert _status(text, "fr", "CSP-R1111-11-7") is Status.missing
