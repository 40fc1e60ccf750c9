"""Every pattern run on document text takes linear time: hostile strings are read in bounded time.

Each input is built here (a 50,000-letter word, runs of spaces, parentheses, hashes, numbering…) and
goes through ingestion, PDF page tidying and the full review in a child process. The bound is a
generous timeout on that process, not a timing assertion: a quadratic pattern takes minutes on these
inputs, a linear one a fraction of a second.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

N = 50_000
HOSTILE = {
    "long word": "Le Prestataire " + "a" * N + " notifie.\n",
    "long word before a line-end hyphen": "x " + "a" * N + "-\nsuite du mot\n",
    "heading then spaces": "# Titre" + " " * N + "x\n",
    "number then spaces": "1" + " " * N + "a\n",
    "spaces then a word": " " * N + "page\n",
    "parentheses": "(" * N + "\n",
    "spaced parentheses": "( " * N + "\n",
    "guillemets": "« " * (N // 2) + "\n",
    "quotes": '"' * N + "\n",
    "digits before a unit": "5" * N + " jours\n",
    "dashes": "-" * N + "\n",
    "hashes": "#" * N + " a\n",
    "pipes": "|" * N + "\n",
    "numbering": "Article " + "1." * (N // 2) + "\n",
    "defined term never closed": "ci-après " + " " * N + "« x\n",
    "capitalised words": "Société " + "Aaa " * (N // 4) + "SAS\n",
    "capital run": "A" * N + " (le « Prestataire »)\n",
    "empty bullets": "- \n" * (N // 2),
    "one line per word": "a\n" * N,
    "blank line per word": "a\n\n" * (N // 2),
    "delay with an unclosed parenthesis": "within 5 (" + "x" * N + "\n",
}

_CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from vendorcheck.api import review
    from vendorcheck.ingest import IngestOptions, load_bytes
    from vendorcheck.ingest.layout import tidy_pages
    from vendorcheck.engine.durations import delays

    for name, text in json.loads(sys.stdin.read()).items():
        for lang in ("fr", "en"):
            document = load_bytes(Path("hostile.md"), text.encode(), IngestOptions())
            review(document.model_copy(update={"language": lang}), health_data=True)
        tidy_pages([text, text[::-1], text])
        delays(text)
        print(name, flush=True)
""")


def test_hostile_texts_are_read_in_bounded_time():
    import json

    result = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(HOSTILE),
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env=_env(),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:-1] == list(HOSTILE)


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(ROOT)}
