"""The declaration the practice sends to a supplier, as commented YAML, JSON or an XLSX workbook.

One field list drives the three templates and the XLSX reader, so they cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

TemplateFormat = Literal["yaml", "json", "xlsx"]

# (dotted key, question, help) — the order of the questionnaire.
SCALARS: tuple[tuple[str, str, str], ...] = (
    ("vendor.name", "Raison sociale de l'entité qui signe le contrat", "comme sur l'extrait Kbis"),
    ("vendor.siren", "SIREN de cette entité", "9 chiffres"),
    ("vendor.trade_names", "Noms commerciaux", "séparés par des virgules"),
    ("vendor.address", "Adresse du siège", ""),
    ("vendor.contact", "Personne à contacter pour cette déclaration", "nom, fonction, e-mail"),
    (
        "service",
        "Type de service",
        "iaas, paas, saas, backup (sauvegarde), pacs (imagerie) ou support (infogérance avec accès à distance)",
    ),
    ("service_description", "Description du service fourni au cabinet", ""),
    ("products", "Produits ou offres souscrits", "séparés par des virgules"),
    ("hds.certified", "Êtes-vous vous-même certifié hébergeur de données de santé (HDS) ?", "oui ou non"),
    ("hds.certificate_number", "Numéro de votre certificat HDS", "joindre une copie du certificat"),
    ("hds.certifying_body", "Organisme certificateur", "accrédité par le COFRAC ou un équivalent européen"),
    ("hds.issued_on", "Date de délivrance du certificat", "JJ/MM/AAAA"),
    ("hds.valid_until", "Date de fin de validité du certificat", "JJ/MM/AAAA"),
    (
        "hds.activities",
        "Activités couvertes par votre certificat",
        "numéros 1 à 6 de l'article R.1111-9 du code de "
        "la santé publique : 1 sites physiques, 2 infrastructure matérielle, 3 infrastructure "
        "virtuelle, 4 plateforme d'hébergement d'applications, 5 administration et exploitation, "
        "6 sauvegarde",
    ),
    ("hds.referential", "Version du référentiel de certification", "2018 (v1.1) ou 2024 (v2)"),
    (
        "transfers_outside_eea",
        "Des données sont-elles transférées, ou accessibles, hors de l'Espace économique européen ?",
        "oui ou non, y compris pour le support et la maintenance",
    ),
    ("transfer_countries", "Si oui, pays concernés", "séparés par des virgules"),
    ("breach_notification_hours", "Délai de notification d'une violation de données au cabinet", "en heures"),
    ("signed.name", "Nom du signataire", ""),
    ("signed.role", "Fonction du signataire", ""),
    ("signed.signed_on", "Date de la déclaration", "JJ/MM/AAAA"),
)
# dotted key of a list -> (sheet title, question, [(column key, column label)])
TABLES: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "hds.hosts": (
        "Hébergeurs HDS",
        "Hébergeurs certifiés HDS auxquels vous recourez (une ligne par hébergeur)",
        (
            ("name", "Hébergeur"),
            ("siren", "SIREN"),
            ("certificate_number", "N° de certificat"),
            ("activities", "Activités qu'il exerce pour vous"),
        ),
    ),
    "hosting_locations": (
        "Lieux d'hébergement",
        "Lieux où les données sont hébergées et sauvegardées",
        (("country", "Pays"), ("city", "Ville ou site"), ("provider", "Exploitant du site")),
    ),
    "sub_processors": (
        "Sous-traitants",
        "Sous-traitants ultérieurs ayant accès aux données",
        (
            ("name", "Sous-traitant ultérieur"),
            ("siren", "SIREN"),
            ("country", "Pays"),
            ("purpose", "Prestation confiée"),
        ),
    ),
}
SHEET = "Déclaration"
INTRO = (
    "Déclaration du fournisseur — à remplir par le fournisseur et à retourner au cabinet avec une copie du "
    "certificat HDS. Elle sera comparée au contrat et à la liste officielle des hébergeurs certifiés."
)


def skeleton() -> dict[str, Any]:
    """The empty declaration as nested data (lists hold one empty row to show their columns)."""
    data: dict[str, Any] = {"version": 1}
    for key, _, _ in SCALARS:
        put_path(data, key, None)
    for key, (_, _, columns) in TABLES.items():
        put_path(data, key, [{column: None for column, _ in columns}])
    return data


def put_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def yaml_template() -> str:
    """Commented YAML: each question above its key, in the questionnaire's order."""
    lines = [f"# {INTRO}", "# Laissez vide ce qui ne s'applique pas. Les dates s'écrivent JJ/MM/AAAA.", "version: 1"]
    entries = [(key, question, help_) for key, question, help_ in SCALARS]
    entries += [(key, question, "") for key, (_, question, _) in TABLES.items()]
    order = [key for key, _, _ in SCALARS]
    entries.sort(key=lambda e: _position(e[0], order))
    opened: list[str] = []
    for key, question, help_ in entries:
        *parents, last = key.split(".")
        while opened and opened != parents[: len(opened)]:
            opened.pop()
        for depth in range(len(opened), len(parents)):
            lines.append("  " * depth + f"{parents[depth]}:")
            opened.append(parents[depth])
        indent = "  " * len(parents)
        lines.append(f"{indent}# {question}" + (f" ({help_})" if help_ else ""))
        if key in TABLES:
            lines.append(f"{indent}{last}:")
            columns = TABLES[key][2]
            for i, (column, label) in enumerate(columns):
                lines.append(f"{indent}  {'- ' if i == 0 else '  '}{column}:    # {label}")
        else:
            lines.append(f"{indent}{last}:")
    return "\n".join(lines) + "\n"


def _position(key: str, order: list[str]) -> tuple[int, int]:
    """Lists go right after the scalars of their parent group (hds.hosts after hds.referential)."""
    if key in order:
        return order.index(key), 0
    parent = key.rsplit(".", 1)[0] if "." in key else ""
    same_group = [i for i, k in enumerate(order) if parent and k.startswith(parent + ".")]
    return (max(same_group) if same_group else order.index("transfers_outside_eea") - 1), 1


def json_template() -> str:
    return json.dumps({"_aide": INTRO, **skeleton()}, ensure_ascii=False, indent=2) + "\n"


def write_template(path: str | Path, fmt: TemplateFormat) -> Path:
    path = Path(path)
    if fmt == "xlsx":
        _write_xlsx(path)
    else:
        path.write_text(yaml_template() if fmt == "yaml" else json_template(), encoding="utf-8")
    return path


def _write_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    bold, grey = Font(bold=True), Font(color="888888", size=8)
    sheet.append(["Clé", "Question", "Réponse", "Aide"])
    for cell in sheet[1]:
        cell.font = bold
    for key, question, help_ in SCALARS:
        sheet.append([key, question, None, help_])
        sheet.cell(sheet.max_row, 1).font = grey
        sheet.cell(sheet.max_row, 3).fill = PatternFill("solid", fgColor="FFF7D6")
    sheet.append([])
    sheet.append([None, INTRO])
    for column, width in zip("ABCD", (24, 60, 40, 60), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_col=2, max_col=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for _, (title, question, columns) in TABLES.items():
        table = workbook.create_sheet(title)
        table.append([label for _, label in columns])
        for cell in table[1]:
            cell.font = bold
        for index in range(len(columns)):
            table.column_dimensions["ABCD"[index]].width = 32
        table.cell(1, len(columns) + 2, question).font = grey
    workbook.save(path)
