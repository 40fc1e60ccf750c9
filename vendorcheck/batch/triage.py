"""Which files of a suppliers' folder are not contracts at all: READMEs, notes, images without text.

Such files are listed as skipped with their reason instead of being reviewed as contracts (a README
"reviewed" as a contract gets a verdict and pollutes the register). READMEs and notes are known before any
review; an image is a photo or scan of a page until text recognition finds no text in it (the one place
that decides it: `skipped_after_review`). A file vendorcheck cannot read but that may be a contract (a
damaged PDF or picture, a Word 97 file) is not skipped: it becomes an error row, which is what the practice
needs to know.
"""

from __future__ import annotations

import re
from pathlib import Path

from vendorcheck.text import fold

_README_STEMS = {"readme", "lisezmoi", "lisez-moi", "a-lire", "a_lire", "changelog", "license", "licence"}
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".webp"}
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
_SAMPLE_BYTES = 64 * 1024
# Words any contract, terms of service or processing agreement uses; a note or a to-do list uses few.
_CONTRACT_CUES = re.compile(
    r"\b(?:contrat|convention|conditions|article|parties?|client|prestataire|fournisseur|sous-traitant|"
    r"responsable\s+de\s+traitement|donnees\s+(?:a\s+caractere\s+)?personnelles|hebergement|hebergeur|"
    r"obligations?|resiliation|duree|agreement|terms|processor|controller|personal\s+data|customer|"
    r"provider|clause|liability|termination|signature|annexe|appendix)\b"
)
MIN_CONTRACT_CUES = 4  # distinct cue words


def skip_reason(path: Path) -> str | None:
    """The catalogue key saying why `path` is not a document to review (`batch.skip.*`), or None."""
    stem = fold(path.stem).strip()
    if stem in _README_STEMS or stem.startswith("readme"):
        return "batch.skip.readme"
    if path.suffix.lower() in _TEXT_SUFFIXES and not is_image(path) and not _reads_like_a_contract(path):
        return "batch.skip.note"
    return None


def skipped_after_review(path: Path, failure_code: str | None) -> str | None:
    """An image in which text recognition found nothing to read is no contract: the catalogue key of the
    reason it is listed as skipped, or None."""
    from vendorcheck.errors import NothingRecognised

    return "batch.skip.image" if failure_code == NothingRecognised.code and is_image(path) else None


def is_image(path: Path) -> bool:
    if path.suffix.lower() in _IMAGE_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return False  # reading it is the reviewer's job, which reports why it cannot
    return head.startswith(_IMAGE_MAGIC) or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")


def _reads_like_a_contract(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SAMPLE_BYTES)
    except OSError:
        return True  # let the review report the error
    if not head.strip():
        return True  # an empty file is reported as such: it may be a contract that failed to save
    text = fold(head.decode("utf-8", errors="replace"))
    return len({m.group(0) for m in _CONTRACT_CUES.finditer(text)}) >= MIN_CONTRACT_CUES
