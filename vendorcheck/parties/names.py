"""Reading a company name in running text, and telling a name from what only looks like one.

A name opens with a capital (or a digit), may hold short lowercase links ("Cabinet de radiologie des Quatre
Vents") and ends with its legal form ("GitHub, Inc."). What is not a name: a generic designation ("the
Customer"), a sentence fragment ("… that references this DPA and governs …"), a country ("Switzerland"), an
acronym of the text ("IP", "DPA"), a template placeholder ("{{company.name}}", "[NOM]", "____").
"""

from __future__ import annotations

import re

from vendorcheck.hds.names import LEGAL_FORMS
from vendorcheck.parties.roles import GENERIC, is_generic
from vendorcheck.text import fold

DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "any",
        "each",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "toute",
        "tout",
        "tous",
        "chaque",
        "ledit",
        "ladite",
        "des",
        "this",
        "ce",
        "cette",
    }
)
_DESIGNATIONS = {"la", "le", "l", "the", "societe", "company", "entreprise", "association", "ste"}
CONNECTORS = frozenset(
    {
        "de",
        "des",
        "du",
        "d",
        "la",
        "le",
        "les",
        "l",
        "et",
        "and",
        "of",
        "the",
        "von",
        "van",
        "der",
        "y",
        "&",
        "für",
        "fur",
    }
)
# Names of public bodies and practices are written with lowercase words: "Direction interministérielle du
# numérique", "Cabinet de radiologie des Quatre Vents", "Groupement d'intérêt public …".
_INSTITUTIONS = frozenset(
    """
    gip gie groupement direction ministere agence cabinet societe association centre institut caisse syndicat
    federation office etablissement commission conseil universite hopital clinique maison fondation mutuelle
    laboratoire departement region communaute service
""".split()
)
_MAX_LOWERCASE_RUN = 3  # "Cabinet de radiologie des Quatre Vents", not "Clever Cloud pour son utilisation…"
# Words that end a name even inside a short lowercase run ("SCALINGO under the Agreement").
_NAME_STOPS = {
    "under",
    "by",
    "for",
    "with",
    "to",
    "in",
    "on",
    "at",
    "from",
    "into",
    "as",
    "is",
    "are",
    "pour",
    "par",
    "avec",
    "sur",
    "dans",
    "chez",
    "a",
    "au",
    "aux",
    "en",
    "que",
    "qui",
    "est",
    "sont",
    "selon",
}
# Abbreviations contracts define for themselves or for the law: never a company.
_TEXT_ACRONYMS = frozenset(
    """
    dpa gdpr rgpd eee eea ue eu usa uk scc sccs cct ccs cnil ans anssi hds sla api saas iaas paas cgu cgv cgvu cu
    dpo dpd rssi ip it tos tou pii phi rgs snc iso soc cjue cjeu lpd fadp ccpa hipaa edpb cepd ai ia pdf url www
    faq kyc mfa sso ssl tls vpn cpu gpu crm erp rh hr pme sas sarl sa ltd inc llc gmbh
""".split()
)
# Words that open a sentence or a clause, never a company name ("If Customer …", "Lorsque le Client …").
_OPENERS = frozenset(
    """
    if when where whereas while to in for under upon although unless after before by with from as at on each any
    all such subject notwithstanding following pursuant during including provided until si lorsque quand pour dans
    en sous par afin chaque tout toute tous toutes selon sauf outre apres avant avec conformement lors des au aux
    sont est il elle ils elles nous vous on ce cet cette ces son sa ses leur leurs notre votre which that who
    whom whose qui que dont ou entre between et and
""".split()
)
_NATIONALITIES = frozenset(
    {
        "europeenne",
        "europeen",
        "european",
        "francaise",
        "francais",
        "french",
        "communautaire",
        "americain",
        "american",
        "irlandaise",
        "irish",
        "allemande",
        "german",
        "suisse",
        "swiss",
    }
)
_ADDRESS = re.compile(
    r"\b\d{4,5}\b|\b(?:rue|quai|avenue|av|boulevard|bd|allee|place|chemin|route|impasse|cours|street|"
    r"road|floor|suite|cedex|bp)\b"
)
# Blanks of a model contract: "{{company.name}}", "[NOM DU CLIENT]", "<nom>", "______", "XXX", "[●]". A
# Markdown link "[texte](url)", a footnote "[1]" and an HTML tag are not blanks.
PLACEHOLDER = re.compile(
    r"\{\{|\}\}|\[(?=[^\]\n]*[^\W\d_]{2})[^\]\n]{2,40}\](?!\()|_{3,}|\.{4,}|…{2,}|\bX{3,}\b|●|"
    r"<(?!/?(?:a|b|i|u|p|br|li|ul|ol|td|tr|th|div|span|em|strong|table|sup|sub|h\d)\b)"
    r"[^\W\d_][\w '’.-]{1,30}>"
)
TOKEN = re.compile(r"«[^»\n]{1,60}»|[\w'’.&-]+|[^\w\s]")


