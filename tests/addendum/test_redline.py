"""The redline end to end on Word contracts made without LibreOffice: the shipped PACS contract (Word's
automatic numbering) weakened for the test, and our own weak contract (typed numbers) written by
python-docx, with and without someone else's tracked changes and comments.

For each: tracked insertions by "vendorcheck" dated today; "reject all" gives back the original
paragraphs' text; "accept all" then a new review finds no violation left; every change has a comment
citing the requirement, the article of law and why; every other part of the file is unchanged.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from functools import cache
from pathlib import Path

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from tests.addendum.redline_checks import (
    assert_accept_leaves_no_violation,
    assert_every_change_is_commented,
    assert_reject_gives_the_original,
    assert_tracked_by_vendorcheck,
)
from tests.addendum.wordml import W, accept_all, comments, document_root, edit_document, revisions
from tests.docx_contracts import PACS, WEAK_CONTRACT, python_docx, weakened_pacs
from vendorcheck import errors
from vendorcheck.addendum.redline import AUTHOR, Redline, redline_docx
from vendorcheck.cli.main import app
from vendorcheck.ingest import IngestOptions, load_bytes
from vendorcheck.rulebook import load_rules

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 5)
CHANGED_PARTS = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}


def _text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def with_other_peoples_changes(data: bytes) -> bytes:
    """Our weak contract after a first reader: a comment, an insertion inside a sentence the redline
    strikes, an insertion and a deletion elsewhere, all by "Maître Dupont"."""
    document = docx.Document(io.BytesIO(data))
    security = next(p for p in document.paragraphs if p.text.startswith("Le Fournisseur protège"))
    document.add_comment(security.runs, text="Préciser les mesures.", author="Maître Dupont", initials="MD")
    buffer = io.BytesIO()
    document.save(buffer)

    def revise(root: etree._Element) -> None:
        stamp = {f"{W}author": "Maître Dupont", f"{W}date": "2026-11-02T00:00:00Z"}
        paragraphs = list(root.iter(f"{W}p"))
        subcontracting = next(p for p in paragraphs if _text(p).startswith("2.3 "))
        text = subcontracting.find(f"{W}r/{W}t")
        head, tail = text.text.split("librement ")
        text.text = head
        inserted = etree.Element(f"{W}ins", {f"{W}id": "901", **stamp})
        etree.SubElement(etree.SubElement(inserted, f"{W}r"), f"{W}t").text = "librement "
        rest = etree.Element(f"{W}r")
        etree.SubElement(rest, f"{W}t").text = tail
        text.getparent().addnext(inserted)
        inserted.addnext(rest)
        purpose = next(p for p in paragraphs if _text(p).startswith("Le Fournisseur met à la disposition"))
        deleted = etree.SubElement(purpose, f"{W}del", {f"{W}id": "902", **stamp})
        etree.SubElement(etree.SubElement(deleted, f"{W}r"), f"{W}delText").text = " Sans engagement de durée."
        added = etree.SubElement(purpose, f"{W}ins", {f"{W}id": "903", **stamp})
        etree.SubElement(etree.SubElement(added, f"{W}r"), f"{W}t").text = " Pour une durée d'un an."

    return edit_document(buffer.getvalue(), revise)


CASES = {
    "pacs-numerotation-word": weakened_pacs,
    "contrat-faible-python-docx": lambda: python_docx(WEAK_CONTRACT),
    "contrat-faible-deja-annote": lambda: with_other_peoples_changes(python_docx(WEAK_CONTRACT)),
}


@cache
def redlined(case: str, lang: str = "fr") -> tuple[bytes, Redline]:
    original = CASES[case]()
    return original, redline_docx(original, name=f"{case}.docx", lang=lang, today=TODAY)


@pytest.mark.parametrize("case", CASES)
def test_changes_are_tracked_insertions_and_deletions_by_vendorcheck_dated_today(case: str) -> None:
    original, result = redlined(case)
    assert_tracked_by_vendorcheck(result, "2026-12-05")
    assert result.clauses and not result.notes


@pytest.mark.parametrize("case", CASES)
def test_rejecting_every_change_gives_back_the_original_paragraphs(case: str) -> None:
    assert_reject_gives_the_original(*redlined(case))


@pytest.mark.parametrize("case", CASES)
def test_accepting_every_change_leaves_no_violation(case: str) -> None:
    assert_accept_leaves_no_violation(redlined(case)[1])


@pytest.mark.parametrize("case", CASES)
def test_every_change_carries_a_comment_citing_the_law(case: str) -> None:
    assert_every_change_is_commented(redlined(case)[1])


def test_other_peoples_tracked_changes_and_comments_are_kept() -> None:
    original, result = redlined("contrat-faible-deja-annote")
    theirs = [(e.tag, "".join(e.itertext())) for e in revisions(original, "Maître Dupont")]
    assert len(theirs) == 3
    assert [(e.tag, "".join(e.itertext())) for e in revisions(result.content, "Maître Dupont")] == theirs
    before, after = comments(original), comments(result.content)
    assert before == {"0": ("Maître Dupont", "Préciser les mesures.")}
    assert after["0"] == before["0"]
    assert len(after) == len(before) + result.comments  # new comments under new ids
    ids = [int(e.get(f"{W}id")) for e in document_root(result.content).iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids)) and {901, 902, 903} <= set(ids)


@pytest.mark.parametrize("case", CASES)
def test_every_other_part_of_the_file_is_left_byte_for_byte(case: str) -> None:
    original, result = redlined(case)
    with zipfile.ZipFile(io.BytesIO(original)) as before, zipfile.ZipFile(io.BytesIO(result.content)) as after:
        assert set(after.namelist()) - set(before.namelist()) <= {"word/comments.xml"}
        for name in before.namelist():
            if name not in CHANGED_PARTS:
                assert after.read(name) == before.read(name), name
    body_before, body_after = document_root(original).find(f"{W}body"), document_root(result.content).find(f"{W}body")
    assert etree.tostring(body_before.find(f"{W}sectPr")) == etree.tostring(body_after.find(f"{W}sectPr"))
    assert len(body_before.findall(f".//{W}tbl")) == len(body_after.findall(f".//{W}tbl"))


def test_word_numbering_the_added_article_numbers_it_after_the_data_protection_article() -> None:
    original, result = redlined("pacs-numerotation-word")
    root = document_root(result.content)
    heading = next(p for p in root.iter(f"{W}p") if _text(p).startswith("Protection des données personnelles"))
    neighbour = next(p for p in root.iter(f"{W}p") if _text(p).startswith("Sous-traitance ultérieure"))
    assert heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == neighbour.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
    accepted = load_bytes(Path("accepte.docx"), accept_all(result.content), IngestOptions()).text
    assert "Article 12 – Sous-traitance ultérieure" in accepted  # Word's own numbers, read back
    assert "Article 13 – Protection des données personnelles et hébergement des données de santé" in accepted
    assert "Article 14 – Droits des personnes concernées" in accepted  # the next article renumbered
    # the struck permission is replaced where it stood, in clause 8.1, its bold sentence kept
    assert "8.1 Le Prestataire ne traite les données à caractère personnel que sur instruction" in accepted
    assert "Les Données hébergées restent confidentielles." in accepted


def test_typed_numbers_give_the_added_article_the_next_number_before_the_signatures() -> None:
    original, result = redlined("contrat-faible-python-docx")
    accepted = load_bytes(Path("accepte.docx"), accept_all(result.content), IngestOptions()).text
    heading = "Article 6 – Protection des données personnelles et hébergement des données de santé"
    assert accepted.index("Article 5 – Prix") < accepted.index(heading) < accepted.index("Fait à Lyon")
    assert "2.2 Le Prestataire ne traite les données" in accepted  # the typed clause number is kept
    assert "discrétion" not in accepted and "librement" not in accepted
    assert "« le Prestataire » désigne Logimed Services" in accepted  # the parties found, named once


def test_comments_follow_lang_and_clauses_the_contracts_language() -> None:
    original, result = redlined("contrat-faible-python-docx", "en")
    texts = [text for author, text in comments(result.content).values() if author == AUTHOR]
    rule = load_rules().get("GDPR-28-3-a")
    assert any(rule.title.en in text and "Why: " + rule.doc.why.en in text for text in texts)
    assert not any("Pourquoi" in text for text in texts)
    accepted = load_bytes(Path("accepte.docx"), accept_all(result.content), IngestOptions()).text
    assert "Le Prestataire ne traite les données à caractère personnel que sur instruction" in accepted


def test_a_contract_without_gap_comes_back_unchanged() -> None:
    data = PACS.read_bytes()
    result = redline_docx(data, name=PACS.name, today=TODAY)
    assert result.content == data and result.clauses == () and result.comments == 0


@pytest.mark.parametrize("name", ["pacs-radiologie-hebergement.pdf", "saas-agenda-cgu-faibles.md"])
def test_a_contract_that_is_not_a_docx_is_refused_pointing_to_the_addendum(name: str) -> None:
    path = ROOT / "samples" / "contracts" / name
    with pytest.raises(errors.RedlineNeedsDocx) as refused:
        redline_docx(path.read_bytes(), name=name)
    message = refused.value.message("fr")
    assert message.startswith(f"[VC-E029] {name} : ") and "\n" not in message
    assert f"vendorcheck addendum {name} -o avenant.docx" in message


def test_cli_writes_the_annotated_contract_and_refuses_a_pdf_in_one_line(tmp_path: Path) -> None:
    contract = tmp_path / "contrat.docx"
    contract.write_bytes(python_docx(WEAK_CONTRACT))
    output = tmp_path / "contrat-annote.docx"
    done = CliRunner().invoke(app, ["addendum", str(contract), "--redline", "-o", str(output)])
    assert done.exit_code == 0, done.output
    assert revisions(output.read_bytes(), AUTHOR)
    assert f"Contrat annoté écrit dans {output} : " in done.output
    pdf = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.pdf"
    refused = CliRunner().invoke(app, ["addendum", str(pdf), "--redline", "-o", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2
    assert refused.output.strip().startswith("[VC-E029]") and len(refused.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.docx").exists()
    missing_output = CliRunner().invoke(app, ["addendum", str(contract), "--redline"])
    assert missing_output.exit_code == 2 and "[VC-E080]" in missing_output.output


def test_a_heading_whose_whole_section_is_struck_goes_with_it() -> None:
    """The title of a section struck in full would remain alone once the changes are accepted, and it may
    carry the very wording the section was struck for."""
    contract = WEAK_CONTRACT.replace(
        "## Article 2 – Données du Client",
        "## Article 2 – Exploitation des données pour les propres besoins du Fournisseur\n\n"
        "Le Fournisseur peut exploiter les données hébergées pour ses propres besoins commerciaux.\n\n"
        "## Article 2 bis – Données du Client",
    )
    result = redline_docx(python_docx(contract), name="contrat.docx", today=TODAY)
    accepted = load_bytes(Path("accepte.docx"), accept_all(result.content), IngestOptions()).text
    assert "propres besoins du Fournisseur" not in accepted and "Article 2 bis – Données du Client" in accepted
    assert_accept_leaves_no_violation(result)
    assert_every_change_is_commented(result)


# Our own English contract: the supplier keeps the data for its own purposes, and beside it reuses them
# anonymised; one contradiction and one weakening of the same requirement, in two sentences.
OWN_USE_EN = """# Hosted records service agreement

