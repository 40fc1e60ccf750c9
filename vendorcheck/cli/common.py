"""What every command shares: one error path, stderr console, language option."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, Literal

import typer
from rich.console import Console

from vendorcheck.errors import VendorcheckError

stderr = Console(stderr=True)

LangOption = Annotated[
    Literal["fr", "en"], typer.Option("--lang", help="Langue du rapport / report language (fr, en).")
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


def new_app(help_text: str) -> typer.Typer:
    # Locals are never shown: they would print contract text into terminals and logs.
    return typer.Typer(help=help_text, no_args_is_help=True, pretty_exceptions_show_locals=False, add_completion=False)
