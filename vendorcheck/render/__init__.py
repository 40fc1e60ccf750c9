"""Renderers of a Review. Every renderer has the same signature: `render(review, out)`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from vendorcheck.errors import OptionError
from vendorcheck.review import Review

Renderer = Callable[[Review, TextIO], None]


def renderers() -> dict[str, Renderer]:
    from vendorcheck.render import html, json_report, markdown, text

    return {"text": text.render, "json": json_report.render, "md": markdown.render, "html": html.render}


def get_renderer(name: str) -> Renderer:
    available = renderers()
    if name not in available:
        raise OptionError(detail=f"format « {name} » inconnu ; disponibles : {', '.join(available)}")
    return available[name]
