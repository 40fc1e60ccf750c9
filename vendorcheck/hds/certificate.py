"""Read the text of an HDS certificate or attestation: number, issuer, dates, activities, entity.

What a real certificate carries (hds.md §1.7): certified entity, certificate number, issuing body, dates of
initial issue, latest renewal and end of validity, scope (activities 1-6) and, since 2024, the referential
version. The reading also keeps the wording that betrays a misstatement (§1.8): marketing phrases, a
legacy "agrément", invented activities, a ministry or agency as issuer.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

from vendorcheck.hds.activities import read_activities
from vendorcheck.hds.bodies import check_issuer, issuer_names
from vendorcheck.hds.dates import find_dates
from vendorcheck.hds.identifiers import siren_valid
from vendorcheck.hds.models import HdsClaim, Referential
from vendorcheck.models import Document, Evidence
from vendorcheck.text import fold

_LABEL_END = r"\s*(?:[:\-–]\s*|\s)"
_NUMBER = re.compile(
    r"(?:(?:certificat|certificate)[^\n.;:]{0,80}?\s(?:n\s*[°o]|no\.?|numero|number|#)|"
    r"(?:n\s*[°o]|numero|number|no\.)\s*(?:de\s+|du\s+|of\s+)?(?:certificat|certificate))\s*[:.]?\s*"
    r"(?P<v>[a-z0-9][a-z0-9\-/.]*[a-z0-9])"
)
_NUMBER_AFTER_HDS = re.compile(r"\b(?:cert\.?|certificat|certificate)\s+hds\s+(?P<v>\d[\d\-/]{3,})")
_ISSUER = re.compile(
    r"(?:delivre\s+par|emis\s+par|issued\s+by|organisme\s+certificateur|organisme\s+de\s+"
    r"certification|certification\s+body|certifying\s+body|certificateur)"
    + _LABEL_END
    + r"(?!accredit)(?P<v>[^\n;,(]{2,80}?)(?=\s*(?:[\n;,(]|accredit|$))"
)
_ENTITY = re.compile(
    r"(?:entite\s+certifiee|societe\s+certifiee|organisme\s+certifie|organisation\s+certifiee|"
    r"certified\s+(?:entity|organi[sz]ation|company)|titulaire|delivre\s+a|issued\s+to|"
    r"raison\s+sociale)" + _LABEL_END + r"(?P<v>[^\n;(]{2,100})"
)
_ENTITY_SENTENCE = re.compile(
    r"(?:certifie\s+que|certifies\s+that|this\s+is\s+to\s+certify\s+that|atteste\s+que)"
    r"\s+(?:la\s+societe\s+|l'entreprise\s+|the\s+company\s+)?(?P<v>[^\n,;(]{2,100}?)"
    r"(?=\s*(?:,|\(|\bdont\b|\bwhose\b|\best\b|\bis\b|\ba\s+ete\b|\bhas\b|\n))"
)
_SIREN = re.compile(r"\b(?:siren|siret)\s*(?:n\s*[°o])?\s*:?\s*(?P<v>\d[\d \u00a0.]{7,18}\d)")
_DATE_LABELS: dict[str, str] = {
    "issued_on": r"date\s+(?:de\s+)?(?:la\s+)?(?:premiere\s+)?(?:delivrance|certification|emission)(?:\s+initiale)?|"
    r"date\s+of\s+(?:initial\s+)?(?:issue|certification)|initial(?:ly)?\s+(?:issued|certification)|"
    r"issued\s+on|delivre\s+le|emis\s+le|original\s+(?:issue\s+)?date",
    "renewed_on": r"date\s+(?:de\s+|du\s+)?(?:dernier\s+)?renouvellement|date\s+of\s+(?:latest\s+|last\s+)?renewal|"
    r"(?:latest|last)\s+renewal|renouvele\s+le",
    "valid_until": r"valable\s+jusqu'(?:au|a)|valide\s+jusqu'(?:au|a)|valid\s+(?:until|to|through)|date\s+de\s+fin"
    r"\s+de\s+validite|fin\s+de\s+validite|date\s+d'(?:expiration|echeance)|expiry\s+date|"
    r"expiration\s+date|expires?\s+on|echeance",
}
_REFERENTIAL = (
    re.compile(
        r"(?:referentiel|referential|standard|exigences)[^\n]{0,40}?(?P<v>2018|2024|v\s?[12](?:\.\d)?|"
        r"version\s+[12](?:\.\d)?)"
    ),
    re.compile(r"\bhds\s+(?P<v>v\s?[12](?:\.\d)?)\b|\bhds\s+(?P<w>v?2018|v?2024)\b"),
)
_SCOPE = re.compile(r"activit|perimetre|scope|infrastructure\s+physique|infogereur")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa]|\d\s*[).]|\(\d\))\s*")
_MARKETING = re.compile(
    r"hds[\s-]?ready|compatibles?\s+hds|hds[\s-]compatible|hds[\s-]compliant|conformes?\s+(?:aux\s+exigences\s+)?hds|"
    r"serveurs?\s+hds|infrastructures?\s+hds|datacenters?\s+hds|certifiable\s+hds|label(?:lise)?\s+hds|"
    r"\bhipaa\b|\bsoc\s?2\b"
)
# "hébergé chez Nuage Fictif", "hosted by ExampleCloud": a host named with capitalised words (original text).
_HOSTED_AT = re.compile(
    r"(?i:h[ée]berg[ée]e?s?\s+(?:chez|par)|hosted\s+(?:by|at|on|with))\s+"
    r"(?:(?i:un\s+h[ée]bergeur\s+(?:certifi[ée]\s+)?hds|an?\s+hds[\s-]certified\s+host)\s*[:(,]?\s*)?"
    r"(?P<v>[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9][\w&'’.-]*){0,4})"
)
_AGREMENT = re.compile(r"\bagrement\b|hebergeurs?\s+agrees?|\bagree\s+(?:par|pour|hebergeur)")


class CertificateReading(BaseModel):
    """The fields read from a certificate, each with the quote it was read from."""

    origin: str
    entity: str | None = None
    siren: str | None = None
    certificate_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    renewed_on: date | None = None
    valid_until: date | None = None
    activities: list[int] = Field(default_factory=list)
    invented_activities: list[str] = Field(default_factory=list)
    referential: Referential | None = None
    hosts: list[str] = Field(default_factory=list)
    marketing_terms: list[str] = Field(default_factory=list)
    mentions_agrement: bool = False
    quotes: dict[str, Evidence] = Field(default_factory=dict)

    def claim(self) -> HdsClaim:
        return HdsClaim(
            origin=self.origin,
            entity=self.entity,
            siren=self.siren,
            certificate_number=self.certificate_number,
            issuer=self.issuer,
            issued_on=self.issued_on,
            valid_until=self.valid_until,
            activities=self.activities,
            invented_activities=self.invented_activities,
            referential=self.referential,
            hosts=self.hosts,
            marketing_terms=self.marketing_terms,
            mentions_agrement=self.mentions_agrement,
        )


def parse_certificate(path: str | Path) -> CertificateReading:
    """Read a certificate or attestation file (PDF, DOCX, text) through the common ingestion."""
    from vendorcheck.ingest import load

    return read_certificate(load(path))


def read_certificate(document: Document) -> CertificateReading:
    """The fields a certificate's text states, each quoted from `document` (named in `origin`)."""
    text = document.text
    folded = fold(text)
    reading = CertificateReading(origin=document.name)
    for field, pattern in (
        ("certificate_number", _NUMBER),
        ("certificate_number", _NUMBER_AFTER_HDS),
        ("issuer", _ISSUER),
        ("entity", _ENTITY),
        ("entity", _ENTITY_SENTENCE),
    ):
        match = pattern.search(folded)
        if match and getattr(reading, field) is None:
            value = _clean(text[match.start("v") : match.end("v")])
            setattr(reading, field, value)
            reading.quotes[field] = document.quote(match.start("v"), match.start("v") + len(value))
    if reading.issuer is None:
        reading.issuer = _first_issuer_name(document, folded, reading)
    siren = _SIREN.search(folded)
    if siren and siren_valid(siren.group("v")):
        reading.siren = "".join(c for c in siren.group("v") if c.isdigit())[:9]
    _read_dates(document, folded, reading)
    _read_scope(document, folded, reading)
    reading.referential = _referential(folded)
    reading.marketing_terms = sorted({text[m.start() : m.end()] for m in _MARKETING.finditer(folded)}, key=str.lower)
    reading.mentions_agrement = bool(_AGREMENT.search(folded))
    reading.hosts = list(dict.fromkeys(_clean(m.group("v")) for m in _HOSTED_AT.finditer(text)))
    return reading


