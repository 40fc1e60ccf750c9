"""Render the Markdown sample contract as DOCX and PDF, deterministically.

    python scripts/render_samples.py [--check]

The three renderings of `samples/contracts/pacs-radiologie-hebergement.md` must give the same review
(tests/test_renderings.py), so both are built from the Markdown, but each the way real office tools
produce them, to exercise the ingestion paths:
- DOCX: article, clause and list numbers are real Word automatic numbering (numbering.xml), not text;
  headings use Word's heading styles; tables are Word tables; a page header that must not be read.
- PDF: typographic apostrophes and non-breaking spaces as a French word processor sets them, the "fi"
  ligature in a few words, a running header and a "Page N / M" footer on every page, and soft hyphens
  so that justified lines break inside words ("héber-" / "gement").

`--check` regenerates into a temporary folder and fails if the committed files differ.
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "contracts"
SOURCE = SAMPLES / "pacs-radiologie-hebergement.md"
HEADER_LEFT = "Contrat d'hébergement PACS n° AIC-2026-0158"
HEADER_RIGHT = "Cabinet de radiologie des Quatre Vents / Armor Imagerie Cloud"
FIXED_DATE = datetime(2026, 2, 12, 9, 0, 0)


# --- Markdown subset used by the samples -------------------------------------------------------------


@dataclass
class Block:
    kind: str  # title, heading, para, clause, item, table
    text: str = ""
    label: str = ""  # "Article 5", "Annexe 2", "5.2", "a"
    rows: list[list[str]] | None = None


_ARTICLE = re.compile(r"^(Article|Annexe) (\d+) – (.+)$")
_CLAUSE = re.compile(r"^(\d+\.\d+) (.+)$")
_ITEM = re.compile(r"^([a-z])\) (.+)$")


def parse(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    table: list[list[str]] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(set(c) <= {"-", ":"} for c in cells):
                table.append(cells)
            continue
        if table:
            blocks.append(Block("table", rows=table))
            table = []
        if not line.strip():
            continue
        if line.startswith("# "):
            blocks.append(Block("title", line[2:]))
        elif line.startswith("## "):
            head = _ARTICLE.match(line[3:])
            blocks.append(
                Block("heading", head.group(3), f"{head.group(1)} {head.group(2)}")
                if head
                else Block("heading", line[3:])
            )
        elif clause := _CLAUSE.match(line):
            blocks.append(Block("clause", clause.group(2), clause.group(1)))
        elif item := _ITEM.match(line):
            blocks.append(Block("item", item.group(2), item.group(1)))
        else:
            blocks.append(Block("para", line))
    if table:
        blocks.append(Block("table", rows=table))
    return blocks


def check_numbering(blocks: list[Block]) -> None:
    """Word recomputes the numbers; the Markdown must already be numbered the way Word will count."""
    counters = {"Article": 0, "Annexe": 0}
    current, clause, letter = "", 0, 0
    for block in blocks:
        if block.kind == "heading" and block.label:
            kind, number = block.label.split()
            counters[kind] += 1
            current, clause, letter = kind, 0, 0
            expected = f"{kind} {counters[kind]}"
        elif block.kind == "clause":
            clause, letter = clause + 1, 0
            expected = f"{counters['Article']}.{clause}"
        elif block.kind == "item":
            letter += 1
            expected = chr(ord("a") + letter - 1)
        else:
            continue
        if block.label != expected:
            sys.exit(f"{SOURCE.name}: numbering out of sequence: {block.label!r}, expected {expected!r}")
        if block.kind == "clause" and current != "Article":
            sys.exit(f"{SOURCE.name}: clause {block.label} outside an article")


# --- French typography, as a word processor applies it -----------------------------------------------


def typeset(text: str) -> str:
    text = text.replace("'", "\u2019")
    text = re.sub(r" ([:;?!»%])", "\u00a0\\1", text)
    return re.sub(r"« ", "«\u00a0", text)


def _runs(text: str) -> list[tuple[str, bool]]:
    """Split `**bold**` markup into (text, bold) runs."""
    parts = re.split(r"\*\*(.+?)\*\*", text)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


# --- DOCX ---------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ARTICLE_NUM, ANNEX_NUM = 41, 42


def _numbering_xml() -> list:
    from docx.oxml import parse_xml

    def level(ilvl: int, fmt: str, text: str, indent: int) -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="space"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="0"/></w:pPr></w:lvl>'
        )

    articles = (
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{ARTICLE_NUM}">'
        '<w:multiLevelType w:val="multilevel"/>'
        + level(0, "decimal", "Article %1 –", 0)
        + level(1, "decimal", "%1.%2", 0)
        + level(2, "lowerLetter", "%3)", 567)
        + "</w:abstractNum>"
    )
    annexes = (
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{ANNEX_NUM}">'
        '<w:multiLevelType w:val="multilevel"/>'
        + level(0, "decimal", "Annexe %1 –", 0)
        + level(1, "lowerLetter", "%2)", 567)
        + "</w:abstractNum>"
    )
    nums = [
        f'<w:num xmlns:w="{_W}" w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>' for n in (ARTICLE_NUM, ANNEX_NUM)
    ]
    return [parse_xml(articles), parse_xml(annexes)] + [parse_xml(n) for n in nums]


def _number(paragraph, num_id: int, ilvl: int) -> None:  # noqa: ANN001 - python-docx Paragraph
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def render_docx(blocks: list[Block], out: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    numbering = document.part.numbering_part.element
    nodes = _numbering_xml()
    first_num = numbering.find(f"{{{_W}}}num")
    for node in nodes[:2]:  # abstractNum elements must precede every num element
        if first_num is not None:
            first_num.addprevious(node)
        else:
            numbering.append(node)
    for node in nodes[2:]:
        numbering.append(node)
    document.styles["Normal"].font.size = Pt(10.5)
    header = document.sections[0].header.paragraphs[0]
    header.text = f"{HEADER_LEFT} — {HEADER_RIGHT}"
    props = document.core_properties
    props.author, props.title = "Armor Imagerie Cloud", "Contrat d'hébergement de données de santé"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    annex = False
    for block in blocks:
        text = typeset(block.text)
        if block.kind == "title":
            document.add_paragraph(text, style="Title")
        elif block.kind == "heading":
            paragraph = document.add_paragraph(text, style="Heading 1")
            if block.label:
                annex = block.label.startswith("Annexe")
                _number(paragraph, ANNEX_NUM if annex else ARTICLE_NUM, 0)
        elif block.kind in ("clause", "item"):
            paragraph = document.add_paragraph(text)
            if block.kind == "clause":
                _number(paragraph, ARTICLE_NUM, 1)
            else:
                _number(paragraph, ANNEX_NUM if annex else ARTICLE_NUM, 1 if annex else 2)
        elif block.kind == "para":
            paragraph = document.add_paragraph()
            for run_text, bold in _runs(text):
                paragraph.add_run(run_text).bold = bold
        elif block.kind == "table":
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]), style="Table Grid")
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = typeset(cell)
                    if r == 0:
                        table.cell(r, c).paragraphs[0].runs[0].bold = True
    document.save(out)
    _normalise_zip(out)


def _normalise_zip(path: Path) -> None:
    """Fixed timestamps and member order, so that the committed DOCX only changes with its content."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


