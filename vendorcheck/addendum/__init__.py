"""Addendum (avenant) generator: one clause per gap of a review, as DOCX, Markdown or HTML.

`build_addendum` is the entry point of the web app; `draft` returns the document as data, which `write`
lays out.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vendorcheck import errors
from vendorcheck.addendum.build import compose
from vendorcheck.addendum.library import ClauseLibrary
from vendorcheck.addendum.model import Addendum
from vendorcheck.addendum.settings import AddendumDetails
from vendorcheck.escaping import xml_safe_data
from vendorcheck.i18n import LANGUAGES, message
from vendorcheck.models import Language
from vendorcheck.review import Review

__all__ = [
    "FORMATS",
    "Addendum",
    "AddendumDetails",
    "ClauseLibrary",
    "build_addendum",
    "compose",
    "draft",
    "from_source",
    "write",
]

FORMATS = ("docx", "md", "html")


def build_addendum(
    review: Review,
    *,
    lang: Language = "fr",
    parties: AddendumDetails | Mapping[str, Any] | str | Path | None = None,
    clauses_dir: str | Path | None = None,
    fmt: str = "docx",
) -> bytes:
    """The addendum fixing every gap of `review`, as a file's bytes.

    review (Review): the contract's review (from `api.review_file` or a JSON report).
    lang (str): language of the addendum, "fr" or "en".
    parties (AddendumDetails | dict | path): parties, contract and terms; a path is read as YAML.
    clauses_dir (path): a lawyer's clause folder overriding shipped templates of the same name.
    fmt (str): "docx", "md" or "html".
    RETURNS (bytes): the document; Markdown and HTML are UTF-8.
    """
    _check_format(fmt)  # first: a wrong format must not cost a full composition
    return write(draft(review, lang=lang, parties=parties, clauses_dir=clauses_dir), fmt)


def draft(
    review: Review,
    *,
    lang: Language = "fr",
    parties: AddendumDetails | Mapping[str, Any] | str | Path | None = None,
    clauses_dir: str | Path | None = None,
) -> Addendum:
    """The addendum as data (see `build_addendum` for the arguments), for callers that lay it out or count it."""
    if lang not in LANGUAGES:
        raise errors.OptionError(
            detail=message("addendum.errors.unknown_language", lang=lang, known=", ".join(LANGUAGES))
        )
    return compose(
        review,
        lang=lang,
        details=AddendumDetails.resolve(parties),
        library=ClauseLibrary(Path(clauses_dir) if clauses_dir else None),
    )


def from_source(
    source: str | Path,
    *,
    lang: Language = "fr",
    parties: AddendumDetails | Mapping[str, Any] | str | Path | None = None,
    clauses_dir: str | Path | None = None,
    health_data: bool = True,
    ingest: dict[str, Any] | None = None,
) -> Addendum:
    """The addendum for a contract file (reviewed first) or a saved JSON review (`addendum.sources`).

    The settings and the templates are checked before the review: a typo there must not wait for a
    review of several seconds."""
    from vendorcheck.addendum.sources import review_source

    details = AddendumDetails.resolve(parties)
    library = ClauseLibrary(Path(clauses_dir) if clauses_dir else None)
    library.check(lang)
    review = review_source(source, health_data=health_data, lang=lang, ingest=ingest)
    return compose(review, lang=lang, details=details, library=library)


def write(addendum: Addendum, fmt: str) -> bytes:
    """The addendum laid out as `fmt` ("docx", "md" or "html"); Markdown and HTML in UTF-8."""
    _check_format(fmt)
    # Quotes of the contract and the parties' details may carry control characters that Word's XML
    # cannot hold (a saved review or a register predating their removal at ingest).
    addendum = Addendum.model_validate(xml_safe_data(addendum.model_dump()))
    if fmt == "docx":
        from vendorcheck.addendum import docx_writer

        binary = io.BytesIO()
        docx_writer.render(addendum, binary)
        return binary.getvalue()
    from vendorcheck.addendum import html_writer, markdown_writer

    text = io.StringIO()
    {"html": html_writer, "md": markdown_writer}[fmt].render(addendum, text)
    return text.getvalue().encode("utf-8")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise errors.OptionError(detail=message("addendum.errors.unknown_format", format=fmt, known=", ".join(FORMATS)))
