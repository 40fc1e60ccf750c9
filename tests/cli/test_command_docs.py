"""Every command explains itself and appears in the README (style A20)."""

from __future__ import annotations

import typer

from tests.conftest import ROOT
from vendorcheck.cli.main import app


def _commands(group, prefix: str = "vendorcheck"):  # noqa: ANN001 - typer's underlying command group
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        yield path, command
        if hasattr(command, "commands"):
            yield from _commands(command, path)


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = dict(_commands(typer.main.get_command(app)))
    assert {
        "vendorcheck review",
        "vendorcheck addendum",
        "vendorcheck batch",
        "vendorcheck serve",
        "vendorcheck hds check",
        "vendorcheck register export",
        "vendorcheck rules check",
    } <= set(commands)
    for path, command in commands.items():
        assert (command.help or "").strip(), f"{path} has no help text"
        top = " ".join(path.split()[:2])
        assert top in readme, f"{top} is not documented in README.md"