def name_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the proper name opening text[start:end]: a bold run, or capitalised words with short
    lowercase links and legal forms. None for a generic designation or a placeholder."""
    pos = start
    while pos < end and text[pos] in " \t\n*_:>-":
        if text.startswith("**", pos) or text.startswith("__", pos):
            close = text.find(text[pos : pos + 2], pos + 2, end)
            if close > 0:
                return trim_name(text, pos + 2, close)
        pos += 1
    tokens = list(TOKEN.finditer(text, pos, end))
    # "la société Exemplum Cloud SAS", "the company Nimbus Ltd": the designation is not part of the name.
    while (
        tokens
        and fold(tokens[0].group(0)) in _DESIGNATIONS
        and len(tokens) > 1
        and (fold(tokens[1].group(0)) in _DESIGNATIONS or tokens[1].group(0)[:1].isupper())
    ):
        tokens = tokens[1:]
    if (
        tokens
        and fold(tokens[0].group(0)) in {"le", "la", "l", "the"}
        and len(tokens) > 1
        and tokens[1].group(0)[:1].isupper()
    ):
        if fold(tokens[1].group(0)) in GENERIC:
            return None  # "the Customer", "le Client"
        tokens = tokens[1:]
    if (
        not tokens
        or not (tokens[0].group(0)[:1].isupper() or tokens[0].group(0)[:1].isdigit())
        or fold(tokens[0].group(0)) in _OPENERS
    ):
        return None
    last = tokens[0].end()
    lowercase = 0
    institution = fold(tokens[0].group(0)) in _INSTITUTIONS
    for previous, token in zip(tokens, tokens[1:], strict=False):
        if "\n" in text[previous.end() : token.start()] or _ends_sentence(previous.group(0)):
            break
        word = token.group(0)
        if word.startswith("«") or word[:1].isupper() or word[:1].isdigit() or is_legal_form(word):
            last, lowercase = token.end(), 0
        elif word[:1].isalpha() and lowercase < _MAX_LOWERCASE_RUN and fold(word) not in _NAME_STOPS:
            lowercase += 1
            # An institution's name may end in lowercase words: "GIP Plateforme de l'inclusion".
            if institution and _closes_name(text, token.end()):
                last, lowercase = token.end(), 0
        else:
            break
    return trim_name(text, tokens[0].start(), last)


def _closes_name(text: str, position: int) -> bool:
    return re.match(r"[ \t]*(?:[,;:()»”\"]|\.(?:\s|$)|$|\n)", text[position : position + 3]) is not None


def trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in " _*":
        start += 1
    while end > start and text[end - 1] in " _*,":
        end -= 1
    last_word = re.search(r"[\w.]+$", text[start:end])
    if text[end - 1 : end] == "." and not (last_word and is_legal_form(last_word.group(0))):
        end -= 1  # a sentence's full stop, not "B.V." or "Inc."
    # "GitHub, Inc." / "Retool Inc.": keep a legal form that follows a comma (written as one: "Inc", "SAS").
    tail = re.match(
        r",\s*([A-Z][A-Za-z.]{1,11})(?=[\s,()]|$)(?!\s+(?:au|with|whose|dont|having|[àa])\b)", text[end : end + 30]
    )
    if tail and is_legal_form(tail.group(1)):
        end += tail.end()
    name = text[start:end]
    if PLACEHOLDER.search(name) or len(name) > 100 or not _looks_like_name(name):
        return None
    if text[max(0, start - 1) : start] in ("[", "{", "<") or text[end : end + 1] in ("]", "}", ">"):
        return None  # the inside of a blank: "[PROVIDER NAME]"
    return start, end


def name_before(text: str, position: int, *, vendor_like: bool = False) -> tuple[int, int] | None:
    """The longest name that ends right before `position` on the same line ("Clever Cloud SAS (…"). With
    `vendor_like`, the longest that can be a company's name: the subject of "Customer and GitHub agree that
    Customer is …" is no one, that of "… FOR WHICH SCALINGO IS …" is 'SCALINGO'."""
    line_start = max(text.rfind("\n", 0, position) + 1, position - 80)
    for token in TOKEN.finditer(text, line_start, position):
        if not token.group(0)[:1].isupper():
            continue
        span = name_at(text, token.start(), position)
        if span and not text[span[1] : position].strip(" *_,"):
            if not vendor_like:
                return span
            # "… of Relevant Personal Data and Retool is a Processor": the subject is the last conjunct.
            last_and = max(text.rfind(" and ", *span), text.rfind(" et ", *span))
            if last_and >= 0:
                span = (text.index(" ", last_and + 1) + 1, span[1])
            if vendor_name_problem(text[span[0] : span[1]]) is None:
                return span
    return None


