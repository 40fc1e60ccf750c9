"""Rule files are validated strictly; every problem is reported at once with its file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from vendorcheck.cli.main import app
from vendorcheck.errors import RuleFileError
from vendorcheck.resources import data_dir
from vendorcheck.rulebook import load_rules


def _copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), target)
    return target


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_all_problems_reported_with_file_and_field(tmp_path):
    rules = _copy_rules(tmp_path)
    _edit(rules / "GDPR-33-2.yaml", lambda d: d.update(severity="huge"))
    _edit(rules / "GDPR-28-4.yaml", lambda d: d.update(colour="blue"))
    _edit(rules / "GDPR-28-3-b.yaml", lambda d: d["topic"]["en"].append([{"LOWERR": "x"}]))
    (rules / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules(rules)
    message = caught.value.message()
    assert "GDPR-33-2.yaml → severity" in message
    assert "GDPR-28-4.yaml → colour" in message
    assert "GDPR-28-3-b.yaml → topic → en[" in message
    assert "broken.yaml: YAML invalide" in message


def test_duplicate_id_is_refused(tmp_path):
    rules = _copy_rules(tmp_path)
    shutil.copy(rules / "GDPR-33-2.yaml", rules / "copy.yaml")
    with pytest.raises(RuleFileError, match="déjà utilisé"):
        load_rules(rules)


def test_rules_check_command_exits_2_on_a_bad_folder(tmp_path):
    rules = _copy_rules(tmp_path)
    _edit(rules / "GDPR-33-2.yaml", lambda d: d.pop("advice"))
    result = CliRunner().invoke(app, ["rules", "check", str(rules)])
    assert result.exit_code == 2
    assert "GDPR-33-2.yaml → advice" in result.output
    assert "Traceback" not in result.output


def test_shipped_rules_are_valid_and_versioned():
    pack = load_rules()
    assert len(pack.rules) == 24
    assert len(pack.version) == 12


def test_rules_show_prints_the_rule_page():
    result = CliRunner().invoke(app, ["rules", "show", "GDPR-33-2"])
    assert result.exit_code == 0
    assert "RGPD art. 33(2)" in result.output and "Pourquoi" in result.output
    unknown = CliRunner().invoke(app, ["rules", "show", "GDPR-99"])
    assert unknown.exit_code == 2 and "GDPR-99" in unknown.output
