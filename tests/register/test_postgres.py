"""The register on a real PostgreSQL server (started by .ci/setup.d/postgres.sh): migrations, a batch,
resume and exports through `postgresql+psycopg://`.

The server is found at VENDORCHECK_TEST_POSTGRES, by default the role and database the setup script
creates on 127.0.0.1. The test is skipped only when no server answers there; each run works in a schema
of its own, so parallel test workers and earlier runs never meet.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.errors import NotARegister, RegisterBusy
from vendorcheck.register import Register
from vendorcheck.register.export import export
from vendorcheck.register.models import ReviewRow
from vendorcheck.register.summary import build_dashboard

DEFAULT_URL = "postgresql+psycopg://vendorcheck:vendorcheck@127.0.0.1:5432/vendorcheck_test"
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "contracts"

pytestmark = pytest.mark.slow


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose connections use a fresh schema, dropped afterwards."""
    url = make_url(os.environ.get("VENDORCHECK_TEST_POSTGRES", DEFAULT_URL))
    admin = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with admin.connect():
            pass
    except Exception as exc:  # noqa: BLE001 - any failure to connect means: no local server
        admin.dispose()
        pytest.skip(f"no PostgreSQL server at {url.render_as_string(hide_password=True)} ({type(exc).__name__})")
    schema = f"vc_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_batch_resume_and_export_on_postgresql(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VENDORCHECK_HOME", str(tmp_path / "home"))
    root = tmp_path / "fournisseurs"
    (root / "acme").mkdir(parents=True)
    (root / "beta").mkdir()
    shutil.copy(SAMPLES / "dpa-cloud-backup-en.md", root / "acme" / "dpa.md")
    shutil.copy(SAMPLES / "saas-agenda-cgu-faibles.md", root / "beta" / "cgu.md")
    (root / "beta" / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00 damaged")

    with Register(postgres_url) as register:
        assert register.engine.dialect.name == "postgresql"
        assert register.applied == ["0001_initial"]
        first = run_batch(root, register, BatchOptions(jobs=2))
        assert (first.reviewed, first.failed, first.interrupted) == (2, 1, False)
    with Register(postgres_url) as register:  # reopened: nothing to migrate, nothing to redo
        assert register.applied == []
        again = run_batch(root, register, BatchOptions(jobs=1))
        assert (again.reviewed, again.skipped) == (0, 3)
        with register.transaction() as session:
            assert session.scalar(select(func.count()).select_from(ReviewRow)) == 3
            dashboard = build_dashboard(session)
            assert "findings" in inspect(session.connection()).get_table_names()
        assert {s.name for s in dashboard.suppliers} == {"acme", "beta"}
        assert all(s.hds is not None for s in dashboard.suppliers)
        written = export(dashboard, tmp_path / "out")
    assert {p.name for p in written} == {
        "fournisseurs.xlsx",
        "fournisseurs.csv",
        "exigences.csv",
        "tableau-de-bord.html",
    }


def test_a_schema_of_another_application_is_refused(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE factures (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(NotARegister) as refused:
        Register(postgres_url)
    assert "ce n'est pas un registre vendorcheck" in refused.value.message()
    with pytest.raises(NotARegister):
        Register.existing(postgres_url)


def test_one_batch_at_a_time_on_a_postgresql_register(postgres_url: str) -> None:
    with Register(postgres_url) as first, Register(postgres_url) as second:
        # Another connection, as another computer would have.
        with first.batch_lock(), pytest.raises(RegisterBusy), second.batch_lock():
            pass
        with second.batch_lock():  # released with the first run
            pass
