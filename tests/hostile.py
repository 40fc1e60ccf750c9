"""Hostile and unlucky inputs built at test time (issue 11), shared by the tests of every part.

Each is a few kilobytes on disk and stands for a file met in the wild or forged: a PDF page carrying
millions of characters (a 40 kB file whose text layer took 3 GB), control characters in a text layer,
raw HTML and Markdown links in a contract.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path

CLAUSE = (
    "Le prestataire traite les données à caractère personnel uniquement sur instruction documentée du client, "
    "y compris en ce qui concerne les transferts vers un pays tiers."
)
# Every kind of control character met in text layers: C0, vertical tab, form feed, DEL, C1, NEL, U+FFFE.
CONTROLS = "\x01\x02\x08\x0b\x0c\x1b\x7f\x85\x9f\ufffe\uffff"
CONTROLLED_CLAUSE = (
    "Le prestataire\x01 traite les donn\x1bées\ufffe uniquement\x0bsur instruction\x0cdocumentée du client."
)
HTML = (
    '![pixel](http://x.test/p.png) <script>alert("vc")</script> <img src=x onerror=alert(1)> '
    "[lien](javascript:alert(1))"
)


# A YAML file of a few lines whose aliases expand to 9^9 strings ("billion laughs").
BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def pdf(pages: list[bytes]) -> bytes:
    """A valid PDF whose pages have these content streams (compressed), in Helvetica: the text layer is
    exactly what the streams show, control characters included."""
    objects: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    pages_id = 2 + 2 * len(pages)
    kids = []
    for content in pages:
        packed = zlib.compress(content, 9)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> "
            b"/Contents %d 0 R >>" % (pages_id, len(objects))
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(objects), xref)
    return bytes(out)


def text_page(lines: list[str]) -> bytes:
    """A content stream showing `lines` top-down (Latin-1 text; parentheses and backslashes escaped)."""
    shown = []
    for line in lines:
        escaped = line.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        shown.append(b"(" + escaped + b") Tj 0 -14 Td")
    return b"BT /F1 10 Tf 50 780 Td " + b" ".join(shown) + b" ET"


def dense_page(characters: int, per_operator: int = 20_000) -> bytes:
    """A content stream showing `characters` characters in 1-point type, `per_operator` per text operator:
    compressed, a few kilobytes whatever `characters` is."""
    run = b"(" + b"abcdefghij" * (per_operator // 10) + b") Tj 0 -1 Td "
    return b"BT /F1 1 Tf 10 800 Td " + run * max(1, characters // per_operator) + b"ET"


def build_folder(root: Path) -> dict[str, Path]:
    """Every hostile input of issue 11 in `root`, by name; `root / "lot"` is a suppliers' folder holding the
    ones a batch meets (a dense PDF, control characters, raw HTML, a link to a system file, a pipe)."""
    root.mkdir(parents=True, exist_ok=True)
    sample = Path(__file__).resolve().parents[1] / "samples" / "contracts" / "saas-agenda-cgu-faibles.md"
    weak = sample.read_text(encoding="utf-8")
    made = {
        "dense": root / "page-dense.pdf",
        "controls": root / "controles.md",
        "html": root / "html.md",
        "long": root / "trop-long.txt",
        "fifo": root / "tube.pdf",
        "foreign_db": root / "compta.sqlite",
        "rules": root / "regles",
        "lot": root / "lot",
    }
    made["dense"].write_bytes(pdf([text_page(["Article 1 - Objet", CLAUSE]), dense_page(20_000_000)]))
    made["controls"].write_text(
        weak.replace("données", f"donn{CONTROLS}ées") + f"\n\n{CONTROLLED_CLAUSE}\n", encoding="utf-8"
    )
    made["html"].write_text(weak.replace("Le Client autorise", f"Le Client {HTML} autorise"), encoding="utf-8")
    made["long"].write_text("Contrat. " * 250_000, encoding="utf-8")  # 2.25 million characters
    os.mkfifo(made["fifo"])
    with sqlite3.connect(made["foreign_db"]) as connection:
        connection.execute("CREATE TABLE factures (id INTEGER PRIMARY KEY)")
    made["rules"].mkdir()
    os.mkfifo(made["rules"] / "GDPR-28-3-a.yaml")
    lot = made["lot"]
    (lot / "acme").mkdir(parents=True)
    for name in ("dense", "controls", "html"):
        os.link(made[name], lot / "acme" / made[name].name)
    (lot / "acme" / "motdepasse.md").symlink_to("/etc/passwd")
    (lot / "acme" / "declaration.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    os.mkfifo(lot / "acme" / "tube.pdf")
    return made
