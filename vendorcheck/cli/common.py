"""What every command shares: one error path, the stderr console, the options most commands take, the help texts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console

from vendorcheck.errors import OptionError, VendorcheckError
from vendorcheck.i18n import DEFAULT_LANGUAGE, message, t

stderr = Console(stderr=True)


def help_text(key: str) -> str:
    """A command's or an option's help (`cli.help.<key>`), in the default language: help is shown before
    any --lang is read."""
    return t(f"cli.help.{key}", DEFAULT_LANGUAGE)


LangOption = Annotated[Literal["fr", "en"], typer.Option("--lang", help=help_text("common.lang"))]
RulesOption = Annotated[Path | None, typer.Option("--rules", help=help_text("common.rules_dir"))]
RegisterOption = Annotated[
    str | None, typer.Option("--db", envvar="VENDORCHECK_DB", help=help_text("common.register_db"))
]
OutputFormat = Annotated[
    Literal["text", "json"], typer.Option("--format", "-f", help=help_text("common.output_format"))
]


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a VendorcheckError into one line on stderr and its exit code; never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except VendorcheckError as exc:
            stderr.print(exc.message(kwargs.get("lang")), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def new_app(help_key: str) -> typer.Typer:
    # Locals are never shown: they would print contract text into terminals and logs.
    return typer.Typer(
        help=help_text(help_key), no_args_is_help=True, pretty_exceptions_show_locals=False, add_completion=False
    )


def parse_date(value: str | None, error: str = "bad_date") -> date | None:
    """A YYYY-MM-DD date option; an OptionError (`cli.errors.<error>`) otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise OptionError(detail=message(f"cli.errors.{error}", value=value)) from None


def say(text: str) -> None:
    """One line on stderr, whatever its width (paths can be copied, logs grepped), never read as markup."""
    stderr.print(text, highlight=False, markup=False, soft_wrap=True)
