"""The annotated contract on the web page: offered for a Word upload, refused for any other."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.addendum.wordml import revisions
from tests.docx_contracts import WEAK_CONTRACT, python_docx
from vendorcheck.addendum.redline import AUTHOR


def upload(client: TestClient, name: str, data: bytes) -> str:
    posted = client.post("/review", files={"contract": (name, data)}, data={"health_data": "1"}, follow_redirects=False)
    assert posted.status_code == 303
    return posted.headers["location"]


def test_word_upload_offers_and_serves_the_annotated_contract(client: TestClient) -> None:
    url = upload(client, "Contrat Logimed.docx", python_docx(WEAK_CONTRACT))
    page = client.get(url).text
    assert 'id="download-redline"' in page and "Télécharger le contrat annoté" in page
    answer = client.get(url + "/contrat-annote.docx")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="contrat-annote-contrat-logimed.docx"'
    assert revisions(answer.content, AUTHOR)


def test_other_uploads_offer_no_annotated_contract(client: TestClient, weak_contract: Path) -> None:
    url = upload(client, weak_contract.name, weak_contract.read_bytes())
    assert 'id="download-redline"' not in client.get(url).text
    refused = client.get(url + "/contrat-annote.docx", headers={"accept": "application/json"})
    assert refused.status_code == 404 and refused.json()["code"] == "VC-E095"


def test_json_upload_gives_the_annotated_contracts_link_for_a_docx(client: TestClient) -> None:
    body = client.post(
        "/review",
        files={"contract": ("contrat.docx", python_docx(WEAK_CONTRACT))},
        data={"health_data": "1"},
        headers={"accept": "application/json"},
    ).json()
    assert body["redline"] == body["result"] + "/contrat-annote.docx"
    assert client.get(body["redline"]).status_code == 200
