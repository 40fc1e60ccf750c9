"""What the register is given to store: one processing outcome per document, and where its files lie."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from vendorcheck.errors import DeclarationError, InputError, VendorcheckError
from vendorcheck.escaping import one_line
from vendorcheck.i18n import LANGUAGES, t
from vendorcheck.models import Language
from vendorcheck.review import Review

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
        return cls(
            code=exc.code,
            **{f"message_{lang}": exc.message(lang) for lang in LANGUAGES},
            retryable=not isinstance(exc, InputError | DeclarationError) or exc.code in RETRIED_CODES,
        )

    @classmethod
    def unexpected(cls, path: str, exc: BaseException) -> Failure:
        kind = type(exc).__name__
        return cls(code=UNEXPECTED_CODE, retryable=True, kind=kind, **_both("register.errors.unexpected", path, kind))

    def repeated(self, path: str) -> Failure:
        """This unexpected failure, seen a second time in a row on the same file with the same rules and
        options: a defect that will recur, so it is recorded as final instead of costing every later run."""
        messages = _both("hardening.errors.unexpected_again", path, self.kind or "?", code=self.code)
        return self.model_copy(update={"retryable": False, **messages})

    def message(self, lang: Language) -> str:
        return getattr(self, f"message_{lang}")


def _both(key: str, path: str, kind: str, code: str = UNEXPECTED_CODE) -> dict[str, str]:
    """The stored message of a failure in every language (`message_fr`, `message_en`): a register is read
    in either."""
    params = {"code": code, "path": one_line(path), "kind": kind}
    return {f"message_{lang}": t(key, lang, **params) for lang in LANGUAGES}


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
