"""Carve-outs and lead-ins that change what a GDPR clause gives: a list item reads with the lead-in it hangs from."""

from __future__ import annotations

import pytest

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.models import Status


def _status(text: str, lang: str, rule: str) -> Status:
    finding = review(document_from_text(text, lang), health_data=True).finding(rule)
    assert finding is not None
    return finding.status


AUTHORISED = {
    "en": (
        "Where the Supplier receives a request from a data subject, the Customer authorises the Supplier to:\n\n"
        "- respond directly to the data subject's request through the self-service portal; or\n"
        "- forward the request to the Customer and assist it in responding.\n"
    ),
    "fr": (
        "Lorsqu'une personne concernée adresse une demande d'accès au Prestataire, le Cabinet autorise le "
        "Prestataire à :\n\n"
        "- traiter directement la demande depuis le portail patient ;\n"
        "- à défaut, transmettre la demande au Cabinet et l'aider à y répondre.\n"
    ),
}
ON_ITS_OWN = {
    "en": (
        "Where the Supplier receives a request from a data subject, the Supplier will:\n\n"
        "- respond directly to the data subject's request through the self-service portal; or\n"
        "- forward the request to the Customer and assist it in responding.\n"
    ),
    "fr": (
        "Lorsqu'une personne concernée adresse une demande d'accès au Prestataire, le Prestataire :\n\n"
        "- traite directement la demande depuis le portail patient ;\n"
        "- à défaut, transmet la demande au Cabinet et l'aide à y répondre.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_answering_data_subjects_as_the_practice_authorises_in_the_lead_in_is_not_acting_as_controller(lang):
    assert _status(AUTHORISED[lang], lang, "GDPR-28-3-e") is Status.present
    assert _status(ON_ITS_OWN[lang], lang, "GDPR-28-3-e") is Status.non_compliant
