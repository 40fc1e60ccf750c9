"""Word (DOCX) variant of the addendum: real styles, automatic article numbering, highlighted fill-ins.

Articles are Heading 1 paragraphs bound to a Word numbering list ("Article 1 –", "Article 2 –"...), so a
lawyer who inserts or deletes an article in Word gets the following ones renumbered; preamble and annex
headings use the same style without the list. Fill-in fields are highlighted in yellow.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import BinaryIO

from vendorcheck.addendum.markup import Block, blocks, spans
from vendorcheck.addendum.model import Addendum, Article
from vendorcheck.addendum.wording import annex_heading, legal_basis, quotation
from vendorcheck.i18n import t

FONT = "Arial"  # rendered with the metric-compatible Liberation Sans where Arial is absent
BASIS_STYLE = "Legal Basis"
TEXT_WIDTH_CM = 16  # A4 width minus two 2.5 cm margins


def render(addendum: Addendum, out: BinaryIO) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = docx.Document()
    _page_setup(document, Cm)
    _styles(document, addendum)
    num_id = _article_numbering(document, addendum)

    document.add_paragraph(addendum.title, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(addendum.subtitle, style="Subtitle").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _markup(document, addendum.parties)
    document.add_paragraph(addendum.preamble_title, style="Heading 1")
    _markup(document, addendum.preamble)
    for bookmark_id, article in enumerate(addendum.articles, start=1):
        _article(document, addendum, article, num_id, bookmark_id)
    _markup(document, addendum.closing)
    document.paragraphs[-1].paragraph_format.keep_with_next = True  # the place and date stay with the signatures
    _markup(document, addendum.signatures, table_style=None)
    for annex in addendum.annexes:
        heading = document.add_paragraph(annex_heading(annex, addendum), style="Heading 1")
        heading.paragraph_format.page_break_before = True
        _markup(document, annex.body)
    _footer(document, addendum)

    properties = document.core_properties
    properties.title = addendum.title
    properties.subject = addendum.subtitle
    properties.author = ""
    properties.comments = "vendorcheck"
    properties.language = t("format.language_tag", addendum.lang)
    properties.created = properties.modified = datetime.now(UTC).replace(tzinfo=None)
    document.save(out)


def _article(document, addendum: Addendum, article: Article, num_id: int, bookmark_id: int) -> None:  # noqa: ANN001
    heading = document.add_paragraph(article.title, style="Heading 1")
    _number(heading, num_id)
    if article.requirement:
        _bookmark(heading, bookmark_id, "vc_" + article.requirement.replace("-", "_"))
    if article.citation:
        document.add_paragraph(legal_basis(article, addendum), style=BASIS_STYLE)
    if article.lead:
        _markup(document, article.lead)
        for replaced in article.replaced:
            # Verbatim contract text: never parsed as markup.
            document.add_paragraph(quotation(replaced, addendum.lang), style="Quote")
    _markup(document, article.body)


def _markup(document, text: str, table_style: str | None = "Table Grid") -> None:  # noqa: ANN001
    for block in blocks(text):
        if block.kind == "table":
            _table(document, block, table_style)
            continue
        style = {"p": "Normal", "li": "List Bullet", "quote": "Quote", "h": "Heading 2"}[block.kind]
        paragraph = document.add_paragraph(style=style)
        _runs(paragraph, block.text)


def _runs(paragraph, text: str) -> None:  # noqa: ANN001
    from docx.enum.text import WD_COLOR_INDEX

    for span in spans(text):
        run = paragraph.add_run(span.text)
        if span.bold:
            run.bold = True
        if span.field:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _table(document, block: Block, style: str | None) -> None:  # noqa: ANN001
    """A grid for annex tables; without a style, the borderless signature block with room to sign."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    columns = max(len(row) for row in block.rows)
    widths = [Cm(5), Cm(11)] if columns == 2 and style else [Cm(TEXT_WIDTH_CM / columns)] * columns
    table = document.add_table(rows=0, cols=columns)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid widths LibreOffice follows; Word follows the cell widths
    if style:
        table.style = style
    for index, row in enumerate(block.rows):
        table_row = table.add_row()
        for cell, width, text in zip(table_row.cells, widths, row, strict=False):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT  # justified text in narrow cells leaves gaps
            _runs(paragraph, f"**{text}**" if block.header and index == 0 and text else text)
        tr_pr = table_row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if block.header and index == 0:  # repeat the header row on each page of a long annex table
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            tr_pr.append(header)
    if style is None:
        table.rows[-1].height, table.rows[-1].height_rule = Cm(3), WD_ROW_HEIGHT_RULE.AT_LEAST
    document.add_paragraph()


def _page_setup(document, Cm) -> None:  # noqa: ANN001, N803 - python-docx unit class
    for section in document.sections:  # A4, the French paper size (the default template is US Letter)
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.2)


def _styles(document, addendum: Addendum) -> None:  # noqa: ANN001
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    r_pr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")  # spelling and hyphenation in the addendum's language
    lang.set(qn("w:val"), t("format.language_tag", addendum.lang))
    r_pr.append(lang)
    for name, size in (("Title", 18), ("Subtitle", 11), ("Heading 1", 12), ("Heading 2", 11)):
        style = styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = name == "Subtitle"
        _drop_theme_fonts(style)
    styles["Heading 1"].paragraph_format.space_before = Pt(14)
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    basis = styles.add_style(BASIS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    basis.base_style = normal
    basis.font.italic, basis.font.size = True, Pt(9)
    basis.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    basis.paragraph_format.keep_with_next = True


def _drop_theme_fonts(style) -> None:  # noqa: ANN001
    """Theme font attributes override the named font in Word and LibreOffice: remove them."""
    from docx.oxml.ns import qn

    fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)


def _article_numbering(document, addendum: Addendum) -> int:  # noqa: ANN001
    """Add a one-level list drawing 'Article N –' and return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    abstract_id = 1 + max(
        (int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))), default=-1
    )
    label = f"{addendum.labels['article']} %1 –"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>'
        f'<w:lvlText w:val="{label}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))  # the schema wants every abstractNum before the nums
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return numbering.add_num(abstract_id).numId


def _number(paragraph, num_id: int) -> None:  # noqa: ANN001
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _bookmark(paragraph, bookmark_id: int, name: str) -> None:  # noqa: ANN001
    """An invisible anchor named after the rule the article fixes, to trace it back to the review."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name[:40])
    end.set(qn("w:id"), str(bookmark_id))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _footer(document, addendum: Addendum) -> None:  # noqa: ANN001
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{addendum.title} – {addendum.labels['page']} ").font.size = Pt(8)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    run_properties, size = OxmlElement("w:rPr"), OxmlElement("w:sz")
    size.set(qn("w:val"), "16")  # half-points: 8 pt like the rest of the footer
    run_properties.append(size)
    run.append(run_properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
