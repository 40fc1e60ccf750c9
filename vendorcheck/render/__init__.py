"""Renderers of a Review (text, JSON, Markdown, HTML), and the signature every renderer of vendorcheck shares.

A renderer is `render(subject, out) -> None`: it writes one format of its subject (a Review here, an
Addendum in `addendum/*_writer.py`, the register's Dashboard in `register/export/`) to an open file:
a text stream, or a binary one for DOCX and XLSX. Callers choose where the output goes (a file, stdout,
a web response); renderers never open files.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import IO, Any, TextIO

from vendorcheck.errors import OptionError
from vendorcheck.i18n import message
from vendorcheck.review import Review

Renderer = Callable[[Any, IO[Any]], None]
# Format -> module; a module is imported only when its format is asked for (HTML loads Jinja2).
MODULES = {"text": "text", "json": "json_report", "md": "markdown", "html": "html"}
FORMATS = tuple(MODULES)


def renderers() -> dict[str, Callable[[Review, TextIO], None]]:
    return {name: get_renderer(name) for name in MODULES}


def get_renderer(name: str) -> Callable[[Review, TextIO], None]:
    if name not in MODULES:
        raise OptionError(detail=message("report.errors.unknown_format", format=name, known=", ".join(MODULES)))
    return import_module(f"vendorcheck.render.{MODULES[name]}").render


def render(review: Review, fmt: str, out: TextIO) -> None:
    """Write `review` as `fmt` ("text", "json", "md" or "html") to `out`."""
    get_renderer(fmt)(review, out)
