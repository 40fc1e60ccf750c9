"""Telling a vendorcheck register from any other database, so that no other file is ever migrated.

`register list --db ../compta.sqlite` used to add vendorcheck's tables to another application's
database. A SQLite register carries a mark in its header (`PRAGMA application_id`, the field SQLite
reserves for the application owning a file); a PostgreSQL register is a schema holding vendorcheck's
migrations table. A database holding anything else is refused, and an empty one is made a register only
where one is meant to be created (`vendorcheck batch`), not where one is meant to be read.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from vendorcheck.errors import NotARegister
from vendorcheck.register.migrations import MIGRATIONS_TABLE

APPLICATION_ID = 0x56436B52  # "VCkR"; any 32-bit value not listed in SQLite's magic.txt


def check_identity(engine: Engine, *, create: bool, shown: str) -> None:
    """Raise NotARegister unless the database is a register, or is empty and `create` is set.
    `shown`: the database as the message names it."""
    with engine.connect() as connection:
        mark = connection.exec_driver_sql("PRAGMA application_id").scalar() if _sqlite(engine) else None
        tables = set(inspect(connection).get_table_names())
    if mark == APPLICATION_ID or MIGRATIONS_TABLE in tables:  # the table alone: registers made before the mark
        return
    if tables or mark:
        raise NotARegister(shown)
    if not create:
        raise NotARegister(shown, wording="empty_register")


def stamp(engine: Engine) -> None:
    """Mark a SQLite register as vendorcheck's (a no-op once marked, and on PostgreSQL)."""
    if not _sqlite(engine):
        return
    with engine.begin() as connection:
        if connection.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
