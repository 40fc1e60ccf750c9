"""The pages and downloads: upload form, review, result, addendum, report, suppliers, static files."""

from __future__ import annotations

import shutil
import tempfile
import threading
from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from vendorcheck.errors import PageNotFound
from vendorcheck.memory import give_back
from vendorcheck.register import views as register_views
from vendorcheck.render.html import context as report_context
from vendorcheck.review import Review
from vendorcheck.verdict import needs_addendum
from vendorcheck.web import service
from vendorcheck.web.checklist import checklist
from vendorcheck.web.errors import wants_json
from vendorcheck.web.pages import page, visitor_lang
from vendorcheck.web.progress import ProgressBoard
from vendorcheck.web.settings import WebSettings
from vendorcheck.web.uploads import ReviewForm, receive_review_form

router = APIRouter()

# Only these files are served from /static; the requested name is a key, never a path.
STATIC_FILES = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}

REDLINE_NAME = "contrat-annote.docx"
# One review at a time: spaCy pipelines are shared, and two cores are all a practice's PC offers.
_REVIEW_LOCK = threading.Lock()


@router.get("/")
async def index(request: Request) -> Response:
    return page(request, "index.html.j2", max_mb=request.app.state.settings.max_upload_mb)


@router.post("/review")
async def submit(request: Request) -> Response:
    settings = request.app.state.settings
    # mkdtemp creates the folder with mode 0700: other accounts on the computer cannot read the upload.
    workdir = Path(tempfile.mkdtemp(prefix="vendorcheck-upload-", dir=settings.tmp_dir))
    try:
        form = await receive_review_form(request, workdir, settings.max_upload_bytes, visitor_lang(request))
        review = await run_in_threadpool(_locked_review, form, settings, request.app.state.progress)
        docx = form.contract.path.read_bytes() if review.document.format == "docx" else None
    finally:
        # Deleted before the response is even sent: only the in-memory review (and a Word contract's bytes,
        # for its annotated copy) outlive the request.
        shutil.rmtree(workdir, ignore_errors=True)
    key = request.app.state.results.put(review, docx)
    url = f"/results/{key}"
    if wants_json(request):
        return JSONResponse(
            {
                "ok": True,
                "id": key,
                "result": url,
                "addendum": f"{url}/avenant.docx",
                "redline": f"{url}/{REDLINE_NAME}" if docx else None,
                "report": f"{url}/rapport.html",
                "review": review.model_dump(mode="json"),
            }
        )
    # Post/redirect/get: reloading the result page does not upload the contract again.
    return RedirectResponse(url, status_code=303)


def _locked_review(form: ReviewForm, settings: WebSettings, board: ProgressBoard) -> Review:
    from vendorcheck.ingest.ocr import reporting_to, stop_reporting

    key = form.progress
    token = reporting_to((lambda done, total: board.update(key, done, total)) if key else None)
    try:
        with _REVIEW_LOCK:
            return service.review_upload(form, settings)
    finally:
        # The server runs for days: a long or refused document must not leave it at its peak size.
        give_back()
        stop_reporting(token)
        if key:
            board.discard(key)


@router.get("/progress/{key}")
async def progress(request: Request, key: str) -> Response:
    """Pages read so far of the scan being reviewed under `key`; {} before OCR starts or once done."""
    state = request.app.state.progress.get(key)
    return JSONResponse({"done": state[0], "total": state[1]} if state else {})


@router.get("/results/{key}")
async def result(request: Request, key: str) -> Response:
    entry = request.app.state.results.get(key)
    review = entry.review
    return page(
        request,
        "result.html.j2",
        **report_context(review),
        key=key,
        groups=checklist(review),
        addendum=needs_addendum(review.verdict, review.findings),
        expires_at=entry.expires_at,
        redline=REDLINE_NAME if entry.docx and review.violations else None,
    )


@router.get("/results/{key}/avenant.docx")
async def addendum(request: Request, key: str) -> Response:
    review = request.app.state.results.get(key).review
    data = await run_in_threadpool(service.addendum_docx, review)
    return _attachment(data, service.DOCX_MEDIA_TYPE, service.download_name(review, "avenant", ".docx"))


@router.get("/results/{key}/" + REDLINE_NAME)
async def annotated(request: Request, key: str) -> Response:
    """The vendor's own Word contract with every fix as a tracked change (a DOCX upload only)."""
    entry = request.app.state.results.get(key)
    if entry.docx is None:
        raise PageNotFound()
    data = await run_in_threadpool(service.redline_docx, entry.review, entry.docx, request.app.state.settings)
    return _attachment(data, service.DOCX_MEDIA_TYPE, service.download_name(entry.review, "contrat-annote", ".docx"))


@router.get("/results/{key}/rapport.html")
async def report(request: Request, key: str) -> Response:
    review = request.app.state.results.get(key).review
    html = service.report_html(review).encode()
    return _attachment(html, "text/html; charset=utf-8", service.download_name(review, "rapport", ".html"))


@router.get("/modele-declaration.xlsx")
async def declaration_template() -> Response:
    data = await run_in_threadpool(service.declaration_template)
    return _attachment(data, service.XLSX_MEDIA_TYPE, "declaration-fournisseur.xlsx")


@router.post("/results/{key}/delete")
async def forget(request: Request, key: str) -> Response:
    request.app.state.results.discard(key)
    if wants_json(request):
        return JSONResponse({"ok": True})
    return RedirectResponse("/", status_code=303)


@router.get("/static/{name}")
async def static(name: str) -> Response:
    if name not in STATIC_FILES:
        raise PageNotFound()
    data = resources.files("vendorcheck.web").joinpath("static", name).read_bytes()
    return Response(data, media_type=STATIC_FILES[name])


@router.get("/suppliers")
async def suppliers(request: Request) -> Response:
    from vendorcheck.register.labels import label as register_label

    db = request.app.state.settings.db
    lang = visitor_lang(request)
    rows = None if db is None else await run_in_threadpool(register_views.suppliers, db, lang)
    return page(request, "suppliers.html.j2", suppliers=rows, register_label=register_label)


def _attachment(data: bytes, media_type: str, filename: str) -> Response:
    return Response(data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
