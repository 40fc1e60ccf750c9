"""The few facts of a contract a declaration is compared with, each with the quote it comes from:
hosting countries and sites, transfers outside the EEA, named sub-processors, breach-notification delay."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from vendorcheck.countries import countries_in, in_eea
from vendorcheck.engine.durations import delays_in_hours
from vendorcheck.hds.names import core_key
from vendorcheck.models import Document, Evidence
from vendorcheck.text import fold

_HOSTING = re.compile(
    r"heberg(?:e|ee|es|ees|ement|er)\b|hosted|hosting|stock|stored|storage|data ?cent|"
    r"centres? de donnees|datacenter|localis|located|site (?:principal|de secours)|"
    r"lieux? de traitement|sauvegard|backup|processing location|server"
)
_TRANSFER = re.compile(
    r"transf[eé]r|hors de l'union|hors (?:de l')?(?:ue|eee)|outside (?:the )?(?:eu|eea|european)|"
    r"pays tiers|third[- ]countr|acces a distance depuis|remote access from"
)
_NEGATION = re.compile(
    r"\baucune?\b|\bne\s+(?:\w+\s+){0,3}(?:pas|jamais)\b|\bn'(?:est|a|ont|sont)\b[^.]{0,40}"
    r"\bpas\b|interdit|prohib|\bno transfers?\b|\bshall not\b|"
    r"\bwill not\b|\bmay not\b|\bnot (?:be )?transferr|n/a \(no transfer\)|\bsans transfert\b"
)
_SUBJECT = re.compile(r"violation|breach|incident")
_NOTIFY = re.compile(r"notif|inform|signal|alert|previen|avertit|notify|report")
_SUBPROCESSOR_HEADER = re.compile(r"sous-traitant|sub-?processor|prestataire|subcontractor")
# Processors that contracts name without a list entry; the snapshot's hosts are added at run time.
WELL_KNOWN_PROVIDERS = (
    "Amazon Web Services",
    "AWS",
    "Microsoft Azure",
    "Google Cloud",
    "OVHcloud",
    "OVH",
    "Scaleway",
    "Outscale",
    "Salesforce",
    "Twilio",
    "Mailjet",
    "Brevo",
    "Sendinblue",
    "Cloudflare",
    "Zendesk",
    "Intercom",
    "Stripe",
    "Oracle Cloud",
    "IBM Cloud",
    "Hetzner",
)


class CountryMention(BaseModel):
    country: str
    quote: Evidence


class Mention(BaseModel):
    name: str
    quote: Evidence


class ContractFacts(BaseModel):
    hosting: list[CountryMention] = Field(default_factory=list, description="Countries in hosting sentences")
    outside_eea: list[CountryMention] = Field(
        default_factory=list, description="Non-EEA countries in hosting or transfer sentences"
    )
    transfer_bans: list[Evidence] = Field(default_factory=list, description="Sentences that rule out transfers")
    sub_processors: list[Mention] = Field(default_factory=list, description="Names in a sub-processor table")
    providers: list[Mention] = Field(default_factory=list, description="Known processors named anywhere")
    breach_hours: float | None = None
    breach_quote: Evidence | None = None


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences: table rows and list items are their own sentences; prose splits at '. X'."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for stop in re.finditer(r"[.;!?](?=\s+[A-Z«(\"“])", line.group(0)):
            spans.append((start, line.start() + stop.end()))
            start = line.start() + stop.end()
        spans.append((start, line.end()))
    return [(s, e) for s, e in ((_skip_blank(text, s, e), e) for s, e in spans) if e - s > 2]


def _skip_blank(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t|>*#-•":
        start += 1
    return start


def contract_facts(document: Document, providers: list[str]) -> ContractFacts:
    text = document.text
    facts = ContractFacts()
    for start, end in sentences(text):
        folded = fold(text[start:end])
        hosting, transfer = bool(_HOSTING.search(folded)), bool(_TRANSFER.search(folded))
        negated = bool(_NEGATION.search(folded))
        if transfer and negated:
            facts.transfer_bans.append(document.quote(start, end))
        for _, _, code in countries_in(text[start:end]) if hosting or transfer else ():
            mention = CountryMention(country=code, quote=document.quote(start, end))
            if hosting and in_eea(code):
                facts.hosting.append(mention)
            elif not in_eea(code) and not negated:
                facts.outside_eea.append(mention)
        _breach(document, facts, start, end, folded)
    facts.sub_processors = _table_names(document)
    facts.providers = _providers(document, providers)
    return facts


def _breach(document: Document, facts: ContractFacts, start: int, end: int, folded: str) -> None:
    """The shortest delay in a sentence about notifying a breach (an 'incident' only if no breach sentence
    gives one: contracts often set a shorter delay for security incidents than for data breaches)."""
    subject = _SUBJECT.search(folded)
    if not subject or not _NOTIFY.search(folded):
        return
    delays = delays_in_hours(folded)
    if not delays:
        return
    # What the sentence is about is the first of the words: "tout Incident …, même en l'absence de Violation"
    # is about incidents.
    is_breach = subject.group(0) != "incident"
    current = _SUBJECT.search(fold(facts.breach_quote.quote)) if facts.breach_quote else None
    current_is_breach = bool(current) and current.group(0) != "incident"
    if (
        facts.breach_hours is None
        or (is_breach and not current_is_breach)
        or (is_breach == current_is_breach and min(delays) < facts.breach_hours)
    ):
        facts.breach_hours = min(delays)
        facts.breach_quote = document.quote(start, end)


def _table_names(document: Document) -> list[Mention]:
    """First-column names of a table whose header mentions sub-processors (Markdown pipes or tabs)."""
    text = document.text
    names: list[Mention] = []
    in_table = False
    for line in re.finditer(r"[^\n]+", text):
        cells = [c for c in re.split(r"\||\t", line.group(0))]
        if len([c for c in cells if c.strip()]) < 2:
            in_table = False
            continue
        first = next(c for c in cells if c.strip())
        if _SUBPROCESSOR_HEADER.search(fold(first)) and not in_table:
            in_table = True
            continue
        if in_table and not re.fullmatch(r"[\s:-]+", first):
            name = re.split(r"\s*\(|\s+-\s+|,", first.strip())[0].strip(" *_")
            offset = line.start() + line.group(0).index(name)
            names.append(Mention(name=name, quote=document.quote(offset, offset + len(name))))
    return names


def _providers(document: Document, providers: list[str]) -> list[Mention]:
    """Known processors named in the contract (word-boundary match, accents and case folded)."""
    folded = fold(document.text)
    found: dict[str, Mention] = {}
    for name in dict.fromkeys([*WELL_KNOWN_PROVIDERS, *providers]):
        key = fold(name)
        if len(core_key(name)) < 3:
            continue
        match = re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", folded)
        if match and core_key(name) not in found:
            found[core_key(name)] = Mention(name=name, quote=document.quote(match.start(), match.end()))
    return list(found.values())
