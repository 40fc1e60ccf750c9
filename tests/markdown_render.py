"""Any Markdown contract rendered as a Word document and as a PDF, the way office tools lay them out.

Used by the rendering-agreement test: the same contract read from three formats must get the same review.
Headings become Word heading styles / bold PDF headings, list items Word list paragraphs / indented PDF
items, tables real tables, and every paragraph flows in the page width (so a PDF line breaks anywhere
in a sentence), under a running header and a "Page N" footer that ingestion must drop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|\(?[a-zA-Z]\)|\(?[ivx]{1,4}\))\s+(.*)$")
_SETEXT = re.compile(r"^\s*(=+|-{3,})\s*$")
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")


@dataclass
class Block:
    kind: str  # heading, para, item, table
    text: str = ""
    level: int = 1
    marker: str = ""
    rows: list[list[str]] = field(default_factory=list)


def inline(text: str) -> str:
    """Markdown and HTML markup removed, the words kept: links keep their text, escapes their character."""
    text = re.sub(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)", "", text)
    text = re.sub(r"\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)", r"\1", text)
    text = re.sub(r"<[^<>\n]{0,500}>", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)", r"\1", text)
    return " ".join(text.split())


def parse(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    lines = markdown.splitlines()
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = inline(" ".join(paragraph))
            if text:
                blocks.append(Block("para", text))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.lstrip().startswith("|"):
            flush()
            rows = []
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                if not _TABLE_RULE.match(lines[index]):
                    rows.append([inline(cell) for cell in lines[index].strip().strip("|").split("|")])
                index += 1
            width = max(len(row) for row in rows) if rows else 0
            if rows:
                blocks.append(Block("table", rows=[row + [""] * (width - len(row)) for row in rows]))
            continue
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading and inline(heading.group(2)):
            flush()
            blocks.append(Block("heading", inline(heading.group(2)), level=len(heading.group(1))))
        elif line.strip() and _SETEXT.match(following) and not paragraph:
            blocks.append(Block("heading", inline(line), level=1 if following.strip()[0] == "=" else 2))
            index += 1
        elif item and inline(item.group(1)):
            flush()
            marker = line.strip()[: len(line.strip()) - len(item.group(1))].strip()
            blocks.append(Block("item", inline(item.group(1)), marker=marker))
        elif not line.strip() or _SETEXT.match(line):
            flush()
        else:
            paragraph.append(line)
        index += 1
    flush()
    return blocks


def render_docx(blocks: list[Block], out: Path, title: str) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = title
    for block in blocks:
        if block.kind == "heading":
            document.add_paragraph(block.text, style=f"Heading {min(block.level, 6)}")
        elif block.kind == "item":
            numbered = block.marker[:1].isdigit()
            text = block.text if block.marker in ("-", "*", "+", "•") or numbered else f"{block.marker} {block.text}"
            document.add_paragraph(text, style="List Number" if numbered else "List Bullet")
        elif block.kind == "para":
            document.add_paragraph(block.text)
        else:
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]), style="Table Grid")
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(out)


def render_pdf(blocks: list[Block], out: Path, title: str) -> None:
    import os
    from xml.sax.saxutils import escape

    import reportlab
    from reportlab import rl_config
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1
    fonts = Path(os.path.dirname(reportlab.__file__)) / "fonts"
    pdfmetrics.registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-Bold", str(fonts / "VeraBd.ttf")))
    body = ParagraphStyle("body", fontName="Vera", fontSize=10, leading=13, alignment=TA_JUSTIFY, spaceAfter=5)
    item = ParagraphStyle("item", parent=body, leftIndent=0.9 * cm, firstLineIndent=-0.5 * cm)
    heading = ParagraphStyle(
        "heading",
        parent=body,
        fontName="Vera-Bold",
        fontSize=11.5,
        leading=15,
        spaceBefore=8,
        alignment=0,
        keepWithNext=1,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, alignment=0)

    def furniture(canvas, document) -> None:  # noqa: ANN001 - reportlab's callback signature
        canvas.setFont("Vera", 7.5)
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, title)
        canvas.drawRightString(A4[0] - 2 * cm, 1.1 * cm, f"Page {document.page}")

    story = []
    for block in blocks:
        if block.kind == "heading":
            story.append(Paragraph(escape(block.text), heading))
        elif block.kind == "item":
            marker = "•" if block.marker in ("-", "*", "+", "•") else block.marker
            story.append(Paragraph(escape(f"{marker} {block.text}"), item))
        elif block.kind == "para":
            story.append(Paragraph(escape(block.text), body))
        else:
            rows = [[Paragraph(escape(c), cell) for c in row] for row in block.rows]
            table = Table(
                rows, repeatRows=1, hAlign="LEFT", colWidths=[16.6 * cm / len(block.rows[0])] * len(block.rows[0])
            )
            table.setStyle(
                TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "#777777"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
            )
            story += [table, Spacer(1, 6)]
    SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2 * cm,
        title=title,
    ).build(story, onFirstPage=furniture, onLaterPages=furniture)
