"""Requirement rules as data: schema, loading and validation of `rules/*.yaml`."""

from vendorcheck.rulebook.loader import RulePack, load_rules

__all__ = ["RulePack", "load_rules"]
