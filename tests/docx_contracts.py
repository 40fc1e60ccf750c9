"""Word contracts for tests: our own weak contract, Markdown turned into DOCX by python-docx (fast) or by
LibreOffice (as an office suite saves it; slow), and the LibreOffice command shared by the tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# Written for these tests, in our own words; every name is invented. Typed article numbers, a table, the
# place and date, the signatures and an annex: the added article must land before the signatures.
WEAK_CONTRACT = """# Contrat de services informatiques du centre médical des Tilleuls

Le présent contrat est conclu entre **Logimed Services**, société par actions simplifiée dont le siège est à \
Lyon (ci-après « le Fournisseur »), et le **Centre médical des Tilleuls**, cabinet de médecine générale \
(ci-après « le Client »).

## Article 1 – Objet

Le Fournisseur met à la disposition du Client un logiciel de dossier médical hébergé sur ses serveurs, \
ainsi que la maintenance de ce logiciel.

## Article 2 – Données du Client

2.1 Le Fournisseur héberge les dossiers des patients du Client, qui contiennent des données de santé.

2.2 Le Fournisseur peut exploiter les données hébergées pour ses propres besoins, notamment afin \
d'améliorer ses logiciels et d'établir des statistiques commerciales.

2.3 Le Fournisseur peut faire appel librement à tout sous-traitant de son choix, sans préavis ni \
autorisation du Client.

## Article 3 – Sécurité

Le Fournisseur protège les données par des mesures techniques et organisationnelles appropriées, \
notamment le chiffrement des échanges et des sauvegardes quotidiennes.

## Article 4 – Fin du contrat

À l'expiration du contrat, les données du Client sont conservées ou détruites à la seule discrétion du \
Fournisseur.

## Article 5 – Prix

| Prestation | Prix mensuel |
|---|---|
| Licence du logiciel | 120 euros |
| Hébergement et sauvegarde | 40 euros |

Fait à Lyon, le 3 mars 2026, en deux exemplaires.

Pour le Fournisseur : Paul Girard, président. Pour le Client : Docteur Anne Morel.

## Annexe 1 – Description du logiciel

Le logiciel comprend un agenda, un dossier patient et un module de facturation.
"""

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def python_docx(markdown: str) -> bytes:
    """The Markdown as a Word document written by python-docx: headings in Word's heading styles, bold
    runs, Word tables; article numbers typed in the text."""
    import io

    import docx

    document = docx.Document()
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        if line.startswith("|"):
            rows = [line]
            while index < len(lines) and lines[index].startswith("|"):
                rows.append(lines[index])
                index += 1
            cells = [[c.strip() for c in r.strip("|").split("|")] for r in rows if not set(r) <= set("|-: ")]
            table = document.add_table(rows=len(cells), cols=len(cells[0]))
            for row, values in zip(table.rows, cells, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
            continue
        level = len(line) - len(line.lstrip("#"))
        paragraph = document.add_paragraph(style=f"Heading {level}" if level else None)
        position = 0
        text = line.lstrip("# ")
        for match in _BOLD.finditer(text):
            paragraph.add_run(text[position:match.start()])
            paragraph.add_run(match.group(1)).bold = True
            position = match.end()
        paragraph.add_run(text[position:])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def require_soffice() -> str:
    """The LibreOffice command; a skip on a machine without it, a failure in CI (which installs it)."""
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (.ci/setup.d/libreoffice.sh)")
        pytest.skip("LibreOffice absent (CI installs it: .ci/setup.d/libreoffice.sh)")
    return SOFFICE


def soffice_convert(source: Path, target_format: str, folder: Path) -> Path:
    """Convert a file with LibreOffice headless, in a private profile, and return the converted file."""
    command = require_soffice()
    profile = folder / "lo-profile"  # no clash with a running LibreOffice or another test worker
    completed = subprocess.run(
        [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target_format, "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=180, check=False)
    converted = folder / f"{source.stem}.{target_format.split(':')[0]}"
    assert completed.returncode == 0 and converted.is_file(), completed.stderr
    return converted


def libreoffice_docx(markdown: str, folder: Path, stem: str) -> bytes:
    """The Markdown as LibreOffice Writer saves it in Word format (through HTML, which it imports)."""
    from markdown_it import MarkdownIt

    folder.mkdir(parents=True, exist_ok=True)
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    source = folder / f"{stem}.html"
    source.write_text(f"<html><head><meta charset='utf-8'></head><body>{html}</body></html>", encoding="utf-8")
    return soffice_convert(source, "docx:MS Word 2007 XML", folder).read_bytes()
