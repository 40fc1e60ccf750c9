"""Document structure: sections and clauses from their numbering, and the document's language."""

from __future__ import annotations

import re

from vendorcheck.models import Language, Section

_KEYWORD = (r"article|art\.|clause|section|annexe|annex|appendix|schedule|chapitre|chapter|titre|"
            r"exhibit|partie|part")
_NUMBER = r"(?:\d+(?:\.\d+)*|[IVXLC]+|premier|1er|[A-Z])"
_MARKUP = r"[\s*_>|]*"
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_KEYWORD_HEADING = re.compile(
    rf"^{_MARKUP}(?P<kw>{_KEYWORD})\s+(?P<num>{_NUMBER})\b\.?\s*[-:.)–—]?\s*(?P<title>.*)$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^[\s*_]*(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:[.)]\s*|\s+)(?P<title>[A-ZÀ-Ýa-zà-ÿ(«\"'].*)$")
_TITLE_CHARS = 90

_FR_WORDS = frozenset("le la les des du une est sont dans pour par avec sur ou au aux que qui ne pas ses "
                      "son sa cette ces être donc leur leurs afin lorsque".split())
_EN_WORDS = frozenset("the of and to is are in for by with on or that which shall will be its this these "
                      "their such any from under".split())


def split_sections(text: str) -> list[Section]:
    """Headings in reading order; each section runs until the next one at the same or a higher level."""
    heads: list[tuple[int, str | None, str, int]] = []  # (start, number, title, level)
    offset = 0
    for line in text.splitlines(keepends=True):
        head = _heading(line.rstrip("\n"))
        if head:
            heads.append((offset, *head))
        offset += len(line)
    sections = []
    for i, (start, number, title, level) in enumerate(heads):
        end = next((s for s, _, _, lv in heads[i + 1:] if lv <= level), len(text))
        sections.append(Section(number=number, title=title, level=level, start=start, end=end))
    return sections


def _heading(line: str) -> tuple[str | None, str, int] | None:
    md = _MD_HEADING.match(line)
    if md:
        inner = md.group(2).strip("*_ ")
        sub = _KEYWORD_HEADING.match(inner) or _NUMBERED.match(inner)
        number = _number_of(sub) if sub else None
        return number, _short(inner), len(md.group(1))
    kw = _KEYWORD_HEADING.match(line)
    if kw and len(line) < 200:
        number = _number_of(kw)
        depth = number.count(".") if number else 0
        return number, _short(line.strip("*_ >|")), 1 + depth
    numbered = _NUMBERED.match(line)
    if numbered:
        number = numbered.group("num")
        return number, _short(line.strip("*_ >|")), 1 + number.count(".")
    return None


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