def _ends_sentence(word: str) -> bool:
    """'DPA.' ends a sentence; 'B.V.', 'Inc.' and an initial 'J.' do not."""
    return word.endswith(".") and not is_legal_form(word) and len(word.rstrip(".")) > 1 and "." not in word[:-1]


def is_legal_form(word: str) -> bool:
    """'SAS', 'S.A.S.', 'GmbH', 'Inc.'; never a lowercase word ('as', 'se', 'sa' are words of the text)."""
    return word[:1].isupper() and fold(word).replace(".", "") in LEGAL_FORMS


def has_legal_form(name: str) -> bool:
    return any(is_legal_form(word) for word in re.findall(r"[\w.]+", name))


def _looks_like_name(name: str) -> bool:
    words = re.findall(r"[\w'’-]+", fold(name))
    had_determiner = bool(words) and words[0] in DETERMINERS
    while words and words[0] in DETERMINERS:
        words = words[1:]
    if not words:
        return False
    # "Cabinet de radiologie des Quatre Vents" is a name; "Cabinet" or "the Customer" is not.
    return not (words[0] in GENERIC and (had_determiner or len(words) == 1))


def vendor_name_problem(name: str) -> str | None:
    """Why `name` cannot be a vendor's name ('generic', 'place', 'acronym', 'fragment', 'placeholder'), or
    None when it can. Used on every candidate before it is reported."""
    from vendorcheck.countries import is_place_name

    if PLACEHOLDER.search(name):
        return "placeholder"
    words = re.findall(r"[\w'’&-]+", name)
    if (
        not words
        or is_generic(name)
        or all(fold(w) in GENERIC | DETERMINERS | CONNECTORS or is_legal_form(w) for w in words)
    ):
        return "generic"
    if is_place_name(name) or fold(name).strip() in _NATIONALITIES:
        return "place"
    if _ADDRESS.search(fold(name)):
        return "address"
    letters = re.sub(r"[^\w]", "", name)
    if fold(letters) in _TEXT_ACRONYMS or (letters.isupper() and len(letters) <= 3 and not has_legal_form(name)):
        return "acronym"
    if _is_fragment(words):
        return "fragment"
    return None


_ELISION = re.compile(r"^[dl]['’]")


def _is_fragment(words: list[str]) -> bool:
    """A piece of sentence rather than a name: too long, a clause word inside it ("… FOR WHICH …"), or a
    lowercase word that neither follows a link ("Plateforme de l'inclusion") nor belongs to an
    institution's name ("Direction interministérielle du numérique")."""
    if len(words) > 8:
        return True
    folded = [fold(w) for w in words]
    if any(
        f in _OPENERS and f not in CONNECTORS and not is_legal_form(w)
        for w, f in zip(words[1:], folded[1:], strict=True)
    ):
        return True
    if folded[0] in _INSTITUTIONS:
        return False
    for index, (word, key) in enumerate(zip(words, folded, strict=True)):
        after_link = index > 0 and (folded[index - 1] in CONNECTORS or _ELISION.match(key) is not None)
        if word[:1].islower() and key not in CONNECTORS and not _ELISION.match(key) and not after_link:
            return True
    return False
