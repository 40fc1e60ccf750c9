"""What a vendor declares about itself: identity, service, HDS certificate, hosts, locations, transfers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from vendorcheck.countries import country_code
from vendorcheck.engine.durations import shortest_delay_hours
from vendorcheck.hds.activities import read_activities
from vendorcheck.hds.dates import parse_date
from vendorcheck.hds.identifiers import normalise_siren
from vendorcheck.hds.importers.rows import referential_of
from vendorcheck.hds.models import HdsClaim, Referential
from vendorcheck.hds.services import service_types


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _siren(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return normalise_siren(str(value))
    except ValueError:
        raise PydanticCustomError(
            "siren_checksum", "invalid SIREN/SIRET (check digit): {value}", {"value": value}
        ) from None


def _date(value: Any) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        raise PydanticCustomError("bad_date", "unreadable date: {value}", {"value": value}) from None


def _country(value: Any) -> str:
    code = country_code(str(value or ""))
    if code is None:
        raise PydanticCustomError("bad_country", "unknown country: {value}", {"value": value})
    return code


def _names(value: Any) -> list[str]:
    """A list, or one cell with names separated by commas or semicolons."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _optional_country(value: Any) -> str | None:
    return None if value in (None, "") else _country(value)


def _yes_no(value: Any) -> bool | None:
    """'oui' / 'non' as well as yes/no/true/false (spreadsheet cells and YAML)."""
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    key = str(value).strip().lower()
    if key in {"oui", "yes", "true", "vrai", "o", "y", "x", "1"}:
        return True
    if key in {"non", "no", "false", "faux", "n", "0"}:
        return False
    raise PydanticCustomError("bad_bool", "yes or no expected: {value}", {"value": value})


def _hours(value: Any) -> float | None:
    """24, '24 h', '72 heures', '2 jours ouvrés' -> hours."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", ".")
    try:
        return float(text)
    except ValueError:
        hours = shortest_delay_hours(text)
        if hours is None:
            raise PydanticCustomError("bad_delay", "unreadable delay: {value}", {"value": value}) from None
        return hours


Siren = Annotated[str | None, BeforeValidator(_siren)]
OptionalCountry = Annotated[str | None, BeforeValidator(_optional_country)]
YesNo = Annotated[bool | None, BeforeValidator(_yes_no)]
Hours = Annotated[float | None, BeforeValidator(_hours)]
Day = Annotated[date | None, BeforeValidator(_date)]
Country = Annotated[str, BeforeValidator(_country)]
Names = Annotated[list[str], BeforeValidator(_names)]


class Activities(_Strict):
    """Activities as the vendor wrote them ('1 à 6', [1, 2], 'sauvegarde'), read once."""

    numbers: list[int] = Field(default_factory=list)
    invented: list[str] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _read(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return value
        if value in (None, ""):
            return {}
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        reading = read_activities(text)
        if not reading.numbers and not reading.invented:
            raise PydanticCustomError("bad_activities", "unreadable activities: {value}", {"value": text})
        return reading.model_dump()


class Vendor(_Strict):
    name: str = Field(min_length=2, description="Legal name of the entity that signs the contract")
    siren: Siren = None
    trade_names: Names = Field(default_factory=list)
    address: str | None = None
    contact: str | None = None


def _service_type(value: Any) -> str | None:
    if value in (None, ""):
        return None
    key = str(value).strip().lower()
    if key not in service_types():
        raise PydanticCustomError(
            "bad_service",
            "unknown service type: {value} (expected: {known})",
            {"value": value, "known": ", ".join(service_types())},
        )
    return key


ServiceType = Annotated[str | None, BeforeValidator(_service_type)]


class Host(_Strict):
    name: str = Field(min_length=2)
    siren: Siren = None
    certificate_number: str | None = None
    activities: Activities = Field(default_factory=Activities)


class HdsDeclaration(_Strict):
    certified: YesNo = None
    certificate_number: str | None = None
    certifying_body: str | None = None
    issued_on: Day = None
    valid_until: Day = None
    activities: Activities = Field(default_factory=Activities)
    referential: Referential | None = None
    hosts: list[Host] = Field(default_factory=list)

    @field_validator("referential", mode="before")
    @classmethod
    def _referential(cls, value: Any) -> str | None:
        if value in (None, ""):
            return None
        found = referential_of(str(value))
        if found is None:
            raise PydanticCustomError(
                "bad_referential", "unknown referential: {value} (expected: 2018 or 2024)", {"value": value}
            )
        return found


class Location(_Strict):
    country: Country
    city: str | None = None
    provider: str | None = None


class SubProcessor(_Strict):
    name: str = Field(min_length=2)
    siren: Siren = None
    country: OptionalCountry = None
    purpose: str | None = None

    @field_validator("country", mode="before")
    @classmethod
    def _optional_country(cls, value: Any) -> str | None:
        return None if value in (None, "") else _country(value)


class Signature(_Strict):
    name: str | None = None
    role: str | None = None
    signed_on: Day = None


class VendorDeclaration(_Strict):
    """A filled declaration. Country fields hold ISO codes once parsed ('France' -> 'FR')."""

    version: int = 1
    vendor: Vendor
    service: ServiceType = None
    service_description: str | None = None
    products: Names = Field(default_factory=list)
    hds: HdsDeclaration = Field(default_factory=HdsDeclaration)
    hosting_locations: list[Location] = Field(default_factory=list)
    sub_processors: list[SubProcessor] = Field(default_factory=list)
    transfers_outside_eea: YesNo = None
    transfer_countries: list[Country] = Field(default_factory=list)
    breach_notification_hours: Hours = Field(None, ge=0)
    signed: Signature | None = None
    source: str = Field("déclaration", description="File name, set by the parser; cited in findings")

    @field_validator("transfer_countries", mode="before")
    @classmethod
    def _split(cls, value: Any) -> list[str]:
        return _names(value)

    def claim(self) -> HdsClaim:
        """The HDS part, as a claim to check against the list."""
        hds = self.hds
        return HdsClaim(
            origin=self.source,
            entity=self.vendor.name,
            siren=self.vendor.siren,
            certificate_number=hds.certificate_number,
            issuer=hds.certifying_body,
            issued_on=hds.issued_on,
            valid_until=hds.valid_until,
            activities=hds.activities.numbers,
            invented_activities=hds.activities.invented,
            referential=hds.referential,
            hosts=[h.name for h in hds.hosts],
        )
