"""Wording of the web pages, French first; finding texts themselves come from the review."""

from __future__ import annotations

from vendorcheck.models import Language, Verdict

_TEXTS: dict[str, tuple[str, str]] = {
    "tagline": ("Contrats des fournisseurs du cabinet", "Your practice's supplier contracts"),
    "nav_review": ("Analyser un contrat", "Review a contract"),
    "nav_suppliers": ("Fournisseurs", "Suppliers"),
    "other_lang": ("English", "Français"),
    "local_notice": (
        "Cette page fonctionne sur votre ordinateur : les fichiers ne quittent pas le cabinet et sont "
        "effacés dès la fin de l'analyse.",
        "This page runs on your computer: files never leave the practice and are deleted as soon as the "
        "review is done.",
    ),
    "upload_title": ("Analyser le contrat d'un fournisseur", "Review a supplier's contract"),
    "upload_intro": (
        "Déposez le contrat, les conditions générales ou l'accord de sous-traitance de votre fournisseur "
        "(logiciel de cabinet, hébergeur, sauvegarde, téléconsultation, maintenance informatique…). "
        "Vous obtenez en quelques secondes la liste de ce qui manque et un avenant prêt à envoyer.",
        "Upload your supplier's contract, terms or data processing agreement (practice software, hosting, "
        "backup, teleconsultation, IT support…). Within seconds you get the list of what is missing and an "
        "addendum ready to send.",
    ),
    "contract_label": ("Contrat du fournisseur", "Supplier contract"),
    "contract_help": (
        "PDF, Word (DOCX), texte ou Markdown, ou scan et photo des pages (JPEG, PNG, TIFF) ; {mb} Mo au plus.",
        "PDF, Word (DOCX), text or Markdown, or scans and photos of the pages (JPEG, PNG, TIFF); at most {mb} MB.",
    ),
    "declaration_label": ("Déclaration du fournisseur", "Supplier's declaration"),
    "optional": ("facultatif", "optional"),
    "declaration_help": (
        "Le questionnaire rempli par le fournisseur (XLSX, YAML ou JSON) : ses réponses sur l'hébergement, "
        "les sous-traitants et la certification HDS sont comparées au contrat et à la liste des hébergeurs "
        "certifiés.",
        "The questionnaire the supplier filled in (XLSX, YAML or JSON): its answers on hosting, "
        "sub-processors and HDS certification are compared with the contract and the list of certified hosts.",
    ),
    "declaration_template": (
        "Modèle de questionnaire à envoyer au fournisseur (Excel)",
        "Questionnaire template to send to the supplier (Excel)",
    ),
    "health_label": ("Ce fournisseur héberge des données de patients", "This supplier hosts patient data"),
    "health_help": (
        "Cochez si le fournisseur stocke ou peut consulter des dossiers, des images ou des rendez-vous de "
        "patients : les clauses propres aux hébergeurs de données de santé (CSP art. R.1111-11) et la "
        "certification HDS sont alors vérifiées aussi.",
        "Tick if the supplier stores or can access patient records, images or appointments: the clauses "
        "required of health data hosts (CSP art. R.1111-11) and HDS certification are then checked too.",
    ),
    "submit": ("Analyser le contrat", "Review the contract"),
    "working": ("Analyse en cours…", "Reviewing…"),
    "too_big": ("Ce fichier dépasse la limite de {mb} Mo.", "This file is over the {mb} MB limit."),
    "checked_title": ("Ce qui est vérifié", "What is checked"),
    "checked_gdpr": (
        "Les clauses obligatoires d'un contrat de sous-traitance (RGPD art. 28) : instructions, "
        "confidentialité, sécurité, sous-traitants ultérieurs, assistance, restitution et suppression, audits.",
        "The mandatory clauses of a processing contract (GDPR Art. 28): instructions, confidentiality, "
        "security, sub-processors, assistance, return and deletion, audits.",
    ),
    "checked_breach": (
        "Le délai de notification des violations de données (RGPD art. 33).",
        "The personal data breach notification delay (GDPR Art. 33).",
    ),
    "checked_csp": (
        "Pour un hébergeur de données de santé, les clauses du Code de la santé publique (art. R.1111-11) "
        "et sa certification HDS.",
        "For a health data host, the clauses of the French Public Health Code (art. R.1111-11) and its HDS "
        "certification.",
    ),
    "result_title": ("Résultat de l'analyse", "Review result"),
    "reviewed_at": ("Analysé le {date}", "Reviewed on {date}"),
    "pages": ("{n} pages", "{n} pages"),
    "health_yes": ("Hébergement de données de patients", "Hosts patient data"),
    "health_no": ("Sans données de patients", "No patient data"),
    "count_blocking": ("Bloquants", "Blocking"),
    "count_major": ("Majeurs", "Major"),
    "count_minor": ("Mineurs", "Minor"),
    "count_met": ("Conformes", "Met"),
    "download_addendum": ("Télécharger l'avenant (Word)", "Download the addendum (Word)"),
    "addendum_help": (
        "À faire relire par votre conseil, puis à envoyer au fournisseur.",
        "Have your lawyer check it, then send it to the supplier.",
    ),
    "no_addendum": ("Aucun avenant n'est nécessaire.", "No addendum is needed."),
    "download_report": ("Télécharger le rapport (HTML)", "Download the report (HTML)"),
    "new_review": ("Analyser un autre contrat", "Review another contract"),
    "forget": ("Effacer ce résultat maintenant", "Delete this result now"),
    "kept_until": (
        "Le contrat déposé a déjà été supprimé. Ce résultat reste en mémoire jusqu'à {time}, puis il est "
        "effacé : téléchargez d'ici là ce dont vous avez besoin.",
        "The uploaded contract has already been deleted. This result stays in memory until {time}, then it "
        "is erased: download what you need before then.",
    ),
    "hds_title": ("Certification HDS", "HDS certification"),
    "hds_not_concerned": (
        "Non concerné : ce fournisseur n'héberge pas de données de patients.",
        "Not relevant: this supplier does not host patient data.",
    ),
    "checklist_title": ("Exigence par exigence", "Requirement by requirement"),
    "group_blocking": ("Bloquant : à corriger avant de signer", "Blocking: fix before signing"),
    "group_major": ("Majeur : à corriger par avenant", "Major: fix by addendum"),
    "group_minor": ("Mineur : à négocier si possible", "Minor: negotiate if possible"),
    "group_met": ("Exigences satisfaites", "Requirements met"),
    "group_not_applicable": ("Non applicables", "Not applicable"),
    "no_quote": ("Aucun passage correspondant dans le contrat.", "No matching passage in the contract."),
    "warnings": ("Remarques sur la lecture du fichier", "Notes on reading the file"),
    "suppliers_title": ("Registre des fournisseurs", "Supplier register"),
    "no_register": (
        "Aucun registre n'est configuré. Analysez d'abord tous vos contrats avec « vendorcheck batch », puis "
        "relancez la page avec « vendorcheck serve --db REGISTRE » pour voir ici l'état de chaque fournisseur.",
        "No register is configured. First review all your contracts with `vendorcheck batch`, then restart "
        "the page with `vendorcheck serve --db REGISTER` to see each supplier's status here.",
    ),
    "suppliers_intro": (
        "Les fournisseurs analysés par « vendorcheck batch », du plus urgent à relancer au plus sûr.",
        "The suppliers reviewed by `vendorcheck batch`, the most urgent to chase first.",
    ),
    "empty_register": ("Le registre ne contient encore aucun fournisseur.", "The register holds no supplier yet."),
    "error_title": ("La demande n'a pas pu aboutir", "The request could not be completed"),
    "back_home": ("Revenir à l'accueil", "Back to the start page"),
    "error_code": ("Code", "Code"),
}

