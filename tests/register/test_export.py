"""The exports read back: XLSX with openpyxl, CSV with the csv module, HTML as a self-contained page."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from vendorcheck.models import Severity, Status
from vendorcheck.register import Register
from vendorcheck.register.export import export
from vendorcheck.register.export.style import STATUS_COLOURS
from vendorcheck.register.records import Failure, Outcome
from vendorcheck.register.summary import build_dashboard

from .conftest import ROOT, make_review

B, M, m = Severity.blocking, Severity.major, Severity.minor
# Contract text is untrusted: a quote that looks like a formula or like markup must stay inert text.
HOSTILE = '=HYPERLINK("http://evil.example","x") <script>alert(1)</script>'


@pytest.fixture
def filled(register: Register, put: Callable) -> Register:
    put(
        f"{ROOT}/acme/dpa.md",
        make_review(
            "a" * 64,
            {
                "GDPR-28-3-a": (Status.present, M),
                "GDPR-33-2": (Status.non_compliant, B),
                "GDPR-28-3-LAST": (Status.missing, m),
            },
            quote=HOSTILE,
            name="dpa.md",
        ),
        folder="acme",
    )
    put(
        f"{ROOT}/zeta/cgu.md",
        make_review(
            "b" * 64,
            {
                "GDPR-28-3-a": (Status.present, M),
                "GDPR-33-2": (Status.present, B),
                "GDPR-28-3-LAST": (Status.present, m),
            },
            name="cgu.md",
        ),
        folder="zeta",
    )
    put(
        f"{ROOT}/zeta/scan.pdf",
        Outcome(
            path=f"{ROOT}/zeta/scan.pdf",
            sha256="c" * 64,
            kind="contract",
            failure=Failure(
                code="VC-E011", message_fr="[VC-E011] PDF sans texte", message_en="[VC-E011] no text layer"
            ),
        ),
        folder="zeta",
    )
    return register


def _export(register: Register, tmp_path: Path, lang: str = "fr") -> list[Path]:
    with register.transaction() as session:
        return export(build_dashboard(session, lang), tmp_path / "out")


def test_xlsx_summary_matrix_evidence_and_errors_read_back(filled: Register, tmp_path: Path) -> None:
    _export(filled, tmp_path)
    book = load_workbook(tmp_path / "out" / "fournisseurs.xlsx")
    assert book.sheetnames == ["Synthèse", "Matrice", "Preuves", "Erreurs"]

    summary = [list(r) for r in book["Synthèse"].iter_rows(values_only=True)]
    head = summary[0]
    assert head[:3] == ["Fournisseur", "Statut global", "Certification HDS"]
    rows = {r[0]: dict(zip(head, r, strict=True)) for r in summary[1:]}
    assert list(rows) == ["acme", "zeta"]  # the supplier to chase comes first
    assert rows["acme"]["Statut global"] == "Ne pas signer en l'état"
    acme = rows["acme"]
    assert (acme["Écarts bloquants"], acme["Écarts majeurs"], acme["Écarts mineurs"]) == (1, 0, 1)
    assert (rows["zeta"]["Statut global"], rows["zeta"]["Documents"], rows["zeta"]["Erreurs"]) == (
        "Signable en l'état",
        2,
        1,
    )
    assert rows["acme"]["Certification HDS"] == "non évaluée"

    matrix = book["Matrice"]
    columns = [c.value for c in matrix[1]]
    assert columns[0] == "Fournisseur" and set(columns[1:]) == {"GDPR-28-3-a", "GDPR-33-2", "GDPR-28-3-LAST"}
    acme = {columns[i]: cell for i, cell in enumerate(matrix[2]) if i}
    assert acme["GDPR-33-2"].value == "Non conforme"
    assert acme["GDPR-33-2"].fill.start_color.rgb.endswith(STATUS_COLOURS["non_compliant"])
    assert acme["GDPR-28-3-a"].fill.start_color.rgb.endswith(STATUS_COLOURS["present"])

    evidence = list(book["Preuves"].iter_rows(min_row=2))
    quotes = [row[6] for row in evidence]
    assert {q.value for q in quotes} == {HOSTILE}
    assert all(q.data_type == "s" for q in quotes)  # stored as text, never as a formula

    errors = list(book["Erreurs"].iter_rows(min_row=2, values_only=True))
    assert errors == [("zeta", f"{ROOT}/zeta/scan.pdf", "VC-E011", "[VC-E011] PDF sans texte")]


def test_xlsx_in_english(filled: Register, tmp_path: Path) -> None:
    _export(filled, tmp_path, lang="en")
    book = load_workbook(tmp_path / "out" / "fournisseurs.xlsx")
    assert book.sheetnames == ["Summary", "Matrix", "Evidence", "Errors"]
    assert book["Summary"]["B2"].value == "Do not sign as is"


def test_csv_tables_open_in_a_french_spreadsheet(filled: Register, tmp_path: Path) -> None:
    _export(filled, tmp_path)
    raw = (tmp_path / "out" / "exigences.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    with (tmp_path / "out" / "exigences.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    assert len(rows) == 6  # 2 suppliers x 3 requirements
    acme = {r["Exigence"]: r["status_code"] for r in rows if r["Fournisseur"] == "acme"}
    assert acme == {"GDPR-28-3-a": "present", "GDPR-33-2": "non_compliant", "GDPR-28-3-LAST": "missing"}
    with (tmp_path / "out" / "fournisseurs.csv").open(encoding="utf-8-sig", newline="") as stream:
        summary = list(csv.DictReader(stream, delimiter=";"))
    assert [(r["Fournisseur"], r["Écarts bloquants"]) for r in summary] == [("acme", "1"), ("zeta", "0")]


def test_csv_neutralises_formulas() -> None:
    from vendorcheck.register.export.style import plain

    assert [plain(t) for t in ("=1+1", "+33 1", "-x", "@SUM(A1)", "Article 5")] == [
        "'=1+1",
        "'+33 1",
        "'-x",
        "'@SUM(A1)",
        "Article 5",
    ]


def test_html_dashboard_is_self_contained_and_escapes_contract_text(filled: Register, tmp_path: Path) -> None:
    _export(filled, tmp_path)
    page = (tmp_path / "out" / "tableau-de-bord.html").read_text(encoding="utf-8")
    # Nothing fetched from the network: no external stylesheet, script, image or font.
    assert not re.search(r"""<(link|script|img|iframe)[^>]+(href|src)=""", page)
    assert "@import" not in page and "url(" not in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "acme" in page and "zeta" in page and "[VC-E011] PDF sans texte" in page
    assert page.index(">acme<") < page.index(">zeta<")


def test_unknown_export_format_is_an_option_error(filled: Register, tmp_path: Path) -> None:
    from vendorcheck.errors import OptionError

    with filled.transaction() as session, pytest.raises(OptionError, match="pdf"):
        export(build_dashboard(session), tmp_path, ("pdf",))


def test_control_characters_stored_in_the_register_still_give_a_valid_workbook(
    register: Register, put: Callable, tmp_path: Path
) -> None:
    """Quotes stored before ingestion dropped control characters, and names of files and folders, which
    may hold any character but "/": the workbook stays valid XML that Excel opens."""
    import zipfile
    from xml.etree import ElementTree

    from tests.hostile import CONTROLS

    put(
        f"{ROOT}/acme\x1b/dpa\x01.md",
        make_review(
            "d" * 64,
            {"GDPR-33-2": (Status.non_compliant, B)},
            quote=f"Notification{CONTROLS} sous 15 jours",
            name="dpa\x01.md",
        ),
        folder="acme\x1b",
    )
    with register.transaction() as session:
        (path,) = export(build_dashboard(session), tmp_path / "out", ["xlsx"])
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith(".xml"):
                ElementTree.fromstring(archive.read(member))  # raises on a character XML cannot hold
    book = load_workbook(path)
    quotes = [row[6] for row in book.worksheets[2].iter_rows(min_row=2, values_only=True)]
    assert quotes == ["Notification sous 15 jours"]
