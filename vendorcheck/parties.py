"""Who signs: the controller (the practice) and the processor (the vendor) named in a contract's preamble.

Contracts name their parties in a few fixed shapes, tried in this order:
  1. a block "Entre … ci-après « le Client » … et … ci-après « le Prestataire »" (EN "between … and …");
  2. label lines "Le Prestataire : Nuage Fictif SAS";
  3. a provider clause "proposées par X" / "provided by X" (terms of service name only the vendor);
  4. an opening alias "X (ci-après « X »), éditeur…, propose…" / "X (“X”) offers…".
Generic designations ("the Customer", "toute personne physique ou morale") and template placeholders are
not names: they only tell which role the other party has. A SIREN is kept only when written in the party's
own description and its check digit holds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from vendorcheck.hds.identifiers import only_digits, siren_valid
from vendorcheck.hds.names import LEGAL_FORMS, fold
from vendorcheck.models import Document, Evidence, Party

PREAMBLE_CHARS = 6000
_CONTROLLER_TERMS = {"client", "cabinet", "responsable de traitement", "responsable du traitement", "customer",
                     "controller", "data controller", "etablissement", "praticien", "medecin", "souscripteur",
                     "abonne", "licensee", "rt", "utilisateur", "user", "you", "vous"}
_PROCESSOR_TERMS = {"prestataire", "fournisseur", "hebergeur", "sous-traitant", "sous traitant", "editeur",
                    "titulaire", "processor", "data processor", "provider", "service provider", "vendor",
                    "supplier", "contractor", "st", "nous", "we"}
_GENERIC = _CONTROLLER_TERMS | _PROCESSOR_TERMS | {
    "clients", "customers", "users", "personne", "responsable", "structure", "administration", "partie",
    "party", "subscriber", "signataire", "entity", "organisation", "organization", "other"}
_DETERMINERS = {"the", "a", "an", "any", "each", "le", "la", "les", "l", "un", "une", "toute", "tout", "tous",
                "chaque", "ledit", "ladite", "des"}
_DESIGNATIONS = {"la", "le", "l", "the", "societe", "company", "entreprise", "association", "ste"}
_CONNECTORS = {"de", "des", "du", "d", "la", "le", "les", "l", "et", "and", "of", "the", "von", "van", "der", "y"}
_MAX_LOWERCASE_RUN = 3  # "Cabinet de radiologie des Quatre Vents", not "Clever Cloud pour son utilisation…"
# Words that end a name even inside a short lowercase run ("SCALINGO under the Agreement").
_NAME_STOPS = {"under", "by", "for", "with", "to", "in", "on", "at", "from", "into", "as", "is", "are", "pour",
               "par", "avec", "sur", "dans", "chez", "a", "au", "aux", "en", "que", "qui", "est", "sont", "selon"}

_QUOTED = r"[«“\"]\s*(?:\*\*_?|_)?\s*(?P<term>[^»”\"*_\n]{1,60}?)\s*(?:_?\*\*|_)?\s*[»”\"]"
_TERM = re.compile(r"(?:ci-?\s?apr[eè]s|hereinafter|hereafter)[^«“\"\n]{0,40}?" + _QUOTED, re.IGNORECASE)
_PAREN_TERM = re.compile(r"\(\s*(?:(?:ci-?\s?apr[eè]s|hereinafter)[^«“\"\n)]{0,30}?)?(?:the\s+)?" + _QUOTED
                         + r"(?:\s*(?:or|ou|,)\s*[«“\"][^»”\"]{1,40}[»”\"])*\s*\)", re.IGNORECASE)
_ALL_QUOTED = re.compile(_QUOTED)
_SIREN = re.compile(r"(?:siren|siret|rcs|registre du commerce[^0-9\n]{0,60}?|num[ée]ro)\D{0,25}?"
                    r"(?P<v>\d{3}[\s\u00a0.]?\d{3}[\s\u00a0.]?\d{3}(?:[\s\u00a0.]?\d{5})?)(?!\d)", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:entre(?:\s+les\s+soussign[ée]s)?|between)\b[\s:*_]*", re.IGNORECASE)
_SPLITS = (  # where the first party's description ends, most reliable first
    re.compile(r"\n\s*(?:\*\*)?\s*(?:et|and)\s*:?\s*(?:\*\*)?\s*:?\s*\n", re.IGNORECASE),
    re.compile(r"(?<=[)»”\"])\s*,?\s+(?:et|and)\s+", re.IGNORECASE),
    re.compile(r",\s+(?:et|and)\s+", re.IGNORECASE),
    re.compile(r"\s+(?:et|and)\s+", re.IGNORECASE),
)
_LABEL = re.compile(r"^[ \t>*_-]*(?:le |la |l['’])?(?P<label>prestataire|client|fournisseur|h[ée]bergeur|"
                    r"sous-traitant|responsable (?:de|du) traitement|cabinet|[ée]diteur|titulaire|customer|"
                    r"provider|processor|controller|vendor|supplier)[ \t*_]*:[ \t]*", re.IGNORECASE | re.MULTILINE)
_PROVIDED_BY = re.compile(r"\b(?:propos[ée]e?s?|[ée]dit[ée]e?s?|fournie?s?|exploit[ée]e?s?|provided|offered|"
                          r"operated|published)\s+(?:par|by)\s+", re.IGNORECASE)
_PROVIDER_CUE = re.compile(r"\b(?:propose|[ée]diteur|[ée]dite|fournit|exploite|offers|provides|operates)\b",
                           re.IGNORECASE)
_TOKEN = re.compile(r"«[^»\n]{1,60}»|[\w'’.&-]+|[^\w\s]")


class _Found(NamedTuple):
    span: tuple[int, int] | None  # None: a generic designation ("the Customer") with only a role
    role: str
    siren: str | None


def extract_parties(document: Document) -> list[Party]:
    """The named parties of the preamble, controller first; each with the quote of its name."""
    text = document.text[:PREAMBLE_CHARS]
    found = _complete_roles(_between(text) or _labels(text))
    if not any(f.span and f.role == "processor" for f in found):
        found = _complete_roles(found + (_opening_alias(text) or _provider_clause(text)))
    parties: list[Party] = []
    for item in found:
        if item.span is None:
            continue
        start, end = _expand_alias(text, *item.span)
        name = document.text[start:end]
        if any(fold(p.name) == fold(name) for p in parties):
            continue
        siren = item.siren or _siren(text[end:end + 500] if (start, end) != item.span else "")
        parties.append(Party(name=name, role=item.role, siren=siren, evidence=_evidence(document, start, end)))
    return sorted(parties, key=lambda p: {"controller": 0, "processor": 1}.get(p.role, 2))


def _between(text: str) -> list[_Found]:
    """The 'Entre … et …' / 'between … and …' block, split into two descriptions."""
    for match in _BETWEEN.finditer(text):
        start = match.end()
        end = _block_end(text, start)
        for pattern in _SPLITS:
            result = _split(text, start, end, pattern)
            if result:
                return result
    return []


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[_Found]:
    for split in pattern.finditer(text, start, end):
        right_start = split.end()
        if not _opens_party(text, right_start):
            continue
        right_end = _sentence_end(text, right_start, end)
        parts = [_describe(text, start, split.start()), _describe(text, right_start, right_end)]
        named = [p for p in parts if p and p.span]
        roles = [p.role for p in parts if p]
        # A real parties block names someone and says, by a term or a generic designation, who is who.
        if named and len([p for p in parts if p]) == 2 and any(r != "unknown" for r in roles):
            return [p for p in parts if p]
        return []
    return []


def _block_end(text: str, start: int) -> int:
    heading = re.search(r"\n#+\s|\n\s*(?:article\b|pr[ée]ambule|whereas|1\.\s|ceci expos[ée])", text[start:],
                        re.IGNORECASE)
    return start + heading.start() if heading else len(text)


def _sentence_end(text: str, start: int, end: int) -> int:
    stop = re.search(r"\.\s*(?:\n|$)|\.\s+[A-Z]|\n\s*\n\s*(?:\*\*)?d'autre part", text[start:end])
    return start + stop.end() if stop else end


def _opens_party(text: str, pos: int) -> bool:
    """The text after 'et'/'and' starts a party: a name, or a determiner ('the customer', 'you')."""
    head = text[pos:pos + 40].lstrip(" \t\n*_:")
    word = re.match(r"[\w'’]+", head)
    return bool(word) and (head[:1].isupper() or head[:1].isdigit() or fold(word.group(0)) in _DETERMINERS
                           | {"you", "vous", "chaque"})


def _describe(text: str, start: int, end: int) -> _Found | None:
    """One party description: the name that opens it (or a generic designation), its terms, its SIREN."""
    segment = text[start:end]
    terms = [m.group("term") for m in (*_TERM.finditer(segment), *_PAREN_TERM.finditer(segment))]
    if re.search(r"en (?:tant que|qualit[ée] de) sous-traitant|as (?:a |the )?(?:data )?processor", segment,
                 re.IGNORECASE):
        terms.append("sous-traitant")
    span = _name_at(text, start, end)
    if span is None:
        generic = _generic_role(segment)
        if generic is None:
            return None
        return _Found(None, _role(terms) if terms else generic, None)
    return _Found(span, _role(terms), _siren(segment))


def _labels(text: str) -> list[_Found]:
    found = []
    for match in _LABEL.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        span = _name_at(text, match.end(), line_end)
        if span:
            found.append(_Found(span, _role([match.group("label")]), _siren(text[match.end():line_end])))
    return found


def _provider_clause(text: str) -> list[_Found]:
    for match in _PROVIDED_BY.finditer(text):
        span = _name_at(text, match.end(), len(text))
        if span:
            return [_Found(span, "processor", _siren(text[span[1]:span[1] + 400]))]
    return []


def _opening_alias(text: str) -> list[_Found]:
    """'Clever Cloud SAS (ci-après « Clever Cloud »), éditeur…, propose…': a name and alias followed by
    what the vendor offers, in terms of service that never say 'between'."""
    for match in _PAREN_TERM.finditer(text):
        span = _name_before(text, match.start())
        after = text[match.end():match.end() + 200]
        if span and _PROVIDER_CUE.search(after) and _role([match.group("term")]) != "controller":
            return [_Found(span, "processor", _siren(after))]
    return []


def _name_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the proper name opening text[start:end]: a bold run, or capitalised words with short
    lowercase links and legal forms. None for a generic designation or a placeholder."""
    pos = start
    while pos < end and text[pos] in " \t\n*_:>-":
        if text.startswith("**", pos) or text.startswith("__", pos):
            close = text.find(text[pos:pos + 2], pos + 2, end)
            if close > 0:
                return _trim_name(text, pos + 2, close)
        pos += 1
    tokens = list(_TOKEN.finditer(text, pos, end))
    # "la société Exemplum Cloud SAS", "the company Nimbus Ltd": the designation is not part of the name.
    while tokens and fold(tokens[0].group(0)) in _DESIGNATIONS and len(tokens) > 1 \
            and (fold(tokens[1].group(0)) in _DESIGNATIONS or tokens[1].group(0)[:1].isupper()):
        tokens = tokens[1:]
    if tokens and fold(tokens[0].group(0)) in {"le", "la", "l", "the"} and len(tokens) > 1 \
            and tokens[1].group(0)[:1].isupper():
        if fold(tokens[1].group(0)) in _GENERIC:
            return None  # "the Customer", "le Client"
        tokens = tokens[1:]
    if not tokens or not (tokens[0].group(0)[:1].isupper() or tokens[0].group(0)[:1].isdigit()):
        return None
    last = tokens[0].end()
    lowercase = 0
    for previous, token in zip(tokens, tokens[1:], strict=False):
        if "\n" in text[previous.end():token.start()]:
            break
        word = token.group(0)
        if word.startswith("«") or word[:1].isupper() or word[:1].isdigit() or _is_legal_form(word):
            last, lowercase = token.end(), 0
        elif word[:1].isalpha() and lowercase < _MAX_LOWERCASE_RUN and fold(word) not in _NAME_STOPS:
            lowercase += 1
        else:
            break
    return _trim_name(text, tokens[0].start(), last)


