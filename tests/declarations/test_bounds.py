"""Hostile and broken declarations end in one coded error (VC-E055), never a traceback or gigabytes of memory
(issue 11, item 4): alias bombs, deep nesting, oversized files, zip bombs, pipes."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorcheck.declarations import parse_declaration
from vendorcheck.errors import DeclarationError


def _refused(path: Path) -> str:
    with pytest.raises(DeclarationError) as error:
        parse_declaration(path)
    message = error.value.message()
    assert message.startswith(f"[VC-E055] {path} : ")
    return message


def test_a_billion_laughs_yaml_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    text = 'a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]\n'
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    path = tmp_path / "rires.yaml"
    path.write_text(text + "vendor: {name: *i}\n", encoding="utf-8")
    assert "alias YAML développés" in _refused(path)


def test_a_few_aliases_are_still_accepted(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("vendor:\n  name: &nom Armor Imagerie Cloud\nsigned:\n  name: *nom\n", encoding="utf-8")
    assert parse_declaration(path).vendor.name == "Armor Imagerie Cloud"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("profond.yaml", "vendor: " + "[" * 50_000 + "]" * 50_000),
        ("profond-blocs.yaml", "".join(" " * depth + f"k{depth}:\n" for depth in range(200))),
        ("profond.json", '{"vendor": ' + "[" * 50_000 + "]" * 50_000 + "}"),
    ],
)
def test_deep_nesting_is_refused(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert "imbrication trop profonde (plus de 32 niveaux)" in _refused(path)


def test_an_oversized_declaration_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "enorme.yaml"
    with path.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    assert "fichier trop volumineux (6 Mo, limite 5 Mo)" in _refused(path)
