"""Word contracts for tests: our own weak contract, the PACS sample weakened in its Word numbering,
Markdown turned into DOCX by python-docx (fast) or by LibreOffice (as an office suite saves it; slow),
and LibreOffice headless: conversions, and its own "Accept all" and "Reject all"."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tests.addendum.wordml import edit_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PACS = Path(__file__).resolve().parents[1] / "samples" / "contracts" / "pacs-radiologie-hebergement.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

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


def _text(paragraph) -> str:  # noqa: ANN001 - lxml element
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def weakened_pacs() -> bytes:
    """The complete PACS contract with its audit, assistance and breach articles removed and its ban
    on other uses turned into a permission: one weakening and gaps, one of them a requirement the contract no
    longer addresses at all (the added article), in a document Word numbers itself."""

    def weaken(root: etree._Element) -> None:
        body = root.find(f"{W}body")
        for title in ("Audits et documentation", "Assistance au Cabinet", "Incidents, violations"):
            children = list(body)
            start = next(i for i, p in enumerate(children) if _text(p).startswith(title))
            style = children[start].find(f"{W}pPr/{W}pStyle").get(f"{W}val")
            end = next(
                i
                for i in range(start + 1, len(children))
                if (s := children[i].find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") == style
            )
            for paragraph in children[start:end]:
                body.remove(paragraph)
        ban = next(p for p in body.iter(f"{W}p") if _text(p).startswith("L’Hébergeur s’interdit d’utiliser"))
        runs = ban.findall(f"{W}r")
        text = runs[0].find(f"{W}t")
        text.text = (
            "L’Hébergeur peut utiliser les Données hébergées afin d’améliorer ses services et d’établir "
            "des statistiques d’usage. "
        )
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")  # as Word writes an edge space
        for extra in runs[1:]:
            ban.remove(extra)
        kept = etree.SubElement(ban, f"{W}r")
        etree.SubElement(etree.SubElement(kept, f"{W}rPr"), f"{W}b")
        etree.SubElement(kept, f"{W}t").text = "Les Données hébergées restent confidentielles."

    return edit_document(PACS.read_bytes(), weaken)


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
            paragraph.add_run(text[position : match.start()])
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
        [
            command,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
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


# A Basic macro run by LibreOffice headless: open a document hidden, run one of Writer's commands on it
# ("AcceptAllTrackedChanges", "RejectAllTrackedChanges"), save it in Word format.
_RESOLVE_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(source As String, target As String, command As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, hidden())
  Dim none(0) As New com.sun.star.beans.PropertyValue
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  frame = doc.getCurrentController().getFrame()
  dispatcher.executeDispatch(frame, &quot;.uno:&quot; &amp; command, &quot;&quot;, 0, none())
  Dim word(0) As New com.sun.star.beans.PropertyValue
  word(0).Name = &quot;FilterName&quot;
  word(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(target), word())
  doc.close(True)
End Sub
</script:module>
"""


def libreoffice_resolve(source: Path, command: str, folder: Path) -> Path:
    """The document after LibreOffice's own "Accept all" or "Reject all" (`command`), saved as DOCX."""
    soffice = require_soffice()
    profile = folder / "lo-macro-profile"
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.is_file():  # a fresh profile holds an empty Module1 once LibreOffice has started in it
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"],
            capture_output=True,
            timeout=180,
            check=False,
        )
        module.write_text(_RESOLVE_MACRO, encoding="utf-8")
    target = folder / f"{source.stem}-{command}.docx"
    macro = f'macro:///Standard.Module1.Resolve("{source}","{target}","{command}")'
    completed = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", macro],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert target.is_file(), completed.stderr
    return target


def styled_paragraphs(data: bytes) -> list[str]:
    """Each paragraph with text as `style|numbered| text`: what a reader sees of its formatting."""
    import io
    import zipfile

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    out = []
    for paragraph in root.iter(f"{w}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{w}t"))
        if text.strip():
            style = paragraph.find(f"{w}pPr/{w}pStyle")
            numbered = paragraph.find(f"{w}pPr/{w}numPr") is not None
            out.append(f"{style.get(f'{w}val') if style is not None else '-'}|{'N' if numbered else ''}| {text}")
    return out
