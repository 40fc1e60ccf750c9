"""Every renderer's output for stored reviews is the golden file, to the character.

A difference is either a regression or a deliberate change: for the latter, rewrite the golden files with
`python -m tests.golden.regenerate` and read the diff before committing it.
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden.cases import cases, normalise, render


@pytest.mark.parametrize(("name", "fmt", "golden"), cases(), ids=lambda value: getattr(value, "name", value))
def test_output_matches_golden_file(name, fmt, golden):  # noqa: ANN001
    expected = golden.read_text(encoding="utf-8")
    got = normalise(render(name, fmt, golden))
    if got != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True), "golden", "now", n=1))
        pytest.fail(f"{golden.name} differs (python -m tests.golden.regenerate if deliberate):\n{diff[:4000]}")