def _clean(value: str) -> str:
    return value.strip(" \t.,:;-–*_\"'«»“”")


def _first_issuer_name(document: Document, folded: str, reading: CertificateReading) -> str | None:
    """No 'issued by' label: the first certifying body named in the text, else the first authority.
    Genuine certificates cite the ANS or the ministry as publishers of the referential; a fake one has
    nothing else to name."""
    hits = []
    for name in issuer_names():
        match = re.search(rf"(?<![a-z]){re.escape(fold(name))}(?![a-z])", folded)
        if match:
            authority = check_issuer(name).status == "not_certifier"
            hits.append((authority, match.start(), -len(name), match.end()))
    if not hits:
        return None
    _, start, _, end = min(hits)
    reading.quotes["issuer"] = document.quote(start, end)
    return document.text[start:end]


def _read_dates(document: Document, folded: str, reading: CertificateReading) -> None:
    dates = find_dates(document.text)
    for field, label in _DATE_LABELS.items():
        for match in re.finditer(label, folded):
            following = [d for d in dates if match.end() <= d[0] <= match.end() + 60]
            if following:
                start, end, value = following[0]
                setattr(reading, field, value)
                reading.quotes[field] = document.quote(start, end)
                break


def _read_scope(document: Document, folded: str, reading: CertificateReading) -> None:
    """Activities from the scope lines only: the header line and the list items under it. Dates and
    numbers elsewhere in a certificate would otherwise be read as activity numbers."""
    numbers: set[int] = set()
    invented: list[str] = []
    offset, in_list = 0, False
    for line in folded.splitlines(keepends=True):
        bare = line.strip()
        is_scope = bool(_SCOPE.search(bare))
        is_item = in_list and bool(_LIST_ITEM.match(line))
        if is_scope or is_item:
            cleaned = _without_dates(line)
            reading_ = read_activities(_LIST_ITEM.sub(" ", cleaned, count=1) if is_item else cleaned)
            numbers.update(reading_.numbers)
            invented += [i for i in reading_.invented if i not in invented]
            if reading_.numbers or reading_.invented:
                reading.quotes.setdefault("activities", document.quote(offset, offset + len(line.rstrip("\n"))))
        if is_scope:
            in_list = True
        elif bare and not is_item:
            in_list = False
        offset += len(line)
    reading.activities = sorted(numbers)
    reading.invented_activities = invented


def _without_dates(line: str) -> str:
    for start, end, _ in reversed(find_dates(line)):
        line = line[:start] + " " * (end - start) + line[end:]
    return re.sub(r"\d{3,}|\d+[.,]\d+|\(\d+\)", " ", line)


def _referential(folded: str) -> Referential | None:
    for pattern in _REFERENTIAL:
        match = pattern.search(folded)
        if match:
            value = (match.groupdict().get("v") or match.groupdict().get("w") or "").replace(" ", "")
            if "2018" in value or re.search(r"(?:v|version)1", value):
                return "2018"
            if "2024" in value or re.search(r"(?:v|version)2", value):
                return "2024"
    return None
