"""A batch never leaves its folder: a symbolic link pointing outside is recorded as such and never read."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.batch.discover import discover
from vendorcheck.register import Register
from vendorcheck.register.models import ErrorRow, ReviewRow

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "contracts" / "saas-agenda-cgu-faibles.md"
SECRET = "Contrat confidentiel d'un autre cabinet : article 1, le client et le prestataire, durée, résiliation."


def folder_with_links(tmp_path: Path) -> tuple[Path, Path]:
    """fournisseurs/ holding a real contract, a link to it (inside), and links to a file and a folder
    that lie outside, as a shortcut to a shared drive or to a system file would."""
    outside = tmp_path / "ailleurs"
    (outside / "dossier").mkdir(parents=True)
    (outside / "secret.md").write_text(SECRET, encoding="utf-8")
    (outside / "dossier" / "autre.md").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "fournisseurs"
    (root / "acme").mkdir(parents=True)
    (root / "acme" / "cgu.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "acme" / "copie.md").symlink_to(root / "acme" / "cgu.md")
    (root / "acme" / "secret.md").symlink_to(outside / "secret.md")
    (root / "partage").symlink_to(outside / "dossier", target_is_directory=True)
    (root / "motdepasse.md").symlink_to("/etc/passwd")
    return root, outside


def test_links_out_of_the_folder_are_refused_and_links_inside_are_read(tmp_path: Path) -> None:
    root, outside = folder_with_links(tmp_path)
    found = {Path(f.ref.path).relative_to(root).as_posix(): f for f in discover(root)}
    assert set(found) == {"acme/cgu.md", "acme/copie.md", "acme/secret.md", "partage", "motdepasse.md"}
    assert found["acme/copie.md"].sha256 == found["acme/cgu.md"].sha256
    for name, target in (
        ("acme/secret.md", outside / "secret.md"),
        ("partage", outside / "dossier"),
        ("motdepasse.md", Path("/etc/passwd").resolve()),
    ):
        failure = found[name].failure
        assert found[name].sha256 is None and failure is not None and failure.code == "VC-E009"
        assert f"lien symbolique vers {target}, hors du dossier analysé" in failure.message_fr


def test_a_batch_reviews_nothing_from_outside(tmp_path: Path) -> None:
    root, _ = folder_with_links(tmp_path)
    with Register(tmp_path / "registre.sqlite") as register:
        result = run_batch(root, register, BatchOptions(jobs=1, health_data=False))
        assert (result.reviewed, result.failed) == (1, 3)  # the contract once (two paths), three refusals
        with register.transaction() as session:
            stored = " ".join(str(data) for data in session.scalars(select(ReviewRow.data)))
            codes = session.scalars(select(ErrorRow.code)).all()
    assert "confidentiel" not in stored and "root:" not in stored
    assert codes == ["VC-E009"] * 3
