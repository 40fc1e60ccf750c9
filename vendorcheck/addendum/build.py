"""From a Review to the Addendum model: one article per gap, framed by parties, precedence and annexes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from vendorcheck.addendum.library import ClauseLibrary
from vendorcheck.addendum.model import Addendum, Annex, Article, Replaced
from vendorcheck.addendum.settings import AddendumDetails, PartyDetails, default_term
from vendorcheck.i18n import format_number, label, location, t
from vendorcheck.models import Finding, Language, Party, Status
from vendorcheck.review import Review

# Reading order of the clauses: Art. 28(3) as the GDPR lists it (description, instructions, people,
# security, sub-processing, assistance, end of contract, audits), then CSP R.1111-11 in its own order.
CLAUSE_ORDER = (
    "GDPR-28-3-INTRO",
    "GDPR-28-3-a",
    "GDPR-28-3-LAST",
    "GDPR-28-3-a-TRANSFER",
    "GDPR-28-3-b",
    "GDPR-28-3-c",
    "GDPR-28-2",
    "GDPR-28-4",
    "GDPR-28-3-e",
    "GDPR-28-3-f",
    "GDPR-33-2",
    "GDPR-28-3-h",
    "GDPR-28-3-g",
    "CSP-R1111-11-1",
    "CSP-R1111-11-2",
    "CSP-R1111-11-3",
    "CSP-R1111-11-5",
    "CSP-R1111-11-6",
    "CSP-R1111-11-7",
    "CSP-R1111-11-8",
    "CSP-R1111-11-9",
    "CSP-R1111-11-10",
    "CSP-R1111-11-11",
    "CSP-R1111-11-12-14",
)
# Reviews cut quotes at 400 characters, at a word boundary (engine.evidence.MAX_QUOTE, not imported:
# it would load spaCy just to read a saved JSON review); a quote this long was most likely cut.
LONGEST_WHOLE_QUOTE = 380
_CLAUSE_NUMBER = re.compile(r"^(?:(?:article|art\.|clause|section)\s+)?\d+(?:\.\d+)*", re.IGNORECASE)
ANNEXES = ("annex-processing", "annex-security", "annex-subprocessors")  # Annexes 1, 2, 3, as clauses cite them

LABELS = ("article", "annex", "legal_basis", "page")  # the words every writer prints (`addendum.label.*`)
PARTY_FIELDS = ("legal_form", "siren", "address", "representative", "contact")


def compose(
    review: Review,
    *,
    lang: Language = "fr",
    details: AddendumDetails | None = None,
    library: ClauseLibrary | None = None,
) -> Addendum:
    """The addendum for a review: one article per requirement that is missing, partial or non-compliant.

    review (Review): the contract's review.
    lang (str): language of the addendum, independent of the review's.
    details (AddendumDetails): parties, contract and terms; missing facts become fill-in fields.
    library (ClauseLibrary): the clause templates (shipped ones by default).
    RETURNS (Addendum): the document, ready for any writer.
    """
    details = details or AddendumDetails()
    library = library or ClauseLibrary()
    library.check(lang)
    context = clause_context(review, details, lang)

    def part(name: str, **extra: Any):  # noqa: ANN202 - a Part
        return library.render(lang, name, {**context, **extra})

    gaps = sorted(review.violations, key=reading_order)
    numbered: list[Article] = []
    for name in ("object", "precedence"):
        frame = part(name)
        numbered.append(Article(number=0, title=frame.title or "", body=frame.body))
    numbered += [clause_article(review, finding, lang, library, context) for finding in gaps]
    final = part("final")
    numbered.append(Article(number=0, title=final.title or "", body=final.body))
    articles = [a.model_copy(update={"number": i}) for i, a in enumerate(numbered, start=1)]

    title, preamble = part("title", clauses=len(gaps)), part("preamble", clauses=len(gaps))
    annexes = [
        Annex(number=i, title=(p := part(name)).title or "", body=p.body) for i, name in enumerate(ANNEXES, start=1)
    ]
    return Addendum(
        lang=lang,
        title=title.title or "",
        subtitle=title.body,
        parties=part("parties").body,
        preamble_title=preamble.title or "",
        preamble=preamble.body,
        articles=articles,
        closing=part("closing").body,
        signatures=part("signatures").body,
        annexes=annexes,
        labels={key: t(f"addendum.label.{key}", lang) for key in LABELS},
    )


def clause_article(
    review: Review, finding: Finding, lang: Language, library: ClauseLibrary, context: dict[str, Any]
) -> Article:
    """The article fixing one finding: the rendered clause, its citation, and the stipulations it replaces."""
    replaced = _replaced(review, finding, lang)
    lead = None
    if replaced:
        lead = library.render(
            lang, "replaces", {**context, "status": finding.status.value, "count": len(replaced)}
        ).body
    if not library.has(lang, finding.requirement):
        # A rule added after this library was written (or a custom --rules pack): the article is kept,
        # as a fill-in field carrying the rule's own advice, rather than silently dropped.
        return Article(
            number=0,
            title=finding.title,
            citation=finding.citation,
            requirement=finding.requirement,
            status=finding.status,
            lead=lead,
            replaced=replaced,
            body=f"[{finding.advice or finding.message}]",
        )
    clause = library.render(lang, finding.requirement, {**context, "finding": finding.model_dump(mode="json")})
    citation = clause.citation
    if finding.unverified:  # the rule's legal reference is not confirmed yet: say so where it is cited
        citation = f"{citation} ({label('unverified', lang)})"
    return Article(
        number=0,
        title=clause.title or "",
        citation=citation,
        requirement=finding.requirement,
        status=finding.status,
        lead=lead,
        replaced=replaced,
        body=clause.body,
    )


def _replaced(review: Review, finding: Finding, lang: Language) -> list[Replaced]:
    """The stipulations an article overrides: the quotes behind a contradiction or a weakened clause."""
    if finding.status not in (Status.non_compliant, Status.partial):
        return []
    out: list[Replaced] = []
    seen: set[tuple[int, int]] = set()
    for evidence in finding.evidence:
        if (evidence.start, evidence.end) in seen:  # a sentence raising two flags is quoted once
            continue
        seen.add((evidence.start, evidence.end))
        quote = " ".join(evidence.quote.split())
        section = _section_label(evidence.section, quote)
        where = location(review.document.unit, evidence.page, evidence.line, lang)
        if section:
            where = f"{where}, {section}" if where else section
        if evidence.end - evidence.start >= LONGEST_WHOLE_QUOTE:  # the review cut a long sentence: show it
            quote += " […]"
        out.append(Replaced(quote=quote, where=where))
    return out


def _section_label(section: str | None, quote: str) -> str | None:
    """The section to cite beside a quote; a numbered clause whose heading is the quoted sentence itself
    ("2.5 Types of data: …") is cited by its number only, rather than repeating the quote."""
    if not section:
        return None
    heading = " ".join(section.rstrip("…").split())
    if not quote.startswith(heading[:40]):
        return section
    number = _CLAUSE_NUMBER.match(heading)
    return number.group(0) if number else None


def reading_order(finding: Finding) -> tuple[int, str]:
    """Art. 28(3) in the GDPR's order, then CSP R.1111-11; rules outside the list come last, by id."""
    rank = CLAUSE_ORDER.index(finding.requirement) if finding.requirement in CLAUSE_ORDER else len(CLAUSE_ORDER)
    return rank, finding.requirement