# --- PDF ----------------------------------------------------------------------------------------------

_LIGATURE_WORDS = re.compile(r"\b(certifi\w*|confi\w*|fin|finalité\w*|définition\w*|modifi\w*)\b")
_VOWELS = "aeiouyàâéèêëîïôûù"


def _soft_hyphens(word: str) -> str:
    """Offer break points in long words the way a hyphenation dictionary would (consonant-vowel)."""
    if len(word) < 10 or not word.isalpha() or not word.islower():
        return word
    out, last = [], 0
    for i in range(3, len(word) - 3):
        if i - last >= 3 and word[i] not in _VOWELS and word[i - 1] in _VOWELS and word[i + 1] in _VOWELS:
            out.append(word[last:i])
            last = i
    out.append(word[last:])
    return "\u00ad".join(out)


def _pdf_text(text: str, ligatures: bool) -> str:
    from xml.sax.saxutils import escape

    text = typeset(text)
    if ligatures:
        text = _LIGATURE_WORDS.sub(lambda m: m.group().replace("fi", "\ufb01"), text)
    text = re.sub(r"[^\W\d_]+", lambda m: _soft_hyphens(m.group()), text)
    text = escape(text)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)


def render_pdf(blocks: list[Block], out: Path) -> None:
    import os

    import reportlab
    from reportlab import rl_config
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1  # no creation date or random document id: the output is reproducible
    fonts = Path(os.path.dirname(reportlab.__file__)) / "fonts"
    for name, file in (
        ("Vera", "Vera.ttf"),
        ("Vera-Bold", "VeraBd.ttf"),
        ("Vera-Italic", "VeraIt.ttf"),
        ("Vera-BoldItalic", "VeraBI.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    pdfmetrics.registerFontFamily(
        "Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic", boldItalic="Vera-BoldItalic"
    )
    body = ParagraphStyle(
        "body",
        fontName="Vera",
        fontSize=10,
        leading=13.5,
        alignment=TA_JUSTIFY,
        spaceAfter=5,
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
    )
    item = ParagraphStyle("item", parent=body, leftIndent=0.9 * cm, firstLineIndent=-0.6 * cm)
    heading = ParagraphStyle(
        "heading",
        parent=body,
        fontName="Vera-Bold",
        fontSize=11.5,
        leading=15,
        spaceBefore=9,
        spaceAfter=5,
        alignment=0,
        keepWithNext=1,
    )
    title = ParagraphStyle("title", parent=heading, fontSize=15, leading=19, alignment=1, spaceAfter=10)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, alignment=0)

    class NumberedCanvas(canvas.Canvas):
        """Two-pass page furniture: "Page N / M" needs the page count."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(copy.copy(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(len(self._pages))
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = A4
            self.setFont("Vera", 7.5)
            self.drawString(2 * cm, height - 1.2 * cm, typeset(HEADER_LEFT))
            self.drawRightString(width - 2 * cm, height - 1.2 * cm, HEADER_RIGHT)
            self.line(2 * cm, height - 1.35 * cm, width - 2 * cm, height - 1.35 * cm)
            self.drawString(2 * cm, 1.1 * cm, "Confidentiel – paraphe des Parties : ______")
            self.drawRightString(width - 2 * cm, 1.1 * cm, f"Page {self._pageNumber} / {total}")

    story = []
    for index, block in enumerate(blocks):
        ligatures = index % 3 == 0  # some paragraphs only: real PDFs mix ligated and plain glyphs
        if block.kind == "title":
            story.append(Paragraph(_pdf_text(block.text, False), title))
        elif block.kind == "heading":
            label = f"{block.label} – " if block.label else ""
            story.append(Paragraph(_pdf_text(label + block.text, False), heading))
        elif block.kind == "clause":
            story.append(Paragraph(_pdf_text(f"{block.label} {block.text}", ligatures), body))
        elif block.kind == "item":
            story.append(Paragraph(_pdf_text(f"{block.label}) {block.text}", ligatures), item))
        elif block.kind == "para":
            story.append(Paragraph(_pdf_text(block.text, ligatures), body))
        elif block.kind == "table":
            rows = [[Paragraph(_pdf_text(c, False), cell) for c in row] for row in block.rows]
            table = Table(rows, repeatRows=1, hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, "#777777"),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
                    ]
                )
            )
            story += [table, Spacer(1, 6)]
    document = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2 * cm,
        title="Contrat d'hébergement",
        author="Armor Imagerie Cloud",
        creator="vendorcheck render_samples",
    )
    document.build(story, canvasmaker=NumberedCanvas)


def render_all(target: Path) -> list[Path]:
    blocks = parse(SOURCE.read_text(encoding="utf-8"))
    check_numbering(blocks)
    outputs = [target / f"{SOURCE.stem}.docx", target / f"{SOURCE.stem}.pdf"]
    render_docx(blocks, outputs[0])
    render_pdf(blocks, outputs[1])
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed renderings are stale")
    args = parser.parse_args()
    if not args.check:
        for path in render_all(SAMPLES):
            print(path.relative_to(ROOT))
        return
    with tempfile.TemporaryDirectory() as tmp:
        stale = [p.name for p in render_all(Path(tmp)) if not filecmp.cmp(p, SAMPLES / p.name, shallow=False)]
    if stale:
        sys.exit("stale renderings, run scripts/render_samples.py: " + ", ".join(stale))
    print("renderings up to date")


if __name__ == "__main__":
    main()
