"""Discovery: supplier folders, loose files, kinds, clutter and the output folder left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorcheck.batch import discover as discover_module
from vendorcheck.batch.discover import discover, file_sha256

from .conftest import NOT_DOCUMENTS


def test_files_are_grouped_by_supplier_folder_and_clutter_is_ignored(suppliers: Path) -> None:
    found = {Path(f.ref.path).relative_to(suppliers).as_posix(): f for f in discover(suppliers)}
    assert set(found) == {
        "acme/contrat-hebergement.pdf",
        "acme/dpa.md",
        "beta/dpa-copie.md",
        "beta/cgu.md",
        "beta/scan-corrompu.pdf",
        "beta/avenant.docx",
        "beta/vide.txt",
        "beta/ancien-contrat.doc",
        "beta/logo.png",
        "contrat-kalendo.docx",
        "conditions-kalendo-2025.md",
        *NOT_DOCUMENTS,
    }
    assert {name: f.skipped for name, f in found.items() if f.skipped} == NOT_DOCUMENTS
    assert found["acme/dpa.md"].ref.folder == "acme" and found["contrat-kalendo.docx"].ref.folder is None
    assert found["acme/dpa.md"].sha256 == found["beta/dpa-copie.md"].sha256 == file_sha256(suppliers / "acme/dpa.md")
    assert {f.kind for f in found.values()} == {"contract"}


def test_declarations_are_recognised_and_nested_files_keep_their_supplier(tmp_path: Path) -> None:
    (tmp_path / "acme" / "2025").mkdir(parents=True)
    (tmp_path / "acme" / "2025" / "declaration.yaml").write_text("vendor: {name: Acme}\n")
    (found,) = discover(tmp_path)
    assert (found.kind, found.ref.folder) == ("declaration", "acme")


def test_output_folder_and_register_inside_the_tree_are_left_out(suppliers: Path) -> None:
    out = suppliers / "vendorcheck-resultats"
    out.mkdir()
    (out / "fournisseurs.csv").write_text("x")
    (suppliers / "registre.sqlite").write_bytes(b"SQLite format 3\x00")
    paths = {f.ref.path for f in discover(suppliers, exclude=[out, suppliers / "registre.sqlite"])}
    assert not any("vendorcheck-resultats" in p or p.endswith("registre.sqlite") for p in paths)


def test_an_unreadable_file_becomes_a_failure_not_an_exception(
    suppliers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads any file whatever its mode, so the refusal is simulated at the read itself.
    def refuse(path: Path) -> str:
        if path.name == "dpa.md":
            raise PermissionError(13, "Permission denied")
        return file_sha256(path)

    monkeypatch.setattr(discover_module, "file_sha256", refuse)
    found = {Path(f.ref.path).relative_to(suppliers).as_posix(): f for f in discover(suppliers)}
    refused = found["acme/dpa.md"]
    assert refused.sha256 is None and refused.failure.code == "VC-E005"
    assert "Permission denied" in refused.failure.message_fr and str(suppliers) in refused.failure.message_fr
    assert found["beta/dpa-copie.md"].failure is None
