"""What an addendum is built from: a contract file (reviewed on the fly) or a saved JSON review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vendorcheck import errors
from vendorcheck.files import read_regular
from vendorcheck.i18n import message
from vendorcheck.limits import MAX_SMALL_FILE_BYTES
from vendorcheck.models import Language
from vendorcheck.review import Review

REVIEW_SUFFIX = ".json"


def load_review(path: str | Path) -> Review:
    """A review saved by `vendorcheck review --format json`; ReviewFileError (VC-E041) if it is not one."""
    path = Path(path)
    data = read_regular(path, MAX_SMALL_FILE_BYTES)
    try:
        return Review.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = " → ".join(str(p) for p in first["loc"]) or message("addendum.errors.root")
        more = message("addendum.errors.more", count=exc.error_count() - 1) if exc.error_count() > 1 else ""
        problem = message("addendum.errors.review_field", where=where, problem=first["msg"], more=more)
        raise errors.ReviewFileError(path, detail=problem) from exc


def review_source(
    path: str | Path, *, health_data: bool = True, lang: Language = "fr", ingest: dict[str, Any] | None = None
) -> Review:
    """A `.json` file is read as a saved review; any other file is reviewed as a contract (`ingest`: its
    reading options, OCR included)."""
    path = Path(path)
    if path.suffix.lower() == REVIEW_SUFFIX:
        return load_review(path)
    from vendorcheck.api import review_file

    return review_file(path, health_data=health_data, lang=lang, ingest=ingest)
