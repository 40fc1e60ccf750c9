"""Every error route answers through the one error path: the same JSON shape, or the French error page."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

TOKEN = "s3cret-token-for-the-tests"

# (settings, method, path, request arguments, status, code)
ERROR_ROUTES: list[tuple[dict[str, Any], str, str, dict[str, Any], int, str]] = [
    ({}, "GET", "/no-such-page", {}, 404, "VC-E095"),
    ({}, "POST", "/", {}, 405, "VC-E095"),
    ({}, "GET", "/static/secret.py", {}, 404, "VC-E095"),
    ({}, "GET", "/results/unknown", {}, 404, "VC-E092"),
    ({}, "GET", "/results/unknown/avenant.docx", {}, 404, "VC-E092"),
    ({}, "GET", "/results/unknown/rapport.html", {}, 404, "VC-E092"),
    ({}, "POST", "/review", {"files": {"contract": ("", b"")}}, 400, "VC-E093"),
    ({}, "POST", "/review", {"files": {"contract": ("a.txt", b"x"), "x": ("b", b"y")}}, 400, "VC-E094"),
    ({}, "POST", "/review", {"content": b"plain", "headers": {"content-type": "text/plain"}}, 400, "VC-E094"),
    ({}, "POST", "/review", {"files": {"contract": ("a.pdf", b"not a pdf")}}, 422, "VC-E012"),
    ({}, "POST", "/review", {"files": {"contract": ("a.gif", b"GIF89a\x01\x00")}}, 415, "VC-E003"),
    ({}, "POST", "/review", {"files": {"contract": ("a.png", b"\x89PNG\r\n\x1a\n")}}, 422, "VC-E017"),
    (
        {},
        "POST",
        "/review",
        {"files": {"contract": ("a.txt", b"x"), "declaration": ("d.pdf", b"%PDF-1.4")}},
        422,
        "VC-E055",
    ),
    ({"db": "/nonexistent/registre.sqlite"}, "GET", "/suppliers", {}, 500, "VC-E060"),
    ({"max_upload_mb": 1}, "POST", "/review", {"files": {"contract": ("a.txt", b"a" * 1_100_000)}}, 413, "VC-E004"),
    (
        {},
        "POST",
        "/review",
        {"files": {"contract": ("a.txt", b"x")}, "headers": {"origin": "http://attacker.example"}},
        403,
        "VC-E091",
    ),
    ({}, "GET", "/", {"headers": {"host": "attacker.example"}}, 403, "VC-E091"),
    ({"token": TOKEN}, "GET", "/", {}, 401, "VC-E090"),
    ({"token": TOKEN}, "GET", "/no-such-page", {}, 401, "VC-E090"),
]
IDS = [f"{method} {path} {code}" for _, method, path, _, _, code in ERROR_ROUTES]


def _call(
    make_client: Any, settings: dict[str, Any], method: str, path: str, arguments: dict[str, Any], accept: str
) -> Any:
    client: TestClient = make_client(**settings)
    arguments = dict(arguments)
    headers = {"accept": accept, **arguments.pop("headers", {})}
    return client.request(method, path, headers=headers, **arguments)


@pytest.mark.parametrize(("settings", "method", "path", "arguments", "status", "code"), ERROR_ROUTES, ids=IDS)
def test_json_shape(
    make_client: Any,
    settings: dict[str, Any],
    method: str,
    path: str,
    arguments: dict[str, Any],
    status: int,
    code: str,
) -> None:
    answer = _call(make_client, settings, method, path, arguments, "application/json")
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert set(body) == {"ok", "error", "code", "status"}
    assert body["ok"] is False and body["code"] == code and body["status"] == status
    assert isinstance(body["error"], str) and body["error"] and "Traceback" not in body["error"]


@pytest.mark.parametrize(("settings", "method", "path", "arguments", "status", "code"), ERROR_ROUTES, ids=IDS)
def test_html_page_in_french(
    make_client: Any,
    settings: dict[str, Any],
    method: str,
    path: str,
    arguments: dict[str, Any],
    status: int,
    code: str,
) -> None:
    answer = _call(make_client, settings, method, path, arguments, "text/html,application/xhtml+xml,*/*;q=0.8")
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in answer.text and "La demande n&#39;a pas pu aboutir" in answer.text
    assert f"Code {code}" in answer.text
    assert answer.headers["cache-control"] == "no-store"


def test_error_page_in_english_when_chosen(make_client: Any) -> None:
    answer = make_client().get("/results/unknown?lang=en")
    assert answer.status_code == 404 and "reviews are kept in memory for 30 minutes only" in answer.text


def test_error_page_names_the_uploaded_file_not_a_server_path(make_client: Any) -> None:
    answer = make_client().post("/review", files={"contract": ("Contrat hébergeur.pdf", b"%PDF-1.7 broken")})
    assert answer.status_code == 422
    assert "Contrat hébergeur.pdf" in answer.text and "/tmp" not in answer.text


def test_unexpected_failures_show_the_error_page_without_traceback(
    make_client: Any, monkeypatch: Any, caplog: Any
) -> None:
    from vendorcheck.web import service

    def broken(*args: object) -> None:
        raise RuntimeError("secret contract text")

    monkeypatch.setattr(service, "review_upload", broken)
    answer = make_client().post("/review", files={"contract": ("a.txt", b"x")}, headers={"accept": "application/json"})
    assert answer.status_code == 500
    assert answer.json() == {"ok": False, "code": "VC-E096", "status": 500, "error": answer.json()["error"]}
    assert "secret contract text" not in answer.text
    assert "RuntimeError" in caplog.text  # kept for the operator, in the server's log only
