"""The sentences of the HDS check: reasons, verdict labels, headline and source line, from the catalogues.

A reason is stored with its text in both languages (`Reason.fr`, `Reason.en`): an assessment is kept in
the register and in JSON reports, and read back in either language without the code that made it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from vendorcheck.hds.models import HdsVerdict, Reason
from vendorcheck.i18n import LANGUAGES, Message, format_date, location, message, t
from vendorcheck.models import Language, LocationUnit

if TYPE_CHECKING:
    from vendorcheck.hds.models import HdsAssessment

# The verdict each reason leads to (`hds.reason.<code>` in the catalogues); other reasons only explain.
LEADS_TO: dict[str, HdsVerdict] = {
    "vendor_unidentified": HdsVerdict.vendor_unidentified,
    "ambiguous": HdsVerdict.ambiguous,
    "not_found": HdsVerdict.not_found,
    "hosted_at_host": HdsVerdict.hosted_at_hds_host_but_vendor_uncertified,
    "issuer_not_accredited": HdsVerdict.issuer_not_accredited,
    "expired": HdsVerdict.expired,
    "claim_expired": HdsVerdict.expired,
    "expiring_soon": HdsVerdict.expiring_soon,
    "validity_unknown": HdsVerdict.validity_unknown,
    "entity_related": HdsVerdict.entity_mismatch,
    "siren_conflict": HdsVerdict.entity_mismatch,
    "claim_entity": HdsVerdict.entity_mismatch,
    "certificate_of_other_entity": HdsVerdict.entity_mismatch,
    "activities_insufficient": HdsVerdict.activities_insufficient,
    "chain_uncovered": HdsVerdict.activities_insufficient,
    "chain_via_host": HdsVerdict.partially_certified,
    "product_not_covered": HdsVerdict.product_not_covered,
    "outdated_referential": HdsVerdict.outdated_referential,
    "certificate_number_unknown": HdsVerdict.claim_inconsistent,
    "claim_number_differs": HdsVerdict.claim_inconsistent,
    "claim_activities_exceed": HdsVerdict.claim_inconsistent,
    "claim_dates_differ": HdsVerdict.claim_inconsistent,
    "invented_activities": HdsVerdict.claim_inconsistent,
    "legacy_agrement": HdsVerdict.claim_inconsistent,
    "subcontractor_uncertified": HdsVerdict.subcontractor_uncertified,
    "identifier_unusable": HdsVerdict.invalid_identifier,
    "activities_partial": HdsVerdict.partially_certified,
    "declarations_conflict": HdsVerdict.claim_inconsistent,
}


def reason(code: str, **values: object) -> Reason:
    """A Reason in both languages. Numbers are written the language's way (and `count` picks plurals);
    dates, activity numbers, lists and Messages are written per language by `written`."""
    texts = {
        lang: t(f"hds.reason.{code}", lang, **{k: written(v, lang) for k, v in values.items()}) for lang in LANGUAGES
    }
    return Reason(code=code, **texts)


def written(value: object, lang: Language) -> Any:
    """A parameter as a reason shows it: a date numerically, a list of activity numbers in words
    ('les activités 1 à 4'), a list joined by commas, a Message or a bilingual data item in `lang`."""
    if isinstance(value, date):
        return format_date(value, lang, style=t("format.date_numeric", lang))
    if isinstance(value, list | tuple | set) and all(isinstance(v, int) for v in value):
        return describe(list(value), lang)
    if isinstance(value, Message) or hasattr(value, "text"):
        return value.text(lang)  # type: ignore[union-attr]
    if isinstance(value, list):
        return ", ".join(str(written(v, lang)) for v in value)
    return value


def describe(numbers: list[int], lang: Language) -> str:
    """'l'activité 5', 'les activités 1 à 4', 'les activités 1, 3 et 5' (or 'activity 5', ...)."""
    numbers = sorted(set(numbers))
    if not numbers:
        return t("hds.activities.none", lang)
    if len(numbers) == 1:
        return t("hds.activities.one", lang, number=str(numbers[0]))
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
        return t("hds.activities.range", lang, first=str(numbers[0]), last=str(numbers[-1]))
    return t("hds.activities.list", lang, head=", ".join(map(str, numbers[:-1])), last=str(numbers[-1]))


def verdict_of(reasons: list[Reason]) -> HdsVerdict:
    """The worst verdict any reason leads to; certified when none does."""
    verdicts = [LEADS_TO[r.code] for r in reasons if r.code in LEADS_TO]
    return min(verdicts, key=lambda v: v.rank, default=HdsVerdict.certified)


def verdict_message(verdict: HdsVerdict, *, partial_list: bool = False) -> Message:
    """The verdict in a few words. Absence from a partial list proves nothing: it reads « vérifier la
    certification », not « absent de la liste »."""
    key = "not_found_partial" if verdict is HdsVerdict.not_found and partial_list else verdict.value
    return message(f"hds.verdict.{key}")


def verdict_label(verdict: HdsVerdict, lang: Language, *, partial_list: bool = False) -> str:
    return verdict_message(verdict, partial_list=partial_list).text(lang)


def status(assessment: HdsAssessment) -> Message:
    """'certifié HDS (fin de validité 02/02/2028)': a host's verdict inside a sentence about it."""
    label = verdict_message(assessment.verdict, partial_list=assessment.snapshot_partial)
    if assessment.expiry_date:
        return message("hds.status_until", label=label, until=assessment.expiry_date)
    return message("hds.status", label=label)


def headline(assessment: HdsAssessment, lang: Language) -> str:
    """'Certifié HDS — Clever Cloud SAS (liste du 23/11/2026)'."""
    text = t(
        "hds.headline",
        lang,
        label=verdict_message(assessment.verdict, partial_list=assessment.snapshot_partial),
        who=assessment.entry.legal_entity if assessment.entry else assessment.query,
        date=assessment.snapshot_date,
    )
    if assessment.inconsistencies:
        text += t("hds.inconsistencies", lang, count=len(assessment.inconsistencies))
    return text


def reason_lines(assessment: HdsAssessment, lang: Language, unit: LocationUnit = "line") -> list[str]:
    """The reasons, then each inconsistency with its quote located in the contract (`unit`: what its
    pages count), then the source line every verdict cites."""
    lines = [r.text(lang) for r in assessment.reasons]
    for item in assessment.inconsistencies:
        line = item.reason.text(lang)
        for quote in item.contract[:2]:
            line += t(
                "hds.quoted",
                lang,
                quote=" ".join(quote.quote.split()),
                where=location(unit, quote.page, quote.line, lang),
            )
        lines.append(line)
    lines.append(source_line(assessment, lang))
    return lines


def source_line(assessment: HdsAssessment, lang: Language) -> str:
    return t(
        "hds.source", lang, source=assessment.source, snapshot=assessment.snapshot_id, date=assessment.snapshot_date
    )