_NEXT_STEPS: dict[Verdict, tuple[str, str]] = {
    Verdict.signable: (
        "Le contrat couvre les exigences vérifiées. Conservez-le avec le certificat HDS du fournisseur.",
        "The contract covers the checked requirements. File it with the supplier's HDS certificate.",
    ),
    Verdict.verify_certification: (
        "Les clauses vérifiées sont en ordre : aucun avenant n'est nécessaire. Avant de signer et de confier des "
        "données de patients, vérifiez la certification HDS du fournisseur sur la liste officielle ou sur son "
        "certificat en cours.",
        "The checked clauses are in order: no addendum is needed. Before signing and handing over patient data, "
        "check the supplier's HDS certification on the official list or on its current certificate.",
    ),
    Verdict.signable_with_addendum: (
        "Téléchargez l'avenant ci-dessous, faites-le relire puis envoyez-le au fournisseur ; signez une fois "
        "l'avenant accepté.",
        "Download the addendum below, have it checked, then send it to the supplier; sign once the addendum "
        "is accepted.",
    ),
    Verdict.not_signable: (
        "Ne signez pas et ne confiez pas de données de patients avant la correction des points bloquants. "
        "Envoyez l'avenant au fournisseur et faites relire l'ensemble par votre conseil.",
        "Do not sign or hand over patient data until the blocking points are fixed. Send the addendum to "
        "the supplier and have your lawyer review both.",
    ),
}


def text(key: str, lang: Language, **values: object) -> str:
    fr, en = _TEXTS[key]
    return (en if lang == "en" else fr).format(**values)


def next_step(verdict: Verdict, lang: Language) -> str:
    fr, en = _NEXT_STEPS[verdict]
    return en if lang == "en" else fr
