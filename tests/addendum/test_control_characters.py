"""Control characters never break the Word addendum: neither from a contract (dropped at ingest) nor from
a saved review or a parties file that still carry them (dropped by the writer)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from typer.testing import CliRunner

from tests.addendum.conftest import SAMPLES, synthetic_review
from tests.hostile import CONTROLLED_CLAUSE, CONTROLS
from vendorcheck.cli.main import app
from vendorcheck.models import Evidence, Status

WEAK = next(p for p in SAMPLES if p.name == "saas-agenda-cgu-faibles.md")
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _body(docx: Path) -> str:
    """document.xml, parsed by a strict XML parser (as Word does) before its text is returned."""
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml")
    ElementTree.fromstring(xml)
    return xml.decode("utf-8")


def test_a_saved_review_and_parties_with_control_characters_give_a_valid_addendum(tmp_path: Path) -> None:
    quote = f"Le prestataire peut{CONTROLS} transférer les données hors de l'Union."
    review = synthetic_review(
        {"GDPR-28-3-a": Status.non_compliant},
        evidence={"GDPR-28-3-a": [Evidence(quote=quote, start=0, end=len(quote), page=2)]},
    )
    saved = tmp_path / "revue.json"
    saved.write_text(review.model_dump_json(), encoding="utf-8")
    parties = tmp_path / "parties.yaml"
    parties.write_text('processor:\n  name: "Nuage\\x01 Fictif\\x0b SAS"\n', encoding="utf-8")
    out = tmp_path / "avenant.docx"
    result = CliRunner().invoke(app, ["addendum", str(saved), "-o", str(out), "--parties", str(parties)])
    assert result.exit_code == 0, result.output
    body = _body(out)
    assert not XML_INVALID.search(body)
    assert "transférer les données hors de l" in body and "Nuage Fictif SAS" in body


def test_a_contract_with_control_characters_gives_a_valid_addendum(tmp_path: Path) -> None:
    contract = tmp_path / "cgu.md"
    contract.write_text(
        WEAK.read_text(encoding="utf-8").replace("données", "donn\x01ées\ufffe") + f"\n\n{CONTROLLED_CLAUSE}\n",
        encoding="utf-8",
    )
    out = tmp_path / "avenant.docx"
    result = CliRunner().invoke(app, ["addendum", str(contract), "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = _body(out)
    assert not XML_INVALID.search(body) and "données" in body
