"""The supplier register: suppliers, documents, reviews with their history, HDS verdicts and errors."""

from vendorcheck.register.db import DEFAULT_DB, Register

__all__ = ["DEFAULT_DB", "Register"]
