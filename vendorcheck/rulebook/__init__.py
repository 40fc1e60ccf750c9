"""Requirement rules as data: schema, loading and validation of `rules/*.yaml`."""

from vendorcheck.rulebook.loader import RulePack, find_rule, load_rules

__all__ = ["RulePack", "find_rule", "load_rules"]
