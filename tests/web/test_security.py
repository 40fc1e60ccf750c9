"""Who may reach the page: loopback by default, a token otherwise; and the headers of every response."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from vendorcheck.errors import OptionError
from vendorcheck.review import Review
from vendorcheck.web import WebSettings, create_app
from vendorcheck.web.security import ACCESS_COOKIE

TOKEN = "s3cret-token-for-the-tests"


def test_loopback_is_the_default_bind() -> None:
    assert WebSettings().host == "127.0.0.1"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "cabinet.local"])
def test_other_addresses_need_a_token(host: str) -> None:
    with pytest.raises(OptionError, match="--token"):
        create_app(WebSettings(host=host))
    assert create_app(WebSettings(host=host, token=TOKEN)) is not None


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_addresses_need_no_token(host: str) -> None:
    assert create_app(WebSettings(host=host)) is not None


def test_short_tokens_are_refused() -> None:
    with pytest.raises(OptionError, match="16"):
        create_app(WebSettings(host="0.0.0.0", token="short"))


@pytest.fixture
def guarded(make_client: Any) -> TestClient:
    return make_client(host="0.0.0.0", token=TOKEN)


@pytest.mark.parametrize("path", ["/", "/static/app.css", "/suppliers", "/results/whatever", "/no-such-page"])
def test_token_is_required_on_every_request(guarded: TestClient, path: str) -> None:
    answer = guarded.get(path, headers={"accept": "application/json"})
    assert answer.status_code == 401 and answer.json()["code"] == "VC-E090"


def test_token_is_required_for_uploads(guarded: TestClient) -> None:
    answer = guarded.post("/review", files={"contract": ("c.txt", b"x")}, headers={"accept": "application/json"})
    assert answer.status_code == 401


def test_wrong_token_is_refused(guarded: TestClient) -> None:
    assert guarded.get("/", headers={"authorization": "Bearer " + TOKEN[:-1] + "x"}).status_code == 401
    assert guarded.get("/?token=" + TOKEN + "x", follow_redirects=False).status_code == 401
    guarded.cookies.set(ACCESS_COOKIE, TOKEN)  # the raw token is not the cookie's value
    assert guarded.get("/").status_code == 401


def test_bearer_header_is_accepted(guarded: TestClient) -> None:
    assert guarded.get("/", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_first_visit_with_token_sets_a_cookie_and_drops_the_token_from_the_address(guarded: TestClient) -> None:
    first = guarded.get(f"/suppliers?lang=en&token={TOKEN}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/suppliers?lang=en"
    cookie = first.headers["set-cookie"]
    assert TOKEN not in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert guarded.get("/").status_code == 200  # the cookie now stands for the token
    assert guarded.get("/static/app.css").status_code == 200


def test_token_is_checked_on_loopback_too(make_client: Any) -> None:
    assert make_client(token=TOKEN).get("/").status_code == 401


def test_foreign_host_names_are_refused_without_token(client: TestClient) -> None:
    """DNS rebinding: another site's name pointing at 127.0.0.1 must not reach the results."""
    answer = client.get("/", headers={"host": "attacker.example:8000"})
    assert answer.status_code == 403
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8000"}).status_code == 200


def test_any_host_name_is_fine_with_a_token(guarded: TestClient) -> None:
    answer = guarded.get("/", headers={"host": "cabinet.local:8000", "authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://attacker.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://127.0.0.1:3000"},  # another local service
    ],
)
def test_posts_from_other_sites_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    answer = client.post("/review", files={"contract": ("c.txt", b"x")}, headers=headers)
    assert answer.status_code == 403 and "VC-E091" in answer.text


def test_posts_from_the_page_itself_are_accepted(client: TestClient, sample_review: Review, stored: Any) -> None:
    url = stored(client, sample_review)
    same_origin = {"origin": str(client.base_url).rstrip("/"), "sec-fetch-site": "same-origin"}
    answer = client.post(url + "/delete", headers=same_origin, follow_redirects=False)
    assert answer.status_code == 303


def test_security_headers_on_every_response(client: TestClient, sample_review: Review, stored: Any) -> None:
    url = stored(client, sample_review)
    for path in ("/", url, url + "/rapport.html", "/static/app.css", "/no-such-page"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_results_and_downloads_are_never_cached(client: TestClient, sample_review: Review, stored: Any) -> None:
    url = stored(client, sample_review)
    for path in ("/", url, url + "/rapport.html", url + "/avenant.docx"):
        assert client.get(path).headers["cache-control"] == "no-store", path


def test_pages_carry_no_inline_script_or_style(client: TestClient, sample_review: Review, stored: Any) -> None:
    for path in ("/", stored(client, sample_review), "/suppliers", "/no-such-page"):
        html = client.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert not re.search(r"<[^>]*\son[a-z]+=", html)  # no inline event handler either


@pytest.mark.parametrize("offered", ["é" * 20, "s3cret-token-for-the-testś", "\u202e\u0000"])
def test_a_token_with_non_ascii_characters_is_refused_not_a_crash(guarded: TestClient, offered: str) -> None:
    """Every way a token reaches the guard: header (sent as UTF-8 bytes), query, cookie."""
    json_only = {"accept": "application/json"}
    by_header = guarded.get("/", headers={**json_only, "authorization": f"Bearer {offered}".encode()})
    by_query = guarded.get("/", params={"token": offered}, headers=json_only, follow_redirects=False)
    by_cookie = guarded.get("/", headers={**json_only, "cookie": f"{ACCESS_COOKIE}={offered}".encode()})
    for answer in (by_header, by_query, by_cookie):
        assert answer.status_code == 401 and answer.json()["code"] == "VC-E090"
    page = guarded.get("/", headers={"authorization": f"Bearer {offered}".encode()})
    assert page.status_code == 401 and "Accès refusé" in page.text


def test_a_token_chosen_with_accents_works(make_client: Any) -> None:
    token = "secret-du-cabinet-médical-2026"
    client = make_client(host="0.0.0.0", token=token)
    assert client.get("/", headers={"authorization": f"Bearer {token}".encode()}).status_code == 200
    assert client.get("/", params={"token": token}).status_code == 200  # link, then cookie
