"""What the `register` commands and the web page ask of a register: one function each, given its location."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel

from vendorcheck.models import Language
from vendorcheck.register.db import Register, default_register
from vendorcheck.register.hds import RecheckLine
from vendorcheck.register.queries import SupplierHistory
from vendorcheck.register.summary import Dashboard, Requirement, SupplierLine


class SupplierView(BaseModel):
    """One supplier as `register show` presents it: its current picture and its whole history."""

    history: SupplierHistory
    line: SupplierLine | None  # None: known to the register, but no current document
    requirements: list[Requirement]  # every requirement of the register, in the order of the texts


def open_register(db: str | Path | None) -> Register:
    """The register at `db` (the default one when None), which must exist."""
    return Register.existing(db or default_register())


def dashboard(db: str | Path | None, lang: Language) -> Dashboard:
    from vendorcheck.register.summary import build_dashboard

    with open_register(db) as register, register.transaction() as session:
        return build_dashboard(session, lang)


def suppliers(db: str | Path | None, lang: Language) -> list[SupplierLine]:
    """Every supplier, the most urgent to chase first."""
    from vendorcheck.register.summary import chase_order

    return chase_order(dashboard(db, lang).suppliers)


def supplier_view(db: str | Path | None, name: str, lang: Language) -> SupplierView:
    """The supplier named `name` (any spelling of it); a RegisterError lists the known ones."""
    from vendorcheck.register.queries import supplier_history
    from vendorcheck.register.summary import build_dashboard

    with open_register(db) as register, register.transaction() as session:
        history = supplier_history(session, name, lang)
        current = build_dashboard(session, lang)
    line = next((s for s in current.suppliers if s.name == history.name), None)
    return SupplierView(history=history, line=line, requirements=current.requirements)


def export_register(db: str | Path | None, output: Path, formats: str, lang: Language) -> list[Path]:
    """Write the exports named in `formats` ("xlsx,csv,html") into `output`; the files written."""
    from vendorcheck.files import check_output
    from vendorcheck.register.export import export, parse_formats

    wanted = parse_formats(formats)  # before opening anything: a typo costs nothing
    check_output(output, folder=True)
    return export(dashboard(db, lang), output, wanted)


def recheck_register(db: str | Path | None, today: date | None, lang: Language) -> list[RecheckLine]:
    """Re-assess every supplier's HDS verdict against the current list (after `hds import`)."""
    from vendorcheck.register.hds import recheck

    with open_register(db) as register, register.transaction() as session:
        return recheck(session, lang=lang, today=today)
