"""Every command, in a real process limited to 4 GiB of address space (`ulimit -v 4194304`), on the hostile
inputs of issue 11: it ends with exit 0 or 2 (1 only where the command documents it), never a traceback,
and a refusal is one line `[VC-Exxx] file : reason`.

The inputs are built once for the module (tests/hostile.py); each case is one process, most of them a
second or two. Before issue 11, the dense page alone took 3 GB and 20 s, and a pipe blocked forever.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import build_folder

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ulimit -v, FIFOs, /dev/zero"),
]

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "contracts" / "saas-agenda-cgu-faibles.md"
ADDRESS_SPACE_KB = 4194304  # 4 GiB
CODED_ERROR = re.compile(r"^\[VC-E\d{3}\] \S.* : \S", re.MULTILINE)

# (id, arguments with {placeholders} for the inputs, exit codes the command may end with)
CASES = [
    ("review-dense-page", ["review", "{dense}"], {2}),
    ("review-control-characters", ["review", "{controls}", "-f", "md"], {0}),
    ("review-raw-html", ["review", "{html}", "-f", "md"], {0}),
    ("review-too-long", ["review", "{long}"], {2}),
    ("review-fifo", ["review", "{fifo}"], {2}),
    ("review-device", ["review", "/dev/zero"], {2}),
    ("addendum-control-characters", ["addendum", "{controls}", "-o", "{out}/avenant.docx"], {0}),
    ("addendum-dense-page", ["addendum", "{dense}", "-o", "{out}/avenant.docx"], {2}),
    ("addendum-fifo-parties", ["addendum", str(SAMPLE), "-f", "md", "--parties", "{fifo}"], {2}),
    ("batch-hostile-folder", ["batch", "{lot}", "-o", "{out}/lot", "--db", "{out}/registre.sqlite", "-j", "2"], {0}),
    ("register-foreign-database", ["register", "list", "--db", "{foreign_db}"], {2}),
    ("register-export-foreign", ["register", "export", "-o", "{out}/export", "--db", "{foreign_db}"], {2}),
    ("register-show-foreign", ["register", "show", "Acme", "--db", "{foreign_db}"], {2}),
    ("register-recheck-foreign", ["register", "recheck", "--db", "{foreign_db}"], {2}),
    ("serve-foreign-database", ["serve", "--db", "{foreign_db}", "--port", "0"], {2}),
    ("hds-import-fifo", ["hds", "import", "{fifo}"], {2}),
    ("hds-template-missing-folder", ["hds", "template", "{out}/absent/declaration.xlsx"], {2}),
    ("hds-check-billion-laughs", ["hds", "check", "Acme", "--declaration", "{lot}/acme/declaration.yaml"], {2}),
    ("rules-check-fifo", ["rules", "check", "{rules}"], {2}),
    ("review-output-in-missing-folder", ["review", str(SAMPLE), "-o", "{out}/absent/rapport.html"], {2}),
    ("review-newline-in-name", ["review", "{out}/con\ntrat.pdf"], {2}),
    ("eval-empty-folder", ["eval", "{out}"], {2}),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    made = build_folder(root / "entrees")
    made["out"] = root / "sorties"
    made["out"].mkdir()
    made["home"] = root / "home"
    return made


@pytest.mark.parametrize(("args", "codes"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_every_command_ends_cleanly_within_4_gib(inputs: dict[str, Path], args: list[str], codes: set[int]) -> None:
    command = [
        sys.executable,
        "-c",
        "from vendorcheck.cli.main import main; main()",
        *(a.format(**inputs) for a in args),
    ]
    env = {**os.environ, "VENDORCHECK_HOME": str(inputs["home"]), "VENDORCHECK_DB": "", "COLUMNS": "100"}
    env.pop("VENDORCHECK_DB")
    limited = ["bash", "-c", f'ulimit -v {ADDRESS_SPACE_KB} && exec "$@"', "limited", *command]
    done = subprocess.run(limited, capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL)
    output = done.stdout + done.stderr
    assert done.returncode in codes, output[-3000:]
    assert "Traceback" not in output and "Error:" not in output.replace("[VC-E", ""), output[-3000:]
    if done.returncode == 2:
        assert CODED_ERROR.search(done.stderr), done.stderr
