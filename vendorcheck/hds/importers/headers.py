"""Tolerant mapping of a list's column headers to entry fields ('Organisme certificateur' -> certifying_body)."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from vendorcheck.text import fold

SYNONYMS: dict[str, tuple[str, ...]] = {
    "legal_entity": (
        "raison sociale",
        "denomination",
        "denomination sociale",
        "nom",
        "nom de l hebergeur",
        "hebergeur",
        "hebergeur certifie",
        "societe",
        "entreprise",
        "organisation",
        "entite",
        "entite certifiee",
        "nom de la societe",
        "company",
        "company name",
        "name",
        "legal name",
        "legal entity",
        "host",
        "provider",
    ),
    "trade_names": (
        "nom commercial",
        "noms commerciaux",
        "marque",
        "marques",
        "enseigne",
        "trade name",
        "trade names",
        "brand",
        "brands",
        "alias",
    ),
    "former_names": (
        "ancienne denomination",
        "anciennes denominations",
        "ancien nom",
        "anciens noms",
        "ancienne raison sociale",
        "anciennement",
        "ex",
        "former name",
        "former names",
        "previous name",
        "previously",
        "formerly",
    ),
    "siren": ("siren", "siret", "numero siren", "n siren", "siren siret", "company number", "registration number"),
    "certificate_number": (
        "numero de certificat",
        "n de certificat",
        "n certificat",
        "numero du certificat",
        "certificat",
        "certificate",
        "certificate number",
        "certificate no",
        "reference du certificat",
        "num certificat",
    ),
    "certifying_body": (
        "organisme certificateur",
        "certificateur",
        "organisme de certification",
        "organisme",
        "certification body",
        "certifying body",
        "certifier",
        "issuer",
        "delivre par",
        "issued by",
    ),
    "issued_on": (
        "date de delivrance",
        "date de certification",
        "date d emission",
        "date de debut",
        "debut de validite",
        "date d obtention",
        "delivre le",
        "issue date",
        "issued on",
        "date of issue",
        "start date",
        "date de premiere certification",
        "date de delivrance initiale",
        "debut",
        "date debut",
        "valable du",
        "valide du",
        "valable a partir du",
        "valid from",
        "from",
    ),
    "valid_until": (
        "date de fin de validite",
        "fin de validite",
        "valable jusqu au",
        "date d expiration",
        "expiration",
        "date de fin",
        "echeance",
        "valid until",
        "expiry date",
        "expiry",
        "expiration date",
        "end date",
        "validite",
        "fin",
        "date fin",
        "valide jusqu au",
        "valable jusqu a",
        "expire le",
        "date d echeance",
        "until",
        "valid to",
    ),
    "activities": (
        "activites",
        "activites certifiees",
        "perimetre",
        "perimetre de certification",
        "perimetre certifie",
        "activities",
        "certified activities",
        "scope",
        "activite",
    ),
    "referential": ("referentiel", "version du referentiel", "version", "referential", "standard version"),
    "source": ("source", "url", "lien", "link"),
    "note": ("commentaire", "remarque", "note", "notes", "comment"),
}
_ACTIVITY_COLUMN = re.compile(r"^(?:activite|activity|act)\s*(?:n\s*)?([1-6])\b")
FUZZY_HEADER = 85


class HeaderMap(BaseModel):
    fields: dict[int, str] = Field(default_factory=dict, description="column index -> entry field")
    activity_columns: dict[int, int] = Field(default_factory=dict, description="column index -> activity number")
    ignored: list[str] = Field(default_factory=list)

    @property
    def usable(self) -> bool:
        return "legal_entity" in self.fields.values()

    @property
    def score(self) -> int:
        return len(self.fields) + len(self.activity_columns)


def normalise_header(header: object) -> str:
    """'N° de certificat' -> 'n de certificat'; camelCase keys of JSON exports are split ('dateFinValidite')."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(header or ""))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(spaced)).split())


def guess_field(header: object) -> tuple[str, int] | None:
    """(field, activity number or 0) for one header; exact synonyms, then whole-word containment (the
    longest synonym wins: 'date de début de validité' is an issue date), then fuzzy spelling."""
    name = normalise_header(header)
    if not name:
        return None
    activity = _ACTIVITY_COLUMN.match(name)
    if activity:
        return "activity", int(activity.group(1))
    for field, words in SYNONYMS.items():
        if name in words:
            return field, 0
    contained = [(len(w), field) for field, words in SYNONYMS.items() for w in words if f" {w} " in f" {name} "]
    if contained:
        return max(contained)[1], 0
    scored = [(fuzz.ratio(name, w), field) for field, words in SYNONYMS.items() for w in words]
    best = max(scored)
    return (best[1], 0) if best[0] >= FUZZY_HEADER else None


def map_headers(headers: list[object]) -> HeaderMap:
    """Map every header; a field claimed by two columns keeps the first, the other is reported ignored."""
    mapping = HeaderMap()
    for index, header in enumerate(headers):
        guess = guess_field(header)
        if guess is None:
            if str(header or "").strip():
                mapping.ignored.append(str(header).strip())
            continue
        field, activity = guess
        if field == "activity" and activity not in mapping.activity_columns.values():
            mapping.activity_columns[index] = activity
        elif field != "activity" and field not in mapping.fields.values():
            mapping.fields[index] = field
        else:
            mapping.ignored.append(str(header).strip())
    return mapping


def best_header_row(rows: list[list[object]], limit: int = 20) -> tuple[int, HeaderMap] | None:
    """Index of the row, among the first `limit`, that reads best as a header row (title lines above the
    table are common in spreadsheet exports)."""
    best: tuple[int, HeaderMap] | None = None
    for index, row in enumerate(rows[:limit]):
        mapping = map_headers(row)
        if mapping.usable and mapping.score >= 2 and (best is None or mapping.score > best[1].score):
            best = (index, mapping)
    return best
