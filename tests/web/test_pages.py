"""The pages a doctor goes through: form, upload, result, downloads, forgetting, suppliers."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document as WordDocument
from fastapi.testclient import TestClient

from vendorcheck.models import Status
from vendorcheck.review import Review


def test_form_is_french_by_default(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert "Ce fournisseur héberge des données de patients" in page.text
    assert 'name="contract"' in page.text and 'name="declaration"' in page.text
    assert 'enctype="multipart/form-data"' in page.text


def test_english_is_chosen_once_and_remembered(client: TestClient) -> None:
    first = client.get("/?lang=en")
    assert '<html lang="en">' in first.text and "This supplier hosts patient data" in first.text
    assert '<html lang="en">' in client.get("/").text  # the cookie set by the first visit
    assert '<html lang="fr">' in client.get("/?lang=fr").text


def test_upload_shows_the_checklist(client: TestClient, weak_contract: Path) -> None:
    with weak_contract.open("rb") as contract:
        posted = client.post(
            "/review",
            files={"contract": ("Contrat agenda.md", contract)},
            data={"health_data": "1"},
            follow_redirects=False,
        )
    assert posted.status_code == 303
    page = client.get(posted.headers["location"])
    assert page.status_code == 200
    assert "Contrat agenda.md" in page.text
    assert 'id="verdict"' in page.text and 'id="checklist"' in page.text
    assert "Hébergement de données de patients" in page.text


def test_result_page_groups_gaps_by_severity_with_quotes_and_advice(
    client: TestClient, sample_review: Review, stored: Any
) -> None:
    page = client.get(stored(client, sample_review)).text
    for finding in sample_review.violations:
        group_at = page.index(f"group group-{finding.severity.value}")
        assert page.index(f'id="{finding.requirement}"') > group_at
    quoted = next(f for f in sample_review.violations if f.evidence)
    assert quoted.evidence[0].quote.split()[0] in page
    assert quoted.advice.split(";")[0][:40].replace("'", "&#39;") in page
    assert "À demander au fournisseur" in page


def test_groups_follow_severity_order(client: TestClient, sample_review: Review, stored: Any) -> None:
    page = client.get(stored(client, sample_review)).text
    positions = [page.find(f"group group-{key}") for key in ("blocking", "major", "minor", "met", "not_applicable")]
    present = [p for p in positions if p != -1]
    assert present == sorted(present) and len(present) >= 2


def test_json_upload_returns_the_review_and_its_links(client: TestClient, weak_contract: Path) -> None:
    answer = client.post(
        "/review",
        files={"contract": (weak_contract.name, weak_contract.read_bytes())},
        headers={"accept": "application/json"},
    )
    body = answer.json()
    assert answer.status_code == 200 and body["ok"] is True
    assert body["review"]["health_data"] is False  # the checkbox was not sent
    assert all(
        f["status"] == Status.not_applicable for f in body["review"]["findings"] if f["requirement"].startswith("CSP-")
    )
    assert client.get(body["result"]).status_code == 200


def test_report_download_is_the_html_report(client: TestClient, sample_review: Review, stored: Any) -> None:
    answer = client.get(stored(client, sample_review) + "/rapport.html")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="rapport-saas-agenda-cgu-faibles.html"'
    assert answer.headers["content-type"].startswith("text/html")
    assert sample_review.violations[0].title.replace("'", "&#39;") in answer.text


def test_addendum_download_opens_in_word(client: TestClient, sample_review: Review, stored: Any) -> None:
    answer = client.get(stored(client, sample_review) + "/avenant.docx")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="avenant-saas-agenda-cgu-faibles.docx"'
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(answer.content)).paragraphs)
    assert "avenant" in text.lower()


def test_forgetting_a_result_removes_it(client: TestClient, sample_review: Review, stored: Any) -> None:
    url = stored(client, sample_review)
    assert client.post(url + "/delete", follow_redirects=False).status_code == 303
    assert client.get(url).status_code == 404
    assert len(client.app.state.results) == 0  # type: ignore[attr-defined]


def test_only_the_known_static_files_are_served(client: TestClient) -> None:
    css = client.get("/static/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    for name in ("../settings.py", "..%2Fsettings.py", "templates", "app.css.bak"):
        assert client.get(f"/static/{name}").status_code == 404


def test_page_loads_nothing_from_outside(client: TestClient, sample_review: Review, stored: Any) -> None:
    for url in ("/", stored(client, sample_review), "/suppliers"):
        links = re.findall(r'(?:src|href|action)="([^"]*)"', client.get(url).text)
        assert links and all(re.match(r"(/(?!/)|\?|#|data:)", link) for link in links), links
    css = client.get("/static/app.css").text
    assert "@import" not in css and "url(" not in css and "@font-face" not in css


def test_suppliers_page_without_register_explains_how(client: TestClient) -> None:
    page = client.get("/suppliers")
    assert page.status_code == 200 and "vendorcheck serve --db" in page.text


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_pdf_and_docx_samples_are_reviewed(client: TestClient, samples: Path, suffix: str) -> None:
    contract = next(samples.glob(f"*.{suffix}"))
    answer = client.post(
        "/review",
        files={"contract": (contract.name, contract.read_bytes())},
        data={"health_data": "1"},
        headers={"accept": "application/json"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["review"]["document"]["format"] == suffix


def test_suppliers_page_lists_the_register(make_client: Any, weak_contract: Path, tmp_path: Path) -> None:
    from vendorcheck.batch.runner import BatchOptions, run_batch
    from vendorcheck.register import Register
    from vendorcheck.register.labels import label as register_label

    folder = tmp_path / "fournisseurs" / "Kalendo"
    folder.mkdir(parents=True)
    (folder / "cgu.md").write_bytes(weak_contract.read_bytes())
    db = tmp_path / "registre.sqlite"
    with Register(db) as register:
        run_batch(tmp_path / "fournisseurs", register, BatchOptions(jobs=1))
    page = make_client(db=str(db)).get("/suppliers")
    assert page.status_code == 200
    row = page.text.split("<tbody>")[1]
    assert '<th scope="row">Kalendo</th>' in row
    overall, shown = re.search(r'class="badge badge-(\w+)">([^<]+)<', row).groups()  # type: ignore[union-attr]
    assert shown.replace("&#39;", "'") == register_label(overall, "fr")


def test_suppliers_page_with_a_missing_register_says_so(make_client: Any, tmp_path: Path) -> None:
    answer = make_client(db=str(tmp_path / "absent.sqlite")).get("/suppliers", headers={"accept": "application/json"})
    assert answer.status_code == 500 and answer.json()["code"] == "VC-E060"
    assert not (tmp_path / "absent.sqlite").exists()


def test_declaration_is_cross_checked_with_the_contract(client: TestClient, samples: Path) -> None:
    contract = samples / "pacs-radiologie-hebergement.md"
    declaration = samples.parent / "declarations" / "armor-imagerie-contradictoire.xlsx"
    posted = client.post(
        "/review",
        files={
            "contract": (contract.name, contract.read_bytes()),
            "declaration": ("réponses Armor.xlsx", declaration.read_bytes()),
        },
        data={"health_data": "1"},
        follow_redirects=False,
    )
    assert posted.status_code == 303, posted.text
    hds = client.get(posted.headers["location"]).text.split('id="hds"')[1].split("</section>")[0]
    assert "entre déclaration et contrat" in hds
    assert hds.count("<li>") >= 2


def test_unreadable_declaration_names_the_doctors_file(client: TestClient, weak_contract: Path) -> None:
    answer = client.post(
        "/review",
        files={
            "contract": (weak_contract.name, weak_contract.read_bytes()),
            "declaration": ("réponses.yaml", b"vendor: [unclosed"),
        },
        data={"health_data": "1"},
        headers={"accept": "application/json"},
    )
    assert answer.status_code == 422 and answer.json()["code"] == "VC-E055"
    page = client.post(
        "/review",
        files={
            "contract": (weak_contract.name, weak_contract.read_bytes()),
            "declaration": ("réponses.yaml", b"vendor: [unclosed"),
        },
        data={"health_data": "1"},
    )
    assert "réponses.yaml" in page.text and "vendorcheck-upload" not in page.text


def test_declaration_template_is_a_workbook(client: TestClient) -> None:
    from openpyxl import load_workbook

    answer = client.get("/modele-declaration.xlsx")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="declaration-fournisseur.xlsx"'
    assert load_workbook(io.BytesIO(answer.content)).active.max_row > 5
