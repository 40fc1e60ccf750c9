"""Renderers of a Review (text, JSON, Markdown, HTML), and the signature every renderer of vendorcheck shares.

A renderer is `render(subject, out) -> None`: it writes one format of its subject (a Review here, an
Addendum in `addendum/*_writer.py`, the register's Dashboard in `register/export/`) to an open file:
a text stream, or a binary one for DOCX and XLSX. Callers choose where the output goes (a file, stdout,
a web response); renderers never open files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any, TextIO

from vendorcheck.errors import OptionError
from vendorcheck.i18n import message
from vendorcheck.review import Review

Renderer = Callable[[Any, IO[Any]], None]
FORMATS = ("text", "json", "md", "html")


def renderers() -> dict[str, Callable[[Review, TextIO], None]]:
    from vendorcheck.render import html, json_report, markdown, text

    return {"text": text.render, "json": json_report.render, "md": markdown.render, "html": html.render}


def get_renderer(name: str) -> Callable[[Review, TextIO], None]:
    available = renderers()
    if name not in available:
        raise OptionError(detail=message("report.errors.unknown_format", format=name, known=", ".join(available)))
    return available[name]


def render(review: Review, fmt: str, out: TextIO) -> None:
    """Write `review` as `fmt` ("text", "json", "md" or "html") to `out`."""
    get_renderer(fmt)(review, out)
