"""identify_vendor: the vendor named by defined names with roles, legal mentions, provider clauses, signature
blocks and role statements, in our own French and English wording; never a fragment, a place, an acronym or
a generic word; "not identified" for templates and when unsure. Then the corpus fixture (≥ 90 %)."""

from __future__ import annotations

import os

import pytest
import yaml

from tests.conftest import CORPUS, ROOT, document_from_text
from vendorcheck.hds.names import core_key
from vendorcheck.ingest import load
from vendorcheck.parties import VendorIdentity, defined_terms, identify_vendor, role_words

# (id, text, expected name or None, expected SIREN, signal kind that must be among the evidence)
OWN_WORDING = [
    (
        "en-parties-and-aliases",
        'This Data Processing Addendum is made between Brightwave Clinics LLP ("Customer") and Nimbus Records Ltd, '
        'a company registered in England under number 01234567 ("Nimbus", "we", "us").\n\n1. Scope\nNimbus shall '
        "process personal data only on documented instructions.",
        "Nimbus Records Ltd",
        None,
        "defined_role",
    ),
    (
        "en-role-statement",
        "Terms of processing\n\nHeliotrope processes patient files as your processor under these terms. Heliotrope "
        "shall notify you of any breach. Heliotrope will delete the files on request. Heliotrope may use "
        "subcontractors with your consent.",
        "Heliotrope",
        None,
        "statement",
    ),
    (
        "en-means",
        'Definitions\n\n"Provider" means Quillon Health Inc., together with its employees.\n"Customer" means the '
        "practice that signs the order form.\n\nThe Provider shall keep the data confidential.",
        "Quillon Health Inc.",
        None,
        "defined_role",
    ),
    (
        "en-signature-block",
        "General terms\n\n1. The Provider shall host the records in the EEA.\n2. The Provider shall return the data "
        "at the end of the contract.\n\nSignatures\n\nFor the Customer\nName: Dr. Ellen Moss\n\nFor and on behalf of "
        "the Provider\nName: Arbor Systems GmbH\n",
        "Arbor Systems GmbH",
        None,
        "signature_role",
    ),
    (
        "fr-parties-block-and-siren",
        "Contrat d'hébergement\n\nEntre : le Cabinet médical des Tilleuls, ci-après « le Client », d'une part,\n\n"
        "Et : la société Ardoise Santé, SAS au capital de 10 000 euros, immatriculée au RCS de Nantes sous le "
        "numéro 991 000 019, ci-après « le Prestataire », d'autre part.\n\nArticle 1 - Objet\nLe Prestataire "
        "héberge les dossiers des patients.",
        "Ardoise Santé",
        "991000019",
        "parties",
    ),
    (
        "fr-defined-editor",
        "Conditions d'utilisation\n\n« L’Éditeur » désigne la société Marelle Numérique SAS, qui exploite la "
        "plateforme.\n« L’Utilisateur » désigne le professionnel de santé inscrit.\n\nL’Éditeur s’engage à "
        "sécuriser les données.",
        "Marelle Numérique SAS",
        None,
        "defined_role",
    ),
    (
        "fr-role-statement",
        "Annexe protection des données\n\nPour l'exécution du présent contrat, Corolle Cloud agit en qualité de "
        "sous-traitant du Client. Corolle Cloud s’engage à ne traiter les données que sur instruction. Corolle "
        "Cloud informe le Client de toute violation.",
        "Corolle Cloud",
        None,
        "statement",
    ),
    (
        "fr-legal-mentions-only",
        "Mentions légales et conditions du service\n\nLe site est édité par Pivoine Logiciels, société par actions "
        "simplifiée au capital de 5 000 euros, dont le siège social est situé 3 rue des Lilas, 35000 Rennes, "
        "immatriculée au RCS de Rennes sous le numéro 992 000 026.\n\nPivoine Logiciels propose un agenda en ligne.",
        "Pivoine Logiciels",
        "992000026",
        "legal",
    ),
    (
        "fr-spelled-out-acronym",
        "Convention de service\n\nLa société anonyme Réseau Hospitalier Numérique (RHN), ci-après « le "
        "Fournisseur », met à disposition du Client un service d'archivage. RHN s’engage à conserver les images "
        "en France.",
        "Réseau Hospitalier Numérique",
        None,
        "defined_role",
    ),
    (
        "fr-terms-of-use-operator-is-controller",
        "Conditions d'utilisation de la plateforme Passerelle\n\nLa plateforme permet aux usagers de prendre "
        "rendez-vous.\n\nLe responsable de traitement est l'Agence Régionale du Numérique Solidaire, dont le "
        "siège est à Lyon.\n\nL'usager peut exercer ses droits par courriel.",
        "Agence Régionale du Numérique Solidaire",
        None,
        "operator",
    ),
    (
        "fr-entre-les-soussignes",
        "CONTRAT D'HÉBERGEMENT\n\nENTRE LES SOUSSIGNÉS :\n\nLa société NUAGEO SANTÉ, société par actions simplifiée au "
        "capital de 50 000 euros, dont le siège social est situé 12 rue des Lilas, 75011 Paris, immatriculée au RCS "
        "de Paris sous le numéro 991 000 019, représentée par son Président,\n\nCi-après dénommée « le Prestataire "
        "»,\n\nD'UNE PART,\n\nET :\n\nLe Docteur Claire Dubois, médecin généraliste,\n\nCi-après dénommée « le "
        "Client »,\n\nD'AUTRE PART.\n\nArticle 1 - Objet\nLe Prestataire héberge les données du Client.",
        "NUAGEO SANTÉ",
        "991000019",
        "parties",
    ),
    (
        "en-numbered-parties",
        "THIS AGREEMENT is made on 1 March 2026\n\nBETWEEN:\n\n(1) ACME HEALTH SYSTEMS LIMITED, a company "
        "incorporated in England and Wales with company number 01234567 whose registered office is at 1 High "
        'Street, London (the "Processor"); and\n\n(2) RIVERSIDE MEDICAL PRACTICE, of 2 River Road, Leeds (the '
        '"Controller").\n\n1. Definitions',
        "ACME HEALTH SYSTEMS LIMITED",
        None,
        "defined_role",
    ),
    (
        "en-terms-we-us",
        'Terms of Service\n\nThese Terms of Service ("Terms") govern your use of the services provided by Medibox '
        'Inc. ("Medibox", "we", "us", or "our").\n\n1. Medibox stores your patients\' files. We will keep them '
        "secure.",
        "Medibox Inc.",
        None,
        "provided_by",
    ),
    (
        "fr-title-and-acts",
        "Conditions générales de vente Hébergo\n\nArticle 1. Hébergo s'engage à héberger les données en France.\n"
        "Article 2. Hébergo assure la sauvegarde quotidienne.\nArticle 3. Hébergo informe le client de toute "
        "violation.\nArticle 4. Le client règle les factures à 30 jours.",
        "Hébergo",
        None,
        "title",
    ),
    # Traps: what only looks like a vendor.
    (
        "en-fragment-is-not-a-name",
        "This DPA forms part of the agreement that references this DPA and governs the services. The Customer is "
        "the controller and the provider is the processor.",
        None,
        None,
        None,
    ),
    (
        "en-country-is-not-a-name",
        'Personal data may be transferred to Switzerland (the "Third Country"). Switzerland shall be treated as '
        "offering adequate protection. Switzerland may be replaced by another country.",
        None,
        None,
        None,
    ),
    (
        "en-acronym-is-not-a-name",
        "Logs contain IP addresses. IP will be pseudonymised after 7 days. IP may be kept for security. IP shall "
        "never be sold.",
        None,
        None,
        None,
    ),
    (
        "en-template-blanks",
        'This Agreement is made between [CUSTOMER NAME] ("Customer") and [PROVIDER NAME], a company registered '
        'under number [NUMBER] ("Provider").\n\nThe Provider shall process data on instructions.',
        None,
        None,
        None,
    ),
    (
        "fr-template-blanks",
        "Entre {{client.nom}}, ci-après « le Client », et {{prestataire.nom}}, au capital de {{capital}} euros, "
        "ci-après « le Prestataire ».\n\nLe Prestataire s’engage à respecter le RGPD.",
        None,
        None,
        None,
    ),
    (
        "fr-only-the-customer-is-named",
        "Cabinet Dentaire du Port est le responsable de traitement. Le prestataire traite les données pour son "
        "compte et s’engage à les protéger.",
        None,
        None,
        None,
    ),
    (
        "en-the-named-controller-is-the-customer",
        "The controller is Lindenhof Physiotherapy. The processor shall act only on its instructions and shall "
        "notify it of any breach.",
        None,
        None,
        None,
    ),
    (
        "fr-two-companies-no-roles",
        "Alpha Conseil SAS, au capital de 1 000 euros, et Beta Services SARL, au capital de 2 000 euros, "
        "conviennent de coopérer.",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "siren", "kind"), [case[1:] for case in OWN_WORDING], ids=[case[0] for case in OWN_WORDING]
)
def test_own_wording(text: str, name: str | None, siren: str | None, kind: str | None) -> None:
    lang = "fr" if any(w in text for w in ("Entre", "Le ", "La ", "Pour ", "Conditions", "Cabinet", "Alpha")) else "en"
    document = document_from_text(text, lang)
    vendor = identify_vendor(document)
    assert vendor.name == name, vendor
    if name is None:
        assert vendor.confidence == 0 and vendor.unidentified_because and vendor.evidence is None
        return
    assert vendor.siren == siren
    assert kind in {s.kind for s in vendor.signals}
    assert vendor.evidence is not None and document.text[vendor.evidence.start : vendor.evidence.end] == name
    assert 0 < vendor.confidence <= 1


