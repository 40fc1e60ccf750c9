"""What the lawyer fills in for an addendum: the parties, the contract amended and the negotiable terms.

Every term has a default suited to a French medical practice, so an addendum can be produced with no
input at all; facts only the supplier or the practice knows (certificate number, addresses, the
practice's referent) default to a bracketed fill-in field the lawyer completes in Word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vendorcheck import errors
from vendorcheck.files import read_regular
from vendorcheck.limits import MAX_SMALL_FILE_BYTES
from vendorcheck.models import Language


class _Strict(BaseModel):
    # Unknown keys are errors: a misspelt `breach_hours:` must not silently keep the default.
    model_config = ConfigDict(extra="forbid", frozen=True)


class PartyDetails(_Strict):
    name: str = Field(min_length=1)
    legal_form: str | None = None
    siren: str | None = None
    address: str | None = None
    representative: str | None = Field(None, description="Signatory and title, e.g. 'Dr Jeanne Martin, gérante'.")
    contact: str | None = Field(None, description="Name, phone and e-mail used for notices and incidents.")


class ContractDetails(_Strict):
    title: str | None = None
    reference: str | None = None
    date: dt.date | None = None
    addendum_number: str | None = None


class Terms(_Strict):
    """Negotiable figures and descriptions. Text terms left empty take a per-language default."""

    breach_notice_hours: int = Field(24, ge=1, le=72, description="Delay to notify a personal-data breach.")
    subprocessor_notice_days: int = Field(30, ge=10, le=180,
                                          description="Prior notice of a new or replaced sub-processor.")
    audit_notice_days: int = Field(15, ge=1, le=90, description="Notice the practice gives before an audit.")
    rights_forward_days: int = Field(2, ge=1, le=10,
                                     description="Working days to forward a patient's rights request.")
    return_days: int = Field(30, ge=1, le=180, description="Delay to return the data at the end of the contract.")
    deletion_days: int = Field(30, ge=1, le=180, description="Delay to destroy every copy, backups included.")
    change_notice_days: int = Field(30, ge=1, le=180,
                                    description="Prior notice of a service change or a change of hosting site.")
    maintenance_notice_days: int = Field(5, ge=1, le=30, description="Working days' notice of planned maintenance.")
    availability_percent: float = Field(99.5, ge=90, le=100, description="Guaranteed monthly availability.")
    support_response_hours: int = Field(4, ge=1, le=72, description="Working hours to handle a blocking incident.")
    restore_hours: int = Field(24, ge=1, le=168, description="Hours to restore data from backups.")
    service_credit_percent: int = Field(5, ge=0, le=100,
                                        description="Penalty per missed indicator, % of the monthly fee (0: none).")
    log_retention_months: int = Field(12, ge=1, le=120, description="How long access logs are kept.")
    processing_subject: str | None = Field(None, description="Subject-matter of the processing (the service).")
    processing_nature: str | None = Field(None, description="Operations performed on the data.")
    processing_purpose: str | None = Field(None, description="Purpose of the processing.")
    data_categories: str | None = Field(None, description="Types of personal data.")
    data_subjects: str | None = Field(None, description="Categories of data subjects.")
    hosting_services: str | None = Field(None, description="Hosting services provided (CSP R.1111-11 2°).")
    hosting_location: str | None = Field(None, description="Country or region where the data are stored.")
    data_centres: str | None = Field(None, description="Main and backup data centres.")
    return_format: str | None = Field(None, description="Formats in which the data are returned.")
    incident_referent: str | None = Field(None, description="The practice's referent for incidents.")
    hds_certifier: str | None = Field(None, description="Body that issued the HDS certificate.")
    hds_certificate: str | None = Field(None, description="HDS certificate number.")
    hds_activities: str | None = Field(None, description="Hosting activities the certificate covers.")
    hds_issue_date: str | None = Field(None, description="Issue date of the HDS certificate.")
    hds_renewal_date: str | None = Field(None, description="Renewal (expiry) date of the HDS certificate.")
    signature_place: str | None = Field(None, description="Place of signature.")


class AddendumDetails(_Strict):
    """The `--parties` YAML file: every section is optional."""

    controller: PartyDetails | None = None
    processor: PartyDetails | None = None
    contract: ContractDetails = ContractDetails()
    terms: Terms = Terms()

    @classmethod
    def resolve(cls, value: AddendumDetails | Mapping[str, Any] | str | Path | None) -> AddendumDetails:
        """Accept the model, a mapping (web form) or the path of a YAML file."""
        if value is None:
            return cls()
        if isinstance(value, AddendumDetails):
            return value
        if isinstance(value, str | Path):
            return load_details(Path(value))
        return _validate(value, None)


def load_details(path: Path) -> AddendumDetails:
    from vendorcheck.bounded import DECLARATION_LIMITS, LimitExceeded, load_yaml

    raw = read_regular(path, MAX_SMALL_FILE_BYTES)
    try:  # bounded like a vendor's declaration: aliases expanded and nesting counted before use
        data, _ = load_yaml(raw.decode("utf-8"), DECLARATION_LIMITS)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise errors.OptionError(path, detail=f"YAML illisible ({' '.join(str(exc).split())})") from exc
    except LimitExceeded as exc:
        raise errors.OptionError(path, detail=exc.text("fr")) from exc
    if data is None:
        return AddendumDetails()
    if not isinstance(data, Mapping):
        raise errors.OptionError(path, detail="le fichier doit contenir des rubriques (controller, processor, "
                                              "contract, terms)")
    return _validate(data, path)


def _validate(data: Mapping[str, Any], path: Path | None) -> AddendumDetails:
    try:
        return AddendumDetails.model_validate(dict(data))
    except ValidationError as exc:
        problems = "; ".join(f"{' → '.join(str(p) for p in e['loc'])} : {e['msg']}" for e in exc.errors())
        raise errors.OptionError(path, detail=problems) from exc


# Per-language defaults of the text terms. Bracketed values are fill-in fields (highlighted in Word).
TEXT_DEFAULTS: dict[Language, dict[str, str]] = {
    "fr": {
        "processing_subject": "la fourniture au Cabinet des services prévus au Contrat "
                              "[préciser : logiciel de gestion du cabinet, dossier patient, imagerie, "
                              "prise de rendez-vous, sauvegarde…]",
        "processing_nature": "collecte, enregistrement, hébergement, stockage, sauvegarde, consultation, "
                             "modification, maintenance, transmission au Cabinet, restitution et effacement",
        "processing_purpose": "permettre au Cabinet d'assurer la prise en charge de ses patients (tenue du "
                              "dossier médical, gestion des rendez-vous, facturation et télétransmission)",
        "data_categories": "données d'identification et de contact, numéro d'inscription au répertoire "
                           "(NIR), données administratives et de facturation, et données de santé "
                           "(antécédents, comptes rendus, prescriptions, résultats, images médicales)",
        "data_subjects": "les patients du Cabinet et, le cas échéant, leurs proches ou représentants "
                         "légaux ; les praticiens et les membres du personnel du Cabinet qui utilisent "
                         "le service",
        "hosting_services": "la mise à disposition et le maintien en condition opérationnelle de "
                            "l'infrastructure et de l'application qui hébergent les données du Cabinet, "
                            "leur administration et leur exploitation, ainsi que leur sauvegarde",
        "hosting_location": "en France",
        "data_centres": "[adresses du centre de données principal et du site de secours]",
        "return_format": "dans des formats ouverts, documentés et couramment utilisés (par exemple CSV ou "
                         "XML pour les données structurées, PDF pour les documents, DICOM pour les images "
                         "médicales), lisibles et exploitables sans le logiciel du Prestataire",
        "incident_referent": "[nom, fonction, téléphone et courriel du référent du Cabinet]",
        "hds_certifier": "[organisme certificateur]",
        "hds_certificate": "[numéro du certificat]",
        "hds_activities": "[activités certifiées, parmi les six activités d'hébergement de données de santé]",
        "hds_issue_date": "[date de délivrance]",
        "hds_renewal_date": "[date d'échéance]",
        "signature_place": "[lieu]",
    },
    "en": {
        "processing_subject": "the provision to the Practice of the services set out in the Agreement "
                              "[specify: practice management software, patient records, imaging, "
                              "appointment booking, backup…]",
        "processing_nature": "collection, recording, hosting, storage, backup, consultation, alteration, "
                             "maintenance, transmission to the Practice, return and erasure",
        "processing_purpose": "enabling the Practice to provide care to its patients (keeping medical "
                              "records, managing appointments, billing and claims transmission)",
        "data_categories": "identification and contact data, national health insurance number (NIR), "
                           "administrative and billing data, and health data (medical history, reports, "
                           "prescriptions, results, medical images)",
        "data_subjects": "the Practice's patients and, where relevant, their relatives or legal "
                         "representatives; the practitioners and staff of the Practice who use the service",
        "hosting_services": "making available and keeping operational the infrastructure and the "
                            "application that host the Practice's data, administering and operating them, "
                            "and backing the data up",
        "hosting_location": "in France",
        "data_centres": "[addresses of the main data centre and of the backup site]",
        "return_format": "in open, documented and widely used formats (for example CSV or XML for "
                         "structured data, PDF for documents, DICOM for medical images), readable and "
                         "usable without the Supplier's software",
        "incident_referent": "[name, role, phone and e-mail of the Practice's contact person]",
        "hds_certifier": "[certification body]",
        "hds_certificate": "[certificate number]",
        "hds_activities": "[certified activities, among the six health-data hosting activities]",
        "hds_issue_date": "[issue date]",
        "hds_renewal_date": "[expiry date]",
        "signature_place": "[place]",
    },
}


def settings_table() -> list[tuple[str, str, str]]:
    """(name, default, help) for every term: the SETTINGS table of docs/addendum.md."""
    rows = []
    for name, field in Terms.model_fields.items():
        default = TEXT_DEFAULTS["fr"].get(name) if field.default is None else field.default
        rows.append((name, str(default), field.description or ""))
    return rows