def _trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in " _*":
        start += 1
    while end > start and text[end - 1] in " _*,":
        end -= 1
    last_word = re.search(r"[\w.]+$", text[start:end])
    if text[end - 1:end] == "." and not (last_word and _is_legal_form(last_word.group(0))):
        end -= 1  # a sentence's full stop, not "B.V." or "Inc."
    # "GitHub, Inc." / "Retool Inc.": keep a legal form that follows a comma (written as one: "Inc", "SAS").
    tail = re.match(r",\s*([A-Z][A-Za-z.]{1,11})(?=[\s,()]|$)", text[end:end + 20])
    if tail and _is_legal_form(tail.group(1)):
        end += tail.end()
    name = text[start:end]
    if "{{" in name or len(name) > 100 or not _looks_like_name(name):
        return None
    return start, end


def _is_legal_form(word: str) -> bool:
    return fold(word).replace(".", "") in LEGAL_FORMS


def _looks_like_name(name: str) -> bool:
    words = re.findall(r"[\w'’-]+", fold(name))
    had_determiner = bool(words) and words[0] in _DETERMINERS
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words:
        return False
    # "Cabinet de radiologie des Quatre Vents" is a name; "Cabinet" or "the Customer" is not.
    return not (words[0] in _GENERIC and (had_determiner or len(words) == 1))