This agreement is made between **Medisoft Hosting Ltd**, a company registered in Leeds (the "Supplier"), \
and **Riverside Family Practice**, a general practice (the "Customer").

## 1. Service

The Supplier provides the Customer with hosted patient-record software and its maintenance.

## 2. Customer data

2.1 The Supplier hosts the Customer's patient records, which contain health data.

2.2 The Supplier may use the hosted data for its own purposes, including improving its products and \
compiling commercial statistics.

2.3 The Supplier may also reuse the data in anonymised form to compile statistics on its market.

## 3. Price

The monthly fee is 150 pounds.

Signed in Leeds on 3 March 2026.
"""
OWN_USE_FR = WEAK_CONTRACT.replace(
    "## Article 3 – Sécurité",
    "2.4 Le Fournisseur peut en outre réutiliser les données sous une forme anonymisée pour ses études de marché."
    "\n\n## Article 3 – Sécurité",
)


@pytest.mark.parametrize(
    ("contract", "lang", "weakening"),
    [(OWN_USE_FR, "fr", "forme anonymisée"), (OWN_USE_EN, "en", "anonymised form")],
    ids=["fr", "en"],
)
def test_a_weakening_beside_the_contradiction_is_struck_with_it(contract: str, lang: str, weakening: str) -> None:
    """A contradicted finding names its contradicting flags only; the weakening it quotes after them would
    still leave the requirement partial once the contradiction is replaced."""
    result = redline_docx(python_docx(contract), name="contract.docx", lang=lang, today=TODAY)
    finding = result.review.finding("GDPR-28-3-a")
    assert finding.status.value == "non_compliant" and finding.flags == ["own-purposes"]
    accepted = accept_all(result.content)
    assert weakening not in load_bytes(Path("accepted.docx"), accepted, IngestOptions()).text
    assert_accept_leaves_no_violation(result)


WRAPPED_EN = OWN_USE_EN.replace(
    "2.3 The Supplier may also reuse the data in anonymised form to compile statistics on its market.",
    "2.3 The Supplier may also reuse the data in anonymised\nform to compile statistics on its market\n"
    "and to improve its products.",
)
WRAPPED_FR = OWN_USE_FR.replace(
    "2.4 Le Fournisseur peut en outre réutiliser les données sous une forme anonymisée pour ses études de marché.",
    "2.4 Le Fournisseur peut en outre réutiliser les données sous une forme\nanonymisée pour ses études de marché\n"
    "et pour améliorer ses services.",
)


@pytest.mark.parametrize(
    ("contract", "lang", "tail"),
    [(WRAPPED_FR, "fr", "et pour améliorer ses services."), (WRAPPED_EN, "en", "and to improve its products.")],
    ids=["fr", "en"],
)
def test_a_hard_wrapped_weakening_is_struck_on_every_line(contract: str, lang: str, tail: str) -> None:
    """A sentence hard-wrapped over several Word paragraphs (each line going on in lower case) is struck
    whole: its last line, left alone, would read as another weakening."""
    result = redline_docx(python_docx(contract), name="contract.docx", lang=lang, today=TODAY)
    accepted = load_bytes(Path("accepted.docx"), accept_all(result.content), IngestOptions()).text
    assert tail not in accepted
    assert_accept_leaves_no_violation(result)
