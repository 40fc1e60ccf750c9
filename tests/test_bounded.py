"""Bounds every structured input shares (HDS lists and vendor declarations): a zip bomb is refused before it
is inflated, a pipe before it blocks; each with the reader's own coded one-line error."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from vendorcheck.declarations import parse_declaration
from vendorcheck.errors import DeclarationError, RegistryError, VendorcheckError
from vendorcheck.hds.imports import parse_list

READERS = [(parse_list, RegistryError, ".csv"), (parse_declaration, DeclarationError, ".yaml")]


def _refused(read: Callable[[Path], object], error: type[VendorcheckError], path: Path) -> str:
    with pytest.raises(error) as raised:
        read(path)
    assert raised.value.message().startswith(f"[{error.code}] {path} : ")
    return raised.value.message()


@pytest.mark.parametrize(("read", "error", "suffix"), READERS, ids=["list", "declaration"])
def test_a_zip_bomb_workbook_is_refused_before_it_is_inflated(tmp_path: Path, read, error, suffix: str) -> None:  # noqa: ANN001
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    path = tmp_path / "bombe.xlsx"
    path.write_bytes(buffer.getvalue())
    assert "possible bombe zip" in _refused(read, error, path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize(("read", "error", "suffix"), READERS, ids=["list", "declaration"])
def test_a_fifo_is_refused_instead_of_blocking(tmp_path: Path, read, error, suffix: str) -> None:  # noqa: ANN001
    path = tmp_path / f"tube{suffix}"
    os.mkfifo(path)
    assert "pas un fichier ordinaire" in _refused(read, error, path)
