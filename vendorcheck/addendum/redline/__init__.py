"""The redline: the vendor's own Word contract, every fix as a tracked change with a comment citing the law."""

from __future__ import annotations

from vendorcheck.addendum.redline.redline import (
    AUTHOR,
    Redline,
    annotate,
    check_docx,
    redline_docx,
    write_annotated,
)

__all__ = ["AUTHOR", "Redline", "annotate", "check_docx", "redline_docx", "write_annotated"]
