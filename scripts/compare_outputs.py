"""Run every command of the CLI on the shipped samples and keep what each prints and writes.

A refactor must not change what users see: run this before the change, keep the folder, run it again
after with `--compare` and read the differences.

    python scripts/compare_outputs.py --out /tmp/outputs-before
    python scripts/compare_outputs.py --compare /tmp/outputs-before      # exit 1 on any difference

Every run is one file `<name>.txt`: the command line, the exit code, stdout, stderr, and the files the
command wrote (Word and Excel files as their text). Volatile parts are normalised: today's date and
the clock, temporary paths, timings. Commands run in this process through typer's test runner, so the
tree whose `scripts/` holds this file is the one tested (its root goes first on `sys.path`), and spaCy
loads once. Verdicts that count days up to a certificate's expiry depend on the day: compare two runs
made on the same day.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples"
CONTRACTS = SAMPLES / "contracts"
DECLARATIONS = SAMPLES / "declarations"
CERTIFICATES = SAMPLES / "hds"
BAD = ROOT / "tests" / "data" / "bad"
PACS = CONTRACTS / "pacs-radiologie-hebergement.md"
WEAK = CONTRACTS / "saas-agenda-cgu-faibles.md"
DPA = CONTRACTS / "dpa-cloud-backup-en.md"
LANGS = ("fr", "en")
EXPORTS = ("fournisseurs.xlsx", "fournisseurs.csv", "exigences.csv", "tableau-de-bord.html")


@dataclass
class Run:
    """One command: its arguments, and the files it writes (relative to the run's folder)."""

    name: str
    args: list[str]
    writes: list[str] = field(default_factory=list)
    setup: Callable[[Path], None] | None = None


def runs(work: Path, corpus: Path | None) -> Iterator[Run]:
    """Every command worth comparing, in a stable order. `work` is a scratch folder shared by the runs."""
    yield Run("help", ["--help"])
    for group, commands in (
        ("", ["review", "addendum", "eval", "batch", "serve"]),
        ("rules", ["check", "list", "show"]),
        ("register", ["list", "show", "export", "recheck"]),
        ("hds", ["check", "import", "snapshots", "template"]),
    ):
        if group:
            yield Run(f"help-{group}", [group, "--help"])
        for command in commands:
            yield Run(f"help-{group or 'main'}-{command}", [*([group] if group else []), command, "--help"])

    contracts = sorted(CONTRACTS.glob("*.md")) + sorted(CONTRACTS.glob("*.docx")) + sorted(CONTRACTS.glob("*.pdf"))
    for contract in contracts:
        for lang in LANGS:
            for fmt in ("text", "json", "md", "html"):
                yield Run(f"review-{contract.name}-{lang}-{fmt}", ["review", str(contract), "-f", fmt, "--lang", lang])
    for contract in (PACS, WEAK, DPA):
        for lang in LANGS:
            for fmt in ("text", "json"):
                yield Run(
                    f"review-nohealth-{contract.name}-{lang}-{fmt}",
                    ["review", str(contract), "--no-health-data", "-f", fmt, "--lang", lang],
                )
    for declaration in sorted(DECLARATIONS.iterdir()):
        for lang in LANGS:
            for fmt in ("text", "json", "md", "html"):
                yield Run(
                    f"review-declaration-{declaration.name}-{lang}-{fmt}",
                    ["review", str(PACS), "--declaration", str(declaration), "-f", fmt, "--lang", lang],
                )
    for vendor in ("Nuage Fictif SAS", "901000109", "Inconnu SARL"):
        yield Run(f"review-vendor-{vendor}", ["review", str(WEAK), "--vendor", vendor])
    yield Run("review-output-file", ["review", str(WEAK), "-f", "md", "-o", "report.md"], writes=["report.md"])
    yield Run("review-rules-dir", ["review", str(DPA), "--rules", str(ROOT / "rules")])

    for name in sorted(p.name for p in BAD.iterdir()):
        for lang in LANGS:
            yield Run(f"bad-{name}-{lang}", ["review", str(BAD / name), "--lang", lang])
    yield Run("bad-scanned-no-ocr", ["review", str(BAD / "scanned.pdf"), "--no-ocr"])
    yield Run("bad-missing", ["review", str(work / "absent.pdf")])
    yield Run("bad-folder", ["review", str(SAMPLES)])
    yield Run("bad-format", ["review", str(PACS), "-f", "pdf"])

    for contract in (PACS, WEAK, DPA):
        for lang in LANGS:
            for fmt in ("md", "html"):
                yield Run(
                    f"addendum-{contract.name}-{lang}-{fmt}", ["addendum", str(contract), "-f", fmt, "--lang", lang]
                )
            out = f"addendum-{contract.stem}-{lang}.docx"
            yield Run(
                f"addendum-{contract.name}-{lang}-docx",
                ["addendum", str(contract), "-o", out, "--lang", lang],
                writes=[out],
            )
    yield Run("addendum-parties", ["addendum", str(WEAK), "-f", "md", "--parties", str(SAMPLES / "parties.yaml")])
    yield Run(
        "addendum-review-json",
        ["addendum", str(work / "weak.json"), "-f", "md"],
        setup=lambda w: _json_review(w / "weak.json"),
    )
    yield Run("addendum-no-output", ["addendum", str(WEAK)])
    yield Run("addendum-bad-parties", ["addendum", str(WEAK), "-f", "md", "--parties", str(PACS)])
    yield from _redline_runs(work)

    for lang in LANGS:
        yield Run(f"rules-list-{lang}", ["rules", "list", "--lang", lang])
        for rule in ("GDPR-33-2", "CSP-R1111-11-1"):
            yield Run(f"rules-show-{rule}-{lang}", ["rules", "show", rule, "--lang", lang])
    yield Run("rules-show-unknown", ["rules", "show", "NOPE-1"])
    yield Run("rules-check", ["rules", "check"])
    yield Run("rules-check-bad", ["rules", "check", str(work / "bad-rules")], setup=_bad_rules)

    yield from _batch_runs(work)  # before any list import: the register is judged against the shipped list
    yield from _hds_runs(work)
    yield Run(
        "batch-redline",
        ["batch", str(work / "word"), "-o", str(work / "word-results"), "--jobs", "1", "--redline"]
        + ["--db", str(work / "word.sqlite")],
        setup=_word_suppliers,
        writes=["word-results/contrats-annotes/**/*.docx"],
    )
    yield from _unwritable_runs(work)
    if corpus is not None and corpus.is_dir():
        yield Run("eval-corpus", ["eval", str(corpus), "--mismatches"])


def _unwritable_runs(work: Path) -> Iterator[Run]:
    """Outputs that cannot be written, inputs that are not regular files, corpora without labels."""
    docx_sample = str(PACS.with_suffix(".docx"))
    yield Run("review-output-missing-folder", ["review", str(WEAK), "-o", "absent/rapport.txt"])
    yield Run("review-output-is-folder", ["review", str(WEAK), "-o", str(SAMPLES)])
    yield Run("addendum-output-missing-folder", ["addendum", str(WEAK), "-o", "absent/avenant.docx"])
    yield Run("addendum-redline-output-missing-folder", ["addendum", docx_sample, "--redline", "-o", "absent/x.docx"])
    yield Run("batch-output-is-file", ["batch", str(CONTRACTS), "-o", str(PACS)])
    yield Run("register-export-output-is-file", ["register", "export", "-o", str(PACS)])
    yield Run("hds-template-missing-folder", ["hds", "template", "absent/declaration.yaml"])
    yield Run("review-fifo", ["review", str(work / "tube.pdf")], setup=lambda w: _fifo(w / "tube.pdf"))
    yield Run("eval-missing", ["eval", str(work / "absent-corpus")])
    yield Run("eval-no-labels", ["eval", str(SAMPLES)])


def _fifo(path: Path) -> None:
    if not path.exists():
        os.mkfifo(path)


def _hds_runs(work: Path) -> Iterator[Run]:
    for lang in LANGS:
        for fmt in ("text", "json"):
            for query in ("Nuage Fictif SAS", "Armor Imagerie Cloud (SIREN 903 782 142)", "Inconnu SARL", "123456789"):
                yield Run(
                    f"hds-check-{query}-{lang}-{fmt}",
                    ["hds", "check", query, "--lang", lang, "-f", fmt, "--date", "2026-12-01"],
                )
        yield Run(
            f"hds-check-service-{lang}",
            ["hds", "check", "Armor Imagerie Cloud", "--service", "pacs", "--lang", lang, "--date", "2026-12-01"],
        )
        yield Run(
            f"hds-check-host-{lang}",
            [
                "hds",
                "check",
                "Inconnu SARL",
                "--host",
                "Armor Imagerie Cloud",
                "--service",
                "saas",
                "--lang",
                lang,
                "--date",
                "2026-12-01",
            ],
        )
        for certificate in sorted(CERTIFICATES.glob("*.txt")):
            yield Run(
                f"hds-check-certificate-{certificate.name}-{lang}",
                [
                    "hds",
                    "check",
                    "Armor Imagerie Cloud",
                    "--certificate",
                    str(certificate),
                    "--lang",
                    lang,
                    "--date",
                    "2026-12-01",
                ],
            )
        for declaration in sorted(DECLARATIONS.iterdir()):
            yield Run(
                f"hds-check-declaration-{declaration.name}-{lang}",
                [
                    "hds",
                    "check",
                    "Armor Imagerie Cloud",
                    "--declaration",
                    str(declaration),
                    "--lang",
                    lang,
                    "--date",
                    "2026-12-01",
                ],
            )
        yield Run(f"hds-snapshots-{lang}", ["hds", "snapshots", "--lang", lang])
        for suffix in ("yaml", "json", "xlsx"):
            out = f"declaration-{lang}.{suffix}"
            yield Run(f"hds-template-{suffix}-{lang}", ["hds", "template", out, "--lang", lang], writes=[out])
    yield Run("hds-template-bad", ["hds", "template", "declaration.txt"])
    yield Run("hds-check-bad-date", ["hds", "check", "Nuage Fictif SAS", "--date", "demain"])
    yield Run("hds-check-bad-service", ["hds", "check", "Nuage Fictif SAS", "--service", "cloud"])
    yield Run("hds-snapshots-json", ["hds", "snapshots", "-f", "json"])
    for listing in sorted(CERTIFICATES.glob("liste-*")):
        for lang in LANGS:
            yield Run(
                f"hds-import-dry-{listing.name}-{lang}",
                ["hds", "import", str(listing), "--dry-run", "--date", "2026-11-30", "--lang", lang],
            )
    yield Run(
        "hds-import-csv",
        [
            "hds",
            "import",
            str(CERTIFICATES / "liste-exemple.csv"),
            "--date",
            "2026-11-30",
            "--source",
            "https://example.test/liste",
        ],
    )
    yield Run(
        "hds-import-csv-again",
        [
            "hds",
            "import",
            str(CERTIFICATES / "liste-exemple.csv"),
            "--date",
            "2026-11-30",
            "--source",
            "https://example.test/liste",
        ],
    )
    yield Run(
        "hds-import-json",
        ["hds", "import", str(CERTIFICATES / "liste-exemple.json"), "--date", "2026-12-01", "-f", "json"],
    )
    yield Run(
        "hds-import-malformed-keep",
        ["hds", "import", str(CERTIFICATES / "liste-malformee.csv"), "--keep-valid", "--date", "2026-12-02"],
    )
    yield Run("hds-snapshots-after-import", ["hds", "snapshots"])
    yield Run("hds-check-after-import", ["hds", "check", "Nuage Fictif SAS", "--date", "2026-12-01"])
    yield Run("review-after-import", ["review", str(PACS), "--lang", "en"])


def _batch_runs(work: Path) -> Iterator[Run]:
    """The batch fills the default register (in VENDORCHECK_HOME), which the register commands read."""
    folder, results = work / "fournisseurs", work / "resultats"
    yield Run(
        "batch",
        ["batch", str(folder), "-o", str(results), "--jobs", "1"],
        setup=_suppliers,
        writes=[f"resultats/{name}" for name in EXPORTS],
    )
    yield Run("batch-again", ["batch", str(folder), "-o", str(results), "--jobs", "1"])
    for lang in LANGS:
        yield Run(f"register-list-{lang}", ["register", "list", "--lang", lang])
        yield Run(f"register-list-wide-{lang}", ["register", "list", "--wide", "--lang", lang])
        yield Run(f"register-list-json-{lang}", ["register", "list", "--lang", lang, "-f", "json"])
        for supplier in ("Armor Imagerie", "Agenda en ligne", "Stratavault B.V.", "Personne"):
            yield Run(f"register-show-{supplier}-{lang}", ["register", "show", supplier, "--lang", lang])
        yield Run(
            f"register-export-{lang}",
            ["register", "export", "-o", f"export-{lang}", "--lang", lang],
            writes=[f"export-{lang}/{name}" for name in EXPORTS],
        )
        yield Run(f"register-recheck-{lang}", ["register", "recheck", "--lang", lang, "--today", "2026-12-01"])
    yield Run("register-list-db", ["register", "list", "--db", str(work / "home" / "registre.sqlite")])
    yield Run("register-missing", ["register", "list", "--db", str(work / "absent.sqlite")])
    yield Run("batch-not-a-folder", ["batch", str(PACS)])


def _word_contracts(work: Path) -> dict[str, Path]:
    """Word contracts to annotate: the shipped one, and (as python-docx writes them) the PACS sample
    weakened in its Word numbering, the weak SaaS terms and the English DPA."""
    from tests.docx_contracts import python_docx, weakened_pacs

    folder = work / "docx"
    folder.mkdir(exist_ok=True)
    made = {
        "pacs-weakened.docx": weakened_pacs(),
        WEAK.with_suffix(".docx").name: python_docx(WEAK.read_text(encoding="utf-8")),
        DPA.with_suffix(".docx").name: python_docx(DPA.read_text(encoding="utf-8")),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {PACS.with_suffix(".docx").name: PACS.with_suffix(".docx")} | {name: folder / name for name in made}


def _redline_runs(work: Path) -> Iterator[Run]:
    contracts = _word_contracts(work)
    for name, path in contracts.items():
        for lang in LANGS:
            out = f"redline-{Path(name).stem}-{lang}.docx"
            yield Run(
                f"addendum-redline-{name}-{lang}",
                ["addendum", str(path), "--redline", "-o", out, "--lang", lang],
                writes=[out],
            )
    docx_sample = str(PACS.with_suffix(".docx"))
    yield Run("addendum-redline-not-word", ["addendum", str(WEAK), "--redline", "-o", "x.docx"])
    yield Run("addendum-redline-no-output", ["addendum", docx_sample, "--redline"])
    yield Run("addendum-redline-md", ["addendum", docx_sample, "--redline", "-f", "md", "-o", "x.docx"])


def _word_suppliers(work: Path) -> None:
    """A folder of Word contracts: one supplier with the weak SaaS terms, the shipped PACS contract loose."""
    folder = work / "word"
    (folder / "Agenda en ligne").mkdir(parents=True, exist_ok=True)
    contracts = _word_contracts(work)
    shutil.copy(contracts[WEAK.with_suffix(".docx").name], folder / "Agenda en ligne")
    shutil.copy(PACS.with_suffix(".docx"), folder)


def _suppliers(work: Path) -> None:
    """A practice's folder: two suppliers with their documents, a loose contract, an unreadable file."""
    folder = work / "fournisseurs"
    (folder / "Armor Imagerie").mkdir(parents=True, exist_ok=True)
    (folder / "Agenda en ligne").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACS, folder / "Armor Imagerie" / PACS.name)
    shutil.copy(DECLARATIONS / "armor-imagerie-coherente.yaml", folder / "Armor Imagerie" / "declaration.yaml")
    shutil.copy(WEAK, folder / "Agenda en ligne" / WEAK.name)
    shutil.copy(BAD / "corrupt.pdf", folder / "Agenda en ligne" / "annexe.pdf")
    shutil.copy(DPA, folder / DPA.name)


def _bad_rules(work: Path) -> None:
    folder = work / "bad-rules"
    folder.mkdir(exist_ok=True)
    text = (ROOT / "rules" / "GDPR-33-2.yaml").read_text(encoding="utf-8")
    (folder / "GDPR-33-2.yaml").write_text(text.replace("severity:", "severite:", 1), encoding="utf-8")
    (folder / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")


def _json_review(path: Path) -> None:
    from typer.testing import CliRunner

    from vendorcheck.cli.main import app

    result = CliRunner().invoke(app, ["review", str(WEAK), "-f", "json"])
    path.write_text(result.stdout, encoding="utf-8")


# -- running and normalising ---------------------------------------------------------------------


def run_all(out: Path, corpus: Path | None, only: str | None) -> int:
    from typer.testing import CliRunner

    from vendorcheck.cli.main import app

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vc-compare-") as scratch:
        work = Path(scratch)
        home = work / "home"
        env = {
            "VENDORCHECK_HOME": str(home),
            "XDG_DATA_HOME": str(home),
            "XDG_CACHE_HOME": str(work / "cache"),
            "COLUMNS": "100",
            "NO_COLOR": "1",
            "TERM": "dumb",
        }
        os.environ.update(env)
        os.environ.pop("VENDORCHECK_DB", None)
        previous = Path.cwd()
        os.chdir(work)
        count = 0
        try:
            for run in runs(work, corpus):
                if only and not re.search(only, run.name):
                    continue
                if run.setup:
                    run.setup(work)
                result = CliRunner().invoke(app, run.args, env=env)
                text = [
                    f"$ vendorcheck {' '.join(run.args)}",
                    f"exit: {result.exit_code}",
                    "--- stdout",
                    result.stdout,
                    "--- stderr",
                    result.stderr,
                ]
                if result.exception and not isinstance(result.exception, SystemExit):
                    text += ["--- exception", f"{type(result.exception).__name__}: {result.exception}"]
                for pattern in run.writes:
                    found = sorted(work.glob(pattern)) if "*" in pattern else [work / pattern]
                    for written in found or [work / pattern]:
                        text += [f"--- file {written.relative_to(work)}", file_text(written)]
                (out / f"{safe(run.name)}.txt").write_text(normalise("\n".join(text), work), encoding="utf-8")
                count += 1
        finally:
            os.chdir(previous)
    return count


def file_text(path: Path) -> str:
    if not path.exists():
        return "(not written)"
    if path.suffix == ".docx":
        return redline_text(path) if "redline" in path.name or "annote" in path.name else docx_text(path)
    if path.suffix == ".xlsx":
        return xlsx_text(path)
    return path.read_text(encoding="utf-8")


def docx_text(path: Path) -> str:
    """The document's text in body order (paragraphs with their style, table rows), and its properties."""
    import docx

    document = docx.Document(str(path))
    lines = []
    for block in document.element.body:
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, document)
            lines.append(f"[{paragraph.style.name}] {paragraph.text}")
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            lines += ["| " + " | ".join(cell.text for cell in row.cells) + " |" for row in table.rows]
    props = document.core_properties
    lines.append(f"(title: {props.title}; subject: {props.subject}; language: {props.language})")
    lines += [f"(footer) {p.text}" for section in document.sections for p in section.footer.paragraphs]
    return "\n".join(lines)


def redline_text(path: Path) -> str:
    """A Word contract with tracked changes: each paragraph (with its style) with {+inserted+} and
    [-deleted-] text and its comment marks, then the comments."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{w}body")
        names = package.namelist()
        comments = etree.fromstring(package.read("word/comments.xml")) if "word/comments.xml" in names else None
    lines = []
    for paragraph in body.iter(f"{w}p"):
        pieces: list[list[str]] = []
        for element in paragraph.iter(f"{w}t", f"{w}delText", f"{w}tab", f"{w}commentReference"):
            if element.tag == f"{w}commentReference":
                pieces.append(["", f"<comment {element.get(f'{w}id')}>"])
                continue
            changes = [a.tag for a in element.iterancestors(f"{w}ins", f"{w}del")]
            kind = "+" if f"{w}ins" in changes else "-" if changes or element.tag == f"{w}delText" else ""
            text = "\t" if element.tag == f"{w}tab" else element.text or ""
            if pieces and pieces[-1][0] == kind:
                pieces[-1][1] += text
            else:
                pieces.append([kind, text])
        text = "".join("{+" + t + "+}" if k == "+" else "[-" + t + "-]" if k == "-" else t for k, t in pieces)
        properties = paragraph.find(f"{w}pPr")
        style, marks = "", ""
        if properties is not None:
            style_element = properties.find(f"{w}pStyle")
            style = style_element.get(f"{w}val") if style_element is not None else ""
            mark = properties.find(f"{w}rPr")
            if mark is not None and mark.find(f"{w}ins") is not None:
                marks += " (+¶)"
            if mark is not None and mark.find(f"{w}del") is not None:
                marks += " (-¶)"
            if properties.find(f"{w}pPrChange") is not None:
                marks += " (properties changed)"
        lines.append(f"[{style}]{marks} {text}")
    for comment in comments if comments is not None else []:
        said = " / ".join("".join(t.text or "" for t in p.iter(f"{w}t")) for p in comment.iter(f"{w}p"))
        lines.append(f"comment {comment.get(f'{w}id')} by {comment.get(f'{w}author')}: {said}")
    return "\n".join(lines)


def xlsx_text(path: Path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"## {sheet.title}")
        for row in sheet.iter_rows():
            values = ["" if c.value is None else str(c.value) for c in row]
            fills = [c.fill.fgColor.rgb for c in row if c.fill and c.fill.fill_type]
            lines.append("\t".join(values) + (f"\t(fills: {' '.join(map(str, fills))})" if fills else ""))
    return "\n".join(lines)


def normalise(text: str, work: Path) -> str:
    for path in {str(work), str(work.resolve())}:
        text = text.replace(path, "<WORK>")
    text = text.replace(str(ROOT), "<ROOT>")
    text = re.sub(r"/tmp/[\w./-]*vc-compare-\w+", "<WORK>", text)
    today = date.today()
    months_fr = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()
    months_en = ("January February March April May June July August September October November December").split()
    for shown in (
        today.isoformat(),
        today.strftime("%d/%m/%Y"),
        f"{today.day} {months_fr[today.month - 1]} {today.year}",
        f"{months_en[today.month - 1]} {today.day}, {today.year}",
    ):
        text = text.replace(shown, "<TODAY>")
    text = re.sub(r"<TODAY>[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?", "<NOW>", text)
    text = re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?", "<DATETIME>", text)
    text = re.sub(r"\b\d+[.,]\d+ ?s\b", "<SECONDS> s", text)
    text = re.sub(r"— \d+ s \(", "— <SECONDS> s (", text)  # a batch under a second: "0 s"
    text = re.sub(r'"seconds": [\d.e-]+', '"seconds": <SECONDS>', text)
    text = re.sub(r"\b\d:\d{2}:\d{2}\b", "<H:MM:SS>", text)
    return text


def safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)


def compare(before: Path, after: Path) -> int:
    """Print a unified diff per file that differs; the number of files that differ."""
    names = sorted({p.name for p in before.glob("*.txt")} | {p.name for p in after.glob("*.txt")})
    differing = 0
    for name in names:
        old, new = before / name, after / name
        if not old.exists() or not new.exists():
            print(f"only in {'after' if new.exists() else 'before'}: {name}")
            differing += 1
            continue
        a, b = old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")
        if a != b:
            differing += 1
            sys.stdout.writelines(
                difflib.unified_diff(
                    a.splitlines(keepends=True), b.splitlines(keepends=True), f"before/{name}", f"after/{name}", n=1
                )
            )
            print()
    print(f"{len(names)} outputs compared, {differing} differ")
    return differing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="folder for this run's outputs (default: a temporary folder)")
    parser.add_argument("--compare", type=Path, metavar="DIR", help="diff this run against a saved run")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=ROOT.parent / "shared" / "corpus",
        help="labelled corpus for `eval` (skipped when absent)",
    )
    parser.add_argument("--only", help="regular expression: run only the commands whose name matches")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="vc-outputs-"))
    count = run_all(out.resolve(), args.corpus, args.only)
    print(f"{count} commands run, outputs in {out}")
    if args.compare:
        return 1 if compare(args.compare, out) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
