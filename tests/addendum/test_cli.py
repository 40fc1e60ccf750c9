"""`vendorcheck addendum`: contract or JSON review in, DOCX/Markdown/HTML out, one-line errors (exit 2)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from tests.addendum.conftest import ROOT, SAMPLES, synthetic_review
from vendorcheck.cli.main import app
from vendorcheck.models import Status

runner = CliRunner()
WEAK = next(p for p in SAMPLES if p.name == "saas-agenda-cgu-faibles.md")


def test_a_contract_becomes_a_word_addendum(tmp_path: Path) -> None:
    out = tmp_path / "avenant.docx"
    result = runner.invoke(
        app, ["addendum", str(WEAK), "-o", str(out), "--parties", str(ROOT / "samples" / "parties.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert "Avenant écrit dans" in result.output and re.search(r"\d+ clauses?\b", result.output)
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "Cabinet de radiologie des Tilleuls" in body and "Primauté de l" in body


def test_a_json_review_becomes_markdown_on_stdout(tmp_path: Path) -> None:
    saved = tmp_path / "revue.json"
    saved.write_text(synthetic_review({"GDPR-33-2": Status.missing}).model_dump_json(), encoding="utf-8")
    result = runner.invoke(app, ["addendum", str(saved), "--format", "md", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Addendum No.")
    assert "## Article 3 – Notification of personal data breaches" in result.stdout


def test_the_format_follows_the_output_suffix(tmp_path: Path) -> None:
    saved = tmp_path / "revue.json"
    saved.write_text(synthetic_review({"GDPR-28-3-h": Status.missing}).model_dump_json(), encoding="utf-8")
    out = tmp_path / "avenant.html"
    assert runner.invoke(app, ["addendum", str(saved), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_errors_are_one_line_with_their_code(tmp_path: Path) -> None:
    bad_json = tmp_path / "revue.json"
    bad_json.write_text('{"findings": []}', encoding="utf-8")
    broken = tmp_path / "clauses" / "fr" / "GDPR-33-2.md.j2"
    broken.parent.mkdir(parents=True)
    broken.write_text("{% if %}", encoding="utf-8")
    cases = [
        (["addendum", str(bad_json), "-f", "md"], "VC-E041", str(bad_json)),
        (["addendum", str(WEAK)], "VC-E080", "-o avenant.docx"),
        (["addendum", str(tmp_path / "absent.pdf"), "-f", "md"], "VC-E001", "absent.pdf"),
        (["addendum", str(WEAK), "-f", "md", "--clauses", str(tmp_path / "clauses")], "VC-E070", "ligne 1"),
        (["addendum", str(WEAK), "-f", "md", "--parties", str(bad_json)], "VC-E080", "revue.json"),
    ]
    for args, code, detail in cases:
        result = runner.invoke(app, args)
        output = result.output.replace("\n", "")  # the shared stderr console wraps at 80 columns
        assert result.exit_code == 2, (args, result.output)
        assert output.startswith(f"[{code}]") and detail in output, result.output
        assert "Traceback" not in output


def test_help_names_every_option() -> None:
    result = runner.invoke(app, ["addendum", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--lang", "--parties", "--clauses", "--format", "--health-data"):
        assert option in result.output
