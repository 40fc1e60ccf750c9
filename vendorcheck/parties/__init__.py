"""The parties of a contract: who is the practice, who is the vendor, and the words that designate each.

One way to read the parties for every part of vendorcheck:
  `extract_parties(document)`  the parties the preamble names, controller first (`Party` models);
  `identify_vendor(document)`  the vendor with its confidence, evidence and signals, or why none is named;
  `defined_terms(text)`        each name the contract defines, with its terms and the role they imply;
  `role_words(text)`           the designations of each side in one text ("the Processor", "we", "Tale");
  `term_role(term)`            the role a designation gives ('le Prestataire' -> processor).
"""

from __future__ import annotations

from vendorcheck.parties.preamble import extract_parties
from vendorcheck.parties.roles import Role, term_role
from vendorcheck.parties.terms import DefinedTerm, RoleWords, defined_terms, role_words
from vendorcheck.parties.vendor import Signal, VendorIdentity, identify_vendor

__all__ = [
    "DefinedTerm",
    "Role",
    "RoleWords",
    "Signal",
    "VendorIdentity",
    "defined_terms",
    "extract_parties",
    "identify_vendor",
    "role_words",
    "term_role",
]
