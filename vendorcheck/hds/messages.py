"""Every sentence the HDS check shows, in French and English, and how an assessment is summarised."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from vendorcheck.hds.activities import describe
from vendorcheck.hds.models import HdsVerdict, Reason
from vendorcheck.i18n import location
from vendorcheck.models import Language, LocationUnit

if TYPE_CHECKING:
    from vendorcheck.hds.models import HdsAssessment

VERDICT_LABELS: dict[HdsVerdict, tuple[str, str]] = {
    HdsVerdict.vendor_unidentified: ("Fournisseur non identifié", "Vendor not identified"),
    HdsVerdict.ambiguous: ("Plusieurs entités possibles", "Several possible entities"),
    HdsVerdict.hosted_at_hds_host_but_vendor_uncertified: (
        "Hébergé chez un hébergeur HDS, mais le fournisseur lui-même n'est pas certifié",
        "Hosted at an HDS host, but the vendor itself is not certified",
    ),
    HdsVerdict.issuer_not_accredited: (
        "Certificat d'un émetteur non accrédité",
        "Certificate from a non-accredited issuer",
    ),
    HdsVerdict.not_found: ("Absent de la liste des hébergeurs certifiés", "Not on the list of certified hosts"),
    HdsVerdict.expired: ("Certificat HDS expiré", "HDS certificate expired"),
    HdsVerdict.entity_mismatch: (
        "Entité certifiée différente de l'entité contractante",
        "Certified entity differs from the contracting entity",
    ),
    HdsVerdict.activities_insufficient: (
        "Activités certifiées insuffisantes pour ce service",
        "Certified activities insufficient for this service",
    ),
    HdsVerdict.subcontractor_uncertified: ("Hébergeur sous-traitant non certifié", "Subcontracted host not certified"),
    HdsVerdict.product_not_covered: ("Produit hors du périmètre certifié", "Product outside the certified scope"),
    HdsVerdict.claim_inconsistent: (
        "Déclarations du fournisseur contredites par la liste",
        "Vendor's statements contradicted by the list",
    ),
    HdsVerdict.outdated_referential: (
        "Certificat selon l'ancien référentiel (2018)",
        "Certificate under the former (2018) referential",
    ),
    HdsVerdict.validity_unknown: ("Figure dans la liste, validité à confirmer", "Listed, validity to be confirmed"),
    HdsVerdict.expiring_soon: ("Certifié HDS, échéance proche", "HDS certified, expiring soon"),
    HdsVerdict.certified: ("Certifié HDS", "HDS certified"),
}

# code -> (verdict it leads to, or None for an explanatory reason; French; English)
TEMPLATES: dict[str, tuple[HdsVerdict | None, str, str]] = {
    "vendor_unidentified": (
        HdsVerdict.vendor_unidentified,
        "Aucun fournisseur n'a été identifié dans le préambule du contrat : indiquez-le (option --vendor, "
        "nom ou SIREN).",
        "No vendor was identified in the contract's preamble: name it (option --vendor, name or SIREN).",
    ),
    "ambiguous": (
        HdsVerdict.ambiguous,
        "« {query} » peut désigner plusieurs entités de la liste : {names}. Précisez la raison sociale exacte "
        "ou le SIREN de l'entité qui signe le contrat.",
        "“{query}” may designate several entities of the list: {names}. Give the exact legal name or the SIREN "
        "of the entity signing the contract.",
    ),
    "not_found": (
        HdsVerdict.not_found,
        "« {query} » ne figure pas dans la liste des hébergeurs certifiés utilisée (instantané du {snapshot_date}).",
        "“{query}” is not on the list of certified hosts used (snapshot of {snapshot_date}).",
    ),
    "near_names": (
        None,
        "Noms proches dans la liste : {names}. S'il s'agit du même fournisseur, relancez avec ce nom.",
        "Close names on the list: {names}. If it is the same vendor, run again with that name.",
    ),
    "siren_not_published": (
        None,
        "La liste officielle ne publie pas le SIREN des hébergeurs : cherchez aussi par raison sociale.",
        "The official list does not publish hosts' SIREN numbers: search by legal name as well.",
    ),
    "invalid_identifier": (
        None,
        "« {value} » n'est ni un SIREN ni un SIRET valide (clé de contrôle fausse) : il n'a pas été utilisé.",
        "“{value}” is not a valid SIREN or SIRET (wrong check digit): it was not used.",
    ),
    "hosted_at_host": (
        HdsVerdict.hosted_at_hds_host_but_vendor_uncertified,
        "Le fournisseur se dit hébergé chez « {host} », mais il exerce lui-même {activities} sans certificat "
        "HDS à son nom : la certification est nominative et celle de l'hébergeur ne le couvre pas (CSP L.1111-8).",
        "The vendor says it is hosted at “{host}”, but it performs {activities} itself without an HDS "
        "certificate in its own name: certification is nominative and the host's does not cover it "
        "(CSP L.1111-8).",
    ),
    "host_status": (None, "Hébergeur cité « {host} » : {status}.", "Host named “{host}”: {status}."),
    "issuer_not_accredited": (
        HdsVerdict.issuer_not_accredited,
        "Émetteur indiqué « {issuer} » ({origin}) : {body} ne délivre pas de certificat HDS. Seuls des organismes "
        "accrédités par le COFRAC ou un équivalent européen certifient ; l'ANS ne fait que publier la liste.",
        "Issuer given as “{issuer}” ({origin}): {body} does not issue HDS certificates. Only bodies accredited "
        "by COFRAC or a European equivalent certify; the ANS only publishes the list.",
    ),
    "issuer_unverified": (
        None,
        "Émetteur « {issuer} » absent de la table des organismes accrédités de vendorcheck (liste au "
        "{as_of}) : vérifiez son accréditation HDS sur cofrac.fr.",
        "Issuer “{issuer}” is not in vendorcheck's table of accredited bodies (list as of {as_of}): check its "
        "HDS accreditation on cofrac.fr.",
    ),
    "expired": (
        HdsVerdict.expired,
        "Certificat expiré le {valid_until}, il y a {days} jours.",
        "Certificate expired on {valid_until}, {days} days ago.",
    ),
    "claim_expired": (
        HdsVerdict.expired,
        "Le document « {origin} » indique une fin de validité au {valid_until}, dépassée.",
        "The document “{origin}” gives {valid_until} as the end of validity, which has passed.",
    ),
    "expiring_soon": (
        HdsVerdict.expiring_soon,
        "Le certificat expire le {valid_until}, dans {days} jours : demandez l'attestation de renouvellement.",
        "The certificate expires on {valid_until}, in {days} days: ask for the renewal certificate.",
    ),
    "valid_until": (None, "Certificat valable jusqu'au {valid_until}.", "Certificate valid until {valid_until}."),
    "validity_unknown": (
        HdsVerdict.validity_unknown,
        "La fin de validité n'est pas connue dans cet instantané : demandez le certificat en cours (valable "
        "3 ans, avec audit de surveillance annuel).",
        "The end of validity is not known in this snapshot: ask for the current certificate (valid 3 years, "
        "with a yearly surveillance audit).",
    ),
    "entity_related": (
        HdsVerdict.entity_mismatch,
        "L'entité certifiée est « {entity} », pas « {query} » : le certificat est nominatif. Faites confirmer "
        "quelle entité signe le contrat et héberge les données, et son SIREN.",
        "The certified entity is “{entity}”, not “{query}”: the certificate is nominative. Have the vendor "
        "confirm which entity signs the contract and hosts the data, and its SIREN.",
    ),
    "siren_conflict": (
        HdsVerdict.entity_mismatch,
        "Même nom que « {entity} », mais SIREN différent ({query_siren} au contrat, {entry_siren} dans la "
        "liste) : ce n'est pas l'entité certifiée.",
        "Same name as “{entity}”, but a different SIREN ({query_siren} in the contract, {entry_siren} on the "
        "list): it is not the certified entity.",
    ),
    "claim_entity": (
        HdsVerdict.entity_mismatch,
        "« {origin} » est au nom de « {claimed} », qui n'est pas l'entité contractante « {query} ».",
        "“{origin}” is in the name of “{claimed}”, which is not the contracting entity “{query}”.",
    ),
    "certificate_of_other_entity": (
        HdsVerdict.entity_mismatch,
        "Le numéro de certificat « {number} » cité par « {origin} » est celui de « {other} ».",
        "Certificate number “{number}” given in “{origin}” belongs to “{other}”.",
    ),
    "activities_insufficient": (
        HdsVerdict.activities_insufficient,
        "Pour un service de type « {service} », le fournisseur doit être certifié lui-même pour {own} ; son "
        "certificat couvre {covered} : il manque {missing}.",
        "For a service of type “{service}”, the vendor must itself be certified for {own}; its certificate "
        "covers {covered}: {missing} missing.",
    ),
    "chain_uncovered": (
        HdsVerdict.activities_insufficient,
        "Pour un service de type « {service} », reste {missing} : ni le fournisseur ni « {host} » n'en sont certifiés.",
        "For a service of type “{service}”, {missing} remains: neither the vendor nor “{host}” is certified for it.",
    ),
    "chain_via_host": (
        HdsVerdict.partially_certified,
        "Pour un service de type « {service} », le certificat du fournisseur ne couvre pas {missing} : "
        "l'hébergeur certifié auquel il recourt doit le faire, et le contrat doit le nommer (CSP R.1111-11).",
        "For a service of type “{service}”, the vendor's certificate does not cover {missing}: the certified "
        "host it relies on must, and the contract must name it (CSP R.1111-11).",
    ),
    "activities_ok": (
        None,
        "Périmètre certifié : {covered} ; un service de type « {service} » demande {needs}.",
        "Certified scope: {covered}; a service of type “{service}” needs {needs}.",
    ),
    "activities_unknown": (
        None,
        "Les activités certifiées ne sont pas précisées dans cet instantané : vérifiez le périmètre sur le "
        "certificat, que le contrat doit reprendre (CSP R.1111-11 1°).",
        "The certified activities are not given in this snapshot: check the scope on the certificate, which "
        "the contract must restate (CSP R.1111-11 1°).",
    ),
    "service_not_given": (
        None,
        "Type de service non précisé : le périmètre certifié n'a pas été comparé au service (option --service).",
        "Service type not given: the certified scope was not compared with the service (option --service).",
    ),
    "product_not_covered": (
        HdsVerdict.product_not_covered,
        "« {product} » fait partie des produits hors périmètre HDS selon la source : {excluded}.",
        "“{product}” is among the products outside the HDS scope according to the source: {excluded}.",
    ),
    "products_excluded": (
        None,
        "Produits hors périmètre HDS selon la source : {excluded} ; vérifiez que le service souscrit n'en est pas.",
        "Products outside the HDS scope according to the source: {excluded}; check the service bought is not one.",
    ),
    "outdated_referential": (
        HdsVerdict.outdated_referential,
        "{subject} selon le référentiel HDS de 2018, alors que le passage au référentiel de 2024 (arrêté du "
        "26 avril 2024) était attendu au {deadline} — date issue d'une source secondaire, à vérifier sur "
        "esante.gouv.fr.",
        "{subject} under the 2018 HDS referential, while the move to the 2024 referential (order of 26 April "
        "2024) was expected by {deadline} — a date from a secondary source, to be checked on esante.gouv.fr.",
    ),
    "referential_transition": (
        None,
        "{subject} selon le référentiel de 2018 : passage au référentiel de 2024 attendu au {deadline} "
        "(date issue d'une source secondaire, à vérifier sur esante.gouv.fr).",
        "{subject} under the 2018 referential: move to the 2024 referential expected by {deadline} (a date "
        "from a secondary source, to be checked on esante.gouv.fr).",
    ),
    "certificate_number_unknown": (
        HdsVerdict.claim_inconsistent,
        "Le numéro de certificat « {number} » cité par « {origin} » ne figure pas dans la liste : un tableau "
        "tiers ou un document du fournisseur ne suffit pas ; exigez le certificat et vérifiez-le sur la liste.",
        "Certificate number “{number}” given in “{origin}” is not on the list: a third-party table or the "
        "vendor's own document is not enough; ask for the certificate and check it against the list.",
    ),
    "claim_number_differs": (
        HdsVerdict.claim_inconsistent,
        "« {origin} » cite le certificat « {number} », la liste donne « {listed} ».",
        "“{origin}” gives certificate “{number}”, the list gives “{listed}”.",
    ),
    "claim_activities_exceed": (
        HdsVerdict.claim_inconsistent,
        "« {origin} » annonce {claimed}, la liste ne retient que {listed}.",
        "“{origin}” claims {claimed}, the list only shows {listed}.",
    ),
    "claim_dates_differ": (
        HdsVerdict.claim_inconsistent,
        "« {origin} » indique une validité jusqu'au {claimed}, la liste jusqu'au {listed}.",
        "“{origin}” gives validity until {claimed}, the list until {listed}.",
    ),
    "invented_activities": (
        HdsVerdict.claim_inconsistent,
        "« {origin} » cite des activités qui n'existent pas dans l'article R.1111-9 du CSP : {labels}. Il n'y en "
        "a que six, numérotées de 1 à 6.",
        "“{origin}” names activities that do not exist in article R.1111-9 CSP: {labels}. There are only six, "
        "numbered 1 to 6.",
    ),
    "archiving_regime": (
        None,
        "L'archivage électronique relève d'un autre régime (agrément du ministère de la Culture), pas de la "
        "certification HDS.",
        "Electronic archiving falls under another regime (approval by the Ministry of Culture), not HDS certification.",
    ),
    "marketing_wording": (
        None,
        "Formules commerciales qui ne valent pas certification dans « {origin} » : {terms}. Seul un certificat "
        "à son nom, pour les bonnes activités, compte.",
        "Marketing wording that is not a certification in “{origin}”: {terms}. Only a certificate in the "
        "vendor's own name, for the right activities, counts.",
    ),
    "legacy_agrement": (
        HdsVerdict.claim_inconsistent,
        "« {origin} » invoque un agrément d'hébergeur, régime remplacé par la certification le 1er avril 2018 ; "
        "les agréments ont pris fin à leur terme.",
        "“{origin}” relies on a host approval (agrément), a regime replaced by certification on 1 April 2018; "
        "approvals ended at their term.",
    ),
    "match_partial": (
        None,
        "Trouvé par un nom approché ou partiel (« {matched} », score {score}/100) : vérifiez la raison sociale.",
        "Found through a close or partial name (“{matched}”, score {score}/100): check the legal name.",
    ),
    "match_trade_name": (
        None,
        "Trouvé sous le nom commercial « {matched} » ; l'entité certifiée est « {entity} ».",
        "Found under the trade name “{matched}”; the certified entity is “{entity}”.",
    ),
    "certificate": (None, "Certificat {number} délivré par {body}.", "Certificate {number} issued by {body}."),
    "secondary_source": (
        None,
        "Entrée issue d'une source secondaire : à confirmer sur la liste officielle ou sur le certificat.",
        "Entry based on a secondary source: confirm it on the official list or the certificate.",
    ),
    "entry_note": (None, "Note de la source : {note}", "Note from the source (French): {note}"),
    "subcontractor_uncertified": (
        HdsVerdict.subcontractor_uncertified,
        "Hébergeur sous-traitant « {host} » déclaré pour {activities} : {status}. Chaque prestataire qui héberge "
        "ou sauvegarde les données doit être certifié pour les activités qu'il exerce.",
        "Subcontracted host “{host}” declared for {activities}: {status}. Every provider that hosts or backs up "
        "the data must be certified for the activities it performs.",
    ),
    "declared_host": (None, "Hébergeur sous-traitant « {host} » : {status}.", "Subcontracted host “{host}”: {status}."),
    "decl_entity_contract": (
        None,
        "La déclaration est au nom de « {declared} », le contrat est signé par « {contract} ».",
        "The declaration is in the name of “{declared}”, the contract is signed by “{contract}”.",
    ),
    "decl_entity_list": (
        None,
        "La déclaration est au nom de « {declared} », la liste certifie « {listed} ».",
        "The declaration is in the name of “{declared}”, the list certifies “{listed}”.",
    ),
    "decl_location_not_in_contract": (
        None,
        "Lieu d'hébergement déclaré ({place}) absent du contrat, qui doit indiquer les lieux d'hébergement "
        "(CSP R.1111-11 3°).",
        "Declared hosting location ({place}) missing from the contract, which must state the hosting locations "
        "(CSP R.1111-11 3°).",
    ),
    "decl_location_undeclared": (
        None,
        "Le contrat mentionne un hébergement en {place}, que la déclaration ne cite pas.",
        "The contract mentions hosting in {place}, which the declaration does not list.",
    ),
    "decl_no_location_in_contract": (
        None,
        "Le contrat n'indique aucun pays d'hébergement ; la déclaration cite {places} (CSP R.1111-11 3°).",
        "The contract states no hosting country; the declaration lists {places} (CSP R.1111-11 3°).",
    ),
    "decl_transfers_banned": (
        None,
        "La déclaration annonce des transferts ou accès hors de l'EEE ({countries}), que le contrat exclut.",
        "The declaration announces transfers or access outside the EEA ({countries}), which the contract rules out.",
    ),
    "decl_transfers_denied": (
        None,
        "La déclaration nie tout transfert hors de l'EEE, mais le contrat mentionne : {countries}.",
        "The declaration denies any transfer outside the EEA, but the contract mentions: {countries}.",
    ),
    "decl_transfers_self": (
        None,
        "La déclaration nie tout transfert hors de l'EEE mais cite elle-même {countries} (lieux d'hébergement ou "
        "sous-traitants).",
        "The declaration denies any transfer outside the EEA but itself lists {countries} (hosting locations or "
        "sub-processors).",
    ),
    "decl_subprocessor_not_in_contract": (
        None,
        "Sous-traitant déclaré « {name} » absent du contrat : il doit y être autorisé (RGPD art. 28 § 2, CSP "
        "R.1111-11 7°).",
        "Declared sub-processor “{name}” missing from the contract: it must be authorised there (GDPR Art. 28(2), "
        "CSP R.1111-11 7°).",
    ),
    "decl_subprocessor_undeclared": (
        None,
        "Le contrat cite « {name} », que la déclaration ne mentionne pas parmi les sous-traitants ou hébergeurs.",
        "The contract names “{name}”, which the declaration does not list among sub-processors or hosts.",
    ),
    "decl_breach_delay": (
        None,
        "Délai de notification des violations : {declared} h selon la déclaration, {contract} h selon le contrat.",
        "Breach-notification delay: {declared} h in the declaration, {contract} h in the contract.",
    ),
    "decl_breach_missing": (
        None,
        "La déclaration promet une notification des violations sous {declared} h, le contrat ne fixe aucun délai.",
        "The declaration promises breach notification within {declared} h, the contract sets no delay.",
    ),
    "decl_certificate_number": (
        None,
        "Certificat HDS n° « {declared} » selon la déclaration, « {contract} » selon le contrat.",
        "HDS certificate no. “{declared}” in the declaration, “{contract}” in the contract.",
    ),
    "decl_certificate_dates": (
        None,
        "Fin de validité du certificat : {declared} selon la déclaration, {contract} selon le contrat.",
        "End of validity of the certificate: {declared} in the declaration, {contract} in the contract.",
    ),
    "decl_not_certified": (
        None,
        "La déclaration indique que le fournisseur n'est pas certifié HDS, alors que le contrat cite un "
        "certificat (« {contract} »).",
        "The declaration says the vendor is not HDS certified, while the contract cites a certificate (“{contract}”).",
    ),
    "row_missing_entity": (None, "nom de l'hébergeur absent", "host name missing"),
    "row_bad_date": (None, "{field} : « {value} » n'est pas une date", "{field}: “{value}” is not a date"),
    "row_bad_siren": (
        None,
        "SIREN/SIRET « {value} » invalide (clé de contrôle)",
        "invalid SIREN/SIRET “{value}” (check digit)",
    ),
    "row_bad_activities": (None, "activités illisibles : « {value} »", "unreadable activities: “{value}”"),
    "row_invented_activities": (
        None,
        "activités inexistantes dans l'article R.1111-9 : {labels}",
        "activities that do not exist in article R.1111-9: {labels}",
    ),
    "row_bad_referential": (
        None,
        "référentiel « {value} » inconnu (attendu : 2018/v1.1 ou 2024/v2)",
        "unknown referential “{value}” (expected 2018/v1.1 or 2024/v2)",
    ),
    "row_dates_order": (
        None,
        "fin de validité antérieure à la date de délivrance",
        "end of validity before the issue date",
    ),
    "row_duplicate": (None, "doublon de la ligne {line}", "duplicate of line {line}"),
    "row_invalid": (None, "{field} : {detail}", "{field}: {detail}"),
    "snapshot_partial": (
        None,
        "Liste utilisée partielle ({source}) : pour une réponse qui fait foi, importez la liste officielle de "
        "l'ANS (vendorcheck hds import).",
        "The list used is partial ({source}): for an authoritative answer, import the ANS's official list "
        "(vendorcheck hds import).",
    ),
}


def format_date(value: date, lang: Language) -> str:
    return value.isoformat() if lang == "en" else value.strftime("%d/%m/%Y")


def _render(value: object, lang: Language) -> str:
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, list | tuple | set) and all(isinstance(v, int) for v in value):
        return describe(list(value), lang)
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[1] if lang == "en" else value[0]  # (fr, en) pair
    if isinstance(value, list):
        return ", ".join(_render(v, lang) for v in value)
    return str(value)


# Reasons written in the message catalogues (`hds.reason.<code>`) and the verdict each leads to; codes
# absent from this map are explanatory.
CATALOGUE_VERDICTS: dict[str, HdsVerdict] = {
    "identifier_unusable": HdsVerdict.invalid_identifier,
    "activities_partial": HdsVerdict.partially_certified,
    "declarations_conflict": HdsVerdict.claim_inconsistent,
}


def reason(code: str, **values: object) -> Reason:
    """A Reason from its template; dates, activity lists and (fr, en) pairs are written per language.
    Numbers are left to the catalogue, which writes them the language's way and picks plurals by `count`."""
    if code not in TEMPLATES:
        from vendorcheck.i18n import t

        texts = {
            lang: t(
                f"hds.reason.{code}",
                lang,
                **{k: v if isinstance(v, int | float) else _render(v, lang) for k, v in values.items()},
            )
            for lang in ("fr", "en")
        }
        return Reason(code=code, fr=texts["fr"], en=texts["en"])
    _, fr, en = TEMPLATES[code]
    return Reason(
        code=code,
        fr=fr.format(**{k: _render(v, "fr") for k, v in values.items()}),
        en=en.format(**{k: _render(v, "en") for k, v in values.items()}),
    )


