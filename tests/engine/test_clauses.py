"""Clause structure: the reading view, sentence kinds, lead-ins and table headers, clause-level decisions."""

from __future__ import annotations

import pytest

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.engine.analysis import analyse
from vendorcheck.engine.clauses import Kind, reading_view
from vendorcheck.models import Status
from vendorcheck.rulebook import load_rules

PACK = load_rules()


def _analysis(text: str, lang: str = "en"):
    return analyse(document_from_text(text, lang), PACK)


def _sentence(analysis, fragment: str) -> int:
    return next(i for i in range(len(analysis.sentences)) if fragment in analysis.view_of(i))


def _status(text: str, lang: str, rule: str) -> Status:
    return review(document_from_text(text, lang), health_data=True, rules=PACK).finding(rule).status


@pytest.mark.parametrize(
    "text",
    [
        "The supplier keeps the data\n\nin a data centre located in France.",
        "Le prestataire conserve les données\n\ndans un centre situé en France.",
        "The supplier shall notify the\ncustomer without undue delay.",
        "See https://example.org/politique-de-confidentialite or privacy@example.org for details.",
        "Le délai est de [●] heures ; le référent est <nom> ({{client.name}}) ____ .",
    ],
)
def test_the_reading_view_keeps_every_offset(text):
    assert len(reading_view(text)) == len(text)


def test_wrapped_lines_are_joined_even_across_a_blank_line():
    view = reading_view("Le prestataire conserve les données\n\ndans un centre situé en France.\n\nArticle 2")
    assert "données  " in view and "\n\nArticle 2" in view
    analysis = _analysis("Le prestataire conserve les données\n\ndans un centre situé en France.", "fr")
    assert len(analysis.sentences) == 1


def test_links_and_template_blanks_never_match():
    view = reading_view("Voir https://exemple.fr/confidentialite et [insérer le nom du référent] puis {{client}}.")
    assert "confidentialite" not in view and "référent" not in view and "client" not in view


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Référent du Cabinet : ________ (nom, téléphone, courriel).", ["nom", "téléphone"], ["Référent du Cabinet"]),
        ("Nom : ____ ; Téléphone : [●] ; Courriel : ______", ["Nom", "Téléphone", "Courriel"], []),
        ("Incident contact. Name: ____ (to be completed)", ["Name", "completed"], ["Incident contact"]),
        ("Le délai est de 48 heures (voir annexe).", [], ["48 heures (voir annexe)"]),
    ],
)
def test_a_blank_field_its_label_and_its_hint_are_no_content(text, hidden, kept):
    view = reading_view(text)
    assert len(view) == len(text)
    assert not any(word in view for word in hidden)
    assert all(words in view for words in kept)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'Hébergeur est certifié HDS. Périmètre : ____ ; Date de délivrance : [●] ; Validité : [●]", "fr"),
        ("The Host is HDS certified. Scope: ____ ; Issued: [●] ; Valid until: ____ (date)", "en"),
    ],
)
def test_the_labels_of_a_blank_certificate_form_do_not_complete_the_clause(text, lang):
    assert _status(text, lang, "CSP-R1111-11-1") is Status.partial


@pytest.mark.parametrize(
    ("text", "lang", "entry", "after"),
    [
        (
            "##Article 1. Définitions\n\n**Sauvegarde :** copie des données réalisée par le Prestataire.\n\n"
            "## Article 2. Objet\n\nLe Prestataire fournit le logiciel.\n",
            "fr",
            "copie des données",
            "fournit le logiciel",
        ),
        (
            "Definitions\n\n**Backup:** a copy of the data made by the Provider.\n\n"
            "2. Purpose\n\nThe Provider supplies the software.\n",
            "en",
            "a copy of the data",
            "supplies the software",
        ),
        (  # no other title: a paragraph that is not an entry ends the glossary
            'Definitions\n\n- "Backup" means a copy of the data made by the Provider.\n\n'
            "How we protect your files\nThe Provider supplies the software.\n",
            "en",
            "a copy of the data",
            "supplies the software",
        ),
    ],
)
def test_a_definitions_title_the_outline_missed_still_opens_a_glossary(text, lang, entry, after):
    analysis = _analysis(text, lang)
    assert analysis.kind(_sentence(analysis, entry)) is Kind.definition
    assert analysis.kind(_sentence(analysis, after)) is Kind.body


