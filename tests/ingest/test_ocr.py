"""Scanned and photographed contracts, read by OCR.

The scans are made here from the shipped text PDF by scripts/make_scans.py (rendered, skewed, noised,
JPEG-compressed; a phone photo in perspective, lit from one side), so the text they should give is
known. Tests that run Tesseract are marked slow; the others check what surrounds it (TSV parsing, skew,
size bounds, the missing-program message, how findings on OCR text are reported).
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from typer.testing import CliRunner

from vendorcheck import errors
from vendorcheck.api import review, review_file
from vendorcheck.cli.main import app
from vendorcheck.ingest import load, load_bytes
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.layout import tidy_pages
from vendorcheck.ingest.ocr import parse_tsv, reporting_to, stop_reporting
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.ingest.pageimage import estimate_skew, flatten_lighting
from vendorcheck.models import RecognisedPage, Status
from vendorcheck.recognition import LOW_CONFIDENCE, page_ranges
from vendorcheck.render import get_renderer

ROOT = Path(__file__).resolve().parents[2]
PACS_PDF = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.pdf"
SHIPPED_PDFS = sorted((ROOT / "samples" / "contracts").glob("*.pdf"))
sys.path.insert(0, str(ROOT / "scripts"))
import make_scans  # noqa: E402

WIDE = {"COLUMNS": "1000"}


def statuses(result) -> dict[str, Status]:
    return {f.requirement: f.status for f in result.findings}


def agreement(expected, got) -> float:
    want, have = statuses(expected), statuses(got)
    return sum(have[req] == status for req, status in want.items()) / len(want)


def png_header(width: int, height: int) -> bytes:
    """A 60-byte PNG whose header announces width x height greyscale pixels, with no pixel data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", b"")
        + chunk(b"IEND", b"")
    )


# --- without Tesseract ----------------------------------------------------------------------------------

TSV = "\n".join(
    [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t",
        "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t96\tArticle",
        "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t90\t9",
        "5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t80\tL'Hébergeur",
        "5\t1\t1\t1\t2\t2\t0\t0\t10\t10\t12\t|",
        "5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t40\tnotifie",
    ]
)


def test_tsv_gives_one_line_per_printed_line_and_a_length_weighted_confidence():
    text, confidence, words = parse_tsv(TSV)
    # Paragraph and block breaks are Tesseract's guesses: only lines are kept, layout decides the rest.
    assert text == "Article 9\nL'Hébergeur\nnotifie"
    assert words == 4  # the stray "|" read at 12 % is a speck, not a word
    assert confidence == pytest.approx((96 * 7 + 90 + 80 * 11 + 40 * 7) / 26, abs=0.1)


@pytest.fixture(scope="module")
def straight_page() -> Image.Image:
    return make_scans.rasterise(PACS_PDF, 100, [4])[0]


@pytest.mark.parametrize("angle", [-6.0, -2.5, 0.7, 3.0])
def test_skew_is_measured_within_a_fifth_of_a_degree(straight_page, angle):
    turned = straight_page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    assert estimate_skew(straight_page) == pytest.approx(0, abs=0.2)
    assert estimate_skew(turned) == pytest.approx(angle, abs=0.2)


def test_uneven_light_is_flattened(straight_page):
    import numpy as np

    pixels = np.asarray(straight_page, dtype=np.float32)
    falloff = np.linspace(1.0, 0.55, pixels.shape[1], dtype=np.float32)[None, :]  # lit from the left
    dim = Image.fromarray((pixels * falloff).astype(np.uint8), "L")
    paper = np.asarray(flatten_lighting(dim), dtype=np.float32)[:, -40:]  # right margin: paper only
    assert np.asarray(dim, dtype=np.float32)[:, -40:].mean() < 150
    assert paper.mean() > 240


