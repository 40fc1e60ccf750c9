"""GDPR-28-3-INTRO: the description of the processing, read the many ways contracts state its duration and purpose."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, document_from_text
from vendorcheck.api import review
from vendorcheck.ingest import load
from vendorcheck.models import Status

RULE = "GDPR-28-3-INTRO"


def _finding(text: str, lang: str):
    finding = review(document_from_text(text, lang), health_data=True).finding(RULE)
    assert finding is not None
    return finding


def test_the_readme_sample_states_the_duration_as_the_subscription_and_is_described_in_full():
    finding = review(load(ROOT / "samples/contracts/saas-agenda-cgu-faibles.md"), health_data=True).finding(RULE)
    assert finding is not None and finding.status is Status.present, finding.message
    assert any("durée de l'abonnement" in e.quote for e in finding.evidence)


@pytest.mark.parametrize(
    ("lang", "duration"),
    [
        ("fr", "Les données sont traitées pendant toute la durée de l'engagement."),
        ("fr", "Durée : celle de la souscription."),
        ("en", "The data is processed for the term of the subscription."),
        ("en", "Processing lasts as long as the Practice's account remains open."),
    ],
)
def test_a_duration_tied_to_the_subscription_or_the_term_completes_the_description(lang, duration):
    described = {
        "fr": "Objet : hébergement du dossier patient. Données traitées : identité et données de santé des patients. "
        "Personnes concernées : les patients du cabinet. ",
        "en": "Subject matter: hosting of the patient file. Types of personal data: identity and health data. "
        "Data subjects: the practice's patients. ",
    }[lang]
    assert _finding(described + duration, lang).status is Status.present
    assert "durée" in _finding(described, lang).message or "duration" in _finding(described, lang).message


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le Prestataire agit selon les instructions du Cabinet, notamment quant aux finalités du traitement et "
            "aux catégories de données pouvant être traitées. Les personnes concernées peuvent saisir la CNIL.",
        ),
        (
            "en",
            "The Processor acts on the Controller's instructions, including as to the purposes of the processing "
            "and the categories of data it may process. Data subjects may lodge a complaint with the authority.",
        ),
    ],
)
def test_naming_the_categories_without_listing_any_is_no_description(lang, text):
    assert _finding(text, lang).status is not Status.present
