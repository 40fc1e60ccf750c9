"""Make scanned and photographed renderings of the sample contracts, deterministically.

    python scripts/make_scans.py [--out DIR]        # default: samples/scans/ (not committed)

A doctor's signed contract comes back from the printer and the scanner, or from a phone camera. This
script makes both from the shipped text samples, so that OCR is tested on pages whose true text is
known, without committing megabytes of images:
- `<sample>-scan.pdf`: every shipped PDF sample printed and scanned, an image-only PDF at 200 dpi
  greyscale, each page slightly skewed (a sheet never lies perfectly straight on the glass), with
  sensor noise and the faint grey of recycled paper; JPEG inside, as scanners write;
- `<sample>-photo-p<N>.jpg`: one page photographed with a phone, held a little askew (perspective and
  a few degrees of rotation), lit from one side (uneven light, a darker corner), JPEG compressed.

The same seed gives the same pixels: the tests call `scan_pdf` and `photograph` at test time.
`text_pdf` prints any Markdown text as a plain PDF (headings bold, paragraphs justified), for checking
OCR on other texts (`benchmarks/ocr_agreement.py` on the corpus).
"""

from __future__ import annotations

import argparse
import io
import math
import re
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "contracts"
SCAN_DPI = 200
PHOTO_PAGE = 4  # the PACS contract's page with the breach-notice, audit and sub-processor clauses
SEED = 13


def rasterise(pdf: Path | bytes, dpi: int = SCAN_DPI, pages: list[int] | None = None) -> list[Image.Image]:
    """Greyscale images of the PDF's pages (all, or the 1-based `pages`), as a scanner would see them."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        numbers = pages or list(range(1, len(document) + 1))
        return [document[n - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for n in numbers]
    finally:
        document.close()


def scanned(page: Image.Image, rng: np.random.Generator, noise: float = 7.0) -> Image.Image:
    """A flatbed scan of a printed page: a fraction of a degree of skew, paper grey, sensor noise
    (standard deviation `noise`, in grey levels)."""
    angle = float(rng.uniform(-0.8, 0.8))
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(page, dtype=np.float32)
    pixels = 18 + pixels * (232 / 255)  # ink is never black nor paper white once scanned
    pixels += rng.normal(0, noise, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")


def image_pdf(pages: list[Image.Image], dpi: int = SCAN_DPI, quality: int = 75) -> bytes:
    """An image-only PDF, one JPEG page per image, without dates or ids: same pages, same bytes."""
    from reportlab import rl_config
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pageCompression=1)
    for page in pages:
        width, height = page.width * 72 / dpi, page.height * 72 / dpi
        jpeg = io.BytesIO()
        page.save(jpeg, "JPEG", quality=quality, dpi=(dpi, dpi))
        pdf.setPageSize((width, height))
        pdf.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, width, height)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def scan_pdf(pdf: Path | bytes, seed: int = SEED, dpi: int = SCAN_DPI, noise: float = 7.0) -> bytes:
    """The text PDF `pdf` printed and scanned: an image-only PDF with no text layer."""
    rng = np.random.default_rng(seed)
    return image_pdf([scanned(page, rng, noise) for page in rasterise(pdf, dpi)], dpi)


def photograph(pdf: Path | bytes, page: int = PHOTO_PAGE, seed: int = SEED) -> bytes:
    """A phone photo (JPEG) of one page of `pdf`: askew, in perspective, lit from one side."""
    rng = np.random.default_rng(seed)
    sheet = rasterise(pdf, 220, [page])[0]
    # The sheet lies on a darker desk; the phone sees it a little from below and turned by a few degrees.
    margin = 120
    desk = Image.new("L", (sheet.width + 2 * margin, sheet.height + 2 * margin), 95)
    desk.paste(sheet, (margin, margin))
    width, height = desk.size
    squeeze = 0.04 * width
    quad = (squeeze, 0, 0, height, width, height, width - squeeze, 0)  # top edge further away: narrower
    desk = desk.transform(desk.size, Image.Transform.QUAD, quad, resample=Image.Resampling.BICUBIC, fillcolor=95)
    desk = desk.rotate(float(rng.uniform(2.5, 3.5)), resample=Image.Resampling.BICUBIC, fillcolor=95)
    pixels = np.asarray(desk, dtype=np.float32)
    # Light from the upper left: brightness falls to about 60 % in the opposite corner.
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    light = 1.0 - 0.4 * np.hypot(xs / width, ys / height) / math.sqrt(2)
    pixels = pixels * light + rng.normal(0, 5, pixels.shape)
    photo = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.7))
    out = io.BytesIO()
    photo.convert("RGB").save(out, "JPEG", quality=82)
    return out.getvalue()


def text_pdf(markdown: str, *, columns: int = 1, size: float = 10, serif: bool = False) -> bytes:
    """Markdown printed as a plain A4 document: '#' headings bold, other lines justified paragraphs,
    in one or more columns, at `size` points, in a sans-serif (Vera) or serif (Times) face."""
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
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    rl_config.invariant = 1
    fonts = Path(os.path.dirname(reportlab.__file__)) / "fonts"
    pdfmetrics.registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-Bold", str(fonts / "VeraBd.ttf")))
    regular, bold = ("Times-Roman", "Times-Bold") if serif else ("Vera", "Vera-Bold")
    body = ParagraphStyle(
        "body", fontName=regular, fontSize=size, leading=size * 1.3, alignment=TA_JUSTIFY, spaceAfter=size / 2
    )
    heading = ParagraphStyle(
        "heading",
        parent=body,
        fontName=bold,
        fontSize=size * 1.15,
        leading=size * 1.5,
        spaceBefore=size * 0.8,
        alignment=0,
    )
    story = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or set(line) <= set("|-: "):
            continue
        level = len(line) - len(line.lstrip("#"))
        text = escape(re.sub(r"[*_`]+", "", line.lstrip("#").strip()))
        story.append(Paragraph(text, heading if level else body))
    out = io.BytesIO()
    margin, gap = 2 * cm, 0.8 * cm
    width = (A4[0] - 2 * margin - (columns - 1) * gap) / columns
    frames = [
        Frame(margin + i * (width + gap), margin, width, A4[1] - 2 * margin, id=f"column{i}") for i in range(columns)
    ]
    document = BaseDocTemplate(out, pagesize=A4, pageTemplates=[PageTemplate("page", frames)])
    document.build(story)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SAMPLES.parent / "scans", help="folder to write into")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in sorted(SAMPLES.glob("*.pdf")):
        written.append(args.out / f"{sample.stem}-scan.pdf")
        written[-1].write_bytes(scan_pdf(sample))
    pacs = SAMPLES / "pacs-radiologie-hebergement.pdf"
    written.append(args.out / f"{pacs.stem}-photo-p{PHOTO_PAGE}.jpg")
    written[-1].write_bytes(photograph(pacs))
    for path in written:
        print(f"{path}  ({path.stat().st_size // 1024} Kio)")


if __name__ == "__main__":
    main()
