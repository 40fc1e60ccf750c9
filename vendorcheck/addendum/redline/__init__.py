"""The redline: the vendor's own Word contract, every fix as a tracked change with a comment citing the law."""

from __future__ import annotations

from vendorcheck.addendum.redline.redline import AUTHOR, Redline, redline_docx

__all__ = ["AUTHOR", "Redline", "redline_docx"]