def clause_context(
    review: Review, details: AddendumDetails, lang: Language, *, standalone: bool = True
) -> dict[str, Any]:
    """The variables every template sees. `standalone` is False when the clauses are written into the
    vendor's own contract (the redline), where there is no addendum nor its annexes to refer to."""
    controller = _party(details.controller, review.parties, "controller", lang)
    processor = _party(details.processor, review.parties, "processor", lang)
    contract = details.contract.model_dump()
    contract["date"] = format_date(details.contract.date, lang) if details.contract.date else None
    contract = {k: v or t(f"addendum.placeholder.contract.{k}", lang) for k, v in contract.items()}
    terms = details.terms.model_dump()
    terms = {k: default_term(k, lang) if v is None else v for k, v in terms.items()}
    if details.terms.incident_referent is None and details.controller and details.controller.contact:
        terms["incident_referent"] = details.controller.contact
    terms["availability"] = format_number(details.terms.availability_percent, lang)
    return {
        "lang": lang,
        "health_data": review.health_data,
        "controller": controller,
        "processor": processor,
        "contract": contract,
        "t": terms,
        "document": review.document.name,
        "standalone": standalone,
    }


def _party(given: PartyDetails | None, found: list[Party], role: str, lang: Language) -> dict[str, str]:
    """The --parties file wins (the lawyer typed it); else what the review found in the contract; else
    fill-in fields. The two sources are not mixed: a SIREN found in the contract may be another entity's."""
    view = {key: getattr(given, key, None) or t(f"addendum.placeholder.party.{key}", lang) for key in PARTY_FIELDS}
    if given is not None:
        return {**view, "name": given.name}
    extracted = next((p for p in found if p.role == role), None)
    view["name"] = extracted.name if extracted else t(f"addendum.placeholder.name.{role}", lang)
    if extracted and extracted.siren:
        view["siren"] = extracted.siren
    return view


def format_date(value: dt.date, lang: Language) -> str:
    """'1er mars 2025' / '1 March 2025', independent of the machine's locale."""
    from babel.dates import get_month_names

    day = t("addendum.first_day", lang) if value.day == 1 else str(value.day)
    return t(
        "addendum.date", lang, day=day, month=get_month_names("wide", locale=lang)[value.month], year=str(value.year)
    )
