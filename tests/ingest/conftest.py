"""Small PDF and DOCX files built in the test, so each one shows exactly the case it tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "contracts"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """`make_pdf([["line", ...], ...], header=..., footer="Page {n} / {total}")`: one list of lines a page.

    Lines are drawn top-down at fixed positions, header and footer after the body, as word processors
    do; a line may contain U+FB01 to draw the "fi" ligature glyph (Vera has it).
    """

    def build(
        pages: list[list[str]], *, header: str | None = None, footer: str | None = None, name: str = "doc.pdf"
    ) -> Path:
        import os

        import reportlab
        from reportlab import rl_config
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        rl_config.invariant = 1
        pdfmetrics.registerFont(TTFont("Vera", os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")))
        path = tmp_path / name
        c = canvas.Canvas(str(path))
        for n, lines in enumerate(pages, start=1):
            c.setFont("Vera", 10)
            for i, line in enumerate(lines):
                c.drawString(60, 760 - 14 * i, line)
            c.setFont("Vera", 8)
            if header:
                c.drawString(60, 810, header.format(n=n, total=len(pages)))
            if footer:
                c.drawString(60, 30, footer.format(n=n, total=len(pages)))
            c.showPage()
        c.save()
        return path

    return build


def document_xml(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """`make_docx(body_xml, numbering=..., styles=...)`: a minimal but valid package around raw WordML,
    for constructs python-docx cannot write (tracked changes, content controls, list overrides)."""

    def build(body: str, *, numbering: str | None = None, styles: str | None = None, name: str = "doc.docx") -> Path:
        parts = {"word/document.xml": document_xml(body)}
        rels, overrides = [], []
        for rid, (part, xml, kind) in enumerate(
            (("numbering", numbering, "numbering"), ("styles", styles, "styles")), start=1
        ):
            if xml is None:
                continue
            parts[f"word/{part}.xml"] = f'<w:{kind} xmlns:w="{W_NS}">{xml}</w:{kind}>'
            rels.append(
                f'<Relationship Id="rId{rid}" Target="{part}.xml" Type="http://schemas.'
                f'openxmlformats.org/officeDocument/2006/relationships/{kind}"/>'
            )
            overrides.append(
                f'<Override PartName="/word/{part}.xml" ContentType="application/vnd.'
                f'openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
            )
        parts["[Content_Types].xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/>' + "".join(overrides) + "</Types>"
        )
        parts["_rels/.rels"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        )
        parts["word/_rels/document.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">' + "".join(rels) + "</Relationships>"
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, xml in parts.items():
                archive.writestr(part, xml)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue())
        return path

    return build
