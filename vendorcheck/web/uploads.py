"""Stream a multipart upload into a private folder, refusing it as soon as it exceeds the size limit.

Starlette's own form parser spools files to the shared temporary folder and has no total size limit, so the
form is parsed here with python-multipart's streaming parser: every byte is counted as it arrives and file
parts go straight to server-chosen names inside the request's private folder.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from vendorcheck.errors import BadUpload, DeclarationError, NoContract, TooLarge
from vendorcheck.i18n import DEFAULT_LANGUAGE, LANGUAGES, message
from vendorcheck.models import Language
from vendorcheck.web.progress import KEY as PROGRESS_KEY

FILE_FIELDS = ("contract", "declaration")
TEXT_FIELDS = ("health_data", "lang", "progress")
MAX_PARTS = 8
MAX_TEXT_BYTES = 64
DECLARATION_NAME = "declaration-fournisseur"
_UNSAFE_LABEL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class Upload:
    """One received file. `label` is the name the client gave, for display only; `path` is ours."""

    label: str
    path: Path
    size: int


@dataclass(frozen=True)
class ReviewForm:
    contract: Upload
    declaration: Upload | None
    health_data: bool
    lang: Language
    progress: str | None = None  # the page's key for /progress while a scan is read (web/progress.py)


def clean_label(filename: str) -> str:
    """The client's file name reduced to a display label: no folders, no control characters, short."""
    name = _UNSAFE_LABEL.sub("", filename.replace("\\", "/").rsplit("/", 1)[-1]).strip().lstrip(".")
    return name[-120:] or "contrat"


def declaration_suffix(path: Path, label: str) -> str:
    """The suffix the declaration reader goes by, chosen from the file's first bytes, never from its name:
    a filled questionnaire is an XLSX workbook, a JSON or a YAML file."""
    with path.open("rb") as file:
        head = file.read(512)
    if head.startswith(b"PK\x03\x04"):
        return ".xlsx"
    if head.startswith(b"%PDF-") or b"\x00" in head:
        # The review reads filled questionnaires only; a certificate's PDF is not cross-checked yet.
        raise DeclarationError(label, detail=message("web.errors.declaration_not_questionnaire"))
    return ".json" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")) else ".yaml"


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    name: str = ""
    label: str | None = None
    sink: BinaryIO | None = None
    path: Path | None = None
    size: int = 0
    text: bytearray = field(default_factory=bytearray)


class _FormCollector:
    """python-multipart callbacks that write file parts to disk and keep the few small text fields."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.files: dict[str, Upload] = {}
        self.texts: dict[str, str] = {}
        self.parts = 0
        self._part = _Part()
        self._header_name = bytearray()
        self._header_value = bytearray()

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self.on_part_begin,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
        }

    def on_part_begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise BadUpload(detail=message("web.errors.too_many_fields", count=MAX_PARTS))
        self._part = _Part()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._part.headers[bytes(self._header_name).lower()] = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def on_headers_finished(self) -> None:
        part = self._part
        _, options = parse_options_header(part.headers.get(b"content-disposition", b""))
        part.name = options.get(b"name", b"").decode("utf-8", "replace")
        if part.name in FILE_FIELDS:
            if part.name in self.files:
                raise BadUpload(detail=message("web.errors.duplicate_field", name=part.name))
            part.label = clean_label(options.get(b"filename", b"").decode("utf-8", "replace"))
            # The name on disk is ours alone; the client's file name never reaches the file system.
            part.path = self.workdir / part.name
            part.sink = part.path.open("xb")
        elif part.name not in TEXT_FIELDS:
            raise BadUpload(detail=message("web.errors.unexpected_field", name=part.name[:40]))

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        chunk = data[start:end]
        part.size += len(chunk)
        if part.sink is not None:
            # Local disk writes of at most the upload limit: not worth a thread hop per chunk.
            part.sink.write(chunk)
        elif part.size > MAX_TEXT_BYTES:
            raise BadUpload(detail=message("web.errors.field_too_long", name=part.name))
        else:
            part.text += chunk

    def on_part_end(self) -> None:
        part = self._part
        if part.sink is not None and part.path is not None and part.label is not None:
            part.sink.close()
            # A browser sends an empty part for a file input left blank.
            if not part.size:
                part.path.unlink()
                return
            path = part.path
            if part.name == "declaration":
                # Still our name; the review quotes it ("cited by « … »"), so it says what the file is.
                path = path.rename(path.with_name(DECLARATION_NAME + declaration_suffix(path, part.label)))
            self.files[part.name] = Upload(part.label, path, part.size)
        else:
            self.texts[part.name] = part.text.decode("utf-8", "replace")

    def close(self) -> None:
        if self._part.sink is not None:
            self._part.sink.close()


async def receive_review_form(request: Request, workdir: Path, limit: int, default_lang: Language) -> ReviewForm:
    """Read the upload form into `workdir`, counting bytes as they arrive.

    Raises TooLarge as soon as the body passes `limit` (or at once when Content-Length announces it),
    BadUpload for anything but a well-formed form of the expected fields, NoContract without a contract.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(size=_megabytes(int(declared)), limit=limit // 1048576)
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or not params.get(b"boundary"):
        raise BadUpload(detail=message("web.errors.not_multipart"))
    collector = _FormCollector(workdir)
    parser = MultipartParser(params[b"boundary"], collector.callbacks())  # type: ignore[arg-type]
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise TooLarge(size=_megabytes(received), limit=limit // 1048576)
            parser.write(chunk)
        parser.finalize()
    except FormParserError as exc:
        raise BadUpload(detail=message("web.errors.bad_multipart")) from exc
    finally:
        collector.close()
    contract = collector.files.get("contract")
    if contract is None:
        raise NoContract()
    lang = collector.texts.get("lang", default_lang)
    progress = collector.texts.get("progress", "")
    return ReviewForm(
        contract=contract,
        declaration=collector.files.get("declaration"),
        health_data=collector.texts.get("health_data", "") in ("1", "on", "true"),
        lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE,
        progress=progress if PROGRESS_KEY.match(progress) else None,
    )


def _megabytes(size: int) -> float:
    # Rounded up, so a body just over the limit never reads as "20.0 MB, limit 20 MB".
    return math.ceil(size * 10 / 1048576) / 10
