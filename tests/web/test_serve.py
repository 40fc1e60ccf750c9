"""`vendorcheck serve`: safe bind by default, refusal to expose contracts without a token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from vendorcheck.cli.main import app
from vendorcheck.register import Register

WIDE = {"COLUMNS": "1000"}  # rich wraps stderr at 80 columns when it is not a terminal
TOKEN = "s3cret-token-for-the-tests"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Record what would be handed to uvicorn instead of listening on a port."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: calls.append({"app": application, **options}))
    return calls


def test_binds_loopback_by_default(started: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve"], env=WIDE)
    assert result.exit_code == 0, result.output
    [call] = started
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    assert call["access_log"] is False  # URLs carry result keys and, once, the token
    assert call["app"].state.settings.max_upload_mb == 20
    assert "http://127.0.0.1:8000/" in result.output


def test_refuses_another_address_without_token(started: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"], env=WIDE)
    assert result.exit_code == 2
    assert "[VC-E080]" in result.output and "--token" in result.output
    assert "Traceback" not in result.output
    assert started == []


def test_another_address_with_a_token_from_the_environment(started: list[dict[str, Any]], tmp_path: Path) -> None:
    db = str(tmp_path / "registre.sqlite")
    Register(db).close()
    result = CliRunner().invoke(
        app,
        ["serve", "--host", "0.0.0.0", "--port", "8443", "--max-upload-mb", "5", "--db", db],
        env={**WIDE, "VENDORCHECK_TOKEN": TOKEN},
    )
    assert result.exit_code == 0, result.output
    settings = started[0]["app"].state.settings
    assert (settings.host, settings.port, settings.token, settings.max_upload_mb, settings.db) == (
        "0.0.0.0",
        8443,
        TOKEN,
        5,
        db,
    )
    assert TOKEN not in result.output  # the secret is not echoed into terminals and logs


def test_a_mistyped_register_stops_the_start(started: list[dict[str, Any]], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "typo.sqlite")], env=WIDE)
    assert result.exit_code == 2 and "[VC-E060]" in result.output and "registre introuvable" in result.output
    assert started == [] and not (tmp_path / "typo.sqlite").exists()


def test_help_says_why_loopback(started: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env=WIDE)
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "réseau" in result.output and "--token" in result.output
