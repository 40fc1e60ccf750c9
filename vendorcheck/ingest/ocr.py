"""Recognise page images with Tesseract (driven by pytesseract): text, word confidences, orientation.

Each page is one `tesseract` process, run with OMP_THREAD_LIMIT=1: Debian's build uses OpenMP, whose
threads fight over the cores (a page took 12 s instead of 1.7 s on the 2-core machine); vendorcheck runs
pages in parallel itself instead, at most `jobs` processes at a time, and a batch shares one budget of
processes between its workers (`share_slots`). A process per page also bounds every page in time
(`page_timeout`) and keeps a crash of the recogniser on a hostile image out of vendorcheck's process.

The page is recognised once as it comes, after `pageimage.prepare` (lighting, skew). Only when that
reading is poor does orientation detection (Tesseract OSD) run, and the page is read again turned the
way OSD says if that reads better: upright scans, the common case, pay nothing for the check.

Languages: Tesseract given `fra+eng` runs its second model on every word the first reads poorly, which
costs 30 to 40 % more than one language (1.33 s against 1.82 s on a page of the PACS scan, 1.62 s against
2.29 s on the phone photo). So pages are read with French alone until one page says which language the
document is written in, then with that one alone; a page that reads poorly with one language (an English
annex to a French contract) is read again with both. Read with French alone, the first page of two
English DPAs scored 94.7 and 94.0 against 96.1 and 95.7 with both models: well above that re-read.
"""

from __future__ import annotations

import contextvars
import csv
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from vendorcheck import errors

if TYPE_CHECKING:  # Pillow and numpy load when a page is read, not when a typed contract is
    from PIL import Image

PageProgress = Callable[[int, int], None]
"""Called with (pages recognised so far, pages to recognise) after each page."""

_progress: contextvars.ContextVar[PageProgress | None] = contextvars.ContextVar("ocr_progress", default=None)
_slots: AbstractContextManager | None = None  # in batch workers: a semaphore shared by the whole batch

# A reading this poor on a page with text usually means the page is sideways or upside down.
_CHECK_ORIENTATION_BELOW = 70.0
_MIN_WORDS = 12
_MIN_OSD_CONFIDENCE = 2.0  # Tesseract's own advice: below, the orientation guess is noise
_SETTLE_WORDS = 60  # a page with this many words tells the document's language
_CHECK_LANGUAGES_BELOW = 85.0  # read with one language, a page this poor is read again with all
_TESSERACT_CODES = {"fr": "fra", "en": "eng"}
_NOISE = set("|!¦_~-—–.,:;'\"`^*°")
_LANGUAGE_PACKAGES = {"fra": "tesseract-ocr-fra", "eng": "tesseract-ocr-eng", "osd": "tesseract-ocr-osd"}


@dataclass(frozen=True)
class OcrSettings:
    command: str = "tesseract"
    languages: str = "fra+eng"
    jobs: int = 1
    page_timeout: float = 120.0
    max_side: int = 4200  # pixels on the longest side of a page image (about 360 dpi on A4)
    searchable_pdf: bool = False  # also keep Tesseract's PDF of each page (image + invisible text)
    narrow_languages: bool = True  # once the document's language is known, read with it alone


@dataclass(frozen=True)
class Reading:
    """What Tesseract read on one page."""

    text: str
    confidence: float  # mean word confidence, 0-100, weighted by word length
    words: int
    rotation: int = 0  # quarter turn applied before reading, degrees clockwise
    skew: float = 0.0  # degrees straightened
    pdf: bytes | None = None  # the page as a searchable PDF, when asked for

    @property
    def score(self) -> float:
        return self.confidence * min(self.words, 200)


def reporting_to(callback: PageProgress | None) -> contextvars.Token:
    """Route per-page progress to `callback` in this context (the CLI's bar, the web page's status)."""
    return _progress.set(callback)


def stop_reporting(token: contextvars.Token) -> None:
    _progress.reset(token)


