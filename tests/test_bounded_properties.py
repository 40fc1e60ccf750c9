"""Property: any declaration or list file, however broken, ends in a result or in a coded error (VC-E055 for a
declaration, VC-E050 for a list), never in another exception."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vendorcheck.declarations import parse_declaration
from vendorcheck.errors import DeclarationError, RegistryError
from vendorcheck.hds.imports import parse_list

# Bounded: the whole file runs in a few seconds on the shared machine.
SETTINGS = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

_WORDS = [
    "vendor",
    "name",
    "siren",
    "hds",
    "activities",
    "hosts",
    "Raison sociale",
    "SIREN",
    "Activités",
    "Fin de validité",
    "1,2,3",
    "1 à 6",
    "901000109",
    "123456789",
    "31/02/2028",
    "oui",
    "non",
    "&a",
    "*a",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    '"',
    "'",
    ";",
    ",",
    "\n",
    "  ",
    "\t",
    "é",
    "\x00",
    "\ufeff",
    "<table>",
    "<tr><td>",
    "</td></tr>",
    "PK\x03\x04",
]
_TEXTS = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=60).map("".join)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(_WORDS), inner, max_size=5),
    max_leaves=25,
)


@contextmanager
def _written(data: bytes, suffix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="vc-property-") as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        yield path


def _declaration_outcome(data: bytes, suffix: str) -> None:
    with _written(data, suffix) as path:
        try:
            parse_declaration(path)
        except DeclarationError as error:
            assert error.code == "VC-E055" and str(path) in error.message()


def _list_outcome(data: bytes, suffix: str) -> None:
    with _written(data, suffix) as path:
        try:
            report, entries = parse_list(path)
        except RegistryError as error:
            assert error.code == "VC-E050" and str(path) in error.message()
        else:
            assert report.accepted == len(entries) and report.accepted + len(report.rejected) <= report.rows


@SETTINGS
@given(text=_TEXTS, suffix=st.sampled_from([".yaml", ".json", ".xlsx", ".txt"]))
def test_any_declaration_text_ends_in_a_result_or_a_coded_error(text: str, suffix: str) -> None:
    _declaration_outcome(text.encode("utf-8", "surrogatepass"), suffix)


@SETTINGS
@given(value=_JSON)
def test_any_json_declaration_ends_in_a_result_or_a_coded_error(value: object) -> None:
    _declaration_outcome(json.dumps({"vendor": value, "hds": value}).encode(), ".json")


@SETTINGS
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".yaml", ".xlsx"]))
def test_any_declaration_bytes_end_in_a_result_or_a_coded_error(data: bytes, suffix: str) -> None:
    _declaration_outcome(data, suffix)


@SETTINGS
@given(text=_TEXTS, suffix=st.sampled_from([".csv", ".html", ".json", ".txt", ".xlsx"]))
def test_any_list_text_ends_in_a_result_or_a_coded_error(text: str, suffix: str) -> None:
    _list_outcome(text.encode("utf-8", "surrogatepass"), suffix)


@SETTINGS
@given(rows=st.lists(st.lists(_TEXTS, max_size=8), max_size=12), delimiter=st.sampled_from([";", ","]))
def test_any_csv_table_ends_in_a_result_or_a_coded_error(rows: list[list[str]], delimiter: str) -> None:
    header = delimiter.join(["Raison sociale", "SIREN", "Activités", "Fin de validité", "N° de certificat"])
    body = "\n".join(delimiter.join(cells) for cells in rows)
    _list_outcome(f"{header}\n{body}\n".encode(), ".csv")


@SETTINGS
@given(records=st.lists(st.dictionaries(st.sampled_from(_WORDS), _JSON, max_size=6), max_size=8))
def test_any_json_list_ends_in_a_result_or_a_coded_error(records: list[dict]) -> None:
    _list_outcome(json.dumps({"data": records}).encode(), ".json")