def test_decompression_bombs_are_refused_from_the_header():
    with pytest.raises(errors.ImageTooLarge, match="5000 x 5000"):
        load_bytes(Path("page.png"), png_header(5_000, 5_000), IngestOptions(max_image_pixels=10_000_000))
    with pytest.raises(errors.ImageTooLarge, match="2500000000 pixels"):  # Pillow's own refusal, reworded
        load_bytes(Path("page.png"), png_header(50_000, 50_000), IngestOptions())
    frames = [Image.new("L", (8, 8), 255) for _ in range(5)]
    tiff = io.BytesIO()
    frames[0].save(tiff, "TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(errors.ImageTooLarge, match="5 pages"):
        load_bytes(Path("pages.tif"), tiff.getvalue(), IngestOptions(max_ocr_pages=4))


def test_image_named_like_one_but_not_one_is_refused():
    with pytest.raises(errors.CorruptImage, match="pas une image JPG"):
        load_bytes(Path("photo.jpg"), b"<html>not a photo</html>", IngestOptions())


def test_images_are_refused_when_ocr_is_off():
    with pytest.raises(errors.OcrDisabled):
        load_bytes(Path("page.png"), png_header(10, 10), IngestOptions(ocr="never"))


def test_missing_tesseract_gives_one_line_saying_how_to_install_it(tmp_path):
    page = tmp_path / "page.png"
    Image.new("L", (40, 40), 255).save(page)
    result = CliRunner().invoke(app, ["review", str(page)], env={**WIDE, "VENDORCHECK_TESSERACT": str(tmp_path / "no")})
    assert result.exit_code == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"[VC-E013] {page} : ")
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-fra" in result.stderr


def test_missing_french_data_names_the_package(tmp_path):
    page = tmp_path / "page.png"
    Image.new("L", (40, 40), 255).save(page)
    empty_data = {**WIDE, "TESSDATA_PREFIX": str(tmp_path)}
    result = CliRunner().invoke(app, ["review", str(page), "--lang", "en"], env=empty_data)
    assert result.exit_code == 2
    assert "[VC-E014]" in result.stderr and "apt-get install tesseract-ocr-fra" in result.stderr


def scanned_document(pages: list[str], recognised: list[RecognisedPage]):
    """A Document as the OCR path builds it: page texts joined, pages recognised at given confidences."""
    return assemble(
        Path("scan.pdf"),
        b"scan",
        "pdf",
        tidy_pages(pages),
        unit="page",
        separator="",
        page_count=len(pages),
        recognised=recognised,
    )


CONFIDENTIALITY = (
    "Article 9 – Confidentialité\n9.1 Le Prestataire veille à ce que les personnes autorisées à "
    "traiter les données personnelles s'engagent à respecter la confidentialité."
)
BREACH = (
    "Article 10 – Violations\n10.1 Le Prestataire notifie au Cabinet toute violation de données "
    "personnelles dans un délai de 24 heures après en avoir pris connaissance."
)


def test_findings_on_recognised_text_say_so_and_are_never_surer():
    typed = scanned_document([CONFIDENTIALITY, BREACH], [])
    scanned = scanned_document([CONFIDENTIALITY, BREACH], [RecognisedPage(page=2, confidence=62.0)])
    before, after = review(typed), review(scanned)
    confidentiality, breach = after.finding("GDPR-28-3-b"), after.finding("GDPR-33-2")
    assert confidentiality.evidence[0].page == 1 and confidentiality.ocr_confidence is None  # typed page
    assert breach.evidence[0].page == 2 and breach.ocr_confidence == 62.0
    assert breach.confidence < before.finding("GDPR-33-2").confidence
    missing = after.finding("GDPR-28-3-h")
    assert missing.status is Status.missing and missing.ocr_confidence == 62.0  # may sit on the bad page
    for finding in after.findings:
        assert finding.confidence <= before.finding(finding.requirement).confidence
        for quote in finding.evidence:
            assert scanned.text[quote.start : quote.end] == quote.quote


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_low_confidence_pages_are_named_in_every_report_format(fmt, lang):
    document = scanned_document(
        [CONFIDENTIALITY, BREACH, BREACH],
        [RecognisedPage(page=n, confidence=c) for n, c in ((1, 93.0), (2, 91.0), (3, 58.4))],
    )
    assert 58.4 < LOW_CONFIDENCE < 91
    out = io.StringIO()
    get_renderer(fmt)(review(document, lang=lang), out)
    report = " ".join(out.getvalue().split())
    wanted = {
        "fr": ["relisez la page 3 : texte peu lisible", "3 pages lues par reconnaissance de caractères (p. 1-3)"],
        "en": ["reread page 3: text hard to read", "3 pages read by character recognition (p. 1-3)"],
    }[lang]
    for text in wanted:
        assert text in report
    assert "page 1 :" not in report and "page 1:" not in report


def test_page_ranges():
    assert page_ranges([5, 1, 2, 3, 7, 8]) == "1-3, 5, 7-8"