@pytest.mark.parametrize(
    ("text", "fragment", "kind"),
    [
        ("## 7. Sub-processors\n\nThe Processor shall not engage another processor.", "Sub-processors", Kind.heading),
        ("SOUS-TRAITANCE\n\nLe Prestataire ne recourt à aucun sous-traitant.", "SOUS-TRAITANCE", Kind.heading),
        ('"Personal Data Breach" means a breach of security.', "means", Kind.definition),
        ("« Violation de données » désigne toute atteinte à la sécurité.", "désigne", Kind.definition),
        ("Le Cabinet désigne un référent chargé des incidents.", "référent", Kind.body),
        (
            "Avant la fin du Contrat, le Cabinet pourra exporter ses Dossiers\n\nMédicaux au format PDF.",
            "Avant",
            Kind.body,
        ),
        ("Continuité du service\n\nLe Prestataire maintient un plan de continuité.", "Continuité", Kind.heading),
        ("Le terme « Données de santé » désigne les données relatives à la santé.", "santé", Kind.definition),
        ("Les termes des présentes peuvent être modifiés à tout moment.", "modifiés", Kind.body),
        ("The Processor shall notify the Customer of any breach.", "notify", Kind.body),
    ],
)
def test_sentence_kinds(text, fragment, kind):
    analysis = _analysis(text, "fr" if "Le " in text or "«" in text or "SOUS" in text else "en")
    assert analysis.kind(_sentence(analysis, fragment)) is kind


def test_list_items_hang_from_their_lead_in_and_table_rows_from_their_header():
    analysis = _analysis(
        "The Processor shall:\n\n- notify the Customer of any breach;\n- keep records.\n\n"
        "| Sub-processor | Country |\n|---|---|\n| Nimbus | France |\n"
    )
    lead = _sentence(analysis, "shall:")
    assert analysis.clauses.info[_sentence(analysis, "keep records")].lead == lead
    header = _sentence(analysis, "Sub-processor | Country")
    assert analysis.clauses.info[_sentence(analysis, "Nimbus")].lead == header
    assert analysis.kind(_sentence(analysis, "---")) is Kind.table_rule


def test_a_list_item_takes_the_subject_of_its_lead_in():
    analysis = _analysis("The Customer shall:\n\n- keep its passwords secret;\n- back up its files.")
    assert analysis.bound(_sentence(analysis, "back up")).binds_customer


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("## Security incidents\n\nThe Customer shall notify the Processor of any breach.", "en"),
        ("## Data breach notification\n\n", "en"),
        ('"Data breach" means a breach of security leading to the loss of personal data.', "en"),
        ("# Violations de données\n\n« Violation de données » désigne toute atteinte à la sécurité des données.", "fr"),
    ],
)
def test_headings_definitions_and_customer_duties_are_never_a_commitment(text, lang):
    assert _status(text, lang, "GDPR-33-2") is Status.missing


def test_a_section_named_after_the_topic_is_read_whole():
    text = (
        "## 6. Sub-processors\n\n"
        "The Customer grants a general authorisation for the providers listed in Annex 3.\n\n"
        "The Supplier informs the Customer in writing 30 days before adding or replacing one of them.\n\n"
        "The Customer may object to the change.\n\n"
        "## 7. Fees\n\nFees are due monthly."
    )
    assert _status(text, "en", "GDPR-28-2") is Status.present


def test_words_of_the_next_article_do_not_complete_a_clause():
    text = (
        "Article 4 - Sous-traitance\n\nLe Prestataire peut faire appel à des sous-traitants ultérieurs.\n\n"
        "Article 5 - Résiliation\n\nLe Client peut s'opposer au renouvellement et résilier par écrit ; "
        "il en informe le Prestataire par lettre recommandée, selon la liste des motifs en annexe."
    )
    assert _status(text, "fr", "GDPR-28-2") is not Status.present


def test_a_faq_answer_speaks_of_its_question():
    text = (
        "Do you tell us about security breaches?\n\n"
        "Yes. We notify the customer within 24 hours of becoming aware of it.\n\n"
        "How do I pay?\n\nBy card."
    )
    assert _status(text, "en", "GDPR-33-2") is Status.present


def test_items_of_a_lead_in_naming_the_topic_are_topic_sentences():
    text = (
        "En cas de violation de données, le Prestataire :\n\n"
        "- prévient le Client dans un délai de 24 heures ;\n- lui décrit les mesures prises."
    )
    assert _status(text, "fr", "GDPR-33-2") is Status.present


