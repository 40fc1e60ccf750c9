"""The clause structure the engine judges in: the reading view of a text, each sentence's kind and lead-in,
and the clause (section, list with its lead-in, table row with its header) around a sentence.

The reading view is the text changed one character for one, so offsets stay those of `Document.text`:
lines that a converter wrapped (even with a blank line between the pieces) are joined, links and template
blanks (`[●]`, `____`, `<nom>`, `{{client}}`) are blanked so that their words never match a rule.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

from vendorcheck.ingest.cleanup import join_hyphenated_lines_in_place, vocabulary
from vendorcheck.models import Document, Section
from vendorcheck.structure import is_heading
from vendorcheck.text import fold_typography

# A wrapped line: it does not end a sentence and the next piece starts in lower case, or it ends on a
# word that cannot end a sentence ("de", "the"). Possessive runs keep the scan linear.
_WRAP_LOWER = re.compile(r"(?<=[^\s.:;!?|])([ \t]*+\n(?:[ \t]*+\n){0,2}+[ \t]*+)(?=[a-zà-ÿ])")
_WRAP_LINK_WORD = re.compile(
    r"(?i)(?<=\s)(?:de|des|du|la|le|les|et|ou|en|par|pour|sur|dans|avec|au|aux|que|qui|of|the|and|or|to|by|"
    r"for|with|in|on|at|from|a|an|any|such|its|their|this|that)([ \t]*+\n(?:[ \t]*+\n){0,2}+[ \t]*+)(?=\w)"
)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]\"']{1,500}|\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# A template blank together with the hint of what goes in it ("____ (nom, téléphone)"): the hint is no content.
_BLANK_MARK = r"\[[\s●•.…_x*-]{0,20}\]|_{3,}|\.{5,}|…{2,}"
_BLANK = re.compile(
    r"(?:" + _BLANK_MARK + r")(?:[ \t]{0,3}\([^()\n]{0,60}\))?|"
    r"\{\{[^{}\n]{0,80}\}\}|<[a-zA-Zà-ÿ][\w ’'.-]{0,40}>|"
    r"\[(?:insert|insérer|inserer|nom|name|date|adresse|address|à compléter|to be completed)"
    r"[^\]\n]{0,60}\]",
    re.IGNORECASE,
)
# The one-word label of a form field left blank, at a line start or after a separator ("Nom : ____ ;
# Téléphone : [●]"): it names what is missing, not a value. "Référent du Client : ____" keeps its words.
_FIELD_LABEL = re.compile(
    r"(?m)(?:^|(?<=[;,.|(]))[ \t*_-]{0,4}[\w'’-]{2,20}[ \t*_]{0,3}:[ \t*_]{0,3}(?=" + _BLANK_MARK + r")"
)
_ITEM = re.compile(r"^[ \t>]*+(?:[-–•*▪●◦‣]|\(?(?:[a-zA-Z]|\d{1,3}|[ivxIVX]{1,5})[.)]|\d{1,3}(?:\.\d{1,3})+\.?)[ \t]")
_LINE_PREFIX = re.compile(
    r"^[ \t#>*_|]*+(?:(?:article|section|clause|annexe?|appendix|schedule)[ \t]++)?"
    r"(?:[\dIVXivx]{1,4}(?:\.\d{1,3}){0,3}[.)]?[ \t]*+)?[ \t*_]*+$",
    re.IGNORECASE,
)
_TABLE_ROW = re.compile(r"^[ \t]*+\|")
# "X" means …, **X**: désigne …, « X » s'entend de …; unquoted only for a capitalised English term ("Processing
# means"), since « Le Cabinet désigne le Dr X » is a designation, not a definition.
_QUOTED_TERM = r"[\"“«*'‘][^\"”»*\n]{1,80}[\"”»*'’]{1,3}"
_DEFINITION = re.compile(
    r"^[\W\d]{0,12}(?:(?:the |le |la |les |l')?" + _QUOTED_TERM + r"|[A-Z][\w-]{1,30}(?: [A-Z][\w-]{1,30}){0,4})"
    r"\s{0,3}(?:\([^)\n]{0,60}\)\s{0,3})?[:,-]?\s{0,3}(?:means|shall mean|refers to|has the meaning|includes)\b|"
    r"^[\W\d]{0,12}(?:(?:le |la |les |l')?" + _QUOTED_TERM + r")\s{0,3}(?:\([^)\n]{0,60}\)\s{0,3})?[:,-]?\s{0,3}"
    r"(?:d[ée]signe|d[ée]signent|signifie|signifient|s'entend|s’entend|s'entendent|est d[ée]fini)|"
    # « Le terme "X" désigne … », not « Les termes des présentes peuvent être modifiés … »
    r"^[\W\d]{0,12}(?:on entend par\b|par [«\"“]|(?:le terme|les termes)\s{0,3}[«\"“*])",
    re.IGNORECASE,
)
# The opening of a glossary entry: a defined term, quoted or bold or followed by a colon ("**Backup:** …")
_GLOSSARY_ENTRY = re.compile(r"^[\W\d]{0,12}(?:" + _QUOTED_TERM + r"|[^\W\d][\w'’ -]{0,40}[ \t*_]{0,3}:)")
_DEFINITIONS_HEADING = re.compile(r"(?i)\b(?:d[ée]finitions?|interpr[ée]tation|glossaire|glossary|terminolog)")
_FINAL = ".;!?"
HEADING_WORDS = 14  # a line this short, with no final punctuation, is a title rather than a clause
TOPIC_SECTION_SENTENCES = 40  # a section whose heading names the topic is read whole up to this size
GLOSSARY_SENTENCES = 40  # a definitions title outside the outline covers at most this many sentences


class Kind(StrEnum):
    body = "body"
    heading = "heading"  # a title: context for its section, never a commitment
    definition = "definition"  # "X means …" / « X désigne … »: a definition commits no one
    blank = "blank"  # nothing left once links and template blanks are removed
    table_rule = "table_rule"  # the |---| line of a Markdown table


@dataclass
class SentenceInfo:
    kind: Kind
    block: int  # paragraph: sentences of one block follow each other on the same lines
    lead: int | None  # the list lead-in ("The Processor shall:") or the table header of this sentence
    section: int  # index of the innermost section in ClauseMap.sections, -1 outside any
    # in a definitions section without the shape of a definition itself ("X means …"): a sentence there may
    # still be a party's undertaking (« Souveraineté : … Le Prestataire garantit qu'il met en œuvre … »)
    glossary: bool = False


@dataclass
class ClauseMap:
    sections: list[Section]
    section_sentences: list[tuple[int, int]]  # [first, last) sentence of each section
    parents: list[int]  # index of the enclosing section, -1 at the top
    info: list[SentenceInfo]

    def section_chain(self, sentence: int) -> list[int]:
        """Sections around a sentence, innermost first."""
        chain = []
        current = self.info[sentence].section
        while current >= 0:
            chain.append(current)
            current = self.parents[current]
        return chain

    def sentences_in(self, section: int) -> range:
        return range(*self.section_sentences[section])


def reading_view(text: str) -> str:
    """The text the engine reads, one character for one: `len(reading_view(t)) == len(t)`."""
    view = join_hyphenated_lines_in_place(fold_typography(text), vocabulary([text]))
    view = _URL.sub(lambda m: "l" * len(m.group()), view)  # one inert word in place of a link
    view = _FIELD_LABEL.sub(lambda m: " " * len(m.group()), view)
    view = _BLANK.sub(lambda m: " " * len(m.group()), view)
    view = _WRAP_LOWER.sub(_spaces, view)
    view = _WRAP_LINK_WORD.sub(lambda m: m.group()[: m.start(1) - m.start()] + _spaces_for(m.group(1)), view)
    return _blank_cited_titles(view)


# A cross-reference that names the article it cites: « articles « Confidentialité », « Données personnelles » »,
# "Section 11.4 (Opportunity to Object)". The title is a pointer, not a stipulation: a survival clause listing
# « Confidentialité » binds no one to secrecy. Bounded runs keep the scan linear.
_CITING = re.compile(
    r"(?i)\b(?:articles?|sections?|clauses?|paragraphes?|paragraphs?)[ \t]{1,3}+"
    r"(?:n[o°][ \t]?)?(?:[\dIVXivx]{1,4}(?:\.\d{1,3}){0,3}[ \t]{0,3})?"
)
_CITED_TITLE = re.compile(
    r"[ \t]{0,3}(?:[,;]|et|and|ou|or)?[ \t]{0,3}(?:[\dIVXivx]{1,4}(?:\.\d{1,3}){0,3}[ \t]{0,3})?"
    r"(?:[«\"“][ \t\u00a0\u202f]?([^«»\"“”\n]{1,80})[»\"”]|\(([A-Za-zÀ-ÿ][^()\n]{2,80})\))"
)


def _blank_cited_titles(view: str) -> str:
    chars = list(view)
    for head in _CITING.finditer(view):
        first = _CITED_TITLE.match(view, head.end())
        line_end = view.find("\n", head.end())
        if (
            first
            and not view[view.rfind("\n", 0, head.start()) + 1 : head.start()].strip(" \t#*_>|-–.0123456789")
            and not view[first.end() : len(view) if line_end < 0 else line_end].strip(" \t*_:.-–")
        ):
            continue  # "## Article 6 (Sous-traitance)" alone on its line opens that article: a heading
        position = head.end()
        while (title := _CITED_TITLE.match(view, position)) is not None:
            group = 1 if title.group(1) is not None else 2
            for i in range(title.start(group), title.end(group)):
                chars[i] = " "
            position = title.end()
    return "".join(chars)


def _spaces(match: re.Match[str]) -> str:
    return _spaces_for(match.group(1))


def _spaces_for(gap: str) -> str:
    return " " * len(gap)


def clause_map(document: Document, view: str, spans: list[tuple[int, int]]) -> ClauseMap:
    """Kinds, blocks, lead-ins and sections of the sentences `spans` (character offsets, in order)."""
    sections = _usable_sections(document)
    starts = [s for s, _ in spans]
    section_sentences = [
        (bisect.bisect_left(starts, sec.start), bisect.bisect_left(starts, sec.end)) for sec in sections
    ]
    parents = _parents(sections)
    heading_starts = {sec.start for sec in sections}
    definition_sections = {
        i
        for i, sec in enumerate(sections)
        if _DEFINITIONS_HEADING.search(sec.title) and (sec.end - sec.start) < 0.4 * max(1, len(view))
    }
    info: list[SentenceInfo] = []
    innermost = _innermost(sections, parents)
    block = -1
    header: int | None = None  # header row of the current table
    lead: int | None = None  # lead-in of the current list
    question: int | None = None  # the question a Q&A or FAQ answer follows
    glossary_left = 0  # sentences still read as a glossary after a definitions title outside the outline
    for index, (start, end) in enumerate(spans):
        line_start = view.rfind("\n", 0, start) + 1
        at_line_start = bool(_LINE_PREFIX.match(view[line_start:start]))  # but for markup and numbering
        if at_line_start:
            block += 1
        text = view[start:end].strip()
        line_end = view.find("\n", start + len(view[start:end].rstrip()))
        line = view[line_start : len(view) if line_end < 0 else line_end]
        section = innermost(start)
        in_section = (
            section >= 0
            and section in definition_sections
            or any(p in definition_sections for p in _ancestors(section, parents))
        )
        kind = _kind(text, line, at_line_start, line_start in heading_starts, in_section)
        row = at_line_start and bool(_TABLE_ROW.match(line))
        item = at_line_start and bool(_ITEM.match(line)) and line_start not in heading_starts
        # A "Définitions" title the document's outline missed ("##Article 1. Définitions", a bare line) opens a
        # glossary all the same, as long as each new paragraph reads as an entry (a list item, "Term: …",
        # « "X" désigne … ») and up to a bound: a paragraph of another shape is the next clause.
        if kind is Kind.heading:
            glossary_left = GLOSSARY_SENTENCES if _DEFINITIONS_HEADING.search(text) and not in_section else 0
        elif glossary_left > 0 and at_line_start and not (item or _GLOSSARY_ENTRY.match(text)):
            glossary_left = 0
        elif glossary_left > 0:
            glossary_left -= 1
            kind = _kind(text, line, at_line_start, line_start in heading_starts, True)
        this_lead: int | None = None
        if row:
            if kind is Kind.table_rule:
                pass
            elif header is None:
                header = index
            else:
                this_lead = header
        else:
            header = None if at_line_start else header
        if item and lead is not None:
            this_lead = lead
        elif at_line_start and not item and not row:
            lead = None
        if kind is Kind.heading:
            question = None
        elif kind is Kind.body and text.endswith("?") and at_line_start:
            question = index  # "Do you use sub-processors?": the answer below speaks of it
        elif this_lead is None and question is not None:
            this_lead = question
        if kind is Kind.body and text.endswith(":") and not row:
            lead = index  # the next items hang from this lead-in
        glossary = kind is Kind.definition and not _DEFINITION.match(text)
        info.append(SentenceInfo(kind, block, this_lead, section, glossary))
    return ClauseMap(sections, section_sentences, parents, info)


def _kind(text: str, line: str, at_line_start: bool, opens_section: bool, in_definitions: bool) -> Kind:
    if "---" in line and not set(line.strip()) - set("|-: \t"):
        return Kind.table_rule
    if len(re.findall(r"\w{2,}", text)) == 0:
        return Kind.blank
    if in_definitions or _DEFINITION.match(text):
        return Kind.definition
    # the sentence is the whole line but for markup and numbering ("## 3. SUB-PROCESSORS")
    whole_line = (
        at_line_start
        and line.rstrip().endswith(text)
        and bool(_LINE_PREFIX.match(line[: len(line.rstrip()) - len(text)]))
    )
    words = len(text.split())
    if whole_line and line.lstrip().startswith("#") and words <= 2 * HEADING_WORDS:
        return Kind.heading
    if whole_line and opens_section and words <= 2 * HEADING_WORDS and not text.endswith(tuple(_FINAL)):
        return Kind.heading
    if (
        whole_line
        and words <= HEADING_WORDS
        and not text.endswith(tuple(_FINAL + ",:"))
        and not _ITEM.match(line)
        and not _TABLE_ROW.match(line)
        and _title_like(text)
    ):
        return Kind.heading
    return Kind.body


# A verb of obligation or permission makes a short unpunctuated line a wrapped sentence, not a title
# (« Avant la fin du Contrat, l'Utilisateur pourra récupérer ses Données » cut before « Utilisateur »).
_OBLIGATION_VERB = re.compile(
    r"(?i)\b(?:shall|must|may|will|cannot|peut|peuvent|pourra|pourront|doit|doivent|devra|devront|"
    r"s'engage|s'engagent|s’engage|s’engagent)\b"
)


def _title_like(text: str) -> bool:
    """A short unpunctuated line is a title when it starts with a capital, a number or markup and binds no one."""
    stripped = text.lstrip("#*_>|[( ")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit()) and not _OBLIGATION_VERB.search(text)


def _usable_sections(document: Document) -> list[Section]:
    """The document's sections without a title heading that spans most of it and holds the others."""
    length = max(1, len(document.text))
    ordered = sorted(document.sections, key=lambda s: (s.start, s.level))
    return [
        s
        for s in ordered
        if (s.end - s.start) / length <= 0.6 or not any(o is not s and s.start <= o.start < s.end for o in ordered)
    ]


def _parents(sections: list[Section]) -> list[int]:
    parents = []
    stack: list[int] = []
    for index, section in enumerate(sections):
        while stack and not (
            sections[stack[-1]].start <= section.start < sections[stack[-1]].end
            and sections[stack[-1]].level < section.level
        ):
            stack.pop()
        parents.append(stack[-1] if stack else -1)
        stack.append(index)
    return parents


def _ancestors(section: int, parents: list[int]) -> list[int]:
    out = []
    while section >= 0:
        section = parents[section]
        if section >= 0:
            out.append(section)
    return out


def _innermost(sections: list[Section], parents: list[int]):  # noqa: ANN202 - a closure
    starts = [s.start for s in sections]

    def find(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0 and not offset < sections[i].end:
            i = parents[i]
        return i

    return find


__all__ = ["ClauseMap", "Kind", "SentenceInfo", "clause_map", "is_heading", "reading_view"]
