"""User-facing errors: one hierarchy, coded messages from the catalogues, one exit code per family.

Every message says what happened and what to try; its text is the catalogue entry `errors.<code>` (or the
class's `catalogue_key`), written in the language of whoever reads it. Details that are words, not data,
are `i18n.Message`s, so that they follow the same language. Third-party exceptions are translated into
these at the boundary (ingest, rule loading, registry), so the CLI, the batch and the web app each catch a
single type and never show a traceback.
"""

from __future__ import annotations

from pathlib import Path

from vendorcheck.i18n import Language, Message, t


class VendorcheckError(Exception):
    """Base of every error shown to a user. `exit_code` 2 = usage, input or configuration error."""

    code = "VC-E000"
    exit_code = 2
    catalogue_key = ""  # when set, the message's catalogue entry instead of `errors.<code>`

    def __init__(self, path: str | Path | None = None, lang: Language = "fr", **details: object) -> None:
        self.path = str(path) if path is not None else None
        self.details = details
        self.lang = lang
        super().__init__(self.message())

    def reason(self, lang: Language | None = None) -> str:
        return t(self.catalogue_key or f"errors.{self.code}", lang or self.lang, **self.details)

    def as_message(self) -> Message:
        """The reason, to be written later in whichever language (the detail of another error)."""
        return Message(self.catalogue_key or f"errors.{self.code}", self.details)

    def message(self, lang: Language | None = None) -> str:
        """One line: `[code] file: reason`."""
        where = f"{self.path} : " if self.path else ""
        return f"[{self.code}] {where}{self.reason(lang)}"


class InputError(VendorcheckError):
    """The file cannot be read as a contract."""


class FileMissing(InputError):
    code = "VC-E001"


class EmptyFile(InputError):
    code = "VC-E002"


class UnsupportedFormat(InputError):
    code = "VC-E003"


class TooLarge(InputError):
    code = "VC-E004"


class EncryptedPdf(InputError):
    code = "VC-E010"


class ScannedPdf(InputError):
    code = "VC-E011"


class CorruptPdf(InputError):
    code = "VC-E012"


class CorruptDocx(InputError):
    code = "VC-E020"


class DocxBomb(InputError):
    code = "VC-E021"


class EmptyDocx(InputError):
    code = "VC-E022"


class UndecodableText(InputError):
    code = "VC-E030"


class RuleFileError(VendorcheckError):
    code = "VC-E040"


class ReviewFileError(VendorcheckError):
    code = "VC-E041"


class RegistryError(VendorcheckError):
    code = "VC-E050"


class RegisterError(VendorcheckError):
    code = "VC-E060"


class ClauseTemplateError(VendorcheckError):
    code = "VC-E070"


class OptionError(VendorcheckError):
    code = "VC-E080"


# Web app (`vendorcheck serve`): refusals and form problems, shown by its single error page.
class WebError(VendorcheckError):
    """A request the web app refuses; its HTTP status is chosen in vendorcheck.web.errors."""


class TokenRequired(WebError):
    code = "VC-E090"


class ForeignRequest(WebError):
    code = "VC-E091"


class ResultExpired(WebError):
    code = "VC-E092"


class NoContract(WebError):
    code = "VC-E093"


class BadUpload(WebError):
    code = "VC-E094"


class PageNotFound(WebError):
    code = "VC-E095"


class InternalError(WebError):
    """A bug reached the web app: shown as a page, logged with its traceback on the server only."""

    code = "VC-E096"


# Ingestion: the file exists but the system refuses to read it (permissions, a folder, an I/O error).
class UnreadableFile(InputError):
    code = "VC-E005"


class DeclarationError(VendorcheckError):
    """A vendor declaration (YAML, JSON, XLSX) that cannot be read; every problem is listed."""

    code = "VC-E055"


# Scanned and photographed contracts (OCR): messages in the catalogues, under ocr.errors.
class OcrUnavailable(VendorcheckError):
    """The recogniser cannot run on this computer: not the file's fault, so a batch retries the file."""


class TesseractMissing(OcrUnavailable):
    code = "VC-E013"
    catalogue_key = "ocr.errors.tesseract_missing"


class OcrLanguageMissing(OcrUnavailable):
    code = "VC-E014"
    catalogue_key = "ocr.errors.language_missing"


class ImageTooLarge(InputError):
    """Decompression bomb: the header announces more pixels or pages than any contract page needs."""

    code = "VC-E015"
    catalogue_key = "ocr.errors.too_large"


class NothingRecognised(InputError):
    code = "VC-E016"
    catalogue_key = "ocr.errors.nothing_read"


class CorruptImage(InputError):
    code = "VC-E017"
    catalogue_key = "ocr.errors.corrupt_image"


class OcrFailed(OcrUnavailable):
    code = "VC-E018"
    catalogue_key = "ocr.errors.failed"


class OcrDisabled(InputError):
    code = "VC-E019"
    catalogue_key = "ocr.errors.disabled"
