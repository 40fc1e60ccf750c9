"""Property: any bytes given as a .pdf, .docx, .txt or .md end in a Document or in a coded one-line
VendorcheckError naming the file, never in another exception. Inputs are random bytes and random edits
(flips, cuts, insertions) of small valid files, so the parsers are reached, not only the format sniffing.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import CLAUSE, CONTROLS, pdf, text_page
from vendorcheck.errors import VendorcheckError
from vendorcheck.ingest import IngestOptions, load
from vendorcheck.models import Document

# Bounded: the whole file runs in a few seconds. OCR off: a damaged PDF without text is refused (VC-E011)
# instead of starting Tesseract, which its own tests cover.
SETTINGS = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONS = IngestOptions(ocr="never")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
SUFFIXES = [".pdf", ".docx", ".txt", ".md"]


@cache
def seed(suffix: str) -> bytes:
    """A small valid file of each format, for the edits to start from."""
    if suffix == ".pdf":
        return pdf([text_page(["Article 1 - Objet", CLAUSE]), text_page(["Article 2 - Duree", CLAUSE])])
    if suffix == ".docx":
        import docx

        document = docx.Document()
        for text in ("Article 1 – Objet", CLAUSE, "Article 2 – Durée", CLAUSE):
            document.add_paragraph(text)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    return f"# Contrat\n\n## Article 1 – Objet\n\n{CLAUSE}\n".encode()


@st.composite
def edited(draw: st.DrawFn, suffix: str) -> bytes:
    """The seed with a few random edits: bytes replaced, a cut, bytes inserted."""
    data = bytearray(seed(suffix))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["replace", "cut", "insert"]))
        chunk = draw(st.binary(min_size=1, max_size=16))
        if action == "replace":
            data[at : at + len(chunk)] = chunk
        elif action == "cut":
            del data[at : at + draw(st.integers(1, 4096))]
        else:
            data[at:at] = chunk
    return bytes(data)


@st.composite
def docx_with_edited_body(draw: st.DrawFn) -> bytes:
    """A well-formed archive whose document.xml is edited: the XML reader and the body walker are reached,
    where an edit of the archive itself mostly stops at the zip's checksums."""
    original = zipfile.ZipFile(io.BytesIO(seed(".docx")))
    body = bytearray(original.read("word/document.xml"))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(body)))
        body[at : at + draw(st.integers(0, 64))] = draw(
            st.binary(max_size=24)
            | st.sampled_from(
                [b"<w:p>", b"</w:p>", b"<w:t>", b"</w:t>", b"<w:tbl><w:tr><w:tc>", b"\x01", b"&#1;", b"<w:br/>"]
            )
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in original.infolist():
            archive.writestr(
                member.filename, bytes(body) if member.filename == "word/document.xml" else original.read(member)
            )
    return buffer.getvalue()


def _outcome(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory(prefix="vc-ingest-property-") as folder:
        path = Path(folder) / f"contrat{suffix}"
        path.write_bytes(data)
        try:
            document = load(path, OPTIONS)
        except VendorcheckError as error:
            message = error.message()
            assert re.fullmatch(r"VC-E0[0-9]{2}", error.code) and error.code != "VC-E000"
            assert message.startswith(f"[{error.code}] {path} : ") and "\n" not in message
        else:
            assert isinstance(document, Document) and document.text.strip()
            assert not CONTROL.search(document.text)


@SETTINGS
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_end_in_a_document_or_a_coded_error(data: bytes, suffix: str) -> None:
    _outcome(data, suffix)


@SETTINGS
@given(data=st.sampled_from(SUFFIXES).flatmap(lambda s: st.tuples(edited(s), st.just(s))))
def test_any_edit_of_a_valid_file_ends_in_a_document_or_a_coded_error(data: tuple[bytes, str]) -> None:
    _outcome(*data)


@SETTINGS
@given(data=docx_with_edited_body())
def test_any_word_body_ends_in_a_document_or_a_coded_error(data: bytes) -> None:
    _outcome(data, ".docx")


@SETTINGS
@given(
    text=st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(CONTROLS), max_size=400),
    suffix=st.sampled_from([".txt", ".md"]),
)
def test_any_text_ends_in_a_document_without_controls_or_a_coded_error(text: str, suffix: str) -> None:
    _outcome(text.encode("utf-8"), suffix)