def test_templates_say_why_no_vendor_is_named() -> None:
    text = next(case[1] for case in OWN_WORDING if case[0] == "fr-template-blanks")
    assert identify_vendor(document_from_text(text, "fr")).unidentified_because == "template"


def test_aliases_are_reported_and_count_for_the_legal_name() -> None:
    text = next(case[1] for case in OWN_WORDING if case[0] == "fr-spelled-out-acronym")
    assert identify_vendor(document_from_text(text, "fr")).aliases == ["RHN"]


def test_role_words_read_clause_subjects_as_either_side() -> None:
    text = 'Ruche Data SARL ("Ruche", "we") provides the service to the customer ("you"). Ruche is the processor.'
    words = role_words(text)
    assert [words.role_of(p) for p in ("Ruche", "we", "the Processor", "you", "the Customer", "Paris")] == [
        "processor",
        "processor",
        "processor",
        "controller",
        "controller",
        "unknown",
    ]
    (alias, statement) = defined_terms(text)
    assert (alias.name, alias.terms, alias.role, statement.how) == (
        "Ruche Data SARL",
        ["Ruche", "we"],
        "processor",
        "statement",
    )


def test_samples_name_their_vendor() -> None:
    expected = {
        "pacs-radiologie-hebergement.md": ("Armor Imagerie Cloud", "903782142"),
        "saas-agenda-cgu-faibles.md": ("Kalendo Santé", "884120759"),
        "dpa-cloud-backup-en.md": ("Stratavault B.V.", None),
        "README.md": (None, None),
    }
    for name, (vendor, siren) in expected.items():
        found = identify_vendor(load(ROOT / "samples" / "contracts" / name))
        assert (found.name, found.siren) == (vendor, siren), name


