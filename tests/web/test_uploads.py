"""Uploads: size limit enforced while streaming, type sniffed from content, private folder deleted."""

from __future__ import annotations

import asyncio
import stat
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from vendorcheck.review import Review
from vendorcheck.web import WebSettings, create_app, service
from vendorcheck.web.uploads import ReviewForm, clean_label

BOUNDARY = "vcboundary"


def multipart_head(filename: str = "contrat.txt") -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="contract"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()


def post_asgi(app: Any, chunks: list[bytes], headers: dict[str, str]) -> tuple[int, int]:
    """POST /review straight through ASGI, so the body arrives chunk by chunk as from a socket.

    RETURNS (status, number of chunks the app asked for).
    """
    asked = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if asked < len(chunks):
            asked += 1
            return {"type": "http.request", "body": chunks[asked - 1], "more_body": asked < len(chunks)}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    raw = [(b"host", b"127.0.0.1:8000"), (b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode())]
    raw += [(k.encode(), v.encode()) for k, v in headers.items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/review",
        "raw_path": b"/review",
        "query_string": b"",
        "root_path": "",
        "headers": raw,
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start"), asked


@pytest.fixture
def no_review(monkeypatch: pytest.MonkeyPatch) -> list[ReviewForm]:
    """Replace the review by a recorder: upload handling is tested, not the engine."""
    forms: list[ReviewForm] = []

    def fake(form: ReviewForm, settings: WebSettings) -> Review:
        forms.append(form)
        raise AssertionError("the review must not run")

    monkeypatch.setattr(service, "review_upload", fake)
    return forms


def test_body_over_the_limit_is_refused_while_streaming(no_review: list[ReviewForm]) -> None:
    app = create_app(WebSettings(max_upload_mb=1))
    chunk = b"x" * (256 * 1024)
    status, asked = post_asgi(app, [multipart_head()] + [chunk] * 400, {})  # 100 MB, no Content-Length
    assert status == 413
    assert asked <= 6  # 1 MB read, then refused: the other 99 MB were never received
    assert no_review == []


def test_announced_size_over_the_limit_is_refused_before_reading(no_review: list[ReviewForm]) -> None:
    app = create_app(WebSettings(max_upload_mb=1))
    status, asked = post_asgi(app, [multipart_head(), b"x" * 10], {"content-length": str(5 * 1024 * 1024)})
    assert (status, asked) == (413, 0)


def test_limit_is_configurable(make_client: Any, no_review: list[ReviewForm]) -> None:
    small = make_client(max_upload_mb=1)
    answer = small.post(
        "/review", files={"contract": ("c.txt", b"a" * (1024 * 1024 + 1))}, headers={"accept": "application/json"}
    )
    assert answer.status_code == 413 and answer.json()["code"] == "VC-E004"
    assert "limite 1 Mo" in answer.json()["error"]


def test_upload_is_processed_in_a_private_folder_then_deleted(
    monkeypatch: pytest.MonkeyPatch, client: TestClient, sample_review: Review
) -> None:
    seen: dict[str, Any] = {}

    def inspect(form: ReviewForm, settings: WebSettings) -> Review:
        folder = form.contract.path.parent
        seen.update(
            folder=folder,
            mode=stat.S_IMODE(folder.stat().st_mode),
            files=sorted(folder.iterdir()),
            label=form.contract.label,
            content=form.contract.path.read_bytes(),
        )
        return sample_review

    monkeypatch.setattr(service, "review_upload", inspect)
    answer = client.post(
        "/review",
        files={"contract": ("../../etc/cron.d/Contrat.md", b"Article 1")},
        data={"health_data": "1"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert seen["mode"] == 0o700
    assert seen["files"] == [seen["folder"] / "contract"]  # our name, not the client's
    assert seen["label"] == "Contrat.md" and seen["content"] == b"Article 1"
    assert not seen["folder"].exists()


@pytest.mark.parametrize(
    ("content", "suffix"),
    [
        (b"PK\x03\x04rest-of-a-workbook", ".xlsx"),
        (b' \n{"vendor": {}}', ".json"),
        (b"vendor:\n  name: Kalendo\n", ".yaml"),
        (b"\xef\xbb\xbf[1]", ".json"),
    ],
)
def test_declaration_gets_a_name_from_its_content(
    monkeypatch: pytest.MonkeyPatch, client: TestClient, sample_review: Review, content: bytes, suffix: str
) -> None:
    seen: list[Path] = []

    def inspect(form: ReviewForm, settings: WebSettings) -> Review:
        assert form.declaration is not None
        seen.append(form.declaration.path)
        return sample_review

    monkeypatch.setattr(service, "review_upload", inspect)
    answer = client.post(
        "/review",
        files={"contract": ("c.md", b"Article 1"), "declaration": ("declaration.txt", content)},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert seen[0].name == f"declaration-fournisseur{suffix}"


@pytest.mark.parametrize("content", [b"\xff\xd8\xff\xe0\x00\x10JFIF", b"%PDF-1.7\n"])
def test_declarations_other_than_questionnaires_are_refused(
    client: TestClient, no_review: list[ReviewForm], content: bytes
) -> None:
    answer = client.post(
        "/review",
        files={"contract": ("c.md", b"Article 1"), "declaration": ("d.yaml", content)},
        headers={"accept": "application/json"},
    )
    assert answer.status_code == 422 and answer.json()["code"] == "VC-E055"
    assert "XLSX, YAML ou JSON" in answer.json()["error"]
    assert no_review == []


def test_folder_is_deleted_when_the_review_fails(make_client: Any, tmp_path: Path) -> None:
    answer = make_client(tmp_dir=tmp_path).post("/review", files={"contract": ("scan.pdf", b"\x89PNG\r\n\x1a\n..")})
    assert answer.status_code == 422
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "status", "code"),
    [
        ("contrat.pdf", b"%!PS-Adobe not a pdf", 422, "VC-E012"),  # a PostScript file renamed .pdf
        ("contrat.pdf", b"\x89PNG\r\n\x1a\nbroken", 422, "VC-E017"),  # a picture renamed .pdf is read as one
        ("contrat.docx", b"%!PS-Adobe not a zip", 422, "VC-E020"),
        ("contrat.txt", b"MZ\x90\x00\x03\x00\x00\x00", 422, "VC-E030"),  # a program renamed .txt
        ("contrat.exe", b"MZ\x90\x00\x03\x00\x00\x00", 415, "VC-E003"),
        ("contrat.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 415, "VC-E003"),  # Word 97
        ("vide.pdf", b"", 400, "VC-E093"),  # an empty file input counts as no contract
    ],
)
def test_type_is_sniffed_from_content(client: TestClient, name: str, content: bytes, status: int, code: str) -> None:
    answer = client.post("/review", files={"contract": (name, content)}, headers={"accept": "application/json"})
    assert (answer.status_code, answer.json()["code"]) == (status, code)


def test_a_pdf_with_a_misleading_name_is_read_as_pdf(client: TestClient, samples: Path) -> None:
    pdf = next(samples.glob("*.pdf")).read_bytes()
    answer = client.post("/review", files={"contract": ("contrat.txt", pdf)}, headers={"accept": "application/json"})
    assert answer.status_code == 200
    assert answer.json()["review"]["document"]["format"] == "pdf"


@pytest.mark.parametrize(
    ("files", "data", "code"),
    [
        ({"contract": ("", b"")}, {"health_data": "1"}, "VC-E093"),  # what a browser sends for no file
        ({"contract": ("a.txt", b"x"), "other": ("b.txt", b"y")}, {}, "VC-E094"),
        ({"contract": ("a.txt", b"x")}, {"lang": "fr" * 100}, "VC-E094"),
    ],
)
def test_malformed_forms_are_refused(
    client: TestClient, no_review: list[ReviewForm], files: dict[str, Any], data: dict[str, str], code: str
) -> None:
    answer = client.post("/review", files=files, data=data, headers={"accept": "application/json"})
    assert answer.status_code == 400 and answer.json()["code"] == code


def test_non_multipart_body_is_refused(client: TestClient) -> None:
    answer = client.post(
        "/review",
        content=b'{"contract": "x"}',
        headers={"content-type": "application/json", "accept": "application/json"},
    )
    assert answer.status_code == 400 and answer.json()["code"] == "VC-E094"


@pytest.mark.parametrize(
    ("given", "label"),
    [
        ("C:\\Users\\dr\\Contrat.pdf", "Contrat.pdf"),
        ("../../../etc/passwd", "passwd"),
        ("..", "contrat"),
        ("", "contrat"),
        (".htaccess", "htaccess"),
        ("a\x00b\nc.pdf", "abc.pdf"),
    ],
)
def test_client_file_names_become_plain_labels(given: str, label: str) -> None:
    assert clean_label(given) == label