def test_a_weakening_in_the_customers_own_duty_does_not_weaken_the_vendor():
    text = (
        "The Processor shall notify the Customer of any personal data breach within 24 hours. "
        "The Customer shall inform its patients once its investigation is complete."
    )
    assert _status(text, "en", "GDPR-33-2") is Status.present


def test_a_document_wide_flag_in_a_clause_about_something_else_is_not_raised():
    text = (
        "## 4. Sous-traitants ultérieurs\n\nLe Prestataire peut recourir à tout sous-traitant, sans préavis.\n\n"
        "## 5. Évolutions\n\nLe Prestataire informe le Client par écrit deux mois avant toute évolution "
        "du service, et le Client peut résilier sans frais si elle dégrade le service."
    )
    review_ = review(document_from_text(text, "fr"), health_data=True, rules=PACK)
    finding = review_.finding("CSP-R1111-11-9")
    assert all("sous-traitant" not in e.quote for e in finding.evidence)


def test_between_equal_clauses_the_one_about_the_topic_is_quoted():
    text = (
        "## 10. Droits des patients\n\nLe Prestataire aide le Client à répondre aux demandes "
        "d'effacement des patients.\n\n## 13. Fin du contrat\n\nÀ la fin du contrat, le Client peut "
        "exporter ses données. Les autres données sont supprimées."
    )
    finding = review(document_from_text(text, "fr"), health_data=True, rules=PACK).finding("CSP-R1111-11-12-14")
    assert "fin du contrat" in finding.evidence[0].quote


def test_quotes_from_a_markdown_file_are_the_files_own_text(tmp_path):
    from vendorcheck.api import review_file

    written = (
        "# Contrat\n\nLe Prestataire notifie au Client toute violation de données\u200b dans un délai "
        "de 24 heures.\n\nLe Prestataire assure l'héber-\ngement des don\u00adnées en France.\n"
    )
    path = tmp_path / "contrat.md"
    path.write_text(written, encoding="utf-8")
    result = review_file(path)
    quotes = [e for f in result.findings for e in f.evidence]
    assert quotes
    for evidence in quotes:
        assert written[evidence.start : evidence.end] == evidence.quote
        assert evidence.line == written.count("\n", 0, evidence.start) + 1
    assert result.finding("GDPR-33-2").status is Status.present


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "## Article 6 - Sub-processors\n\nThe Supplier may engage the sub-processors listed in Annex 2 under a "
            "general authorisation.\n\n## Article 7 - Fees\n\nFees are due monthly.\n\n## Annex 2 - Sub-processors\n\n"
            "The Supplier informs the Customer in writing 30 days before any new sub-processor. The Customer may "
            "object to it.\n",
            "en",
        ),
        (
            "## Article 6 - Sous-traitance ultérieure\n\nLe Prestataire dispose d'une autorisation générale pour les "
            "sous-traitants ultérieurs figurant en annexe II.\n\n## Article 7 - Prix\n\nLe prix est mensuel.\n\n"
            "## Annexe 2 - Sous-traitants\n\nLe Prestataire informe le Client par "
            "écrit trente jours avant tout ajout ; "
            "le Client peut s'y opposer.\n",
            "fr",
        ),
    ],
)
def test_a_clause_is_joined_with_the_annex_it_points_to_and_says_so(text, lang):
    finding = review(document_from_text(text, lang), health_data=True, rules=PACK).finding("GDPR-28-2")
    assert finding.status is Status.present
    assert "nnex" in finding.message
    assert any(e.section and "nnex" in e.section for e in finding.evidence)


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        (
            "The Processor may delete or return all personal data at the end of the contract, at the Customer's "
            "choice, and may delete existing copies.",
            "en",
            "GDPR-28-3-g",
        ),
        (
            "À la fin du contrat, le Prestataire peut restituer ou supprimer toutes les données, au choix du Client, "
            "et peut détruire les copies existantes.",
            "fr",
            "GDPR-28-3-g",
        ),
        (
            "The Processor will use commercially reasonable efforts to notify the Customer of a personal data breach "
            "without undue delay.",
            "en",
            "GDPR-33-2",
        ),
        (
            "Le Prestataire s'efforce de notifier au Client toute violation de données dans les meilleurs délais.",
            "fr",
            "GDPR-33-2",
        ),
    ],
)
def test_a_clause_the_vendor_only_may_perform_or_promises_efforts_for_is_partial(text, lang, rule):
    finding = review(document_from_text(text, lang), health_data=True, rules=PACK).finding(rule)
    assert finding.status is Status.partial


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Processor may process personal data only on documented instructions from the Customer.", "en"),
        ("Le Prestataire ne peut traiter les données que sur instruction documentée du Client.", "fr"),
    ],
)
def test_a_permission_that_restricts_is_a_commitment(text, lang):
    finding = review(document_from_text(text, lang), health_data=True, rules=PACK).finding("GDPR-28-3-a")
    assert finding.status is Status.present


