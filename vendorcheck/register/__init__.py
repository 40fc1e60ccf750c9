"""The supplier register: suppliers, documents, reviews with their history, HDS verdicts and errors."""

from vendorcheck.register.db import Register, default_register

__all__ = ["Register", "default_register"]
