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
        from vendorcheck.escaping import one_line  # a newline in a file name must not split the line

        where = f"{one_line(self.path)} : " if self.path else ""
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


# Hostile and unlucky inputs (issue 11): messages in the catalogues, under hardening.errors.
class _Worded:
    """Mixin of an error worded by one of a few catalogue entries: `wording=` names the entry under
    hardening.errors; the class's `catalogue_key` is the usual one."""

    def __init__(
        self, path: str | Path | None = None, lang: str = "fr", *, wording: str | None = None, **details: object
    ) -> None:
        if wording:
            self.catalogue_key = f"hardening.errors.{wording}"
        super().__init__(path, lang, **details)  # type: ignore[call-arg]


class NotRegularFile(_Worded, InputError):
    """A FIFO, a device or a socket given as a file (wordings not_regular_fifo, _device, _other): reading it
    would block or never end."""

    code = "VC-E006"
    catalogue_key = "hardening.errors.not_regular_other"


class TooManyCharacters(InputError):
    """More text than any contract holds: beyond it, memory and time would grow without use."""

    code = "VC-E007"
    catalogue_key = "hardening.errors.document_chars"


class PageTooDense(_Worded, InputError):
    """One PDF page carrying more characters than a page can show, or (wording page_content) so much content
    that reading its text would take gigabytes."""

    code = "VC-E008"
    catalogue_key = "hardening.errors.page_chars"


class OutsideFolder(InputError):
    """A symbolic link of a batch folder pointing outside it: never followed."""

    code = "VC-E009"
    catalogue_key = "hardening.errors.outside_folder"


class RegisterBusy(_Worded, RegisterError):
    """Another batch is writing the register (wording register_busy_run names it): two runs would prune
    each other's files."""

    code = "VC-E061"
    catalogue_key = "hardening.errors.register_busy"


class NotARegister(_Worded, RegisterError):
    """A database that is not a vendorcheck register, or (wording empty_register) an empty one where none is
    to be created."""

    code = "VC-E062"
    catalogue_key = "hardening.errors.not_register"


class OutputUnwritable(_Worded, OptionError):
    """An output (`-o`, `--ocr-output`) whose folder does not exist, is a file or cannot be written
    (wordings output_missing, output_not_folder, output_denied, output_is_folder), found before any analysis."""

    code = "VC-E081"
    catalogue_key = "hardening.errors.output_denied"


class CorpusError(_Worded, InputError):
    """`vendorcheck eval` given a folder that is not a labelled corpus: missing (wording corpus_missing),
    without labels, or with a label file that is not one (corpus_label)."""

    code = "VC-E042"
    catalogue_key = "hardening.errors.corpus_empty"


class RedlineNeedsDocx(InputError):
    """Only a Word contract can carry tracked changes; the message points to the separate addendum
    (`kind`: a Message naming what the file is, `name`: the file)."""

    code = "VC-E029"
    catalogue_key = "redline.errors.not_docx"