def share_slots(slots: AbstractContextManager | None) -> None:
    """Let the processes of a batch share one budget of Tesseract processes (see batch/pool.py)."""
    global _slots
    _slots = slots


def check_available(path: Path, settings: OcrSettings) -> None:
    """Raise a one-line, actionable error when Tesseract or one of its languages is not installed."""
    missing = _missing_languages(settings.command, settings.languages + "+osd", os.environ.get("TESSDATA_PREFIX"))
    if missing is None:
        raise errors.TesseractMissing(path, command=settings.command)
    if missing:
        packages = " ".join(_LANGUAGE_PACKAGES.get(code, f"tesseract-ocr-{code}") for code in missing)
        raise errors.OcrLanguageMissing(path, languages="+".join(missing), packages=packages)


@lru_cache(maxsize=8)
def _missing_languages(command: str, languages: str, _tessdata: str | None) -> tuple[str, ...] | None:
    """Languages asked for but not installed; None when the program itself cannot be run."""
    import pytesseract

    if shutil.which(command) is None:
        return None
    _use(command)
    try:
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return None
    return tuple(code for code in languages.split("+") if code not in installed)


def recognise_pages(
    path: Path, pages: Iterator[tuple[int, Callable[[], Image.Image]]], total: int, settings: OcrSettings
) -> dict[int, Reading]:
    """Read every page of `pages` ((number, render) pairs), `settings.jobs` at a time; {number: Reading}.

    Images are rendered here, one at a time, as workers free up, so that at most a few pages are in
    memory whatever the length of the document.
    """
    check_available(path, settings)
    report = _progress.get()
    readings: dict[int, Reading] = {}
    in_flight: dict[int, Future[Reading]] = {}
    settled = not settings.narrow_languages or "+" not in settings.languages
    languages = settings.languages if settled else settings.languages.split("+")[0]
    with (
        tempfile.TemporaryDirectory(prefix="vendorcheck-ocr-") as workdir,
        ThreadPoolExecutor(max_workers=max(1, settings.jobs)) as pool,
    ):

        def collect(number: int) -> None:
            nonlocal languages, settled
            try:
                reading = readings[number] = in_flight.pop(number).result()
            except errors.VendorcheckError:
                raise
            except Exception as exc:  # Tesseract's errors, timeouts, an image it cannot decode
                raise errors.OcrFailed(path, page=number, detail=_short_reason(exc)) from exc
            if not settled and reading.words >= _SETTLE_WORDS:
                languages, settled = document_languages(reading.text, settings.languages), True
            if report:
                report(len(readings), total)

        for number, render in pages:
            while len(in_flight) >= 2 * max(1, settings.jobs):
                collect(min(in_flight))
            in_flight[number] = pool.submit(read_page, render(), Path(workdir) / f"page-{number}", settings, languages)
        for number in sorted(in_flight):
            collect(number)
    return readings


def document_languages(text: str, languages: str) -> str:
    """The one Tesseract language of `languages` that `text` is written in, or all of them."""
    from vendorcheck.structure import detect_language

    code = _TESSERACT_CODES.get(detect_language(text))
    return code if code in languages.split("+") else languages


def read_page(image: Image.Image, base: Path, settings: OcrSettings, languages: str | None = None) -> Reading:
    """Recognise one page: straightened, read with `languages` (all of the settings' by default), turned
    if Tesseract's orientation detection says so, and read again with all languages if one read it poorly."""
    from vendorcheck.ingest.pageimage import prepare

    page, skew = prepare(image, settings.max_side)
    languages = languages or settings.languages
    reading = _recognise(page, base, settings, languages, skew=skew)
    if reading.confidence < _CHECK_ORIENTATION_BELOW or reading.words < _MIN_WORDS:
        turn = _orientation(page, base, settings)
        if turn:
            turned, turned_skew = prepare(page.rotate(-turn, expand=True), settings.max_side)
            second = _recognise(turned, base, settings, languages, rotation=turn, skew=turned_skew)
            if second.score > reading.score:
                page, reading = turned, second
    if languages != settings.languages and reading.confidence < _CHECK_LANGUAGES_BELOW:
        second = _recognise(page, base, settings, settings.languages, rotation=reading.rotation, skew=reading.skew)
        reading = second if second.score > reading.score else reading
    return reading


