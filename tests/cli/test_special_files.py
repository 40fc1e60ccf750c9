"""A FIFO or a device given where a file is expected: refused at once in one line, never read.

Each command runs in a thread with a deadline: before the fix a FIFO blocked the read forever, and a
test must fail rather than hang (the pipe is then opened for writing, which releases the reader).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from vendorcheck.cli.main import app

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "contracts" / "saas-agenda-cgu-faibles.md"
WIDE = {"COLUMNS": "1000"}

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")


def invoke_within(args: list[str], fifo: Path, seconds: float = 60) -> Result:
    results: list[Result] = []
    worker = threading.Thread(target=lambda: results.append(CliRunner().invoke(app, args, env=WIDE)), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # lets the blocked reader see end of file
        os.close(descriptor)
        worker.join(5)
        pytest.fail(f"{' '.join(args)} blocked on a FIFO")
    return results[0]


@pytest.mark.parametrize(
    ("name", "args", "code"),
    [
        ("contrat.pdf", ["review", "{fifo}"], "VC-E006"),
        ("revue.json", ["addendum", "{fifo}", "-f", "md"], "VC-E006"),
        ("parties.yaml", ["addendum", str(SAMPLE), "-f", "md", "--parties", "{fifo}"], "VC-E006"),
        ("GDPR-28-3-a.yaml", ["review", str(SAMPLE), "--rules", "{folder}"], "VC-E040"),
    ],
    ids=["contract", "saved-review", "parties", "rule-file"],
)
def test_a_fifo_is_refused_in_one_line_instead_of_blocking(
    tmp_path: Path, name: str, args: list[str], code: str
) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    fifo = folder / name
    os.mkfifo(fifo)
    result = invoke_within([a.format(fifo=fifo, folder=folder) for a in args], fifo)
    assert result.exit_code == 2, result.output
    line = result.stderr.strip()
    assert line.startswith(f"[{code}]") and "Traceback" not in result.output
    assert "tube nommé (FIFO)" in line and "\n" not in line.split(":", 1)[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero")
def test_a_device_is_refused_before_it_is_read() -> None:
    result = CliRunner().invoke(app, ["review", "/dev/zero", "--lang", "en"], env=WIDE)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "[VC-E006] /dev/zero : a device, not a regular file: reading it would never end; give the file itself"
    )
