"""Document structure: sections and clauses from their numbering, and the document's language."""

from __future__ import annotations

import re

from vendorcheck.models import Language, Section

_KEYWORD = (
    r"article|art\.|clause|section|annexe|annex|appendix|schedule|chapitre|chapter|titre|"
    r"exhibit|partie|part"
)
_NUMBER = r"(?:\d+(?:\.\d+)*|[IVXLC]+|premier|1er|[A-Z])"
# Every run is possessive (*+, ++): a line of 50,000 spaces is read once, never re-split between runs.
# "1\\." is a number escaped by a Markdown converter.
_MARKUP = r"[\s*_>|]*+"
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]++(.*)$")
_KEYWORD_HEADING = re.compile(
    rf"^{_MARKUP}(?P<kw>{_KEYWORD})\s++(?P<num>{_NUMBER})\b\\?\.?\s*+(?P<sep>[-:.)–—]?)\s*+(?P<title>.*)$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^[\s*_]*+(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:\\?[.)]\s*+|\s++)(?P<title>[A-ZÀ-Ý(«\"'“].*)$")
_TITLE_CHARS = 90

_FR_WORDS = frozenset(
    "le la les des du une est sont dans pour par avec sur ou au aux que qui ne pas ses "
    "son sa cette ces être donc leur leurs afin lorsque".split()
)
_EN_WORDS = frozenset(
    "the of and to is are in for by with on or that which shall will be its this these "
    "their such any from under".split()
)


def split_sections(text: str) -> list[Section]:
    """Headings in reading order; each section runs until the next one at the same or a higher level.

    The level comes from the numbering when there is one ("Article 5" and "5" are 1, "5.2" is 2), so
    the Markdown, DOCX and PDF renderings of one contract get the same sections; an unnumbered
    Markdown heading takes its number of "#".
    """
    heads: list[tuple[int, str | None, str, int]] = []  # (start, number, title, level)
    offset = 0
    for line in text.splitlines(keepends=True):
        head = _heading(line.rstrip("\n"))
        if head:
            heads.append((offset, *head))
        offset += len(line)
    sections = []
    for i, (start, number, title, level) in enumerate(heads):
        end = next((s for s, _, _, lv in heads[i + 1 :] if lv <= level), len(text))
        sections.append(Section(number=number, title=title, level=level, start=start, end=end))
    return sections


def is_heading(line: str) -> bool:
    """Whether a line opens a section (used to keep it on its own line when unwrapping PDF text)."""
    return _heading(line) is not None


def _heading(line: str) -> tuple[str | None, str, int] | None:
    md = _MD_HEADING.match(line)
    if md and md.group(2).strip(" \t#"):
        inner = md.group(2).rstrip(" \t#").strip("*_ ")
        # Already a heading by its markup: the keyword only has to carry a number.
        numbered = _KEYWORD_HEADING.match(inner) or _NUMBERED.match(inner)
        if numbered:
            number = _number_of(numbered)
            return number, _short(inner), _level(number)
        return None, _short(inner), len(md.group(1))
    # A numbered paragraph ("2.1 Le présent contrat...") is a clause, however long; a long line that
    # starts with a keyword is a sentence citing an article.
    numbered = (_keyword_heading(line) if len(line) < 200 else None) or _NUMBERED.match(line)
    if numbered:
        number = _number_of(numbered)
        return number, _short(line.strip("*_ >|")), _level(number)
    return None


def _keyword_heading(line: str) -> re.Match[str] | None:
    """ "Article 5 – Objet", "ANNEXE 2", "Clause 7.7." — but not a wrapped line that starts with
    "article 21 restant due" nor a sentence like "Section 5 shall apply"."""
    match = _KEYWORD_HEADING.match(line)
    if not match or not match.group("kw")[0].isupper():
        return None
    title = match.group("title")
    if not match.group("sep") and title[:1].islower():
        return None
    return match


def _level(number: str) -> int:
    return 1 + number.split()[-1].count(".")


def _number_of(match: re.Match[str]) -> str:
    num = match.group("num")
    groups = match.groupdict()
    return f"{groups['kw'].capitalize()} {num}" if groups.get("kw") else num


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= _TITLE_CHARS else title[: _TITLE_CHARS - 1].rstrip() + "…"


def detect_language(text: str) -> Language:
    """French or English by function-word counts over the first 20,000 characters."""
    words = re.findall(r"[a-zà-ÿ]+", text[:20000].lower())
    fr = sum(w in _FR_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    return "en" if en > fr else "fr"
