"""Layouts a GDPR clause is written in: a clause title run into the lead-in of its list."""

from __future__ import annotations

import pytest

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.models import Status

RUN_IN_LEAD = {
    "en": (
        "## 9. End of the service\n\n"
        "**9.1 Return or deletion.** Upon expiry of the Agreement, the Supplier shall, at the Practice's choice:\n"
        "- (a) hand back every record to the Practice in an open format; or\n"
        "- (b) erase the records and every copy of them.\n\n"
        "**9.2 Certificate.** On request, the Supplier certifies the erasure in writing.\n"
    ),
    "fr": (
        "## 9. Fin de la prestation\n\n"
        "**9.1 Restitution ou suppression.** À l'expiration du contrat, le Prestataire s'engage, au choix du "
        "Cabinet, à :\n"
        "- (a) remettre l'ensemble des dossiers au Cabinet dans un format ouvert ; ou\n"
        "- (b) effacer les dossiers et toutes leurs copies.\n\n"
        "**9.2 Attestation.** Sur demande, le Prestataire atteste l'effacement par écrit.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_trigger_stated_in_a_run_in_lead_in_belongs_to_its_items(lang):
    finding = review(document_from_text(RUN_IN_LEAD[lang], lang), health_data=True).finding("GDPR-28-3-g")
    assert finding is not None and finding.status is Status.present, finding.message
    assert any(("erase" if lang == "en" else "effacer") in e.quote for e in finding.evidence)


DEFINITION_OF_PROCESSING = {
    "en": (
        "At the end of the Agreement, the Supplier deletes all the Practice's records and every copy of them. "
        "The Supplier processes the records (collecting, recording, organising, storing, retrieving, erasing) "
        "only to host them."
    ),
    "fr": (
        "À la fin du contrat, le Prestataire efface l'ensemble des dossiers du Cabinet et toutes leurs copies. "
        "Le Prestataire traite les dossiers (collecte, enregistrement, organisation, conservation, extraction, "
        "restitution) aux seules fins de leur hébergement."
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_operations_listed_in_the_definition_of_processing_do_not_complete_an_end_of_contract_clause(lang):
    """Deletion with no return is partial; 'retrieving' or « restitution » among the operations of processing
    next to it is no return of the data to the practice."""
    finding = review(document_from_text(DEFINITION_OF_PROCESSING[lang], lang), health_data=True).finding("GDPR-28-3-g")
    assert finding is not None and finding.status is Status.partial, finding.message


PENTEST_SECTION = {
    "en": (
        "## 12. Penetration tests\n\n"
        "The Practice may have tests run on the platform by an auditor it mandates. Such tests may only take "
        "place once an audit agreement has been signed by the Practice, the auditor and the Supplier.\n\n"
        "## 13. Fees\n\nInvoices are payable within thirty days.\n"
    ),
    "fr": (
        "## 12. Tests d'intrusion\n\n"
        "Le Cabinet peut faire réaliser des tests sur la plateforme par un auditeur qu'il mandate. Ces tests ne "
        "peuvent avoir lieu qu'après la signature d'un accord d'audit par le Cabinet, l'auditeur et le Prestataire.\n\n"
        "## 13. Prix\n\nLes factures sont payables à trente jours.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_section_whose_title_the_rule_excludes_is_excluded_whole(lang):
    """Under "Penetration tests", 'an audit agreement' and 'an auditor it mandates' speak of a security test,
    not of an audit of the supplier's compliance."""
    finding = review(document_from_text(PENTEST_SECTION[lang], lang), health_data=True).finding("GDPR-28-3-h")
    assert finding is not None and finding.status is Status.missing, finding.message
