"""The --parties file: strict validation with the file named, defaults for everything left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.addendum.conftest import ROOT
from vendorcheck.addendum.settings import AddendumDetails, Terms, settings_table
from vendorcheck.errors import FileMissing, OptionError


def test_the_sample_file_is_valid() -> None:
    details = AddendumDetails.resolve(ROOT / "samples" / "parties.yaml")
    assert details.controller and details.controller.name == "Cabinet de radiologie des Tilleuls"
    assert details.contract.date and details.contract.date.year == 2025
    assert details.terms.availability_percent == 99.7
    assert details.terms.return_format is None  # left out: the per-language default applies


def test_everything_is_optional(tmp_path: Path) -> None:
    empty = tmp_path / "vide.yaml"
    empty.write_text("", encoding="utf-8")
    assert AddendumDetails.resolve(empty) == AddendumDetails()
    assert AddendumDetails.resolve(None).terms.breach_notice_hours == 24


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms:\n  breach_hours: 12\n", "terms → breach_hours"),
        ("terms:\n  breach_notice_hours: 120\n", "terms → breach_notice_hours"),
        ("terms:\n  subprocessor_notice_days: 5\n", "subprocessor_notice_days"),
        ("processor:\n  siren: '123'\n", "processor → name"),
        ("contract: [a, b]\n", "contract"),
        ("- a\n- b\n", "rubriques"),
        ("terms: {breach_notice_hours: 12\n", "YAML illisible"),
    ],
)
def test_a_bad_file_is_refused_with_its_name(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "parties.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OptionError) as caught:
        AddendumDetails.resolve(path)
    assert str(path) in caught.value.message() and expected in caught.value.message()


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(FileMissing):
        AddendumDetails.resolve(tmp_path / "absent.yaml")


def test_every_term_is_documented() -> None:
    table = settings_table()
    assert [name for name, _, _ in table] == list(Terms.model_fields)
    assert all(help_text for _, _, help_text in table)
    docs = (ROOT / "docs" / "addendum.md").read_text(encoding="utf-8")
    for name, _default, _ in table:
        assert f"`{name}`" in docs, name
