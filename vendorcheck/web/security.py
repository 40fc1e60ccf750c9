"""Who may use the page: loopback or token, same-origin forms, and the headers sent with every response."""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from vendorcheck.errors import ForeignRequest, TokenRequired
from vendorcheck.web.settings import WebSettings, is_loopback

ACCESS_COOKIE = "vendorcheck_access"

# No inline script or style anywhere: the page's own CSS and JS are served from /static.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Not "no-referrer": with it Chromium sends "Origin: null" on the page's own form posts.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def add_security_headers(response: Response, path: str) -> None:
    response.headers.update(SECURITY_HEADERS)
    # Results and downloads hold contract excerpts: never in the browser's or a proxy's cache.
    static = path.startswith("/static/") and response.status_code == 200
    response.headers["Cache-Control"] = "no-cache" if static else "no-store"


def access_cookie(token: str) -> str:
    """Cookie value derived from the token, so the token itself never sits in the cookie jar."""
    return hmac.new(token.encode(), b"vendorcheck web access", hashlib.sha256).hexdigest()


def same_secret(offered: bytes, secret: str) -> bool:
    """Constant-time comparison of what a request offers with the secret, as bytes: `compare_digest` raises
    on a str holding anything but ASCII, which made one request with an accented token answer 500."""
    return hmac.compare_digest(offered, secret.encode("utf-8"))


def _text_bytes(value: str) -> bytes:
    """A query parameter or cookie as bytes: Starlette decoded it as UTF-8 (lone surrogates kept as such)."""
    return value.encode("utf-8", "surrogatepass")


class AccessGuard:
    """Checks each request before any route runs; raises the refusal that the error page shows."""

    def __init__(self, settings: WebSettings) -> None:
        self.token = settings.token

    def check(self, request: Request) -> Response | None:
        """None to let the request through, or the redirect that turns a token-bearing link into a cookie."""
        self._check_origin(request)
        if self.token is None:
            return None
        if self._has_valid_credentials(request, self.token):
            return None
        offered = request.query_params.get("token")
        if offered is not None and request.method in SAFE_METHODS and same_secret(_text_bytes(offered), self.token):
            return self._store_in_cookie(request, self.token)
        raise TokenRequired()

    def _check_origin(self, request: Request) -> None:
        host = request.headers.get("host", "")
        # Without a token only loopback names are answered: a web page that rebinds its own DNS name to
        # 127.0.0.1 would otherwise read the results through the visitor's browser.
        if self.token is None and not is_loopback(urlsplit(f"//{host}").hostname or ""):
            raise ForeignRequest()
        if request.method in SAFE_METHODS:
            return
        # Another site (another port on this computer included) must not post to this page. Browsers say
        # where a request comes from in Sec-Fetch-Site; older ones only send Origin.
        site = request.headers.get("sec-fetch-site")
        if site is not None:
            foreign = site not in ("same-origin", "none")
        else:
            origin = request.headers.get("origin")
            foreign = origin is not None and urlsplit(origin).netloc != host
        if foreign:
            raise ForeignRequest()

    @staticmethod
    def _has_valid_credentials(request: Request, token: str) -> bool:
        authorization = request.headers.get("authorization", "")
        # Header values reach us decoded as Latin-1, byte for byte: encoding them back gives the bytes sent,
        # so a token with accents sent in UTF-8 (as curl does) matches.
        if authorization.startswith("Bearer ") and same_secret(authorization[7:].encode("latin-1"), token):
            return True
        return same_secret(_text_bytes(request.cookies.get(ACCESS_COOKIE, "")), access_cookie(token))

    @staticmethod
    def _store_in_cookie(request: Request, token: str) -> Response:
        # Redirect to the same address without the token, so it leaves the address bar and the history.
        query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
        response = RedirectResponse(request.url.path + (f"?{query}" if query else ""), status_code=303)
        # Lax, not Strict: the first visit often comes from a link in another application, and the redirect
        # that follows must carry the cookie; cross-site posts are refused by _check_origin anyway.
        response.set_cookie(ACCESS_COOKIE, access_cookie(token), httponly=True, samesite="lax", path="/")
        return response
