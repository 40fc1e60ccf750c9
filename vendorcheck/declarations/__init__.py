"""Vendor declarations: the template a practice sends to its suppliers, its parser, and the cross-check of
declaration vs contract vs HDS list.

Public API: `parse_declaration(path) -> VendorDeclaration`, `cross_check(...)`, `write_template(path, fmt)`.
"""

from __future__ import annotations

from vendorcheck.declarations.crosscheck import cross_check
from vendorcheck.declarations.models import VendorDeclaration
from vendorcheck.declarations.parser import parse_declaration
from vendorcheck.declarations.template import write_template

__all__ = ["VendorDeclaration", "cross_check", "parse_declaration", "write_template"]
