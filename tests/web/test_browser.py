"""End to end in headless Chromium: the real `vendorcheck serve` on a free loopback port, driven by Playwright.

Playwright drives Debian's /usr/bin/chromium (installed by .ci/setup.d/chromium.sh); its own browser
download is never used. The screenshot of the result page is left in tests/artifacts/ for review.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from docx import Document as WordDocument

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser() -> None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing = "the playwright package"
    else:
        missing = "" if CHROMIUM.exists() else str(CHROMIUM)
    if missing:
        # CI installs both (.ci/setup.d/chromium.sh, pip '.[dev]'): there, a missing browser is a failure.
        if os.environ.get("CI"):
            pytest.fail(f"{missing} is not installed")
        pytest.skip(f"{missing} is not installed")


def french_chromium(playwright, tmp_path: Path):  # noqa: ANN001, ANN201 - Playwright objects
    """Debian's Chromium with a private profile, a French page of 1280 × 900, downloads accepted."""
    return playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
        locale="fr-FR",
    )


@contextmanager
def watched_page(tmp_path: Path) -> Iterator[tuple[object, list[str]]]:
    """A page of Debian's Chromium, and the console errors and script errors it reports: a stylesheet or
    script blocked by the security policy, or a JavaScript error, shows up there."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = french_chromium(playwright, tmp_path)
        try:
            page = browser.new_page()
            page.set_default_timeout(90_000)
            page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            yield page, problems
        finally:
            browser.close()


def upload(page, server: str, contract: Path) -> None:  # noqa: ANN001 - a Playwright page
    """Send a contract from the start page and wait for its result page."""
    page.goto(server + "/")
    page.set_input_files("#contract", str(contract))
    page.click("button[type=submit]")
    page.wait_for_url("**/results/**")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    port = _free_port()
    command = [sys.executable, "-c", "from vendorcheck.cli.main import main; main()", "serve", "--port", str(port)]
    # A private data folder: the HDS list is the shipped one and no register of this machine is shown.
    env = {**os.environ, "VENDORCHECK_HOME": str(tmp_path_factory.mktemp("home"))}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        # Generous: CI shares two cores between two test workers, and the server loads spaCy first.
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=2) as answer:
                    assert answer.status == 200
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"vendorcheck serve did not start: {process.communicate()[1]}")
                time.sleep(0.2)
        yield url
    finally:
        if process.returncode is None:  # not already reaped by the start-up failure above
            process.terminate()
            process.communicate(timeout=10)  # also closes the stderr pipe


def test_upload_read_the_checklist_and_download_the_addendum(server: str, samples: Path, tmp_path: Path) -> None:
    # Terms with gaps, so that the page offers an addendum (a complete contract offers none).
    contract = samples / "saas-agenda-cgu-faibles.md"
    with watched_page(tmp_path) as (page, problems):
        page.goto(server + "/")
        assert page.locator("h1").inner_text() == "Analyser le contrat d'un fournisseur"
        assert page.locator("#health_data").is_checked()

        page.set_input_files("#contract", str(contract))
        page.click("button[type=submit]")
        page.wait_for_url("**/results/**")

        assert page.locator("#verdict .verdict-value").inner_text() == "Ne pas signer en l'état"
        blocking = page.locator(".group-blocking .finding")
        assert blocking.count() >= 1
        assert blocking.first.locator(".quote footer").first.inner_text().startswith("ligne ")
        assert page.locator(".group-blocking .advice").count() >= 1
        assert "Kalendo" in page.locator("#hds .hds-summary").inner_text()
        # The stylesheet really applied: the header carries the brand colour.
        header_colour = page.eval_on_selector(".topbar", "e => getComputedStyle(e).backgroundColor")
        assert header_colour == "rgb(29, 79, 124)"

        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "web-result.png"), full_page=True)

        with page.expect_download() as download_info:
            page.click("#download-addendum")
        download = download_info.value
        assert download.suggested_filename == "avenant-saas-agenda-cgu-faibles.docx"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)

    addendum = "\n".join(paragraph.text for paragraph in WordDocument(str(saved)).paragraphs)
    assert "avenant" in addendum.lower()
    assert problems == []


# (sample, verdict, a cause that must be stated, addendum offered, verdict banner background, HDS card state)
RESULT_PAGES = [
    (
        "pacs-radiologie-hebergement.md",
        "Signable après vérification de la certification HDS",
        "Certification HDS à vérifier — Armor Imagerie Cloud",
        False,
        (232, 241, 251),
        "hds-check",
    ),
    ("saas-agenda-cgu-faibles.md", "Ne pas signer en l'état", "5 écarts bloquants", True, (253, 236, 234), "hds-check"),
]


@pytest.mark.parametrize(
    ("name", "verdict", "cause", "addendum", "banner", "hds_state"), RESULT_PAGES, ids=["conforming", "weak"]
)
def test_result_page_as_seen(
    server: str,
    samples: Path,
    tmp_path: Path,
    name: str,
    verdict: str,
    cause: str,
    addendum: bool,
    banner: tuple[int, int, int],
    hds_state: str,
) -> None:
    """The result page as a doctor sees it, checked on the rendered screenshot: the verdict and its causes in
    the coloured banner, an addendum offered only for clauses to amend, nothing cut off or overflowing."""
    from PIL import Image
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = french_chromium(playwright, tmp_path)
        try:
            page = browser.new_page()
            page.set_default_timeout(90_000)
            upload(page, server, samples / name)
            assert page.locator("#verdict .verdict-value").inner_text() == verdict
            assert any(text.startswith(cause) for text in page.locator("#verdict-causes li").all_inner_texts())
            assert page.locator("#download-addendum").count() == (1 if addendum else 0)
            assert hds_state in page.locator("#hds").get_attribute("class")
            body = page.locator("body").inner_text()
            if not addendum:
                assert "Aucun avenant n'est nécessaire." in body and "Téléchargez l'avenant" not in body
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / f"web-result-{name.removesuffix('.md')}.png"
            page.screenshot(path=str(shot), full_page=True)
            box = page.locator("#verdict").bounding_box()
        finally:
            browser.close()
    assert box is not None
    # The banner as rendered, read off the screenshot: its background has the verdict's colour.
    image = Image.open(shot).convert("RGB")
    inside = image.getpixel((int(box["x"] + box["width"] - 12), int(box["y"] + box["height"] / 2)))
    assert max(abs(a - b) for a, b in zip(inside, banner, strict=True)) <= 3, inside


def test_upload_a_word_contract_and_download_it_annotated(server: str, tmp_path: Path) -> None:
    """A DOCX upload offers « Télécharger le contrat annoté »: the vendor's own contract comes back with the
    fixes as tracked changes by vendorcheck, each with a comment."""
    from tests.addendum.wordml import comments, revisions
    from tests.docx_contracts import WEAK_CONTRACT, python_docx

    contract = tmp_path / "contrat-logimed.docx"
    contract.write_bytes(python_docx(WEAK_CONTRACT))
    with watched_page(tmp_path) as (page, problems):
        upload(page, server, contract)
        button = page.locator("#download-redline")
        assert button.inner_text() == "Télécharger le contrat annoté (Word)"
        with page.expect_download() as download_info:
            button.click()
        download = download_info.value
        assert download.suggested_filename == "contrat-annote-contrat-logimed.docx"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
    annotated = saved.read_bytes()
    assert revisions(annotated, "vendorcheck")
    assert any(author == "vendorcheck" for author, _ in comments(annotated).values())
    assert problems == []
