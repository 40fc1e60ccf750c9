"""Named migrations: applied once, recorded, atomic, and in agreement with the ORM models."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from vendorcheck.errors import RegisterError
from vendorcheck.register import Register, migrations
from vendorcheck.register.models import Base


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "registre.sqlite"
    with Register(path) as first:
        assert first.applied == [m.name for m in migrations.MIGRATIONS]
    with Register(path) as again:
        assert again.applied == []
        with again.engine.connect() as conn:
            names = conn.execute(text(f"SELECT name FROM {migrations.MIGRATIONS_TABLE}")).scalars().all()
    assert names == [m.name for m in migrations.MIGRATIONS]


def test_migrated_schema_matches_the_models(register: Register) -> None:
    """A column added to models.py without its migration (or the reverse) fails here."""
    inspector = inspect(register.engine)
    for table in Base.metadata.sorted_tables:
        migrated = {c["name"]: c["nullable"] for c in inspector.get_columns(table.name)}
        modelled = {c.name: c.nullable for c in table.columns}
        assert migrated == modelled, table.name
        assert {i["name"] for i in inspector.get_indexes(table.name)} == {i.name for i in table.indexes}, table.name


def test_a_failing_migration_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The DDL of a migration and its record share one transaction, SQLite included."""

    def half_done(conn) -> None:  # noqa: ANN001
        conn.execute(text("CREATE TABLE half (id INTEGER)"))
        raise RuntimeError("stops mid-way")

    failing = (*migrations.MIGRATIONS, migrations.Migration("9999_half", half_done))
    monkeypatch.setattr(migrations, "MIGRATIONS", failing)
    with pytest.raises(RuntimeError):
        Register(tmp_path / "r.sqlite")
    monkeypatch.undo()
    with Register(tmp_path / "r.sqlite") as reopened:
        assert "half" not in inspect(reopened.engine).get_table_names()
        assert reopened.applied == []


def test_unreachable_database_is_a_register_error() -> None:
    with pytest.raises(RegisterError) as caught:
        Register("postgresql+psycopg://someone:secret@127.0.0.1:1/nowhere")
    message = caught.value.message()
    assert message.startswith("[VC-E060]") and "secret" not in message and "127.0.0.1" in message


def test_a_file_that_is_not_a_database_is_a_register_error(tmp_path: Path) -> None:
    bogus = tmp_path / "registre.sqlite"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(RegisterError, match="VC-E060"):
        Register(bogus)
