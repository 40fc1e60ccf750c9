"""docs/web.md documents every setting, option, route and error code of the web app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vendorcheck.cli.main import app
from vendorcheck.i18n import catalogue
from vendorcheck.web.routes import router
from vendorcheck.web.settings import SETTINGS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [name for name, _, _ in SETTINGS])
def test_every_setting_is_documented(name: str) -> None:
    assert f"| `{name}` |" in DOC


def test_every_serve_option_is_documented() -> None:
    help_text = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}
    assert options and all(f"| `{option}` |" in DOC for option in options), options


@pytest.mark.parametrize("path", sorted({route.path for route in router.routes}))  # type: ignore[attr-defined]
def test_every_route_is_documented(path: str) -> None:
    assert re.search(rf"`(GET|POST) {re.escape(path)}`", DOC)


@pytest.mark.parametrize("code", [key.split(".")[1] for key in catalogue("fr") if key.startswith("errors.VC-E09")])
def test_every_web_error_code_is_documented(code: str) -> None:
    assert f"| `{code}` |" in DOC
