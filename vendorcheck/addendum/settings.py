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
from vendorcheck.i18n import DEFAULT_LANGUAGE, Lines, has, message, t
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
    subprocessor_notice_days: int = Field(
        30, ge=10, le=180, description="Prior notice of a new or replaced sub-processor."
    )
    audit_notice_days: int = Field(15, ge=1, le=90, description="Notice the practice gives before an audit.")
    rights_forward_days: int = Field(2, ge=1, le=10, description="Working days to forward a patient's rights request.")
    return_days: int = Field(30, ge=1, le=180, description="Delay to return the data at the end of the contract.")
    deletion_days: int = Field(30, ge=1, le=180, description="Delay to destroy every copy, backups included.")
    change_notice_days: int = Field(
        30, ge=1, le=180, description="Prior notice of a service change or a change of hosting site."
    )
    maintenance_notice_days: int = Field(5, ge=1, le=30, description="Working days' notice of planned maintenance.")
    availability_percent: float = Field(99.5, ge=90, le=100, description="Guaranteed monthly availability.")
    support_response_hours: int = Field(4, ge=1, le=72, description="Working hours to handle a blocking incident.")
    restore_hours: int = Field(24, ge=1, le=168, description="Hours to restore data from backups.")
    service_credit_percent: int = Field(
        5, ge=0, le=100, description="Penalty per missed indicator, % of the monthly fee (0: none)."
    )
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
        reason = " ".join(str(exc).split())
        raise errors.OptionError(path, detail=message("addendum.errors.unreadable_yaml", reason=reason)) from exc
    except LimitExceeded as exc:
        raise errors.OptionError(path, detail=exc.message) from exc
    if data is None:
        return AddendumDetails()
    if not isinstance(data, Mapping):
        raise errors.OptionError(path, detail=message("addendum.errors.not_sections"))
    return _validate(data, path)


def _validate(data: Mapping[str, Any], path: Path | None) -> AddendumDetails:
    try:
        return AddendumDetails.model_validate(dict(data))
    except ValidationError as exc:
        problems = [
            message("addendum.errors.field", where=" → ".join(str(p) for p in e["loc"]), problem=e["msg"])
            for e in exc.errors()
        ]
        raise errors.OptionError(path, detail=Lines(problems, prefix="", separator="; ")) from exc


def default_term(name: str, lang: Language) -> str | None:
    """A text term's default in `lang` (`addendum.defaults.*`; bracketed values are fill-in fields,
    highlighted in Word), or None for a term without one."""
    key = f"addendum.defaults.{name}"
    return t(key, lang) if has(key, lang) else None


def settings_table() -> list[tuple[str, str, str]]:
    """(name, default, help) for every term: the SETTINGS table of docs/addendum.md."""
    rows = []
    for name, field in Terms.model_fields.items():
        default = default_term(name, DEFAULT_LANGUAGE) if field.default is None else field.default
        rows.append((name, str(default), field.description or ""))
    return rows
