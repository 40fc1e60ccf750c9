"""Opening the register: a SQLAlchemy engine on SQLite (default) or PostgreSQL, migrated on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from vendorcheck.errors import NotARegister, RegisterBusy, RegisterError
from vendorcheck.i18n import Message, message
from vendorcheck.register.identity import check_identity, stamp
from vendorcheck.register.lock import LockHeld, batch_lock
from vendorcheck.register.migrations import migrate


def default_register() -> Path:
    """The one place `vendorcheck batch` fills and the `register` commands and `serve` read, whatever the
    folder they are started from: `registre.sqlite` in vendorcheck's data folder ($VENDORCHECK_HOME, else
    ~/.local/share/vendorcheck). --db or VENDORCHECK_DB choose another one."""
    from vendorcheck.hds.store import data_home

    return data_home() / "registre.sqlite"


def database_url(value: str | Path) -> str:
    """A SQLAlchemy URL as is; anything else is the path of a SQLite file."""
    text = str(value)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def display_url(url: str) -> str | Message:
    """The URL without its password, for messages; a SQLite register is shown as its file path."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return message("register.errors.unreadable_url")
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


class Register:
    """The supplier register. `Register(url)` or `Register(memory=True)`; migrations run on open.

    url (str | Path): SQLAlchemy URL (`postgresql+psycopg://user:pw@host/db`) or SQLite file path.
    memory (bool): an in-memory SQLite register, for tests.
    create (bool): make an empty database a register; without it only an existing register is opened.
    Any database that is not a register (another application's) is refused (`identity.py`).
    """

    def __init__(self, url: str | Path | None = None, *, memory: bool = False, create: bool = True) -> None:
        self.url = "sqlite://" if memory else database_url(url or default_register())
        # `applied`: names of the migrations run by this open
        self.engine, self.applied = self._connect(create)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def existing(cls, location: str | Path) -> Register:
        """The register at `location`, which must already exist: opening a mistyped path would silently
        create an empty register and hide the mistake."""
        location = str(location)
        if "://" not in location and not Path(location).is_file():
            raise RegisterError(location, detail=message("register.errors.missing"))
        return cls(location, create=False)

    def _connect(self, create: bool) -> tuple[Engine, list[str]]:
        try:
            engine = _engine(self.url)
            try:
                check_identity(engine, create=create, shown=display_url(self.url))
            except NotARegister:
                engine.dispose()
                raise
            applied = migrate(engine)
            stamp(engine)
            return engine, applied
        except ModuleNotFoundError as exc:
            raise RegisterError(detail=message("register.errors.no_driver", module=exc.name)) from None
        except (ArgumentError, NoSuchModuleError) as exc:
            raise RegisterError(
                detail=message("register.errors.bad_url", url=display_url(self.url), reason=exc)
            ) from None
        except SQLAlchemyError as exc:
            raise RegisterError(
                detail=message("register.errors.cannot_open", url=display_url(self.url), reason=_first_line(exc))
            ) from None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on any exception.
        Database failures become a RegisterError naming the database, never a traceback."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise RegisterError(
                detail=message("register.errors.database", url=display_url(self.url), reason=_first_line(exc))
            ) from None

    @contextmanager
    def batch_lock(self) -> Iterator[None]:
        """The right to run a batch on this register, held until the block ends (see `lock.py`); raises
        RegisterBusy, naming the run under way, when another process holds it."""
        with ExitStack() as stack:
            try:
                stack.enter_context(batch_lock(self.engine))
            except LockHeld:
                raise self._busy() from None
            except (OSError, SQLAlchemyError) as exc:  # a read-only folder, a server gone
                reason = exc.strerror if isinstance(exc, OSError) else _first_line(exc)
                detail = message("register.errors.lock", url=display_url(self.url), reason=reason)
                raise RegisterError(detail=detail) from None
            yield

    def _busy(self) -> RegisterBusy:
        from vendorcheck.register.store import latest_running

        with self.transaction() as session:
            run = latest_running(session)
        if run is None:  # the other batch holds the lock but has not recorded its run yet
            return RegisterBusy(display_url(self.url))
        started = run.started_at if run.started_at.tzinfo else run.started_at.replace(tzinfo=UTC)
        return RegisterBusy(
            display_url(self.url),
            wording="register_busy_run",
            root=run.root,
            started=started.astimezone().strftime("%Y-%m-%d %H:%M"),
        )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    options: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if url in ("sqlite://", "sqlite:///:memory:"):
        options["poolclass"] = StaticPool  # one shared connection, or each session sees an empty database
    engine = create_engine(url, **options)

    # pysqlite starts transactions lazily and never before DDL, so a migration would not be atomic;
    # SQLAlchemy's documented recipe: take over BEGIN ourselves.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")  # `register list` while a batch writes
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
