"""Server-rendered pages: one Jinja2 environment, the visitor's language, and the HTML response."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from vendorcheck.i18n import LANGUAGES, label, t
from vendorcheck.models import Language
from vendorcheck.recognition import finding_note

LANG_COOKIE = "vendorcheck_lang"


def text(key: str, lang: Language, **values: Any) -> str:
    """A sentence of the pages (`web.<key>` in the catalogues)."""
    return t(f"web.{key}", lang, **values)


def next_step(verdict: str, lang: Language) -> str:
    return t(f"web.next_step.{verdict}", lang)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("vendorcheck.web", "templates"),
        autoescape=select_autoescape(["j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(text=text, label=label, next_step=next_step, finding_note=finding_note, t=t)
    return env


def visitor_lang(request: Request) -> Language:
    """`?lang=` when given, else the visitor's earlier choice (cookie), else the server's default."""
    for value in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if value in ("fr", "en"):
            return value  # type: ignore[return-value]
    return request.app.state.settings.lang


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lang = visitor_lang(request)
    context.setdefault("path", request.url.path)  # the language switch reloads this address
    html = (
        environment()
        .get_template(template)
        .render(lang=lang, other_lang=next(other for other in LANGUAGES if other != lang), **context)
    )
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="lax", path="/")
    return response