# --- with Tesseract -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pacs_text_review():
    return review_file(PACS_PDF)


@pytest.mark.slow
@pytest.mark.parametrize("sample", SHIPPED_PDFS, ids=lambda p: p.name)
def test_scan_of_each_shipped_pdf_keeps_the_statuses_of_the_text_version(sample, tmp_path):
    scan = tmp_path / f"{sample.stem}-scan.pdf"
    scan.write_bytes(make_scans.scan_pdf(sample))
    text_version, scanned = review_file(sample), review_file(scan)
    assert agreement(text_version, scanned) >= 0.95
    document = scanned.document
    assert document.page_count == len(pdfium.PdfDocument(sample))
    assert [p.page for p in document.recognised] == list(range(1, document.page_count + 1))
    assert all(p.confidence >= LOW_CONFIDENCE for p in document.recognised)
    located = {f.requirement: {e.page for e in f.evidence} for f in text_version.findings}
    for finding in scanned.findings:
        if finding.evidence:
            assert finding.ocr_confidence is not None
            # The clause is quoted from the page it is printed on.
            assert {e.page for e in finding.evidence} & located[finding.requirement]


@pytest.mark.slow
def test_photographed_page_is_read(tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(make_scans.photograph(PACS_PDF, page=4))
    assert photo.read_bytes() == make_scans.photograph(PACS_PDF, page=4)  # deterministic
    single = tmp_path / "page4.pdf"
    source, page = pdfium.PdfDocument(PACS_PDF), pdfium.PdfDocument.new()
    page.import_pages(source, [3])
    page.save(single)
    result = CliRunner().invoke(app, ["review", str(photo), "--format", "json"], env=WIDE)
    assert result.exit_code == 0, result.stderr
    from vendorcheck.review import Review

    photographed = Review.model_validate_json(result.stdout)
    (read,) = photographed.document.recognised
    assert read.skew == pytest.approx(3.0, abs=0.6)
    # Hosting in France and no transfer, instructions, no other use, confidentiality: the clauses of page 4.
    assert agreement(review_file(single), photographed) >= 0.95
    for requirement in ("GDPR-28-3-a", "GDPR-28-3-a-TRANSFER", "GDPR-28-3-b", "CSP-R1111-11-11"):
        assert photographed.finding(requirement).status is Status.present


@pytest.mark.slow
def test_turned_pages_of_a_multipage_tiff_are_put_upright(tmp_path):
    page = make_scans.rasterise(PACS_PDF, 200, [4])[0]
    frames = [page, page.rotate(90, expand=True), page.rotate(180)]
    tiff = tmp_path / "pages.tif"
    frames[0].save(tiff, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw")
    seen: list[tuple[int, int]] = []
    token = reporting_to(lambda done, total: seen.append((done, total)))
    try:
        document = load(tiff)
    finally:
        stop_reporting(token)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert document.format == "image" and document.page_count == 3
    assert [p.rotation for p in document.recognised] == [0, 90, 180]  # clockwise turns that undo ours
    for number in (1, 2, 3):
        start = document.unit_starts[number - 1]
        end = document.unit_starts[number] if number < 3 else len(document.text)
        assert "Article 7 – Instructions du Cabinet" in document.text[start:end].replace("-", "–")


@pytest.mark.slow
def test_mixed_pdf_recognises_only_its_image_pages_and_saves_a_searchable_copy(tmp_path):
    import numpy as np

    page4 = make_scans.scanned(make_scans.rasterise(PACS_PDF, 200, [4])[0], np.random.default_rng(4))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(PACS_PDF), [0])
    mixed.import_pages(pdfium.PdfDocument(make_scans.image_pdf([page4])), [0])
    path, searchable = tmp_path / "mixte.pdf", tmp_path / "archive.pdf"
    mixed.save(path)
    document = load(path, {"ocr_output": searchable})
    assert [p.page for p in document.recognised] == [2]
    assert "Article 6" in document.text[document.unit_starts[1] :]
    archive = pdfium.PdfDocument(searchable)
    assert len(archive) == 2
    typed, recognised = (archive[i].get_textpage().get_text_bounded() for i in range(2))
    assert typed == pdfium.PdfDocument(PACS_PDF)[0].get_textpage().get_text_bounded()  # copied untouched
    assert "Lieux d" in recognised and "hébergement" in recognised  # the scan now has a text layer