def test_an_elided_word_alone_in_a_pattern_matches_it_in_a_text():
    from vendorcheck.engine.patterns import compile_phrase

    assert compile_phrase("n'|ne ... transfer*", "fr")[0][0] == {"NORM": {"REGEX": "^(?:n'|ne)$"}}


def test_runs_of_spaces_inside_a_wrapped_line_do_not_break_a_pattern():
    text = "Le Prestataire met en œuvre les mesures techniques,     organisationnelles appropriées."
    assert _status(text, "fr", "GDPR-28-3-c") is Status.present


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "## 1. Definitions\n\n**Hosting**: the storage of the Customer's files on "
            "the Supplier's platform. The Supplier "
            "shall implement appropriate technical and organisational measures to protect those files.\n\n"
            "## 2. Fees\n\nFees are due monthly and payable by transfer within thirty days of the invoice date. Late "
            "payments bear interest at three times the legal rate, and a fixed "
            "recovery charge of forty euros applies.\n\n"
            "## 3. Term\n\nThe agreement runs for one year and renews itself for further periods of one year.\n\n"
            "## 4. Law\n\nThe agreement is governed by French law; the courts of Paris "
            "alone hear any dispute about it.\n",
            "en",
        ),
        (
            "## 1. Définitions\n\n**Hébergement** : le stockage des fichiers du Client "
            "sur la plateforme. Le Prestataire "
            "s'engage à mettre en œuvre les mesures techniques et organisationnelles appropriées pour protéger ces "
            "fichiers.\n\n## 2. Prix\n\nLe prix est mensuel et payable par virement dans "
            "les trente jours de la facture. Tout "
            "retard porte intérêt à trois fois le taux légal et donne lieu à une "
            "indemnité forfaitaire de quarante euros.\n\n"
            "## 3. Durée\n\nLe contrat est conclu pour un an et se renouvelle ensuite par périodes d'un an.\n\n"
            "## 4. Droit\n\nLe contrat est régi par le droit français ; les tribunaux "
            "de Paris sont seuls compétents.\n",
            "fr",
        ),
    ],
)
def test_an_undertaking_of_the_vendor_inside_a_definitions_section_binds_it(text, lang):
    analysis = _analysis(text, lang)
    assert analysis.kind(_sentence(analysis, "Hosting" if lang == "en" else "Hébergement")) is Kind.definition
    assert _status(text, lang, "GDPR-28-3-c") is Status.present


@pytest.mark.parametrize(
    ("text", "cited", "kept"),
    [
        ("Sections 5 (Confidentiality) and 9 (Data Protection) survive termination.", "Confidentiality", "survive"),
        (
            "Seules les obligations des articles « Confidentialité » et « Données personnelles » survivent au contrat.",
            "Confidentialité",
            "survivent",
        ),
        ("## Article 6 (Confidentiality)\n\nThe staff are bound to secrecy.", None, "Confidentiality"),
    ],
)
def test_the_title_of_a_cited_article_is_a_pointer_not_a_stipulation(text, cited, kept):
    view = reading_view(text)
    assert len(view) == len(text) and kept in view
    assert cited is None or cited not in view


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On termination the parties are released from their obligations, except "
            "those of Sections 5 (Confidentiality "
            "of the Personal Data processed by the Staff) and 9 (Liability), which remain binding.",
            "en",
        ),
        (
            "À la fin du contrat, les parties sont libérées de leurs obligations, à l'exception de celles des articles "
            "« Confidentialité des données traitées par le personnel » et « Responsabilité », qui restent tenues.",
            "fr",
        ),
    ],
)
def test_a_survival_clause_citing_a_confidentiality_article_binds_no_one_to_secrecy(text, lang):
    assert _status(text, lang, "GDPR-28-3-b") is Status.missing
