"""Who may issue an HDS certificate: the dated table of certifying bodies and of names that never do."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from vendorcheck.hds.names import full_key

IssuerStatus = Literal["accredited", "not_certifier", "unverified", "unknown"]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    aliases: list[str] = Field(default_factory=list)
    source: str | None = None
    note: str | None = None
    accreditor: bool = Field(False, description="Accredits certifying bodies (named on genuine certificates)")


class BodyTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: date
    as_of_source: str
    accredited: list[Body]
    unverified: list[Body]
    not_certifiers: list[Body]


class IssuerCheck(BaseModel):
    status: IssuerStatus
    body: Body | None = None


@lru_cache(maxsize=1)
def table() -> BodyTable:
    text = resources.files("vendorcheck.hds").joinpath("data/bodies.yaml").read_text(encoding="utf-8")
    return BodyTable.model_validate(yaml.safe_load(text))


def check_issuer(name: str) -> IssuerCheck:
    """Classify an issuer as written on a list or a certificate.

    A name is compared word for word after normalisation, and also found inside longer strings
    ('Ministère de la Santé / ANSM'), since fake certificates tend to stack authorities. Non-certifiers are
    looked for first: a certificate 'issued by the ANS and BSI' is still a misstatement. An accreditation
    body next to a certifier ('LNE, accrédité COFRAC') is what a genuine certificate shows."""
    key = f" {full_key(name)} "
    named = {
        status: [b for b in bodies if any(f" {full_key(a)} " in key for a in (b.name, *b.aliases))]
        for status, bodies in (
            ("not_certifier", table().not_certifiers),
            ("accredited", table().accredited),
            ("unverified", table().unverified),
        )
    }
    authorities = [b for b in named["not_certifier"] if not (b.accreditor and named["accredited"])]
    for status, bodies in (
        ("not_certifier", authorities),
        ("accredited", named["accredited"]),
        ("unverified", named["unverified"]),
    ):
        if bodies:
            return IssuerCheck(status=status, body=bodies[0])
    return IssuerCheck(status="unknown")


def issuer_names() -> list[str]:
    """Every name and alias of the table, longest first (used to spot issuers in free text). Accreditation
    bodies are left out: a genuine certificate names COFRAC next to its issuer."""
    t = table()
    bodies = (*t.not_certifiers, *t.accredited, *t.unverified)
    names = [n for b in bodies if not b.accreditor for n in (b.name, *b.aliases)]
    return sorted(set(names), key=len, reverse=True)
