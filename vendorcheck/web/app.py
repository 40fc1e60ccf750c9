"""`create_app(settings)`: the FastAPI application behind `vendorcheck serve`."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from vendorcheck.errors import InternalError, PageNotFound, VendorcheckError
from vendorcheck.web.errors import error_response
from vendorcheck.web.progress import ProgressBoard
from vendorcheck.web.routes import router
from vendorcheck.web.security import AccessGuard, add_security_headers
from vendorcheck.web.settings import WebSettings, check_exposure
from vendorcheck.web.store import ResultStore

log = logging.getLogger("vendorcheck.web")


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The web app for `settings`; raises OptionError for a configuration that would expose contracts."""
    settings = settings or WebSettings()
    check_exposure(settings)
    # No interactive API docs: they would be one more page to protect, and they load scripts from a CDN.
    app = FastAPI(title="vendorcheck", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.results = ResultStore(settings.result_minutes * 60, settings.max_results)
    app.state.progress = ProgressBoard()
    app.include_router(router)
    guard = AccessGuard(settings)

    @app.exception_handler(VendorcheckError)
    async def on_vendorcheck_error(request: Request, exc: VendorcheckError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(HTTPException)
    async def on_http_error(request: Request, exc: HTTPException) -> Response:
        # Unknown address or wrong method: the same page, keeping the status Starlette chose.
        return error_response(request, PageNotFound(), status=exc.status_code)

    @app.middleware("http")
    async def guard_and_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        try:
            response = guard.check(request) or await call_next(request)
        except VendorcheckError as exc:  # a refusal from the guard, before any route runs
            response = error_response(request, exc)
        except Exception:
            # The traceback goes to the server's log only; the visitor gets the usual error page.
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            response = error_response(request, InternalError())
        add_security_headers(response, request.url.path)
        return response

    return app
