"""Named schema migrations of the supplier register, each applied once in its own transaction and recorded.

A migration's DDL is written out here, frozen at the time it was added, rather than derived from the
ORM classes: `create_all` on the current models would make an old database and a new one diverge as
soon as a column is added. A later change appends a migration (`0002_...`) and updates `models.py`;
`tests/register/test_migrations.py` checks that the migrated schema and the models agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)

MIGRATIONS_TABLE = "vc_migrations"


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    meta = MetaData()

    def stamp(name: str) -> Column:
        return Column(name, DateTime(timezone=True), nullable=False)

    Table(
        "suppliers",
        meta,
        Column("id", Integer, primary_key=True),
        Column("key", String(200), nullable=False, unique=True),
        Column("name", String(300), nullable=False),
        Column("siren", String(9)),
        Column("service", String(40)),
        stamp("created_at"),
    )
    Table(
        "documents",
        meta,
        Column("id", Integer, primary_key=True),
        Column("sha256", String(64), nullable=False, unique=True),
        Column("kind", String(20), nullable=False),
        Column("name", String(300), nullable=False),
        Column("vendor_name", String(300)),
        Column("vendor_siren", String(9)),
        stamp("created_at"),
    )
    Table(
        "runs",
        meta,
        Column("id", Integer, primary_key=True),
        Column("root", String(1000), nullable=False),
        stamp("started_at"),
        Column("finished_at", DateTime(timezone=True)),
        Column("status", String(20), nullable=False),
        Column("rules_version", String(40), nullable=False),
        Column("snapshot", String(40)),
        Column("health_data", Boolean, nullable=False),
        Column("lang", String(2), nullable=False),
        *(Column(name, Integer, nullable=False) for name in ("jobs", "total", "reviewed", "skipped", "failed")),
    )
    Table(
        "document_files",
        meta,
        Column("id", Integer, primary_key=True),
        Column("path", String(1000), nullable=False, unique=True),
        Column("root", String(1000), nullable=False),
        Column("document_id", Integer, ForeignKey("documents.id")),
        Column("supplier_id", Integer, ForeignKey("suppliers.id"), nullable=False),
        Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    )
    Table(
        "reviews",
        meta,
        Column("id", Integer, primary_key=True),
        Column("run_id", Integer, ForeignKey("runs.id"), nullable=False, index=True),
        Column("document_id", Integer, ForeignKey("documents.id"), index=True),
        Column("path", String(1000), nullable=False),
        Column("outcome", String(20), nullable=False),
        Column("rules_version", String(40), nullable=False),
        Column("snapshot", String(40)),
        Column("health_data", Boolean, nullable=False),
        Column("lang", String(2), nullable=False),
        Column("verdict", String(30)),
        Column("page_count", Integer),
        Column("seconds", Float, nullable=False),
        stamp("created_at"),
        Column("data", JSON),
    )
    Table(
        "findings",
        meta,
        Column("id", Integer, primary_key=True),
        Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False, index=True),
        Column("requirement", String(40), nullable=False),
        Column("title", String(300), nullable=False),
        Column("citation", String(300), nullable=False),
        Column("status", String(20), nullable=False),
        Column("severity", String(10), nullable=False),
        Column("confidence", Float, nullable=False),
        Column("message", Text, nullable=False),
    )
    Table(
        "evidence",
        meta,
        Column("id", Integer, primary_key=True),
        Column("finding_id", Integer, ForeignKey("findings.id", ondelete="CASCADE"), nullable=False, index=True),
        Column("quote", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("page", Integer),
        Column("line", Integer),
        Column("section", String(300)),
    )
    Table(
        "errors",
        meta,
        Column("id", Integer, primary_key=True),
        Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False, unique=True),
        Column("code", String(10), nullable=False),
        Column("message_fr", Text, nullable=False),
        Column("message_en", Text, nullable=False),
        Column("retryable", Boolean, nullable=False),
    )
    Table(
        "hds_verdicts",
        meta,
        Column("id", Integer, primary_key=True),
        Column("supplier_id", Integer, ForeignKey("suppliers.id"), nullable=False, index=True),
        Column("run_id", Integer, ForeignKey("runs.id")),
        stamp("assessed_at"),
        Column("snapshot", String(40), nullable=False),
        Column("snapshot_date", Date, nullable=False),
        Column("query", String(300), nullable=False),
        Column("service", String(40)),
        Column("verdict", String(60), nullable=False),
        Column("entity", String(300)),
        Column("expires_on", Date),
        Column("source", Text, nullable=False),
        Column("data", JSON, nullable=False),
    )
    meta.create_all(conn)


MIGRATIONS: tuple[Migration, ...] = (Migration("0001_initial", _initial),)


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations not yet recorded, in order; return the names applied now.

    Each migration and its record share one transaction (SQLite included, see `db.py`), so a crash
    leaves the database either before or after a migration, never half-way.
    """
    record = Table(
        MIGRATIONS_TABLE,
        MetaData(),
        Column("name", String(100), primary_key=True),
        Column("applied_at", DateTime(timezone=True), nullable=False),
    )
    with engine.begin() as conn:
        record.create(conn, checkfirst=True)
    applied: list[str] = []
    for migration in MIGRATIONS:
        with engine.begin() as conn:
            done = conn.execute(select(record.c.name).where(record.c.name == migration.name)).first()
            if done:
                continue
            migration.apply(conn)
            conn.execute(record.insert().values(name=migration.name, applied_at=datetime.now(UTC)))
        applied.append(migration.name)
    return applied