def _generic_role(segment: str) -> str | None:
    words = re.findall(r"[\w'’-]+", fold(segment[:80]))
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words:
        return None
    return _role([words[0]]) if _role([words[0]]) != "unknown" else (
        "controller" if words[0] in {"personne", "customers", "clients", "users", "responsable"} else None)


def _role(terms: list[str]) -> str:
    for term in terms:
        key = re.sub(r"^(?:le|la|l'|the)\s*", "", fold(term).strip())
        if key in _CONTROLLER_TERMS:
            return "controller"
        if key in _PROCESSOR_TERMS:
            return "processor"
    return "unknown"


def _complete_roles(found: list[_Found]) -> list[_Found]:
    """Two parties with one role known: the other has the other role. A lone named party in terms of
    service is the vendor: the customer is 'you' or 'le Client'."""
    known = {f.role for f in found} - {"unknown"}
    if len(found) == 2 and len(known) == 1:
        other = "processor" if known == {"controller"} else "controller"
        return [f if f.role != "unknown" else f._replace(role=other) for f in found]
    if len(found) == 1 and found[0].role == "unknown":
        return [found[0]._replace(role="processor")]
    return found


def _expand_alias(text: str, start: int, end: int) -> tuple[int, int]:
    """'between Jottacloud and you' where the text says 'Jotta AS (“Jottacloud”)': use the legal name."""
    name = fold(text[start:end])
    for match in _PAREN_TERM.finditer(text):
        terms = [fold(m.group("term")) for m in _ALL_QUOTED.finditer(match.group(0))]
        if name in terms:
            span = _name_before(text, match.start())
            if span and fold(text[span[0]:span[1]]) != name:
                return span
    return start, end


def _name_before(text: str, paren: int) -> tuple[int, int] | None:
    """The longest name that ends right before an opening parenthesis, on the same line."""
    line_start = max(text.rfind("\n", 0, paren) + 1, paren - 80)
    for token in _TOKEN.finditer(text, line_start, paren):
        if not token.group(0)[:1].isupper():
            continue
        span = _name_at(text, token.start(), paren)
        if span and not text[span[1]:paren].strip(" *_"):
            return span
    return None


def _siren(segment: str) -> str | None:
    for match in _SIREN.finditer(segment):
        digits = only_digits(match.group("v"))
        if siren_valid(digits[:9]):
            return digits[:9]
    return None


def _evidence(document: Document, start: int, end: int) -> Evidence:
    section = document.section_at(start)
    return Evidence(quote=document.text[start:end], start=start, end=end, page=document.location(start),
                    line=document.line(start), section=section.label if section else None)
