"""`vendorcheck rules check` compiles every pattern exactly as a review does and reports, for each rule,
the patterns that no example of its own file contains; the shipped rules have none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from vendorcheck.cli.main import app
from vendorcheck.engine.pattern_check import check_pack
from vendorcheck.resources import data_dir
from vendorcheck.rulebook import load_rules


def _rules_with(tmp_path: Path, rule_id: str, change) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), target)
    path = target / f"{rule_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def _check(*args: str):
    return CliRunner().invoke(app, ["rules", "check", *args])


def test_the_shipped_rules_have_an_example_for_every_pattern():
    issues = check_pack(load_rules())
    assert not issues, "\n".join(f"{i.rule} {i.where} {i.pattern!r}: {i.kind}" for i in issues)
    result = _check("--strict")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [
        ("...", "aucun mot n'y est obligatoire"),  # a gap alone would match an empty passage
        ("|", "motif vide"),
        (
            "don't|can't|won't isn't|wasn't|aren't doesn't|didn't|hasn't couldn't|wouldn't|shouldn't",
            "trop combinatoire",
        ),
        ([{"NORM": {"REGEX": "(unclosed"}}], "ne peut pas être exécuté"),
    ],
)
def test_a_pattern_review_cannot_run_is_an_error_naming_it_in_check_and_in_review(tmp_path, pattern, kind):
    rules = _rules_with(tmp_path, "GDPR-33-2", lambda d: d["topic"]["en"].append(pattern))
    result = _check(str(rules))
    assert result.exit_code == 2
    assert "GDPR-33-2 → topic → en[" in result.output and kind in result.output
    assert "Traceback" not in result.output

    contract = tmp_path / "contract.md"
    contract.write_text("The Processor shall notify the Controller of any personal data breach.", encoding="utf-8")
    review = CliRunner().invoke(app, ["review", str(contract), "--rules", str(rules)])
    assert review.exit_code == 2
    assert "[VC-E040]" in review.output and "GDPR-33-2 → topic → en[" in review.output
    assert "Traceback" not in review.output


def test_a_pattern_matching_any_word_is_an_error(tmp_path):
    rules = _rules_with(tmp_path, "GDPR-28-2", lambda d: d["elements"][0]["patterns"]["fr"].append("*"))
    result = _check(str(rules))
    assert result.exit_code == 2
    assert "GDPR-28-2 → elements[specific] → fr[" in result.output and "n'importe quel mot" in result.output


def test_a_pattern_no_example_shows_is_reported_and_fails_only_with_strict(tmp_path):
    rules = _rules_with(tmp_path, "GDPR-28-3-b", lambda d: d["topic"]["fr"].append("pacte de discretion"))
    result = _check(str(rules))
    assert result.exit_code == 0
    assert "GDPR-28-3-b → topic → fr[" in result.output and "« pacte de discretion »" in result.output
    assert "1 motif sans exemple" in result.output
    english = _check(str(rules), "--lang", "en")
    assert "1 pattern without an example" in english.output
    strict = _check(str(rules), "--strict")
    assert strict.exit_code == 2 and "pacte de discretion" in strict.output


def test_an_example_containing_the_pattern_settles_it(tmp_path):
    def change(data):
        data["topic"]["fr"].append("pacte de discretion")
        data["examples"].append(
            {
                "lang": "fr",
                "expect": "present",
                "text": "Le Prestataire signe avec chaque salarié un pacte de discrétion sur les données des patients.",
            }
        )

    rules = _rules_with(tmp_path, "GDPR-28-3-b", change)
    assert not [i for i in check_pack(load_rules(rules)) if i.pattern == "pacte de discretion"]