def _recognise(
    page: Image.Image, base: Path, settings: OcrSettings, languages: str, *, rotation: int = 0, skew: float = 0.0
) -> Reading:
    import pytesseract

    source = base.with_suffix(".jpg")
    # JPEG: fast to write, and Tesseract's PDF embeds it as is, so a searchable page stays small.
    page.save(source, "JPEG", quality=90)
    # One pass writes the TSV (words, boxes, confidences) and, when asked, the page's searchable PDF.
    outputs = "tsv pdf" if settings.searchable_pdf else "tsv"
    _use(settings.command)
    with _slots or nullcontext():
        pytesseract.pytesseract.run_tesseract(
            str(source),
            str(base),
            outputs,
            languages,
            timeout=settings.page_timeout,
            # tessedit_do_invert=0: no second look for white-on-black text, absent from contracts (5 % faster).
            config=f"--psm 3 --dpi {_dpi(page)} -c tessedit_create_tsv=1 -c tessedit_do_invert=0",
        )
    text, confidence, words = parse_tsv(base.with_suffix(".tsv").read_text(encoding="utf-8"))
    pdf = base.with_suffix(".pdf").read_bytes() if settings.searchable_pdf else None
    return Reading(text, confidence, words, rotation, skew, pdf)


def _orientation(page: Image.Image, base: Path, settings: OcrSettings) -> int:
    """Clockwise quarter turn that makes the page upright, per Tesseract OSD; 0 when unsure."""
    import pytesseract

    source = base.with_suffix(".jpg")
    _use(settings.command)
    try:
        with _slots or nullcontext():
            result = pytesseract.image_to_osd(
                str(source), config="--psm 0 -l osd", output_type=pytesseract.Output.DICT, timeout=settings.page_timeout
            )
    except pytesseract.TesseractError:  # "too few characters": nothing to turn
        return 0
    if float(result.get("orientation_conf", 0)) < _MIN_OSD_CONFIDENCE:
        return 0
    return int(result.get("rotate", 0)) % 360


def parse_tsv(tsv: str) -> tuple[str, float, int]:
    """(page text, mean confidence weighted by word length, word count) from Tesseract's TSV output.

    One line of text per printed line, nothing more: Tesseract's paragraph breaks are guesses (on a
    photo in perspective it broke a clause in two mid-sentence), so, as for a PDF's text layer,
    layout.tidy_pages decides which lines carry on a paragraph.
    """
    lines: list[list[str]] = []
    where: tuple[str, str, str] | None = None
    total = weight = 0.0
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        confidence = float(row.get("conf") or -1)
        if not word or confidence < 0 or (set(word) <= _NOISE and confidence < 50):
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        if key != where:
            lines.append([])
            where = key
        lines[-1].append(word)
        total += confidence * len(word)
        weight += len(word)
    words = sum(map(len, lines))
    return "\n".join(" ".join(line) for line in lines), round(total / weight, 1) if weight else 0.0, words


def _use(command: str) -> None:
    """pytesseract reads the program from a module global; Tesseract's threads from the environment."""
    import pytesseract

    # Forced, not defaulted: with OpenMP threads a page took 12 s instead of 1.7 s (module docstring).
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pytesseract.pytesseract.tesseract_cmd = command


def _dpi(page: Image.Image) -> int:
    """The resolution Tesseract is told, taking the page for A4 (11.69 in long): photos carry no dpi."""
    return max(70, min(1200, round(max(page.size) / 11.69)))


def _short_reason(exc: Exception) -> str:
    message = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