def verdict_of(reasons: list[Reason]) -> HdsVerdict:
    """The worst verdict any reason leads to; certified when none does."""
    verdicts = [v for r in reasons if (v := _leads_to(r.code)) is not None]
    return min(verdicts, key=lambda v: v.rank, default=HdsVerdict.certified)


def _leads_to(code: str) -> HdsVerdict | None:
    return TEMPLATES[code][0] if code in TEMPLATES else CATALOGUE_VERDICTS.get(code)


def verdict_label(verdict: HdsVerdict, lang: Language, *, partial_list: bool = False) -> str:
    """The verdict in a few words. Absence from a partial list proves nothing: it reads « vérifier la
    certification », not « absent de la liste »."""
    if verdict is HdsVerdict.not_found and partial_list or verdict not in VERDICT_LABELS:
        from vendorcheck.i18n import t

        key = "not_found_partial" if verdict is HdsVerdict.not_found else verdict.value
        return t(f"hds.verdict.{key}", lang)  # type: ignore[arg-type]
    fr, en = VERDICT_LABELS[verdict]
    return en if lang == "en" else fr


def headline(assessment: HdsAssessment, lang: Language) -> str:
    """'Certifié HDS — Clever Cloud SAS (liste du 23/11/2026)'."""
    who = assessment.entry.legal_entity if assessment.entry else assessment.query
    when = format_date(assessment.snapshot_date, lang)
    listed = f"list of {when}" if lang == "en" else f"liste du {when}"
    label = verdict_label(assessment.verdict, lang, partial_list=assessment.snapshot_partial)
    text = f"{label} — {who} ({listed})"
    if assessment.inconsistencies:
        count = len(assessment.inconsistencies)
        text += (
            f"; {count} inconsistenc{'y' if count == 1 else 'ies'} between declaration and contract"
            if lang == "en"
            else f" ; {count} incohérence{'s' if count > 1 else ''} entre déclaration et contrat"
        )
    return text


def reason_lines(assessment: HdsAssessment, lang: Language, unit: LocationUnit = "line") -> list[str]:
    """The reasons, then each inconsistency with its quote located in the contract (`unit`: what its
    pages count), then the source line every verdict cites."""
    lines = [r.text(lang) for r in assessment.reasons]
    for item in assessment.inconsistencies:
        line = item.reason.text(lang)
        for quote in item.contract[:2]:
            line += f" — « {' '.join(quote.quote.split())} » ({location(unit, quote.page, quote.line, lang)})"
        lines.append(line)
    lines.append(source_line(assessment, lang))
    return lines


def source_line(assessment: HdsAssessment, lang: Language) -> str:
    when = format_date(assessment.snapshot_date, lang)
    if lang == "en":
        return f"Source: {assessment.source} — snapshot {assessment.snapshot_id} of {when}"
    return f"Source : {assessment.source} — instantané {assessment.snapshot_id} du {when}"
