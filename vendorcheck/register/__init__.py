"""The supplier register: suppliers, documents, reviews with their history, HDS verdicts and errors."""

from vendorcheck.register.db import DB_ENV, Register, default_db

__all__ = ["DB_ENV", "Register", "default_db"]