# --- the corpus: expected vendors written in tests/data/corpus_vendors.yaml -----------------------------

FIXTURE = ROOT / "tests" / "data" / "corpus_vendors.yaml"
TARGET = 0.90


def _matches(found: VendorIdentity, vendor: str | None, aliases: list[str]) -> bool:
    if vendor is None:
        return found.name is None
    if found.name is None:
        return False
    expected = {core_key(n) for n in (vendor, *aliases)}
    return bool(expected & {core_key(n) for n in (found.name, *found.aliases)})


def _fixture() -> list[dict]:
    """The battery's labels: {doc (file stem), vendor or null, aliases, note}."""
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["vendors"]


def corpus_vendor_score() -> tuple[float, list[str]]:
    """Share of corpus documents whose vendor (or absence of one) is found, and the misses."""
    cases = _fixture()
    misses = []
    for case in cases:
        found = identify_vendor(load(CORPUS / "texts" / f"{case['doc']}.md"))
        if not _matches(found, case.get("vendor"), case.get("aliases") or []):
            misses.append(f"{case['doc']}: expected {case.get('vendor')!r}, found {found.name!r}")
    return 1 - len(misses) / len(cases), misses


def test_vendor_fixture_covers_the_corpus() -> None:
    if not CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/corpus is missing")
        pytest.skip("../shared/corpus not available")
    assert {case["doc"] for case in _fixture()} == {p.stem for p in (CORPUS / "texts").glob("*.md")}
    score, misses = corpus_vendor_score()
    assert score >= TARGET, misses


def test_the_hds_section_says_whom_it_looked_up() -> None:
    from vendorcheck.api import review_file
    from vendorcheck.render.hds_section import vendor_line

    contract = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md"
    read = vendor_line(review_file(contract))
    assert read is not None and read.startswith("Fournisseur lu dans le contrat : Armor Imagerie Cloud — confiance ")
    given = vendor_line(review_file(contract, vendor="Nuage Fictif SAS"))
    assert given == "Fournisseur recherché : Nuage Fictif SAS (lu dans le contrat : Armor Imagerie Cloud)"
    template = document_from_text(next(c[1] for c in OWN_WORDING if c[0] == "fr-template-blanks"), "fr")
    from vendorcheck.api import review

    assert vendor_line(review(template)) == (
        "Modèle de contrat dont les parties restent à compléter : aucun fournisseur n'y est nommé."
    )
