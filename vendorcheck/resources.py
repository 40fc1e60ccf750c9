"""Where the shipped data folders (rules/, clauses/, samples/) live: in the wheel, or in the source tree."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`rules`, `clauses` or `samples`: the packaged copy when installed from a wheel, else the
    folder at the root of the source checkout (editable installs and tests)."""
    packaged = _PACKAGE / "_data" / name
    return packaged if packaged.is_dir() else _PACKAGE.parent / name
