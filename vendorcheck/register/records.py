"""What the register is given to store: one processing outcome per document, and where its files lie."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from vendorcheck.errors import DeclarationError, InputError, VendorcheckError
from vendorcheck.escaping import one_line
from vendorcheck.models import Language, Review

DocumentKind = Literal["contract", "declaration"]

# Not an InputError: the file may be fine; an unexpected exception is a defect of vendorcheck and is
# retried on the next run rather than remembered as a property of the file.
UNEXPECTED_CODE = "VC-E000"


class ReviewKey(BaseModel):
    """Everything that decides whether a stored outcome is still valid for a document of the same hash."""

    model_config = ConfigDict(frozen=True)

    rules_version: str
    snapshot: str | None
    health_data: bool
    lang: Language


# Refusals that depend on OCR being installed or turned on, not only on the file: a later run retries them
# (before OCR, images were unsupported, VC-E003, and scans refused, VC-E011).
RETRIED_CODES = frozenset({"VC-E003", "VC-E011", "VC-E019"})


class Failure(BaseModel):
    code: str
    message_fr: str
    message_en: str
    retryable: bool = False
    kind: str | None = None  # the exception's type, for an unexpected failure

    @classmethod
    def from_error(cls, exc: VendorcheckError) -> Failure:
        # Only a problem of the file itself is final; a broken rule file or registry is fixed and retried.
        return cls(code=exc.code, message_fr=exc.message("fr"), message_en=exc.message("en"),
                   retryable=not isinstance(exc, InputError | DeclarationError) or exc.code in RETRIED_CODES)

    @classmethod
    def unexpected(cls, path: str, exc: BaseException) -> Failure:
        kind = type(exc).__name__
        path = one_line(path)
        return cls(code=UNEXPECTED_CODE, retryable=True, kind=kind,
                   message_fr=f"[{UNEXPECTED_CODE}] {path} : erreur inattendue pendant l'analyse ({kind}) ; "
                              "le document sera réessayé au prochain lancement, signalez-la si elle persiste",
                   message_en=f"[{UNEXPECTED_CODE}] {path}: unexpected error during the review ({kind}); "
                              "the document is retried on the next run, report it if it persists")

    def repeated(self, path: str) -> Failure:
        """This unexpected failure, seen a second time in a row on the same file with the same rules and
        options: a defect that will recur, so it is recorded as final instead of costing every later run."""
        from vendorcheck.i18n import t

        params = {"code": self.code, "path": one_line(path), "kind": self.kind or "?"}
        return self.model_copy(update={"retryable": False,
                                       "message_fr": t("hardening.errors.unexpected_again", "fr", **params),
                                       "message_en": t("hardening.errors.unexpected_again", "en", **params)})

    def message(self, lang: Language) -> str:
        return self.message_en if lang == "en" else self.message_fr


class Outcome(BaseModel):
    """The result of processing one document: exactly one of `review`, `declaration`, `failure`."""

    path: str
    sha256: str | None
    kind: DocumentKind
    review: Review | None = None
    declaration: dict[str, Any] | None = None
    failure: Failure | None = None
    vendor_name: str | None = None
    vendor_siren: str | None = None
    seconds: float = 0.0

    @property
    def label(self) -> str:
        return "failed" if self.failure else "declaration" if self.declaration is not None else "reviewed"

    @property
    def page_count(self) -> int | None:
        return self.review.document.page_count if self.review else None


class FileRef(BaseModel):
    """One file found by the batch. `folder` is its supplier sub-folder; None for a loose file, whose
    supplier is the vendor detected in it."""

    model_config = ConfigDict(frozen=True)

    path: str
    root: str
    folder: str | None
