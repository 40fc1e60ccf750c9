"""HDS tests: a temporary data home, a fixed 'today', and the example list as a snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vendorcheck.hds.imports import parse_list
from vendorcheck.hds.models import Snapshot
from vendorcheck.hds.store import new_snapshot, read_snapshot, shipped_files

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "hds"
TODAY = date(2026, 11, 23)
EXAMPLE_DATE = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def vendorcheck_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Imports go to a temporary folder, never to the user's ~/.local/share."""
    home = tmp_path / "home"
    monkeypatch.setenv("VENDORCHECK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def example_snapshot() -> Snapshot:
    """The fictitious example list (samples/hds/liste-exemple.csv), read without being stored."""
    report, entries = parse_list(SAMPLES / "liste-exemple.csv")
    assert not report.rejected
    return new_snapshot(entries, list_date=EXAMPLE_DATE, source="liste d'exemple fictive")


@pytest.fixture(scope="session")
def saisie_snapshot() -> Snapshot:
    """A list typed by a person (tests/hds/data/liste-saisie.csv), read without being stored."""
    report, entries = parse_list(Path(__file__).parent / "data" / "liste-saisie.csv")
    assert not report.rejected and report.accepted == 10
    return new_snapshot(entries, list_date=EXAMPLE_DATE, source="liste saisie à la main (fictive)")


@pytest.fixture(scope="session")
def shipped_snapshot() -> Snapshot:
    """The compilation shipped with vendorcheck (read directly: the user's folder is not involved)."""
    (path,) = shipped_files()
    return read_snapshot(path, shipped=True)
