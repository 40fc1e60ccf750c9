"""Addendum (avenant) generator: one clause per gap of a review, as DOCX, Markdown or HTML.

`build_addendum` is the entry point of the web app; `draft` returns the document as data, which `write`
lays out.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vendorcheck import errors
from vendorcheck.addendum.build import compose
from vendorcheck.addendum.library import ClauseLibrary
from vendorcheck.addendum.model import Addendum
from vendorcheck.addendum.settings import AddendumDetails
from vendorcheck.escaping import xml_safe_data
from vendorcheck.models import Language, Review

__all__ = ["FORMATS", "Addendum", "AddendumDetails", "ClauseLibrary", "build_addendum", "compose", "draft", "write"]

FORMATS = ("docx", "md", "html")


def build_addendum(review: Review, *, lang: Language = "fr",
                   parties: AddendumDetails | Mapping[str, Any] | str | Path | None = None,
                   clauses_dir: str | Path | None = None, fmt: str = "docx") -> bytes:
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


def draft(review: Review, *, lang: Language = "fr",
          parties: AddendumDetails | Mapping[str, Any] | str | Path | None = None,
          clauses_dir: str | Path | None = None) -> Addendum:
    """The addendum as data (see `build_addendum` for the arguments), for callers that lay it out or count it."""
    if lang not in ("fr", "en"):
        raise errors.OptionError(detail=f"langue « {lang} » inconnue ; disponibles : fr, en")
    return compose(review, lang=lang, details=AddendumDetails.resolve(parties),
                   library=ClauseLibrary(Path(clauses_dir) if clauses_dir else None))


def write(addendum: Addendum, fmt: str) -> bytes:
    """The addendum laid out as `fmt` ("docx", "md" or "html")."""
    _check_format(fmt)
    # Quotes of the contract and the parties' details may carry control characters that Word's XML
    # cannot hold (a saved review or a register predating their removal at ingest).
    addendum = Addendum.model_validate(xml_safe_data(addendum.model_dump()))
    if fmt == "docx":
        from vendorcheck.addendum.docx_writer import write_docx

        return write_docx(addendum)
    if fmt == "html":
        from vendorcheck.addendum.html_writer import write_html

        return write_html(addendum).encode("utf-8")
    from vendorcheck.addendum.markdown_writer import write_markdown

    return write_markdown(addendum).encode("utf-8")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise errors.OptionError(detail=f"format « {fmt} » inconnu ; disponibles : {', '.join(FORMATS)}")
