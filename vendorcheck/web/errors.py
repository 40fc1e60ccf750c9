"""The web app's one error path: any VendorcheckError becomes a French (or English) page or a JSON body."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from vendorcheck import errors
from vendorcheck.web.pages import page, visitor_lang

# Most specific class first; anything unlisted is the server's or its configuration's fault.
_STATUS: list[tuple[type[errors.VendorcheckError], int]] = [
    (errors.TooLarge, 413),
    (errors.UnsupportedFormat, 415),
    (errors.InputError, 422),
    (errors.DeclarationError, 422),
    (errors.TokenRequired, 401),
    (errors.ForeignRequest, 403),
    (errors.ResultExpired, 404),
    (errors.PageNotFound, 404),
    (errors.NoContract, 400),
    (errors.BadUpload, 400),
    (errors.OptionError, 400),
    (errors.OcrUnavailable, 503),  # Tesseract missing on the server: the upload was fine
]


def status_of(exc: errors.VendorcheckError) -> int:
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 500)


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, exc: errors.VendorcheckError, status: int | None = None) -> Response:
    """`{ok, error, code, status}` for API clients, else the error page; never a traceback."""
    status = status or status_of(exc)
    lang = visitor_lang(request)
    if wants_json(request):
        return JSONResponse(
            {"ok": False, "error": exc.reason(lang), "code": exc.code, "status": status}, status_code=status
        )
    # The error page names the uploaded file (exc.path is the client's label, never a path on disk). Its
    # language switch leads to the start page: the failed address may accept only a POST.
    reason = exc.reason(lang)
    return page(
        request,
        "error.html.j2",
        status_code=status,
        code=exc.code,
        reason=reason[:1].upper() + reason[1:],
        file=exc.path,
        path="/",
    )
