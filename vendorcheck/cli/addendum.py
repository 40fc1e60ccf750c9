"""`vendorcheck addendum FILE`: the addendum (avenant) fixing every gap of a contract, for the lawyer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from vendorcheck.cli.common import LangOption, handle_errors, stderr
from vendorcheck.cli.ocr import OcrOption, OcrOutputOption, ingest_options, page_progress

Format = Literal["docx", "md", "html"]
_BY_SUFFIX: dict[str, Format] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


@handle_errors
def addendum(
    source: Annotated[Path, typer.Argument(
        help="Contrat (PDF, DOCX, TXT, Markdown, scan ou photo), analysé d'abord, ou rapport JSON produit par "
             "« vendorcheck review --format json ».")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Fichier à écrire (obligatoire en DOCX ; en md/html, l'écran par défaut).")] = None,
    lang: LangOption = "fr",
    parties: Annotated[Path | None, typer.Option(
        "--parties", help="Fichier YAML : parties, contrat modifié, délais et lieux (modèle : samples/parties.yaml).")
    ] = None,
    clauses: Annotated[Path | None, typer.Option(
        "--clauses", help="Dossier de modèles de clauses (fr/, en/) remplaçant ceux livrés de même nom.")] = None,
    format: Annotated[Format | None, typer.Option(
        "--format", "-f", help="docx, md ou html ; par défaut d'après l'extension de --output, sinon docx.")] = None,
    health_data: Annotated[bool, typer.Option(
        "--health-data/--no-health-data",
        help="Le fournisseur héberge des données de santé (clauses CSP R.1111-11) ; sans effet sur un rapport JSON.")
    ] = True,
    ocr: OcrOption = None,
    ocr_output: OcrOutputOption = None,
    redline: Annotated[bool, typer.Option(
        "--redline", help="Annote le contrat Word (DOCX) du fournisseur lui-même : clauses insérées et stipulations "
                          "barrées en suivi des modifications, un commentaire citant la loi sur chacune.")] = False,
) -> None:
    """Rédige l'avenant : une clause par exigence absente, partielle ou contredite, prête à relire dans Word."""
    from vendorcheck.addendum import AddendumDetails, ClauseLibrary, compose, write
    from vendorcheck.addendum.sources import review_source
    from vendorcheck.errors import OptionError
    from vendorcheck.files import check_output

    if redline:
        _redline(source, output, lang, parties, clauses, format, health_data)
        return
    fmt: Format = format or (_BY_SUFFIX.get(output.suffix.lower(), "docx") if output else "docx")
    if fmt == "docx" and output is None:
        raise OptionError(detail="indiquez le fichier Word à écrire avec -o avenant.docx (ou --format md|html)")
    if output is not None:
        check_output(output)
    # Settings and templates first: a typo there must not wait for a review of several seconds.
    details = AddendumDetails.resolve(parties)
    library = ClauseLibrary(clauses)
    library.check(lang)
    with page_progress(stderr, lang):
        review = review_source(source, health_data=health_data, lang=lang, ingest=ingest_options(ocr, ocr_output))
    document = compose(review, lang=lang, details=details, library=library)
    content = write(document, fmt)
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
    else:
        output.write_bytes(content)
    stderr.print(_summary(document, output, lang), markup=False, highlight=False, soft_wrap=True)


def _summary(document, output: Path | None, lang: str) -> str:  # noqa: ANN001 - an Addendum
    clauses = document.clauses
    replacing = sum(1 for a in clauses if a.replaced)
    fields = len(document.fill_in_fields())
    if lang == "en":
        head = f"Addendum written to {output}: " if output else "Addendum: "
        text = f"{head}{len(clauses)} clause(s), {replacing} replacing contract terms; {fields} field(s) to fill in."
        return text if clauses else text + " No gap found: only the framework articles were drafted."
    head = f"Avenant écrit dans {output} : " if output else "Avenant : "
    text = (f"{head}{len(clauses)} clause(s), dont {replacing} remplaçant des stipulations ; "
            f"{fields} champ(s) à compléter.")
    return text if clauses else text + " Aucun écart : seuls les articles de cadre ont été rédigés."


def _redline(source: Path, output: Path | None, lang: Literal["fr", "en"], parties: Path | None,
             clauses: Path | None, fmt: str | None, health_data: bool) -> None:
    from vendorcheck.addendum.redline import check_docx, redline_docx
    from vendorcheck.errors import FileMissing, OptionError
    from vendorcheck.i18n import t

    if output is None or (fmt or "docx") != "docx":
        raise OptionError(detail=t("redline.errors.output", lang))
    if not source.is_file():
        raise FileMissing(source)
    with source.open("rb") as head:
        check_docx(source, head.read(2048))  # a PDF or a scan is refused before it is read whole
    result = redline_docx(source.read_bytes(), name=str(source), lang=lang, parties=parties, clauses_dir=clauses,
                          health_data=health_data)
    output.write_bytes(result.content)
    for note in result.notes:
        stderr.print(note, markup=False, highlight=False, soft_wrap=True)
    summary = t("redline.summary", lang, output=str(output),
                clauses=t("redline.summary_clauses", lang, count=len(result.clauses)),
                struck=t("redline.summary_struck", lang, count=result.struck)) if result.clauses else \
        t("redline.nothing", lang, output=str(output))
    stderr.print(summary, markup=False, highlight=False, soft_wrap=True)
