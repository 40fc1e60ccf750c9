"""Where the added article goes in the vendor's contract, and how it is numbered and styled.

Right after the article on personal data or sub-processing when the contract has one (the one holding
most of the review's GDPR evidence when several do); otherwise after the last article, before the
signatures or the annexes. The heading copies its neighbour's paragraph properties: a heading Word
numbers itself is numbered the same way (the following articles renumber once the change is accepted);
a typed number becomes "9 bis" after article 9, or the next number at the end.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lxml import etree

from vendorcheck.addendum.redline.textmap import BodyMap, paragraph_text
from vendorcheck.ingest.numbering import ListNumbering, W
from vendorcheck.models import Document, Section
from vendorcheck.review import Review

# Titles of the article a data-protection clause belongs to, in French and English.
DATA_PROTECTION_TITLE = re.compile(
    r"donn[ée]es (?:à caractère )?personnelles|protection des donn[ée]es|sous-traitan|rgpd|"
    r"personal data|data protection|data processing|processing of personal|sub-?process|gdpr",
    re.IGNORECASE,
)
# First words of the block that closes a contract: place and date, signatures.
SIGNATURE = re.compile(
    r"^\W*(?:fait à|fait en|lu et approuvé|signatures?\b|in witness|signed\b|executed\b|"
    r"for and on behalf)",
    re.IGNORECASE,
)
ANNEX = re.compile(r"^(?:annexe|annex|appendix|schedule|exhibit)\b", re.IGNORECASE)
HEADING_WORDS, HEADING_CHARS = 8, 120
# Built-in style names are stored in English whatever the language of Word ("heading 1", "Title").
HEADING_STYLE = re.compile(r"^(?:heading \d|title|subtitle)$", re.IGNORECASE)
_FINAL = (".", ";", "!", "?", ":")
TYPED_NUMBER = re.compile(
    r"^(?P<lead>\s*(?:(?:article|art\.|clause|section|chapitre|chapter|titre)\s+)?)(?P<num>\d+|[IVXLC]+)\b"
    r"(?P<sep>(?:\s*[.):–—-])*\s*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Site:
    """Where the added article goes: before or after a child of the body, with the heading to imitate."""

    element: etree._Element
    before: bool
    heading: etree._Element | None  # the neighbouring article's heading paragraph
    number: str | None  # the typed number of the new heading; None when Word numbers it, or none is used
    prefix: str = ""  # what precedes the number ("Article ")
    separator: str = " "  # what follows it (" – ", ". ")


def article_site(document: Document, body_map: BodyMap, numbering: ListNumbering, review: Review, bis: str) -> Site:
    """`bis` is the number of an article inserted after article {number} ("{number} bis")."""
    levels = [s.level for s in document.sections if s.number]
    top = min(levels, default=1)
    articles = [s for s in document.sections if s.number and s.level == top and not ANNEX.match(s.number)]
    closing = _closing(document, articles)
    anchor = _data_protection_article(articles, review)
    last = _paragraph_at(document, body_map, anchor.end - 1) if anchor is not None else None
    if anchor is not None and last is not None and (closing is None or anchor.end <= closing):
        return _numbered(
            Site(body_level(last), False, None, None), document, body_map, numbering, anchor, bis, after=True
        )
    before = [a for a in articles if closing is None or a.start < closing]
    neighbour = before[-1] if before else None
    closing_paragraph = _paragraph_at(document, body_map, closing) if closing is not None else None
    if closing_paragraph is not None:
        site = Site(body_level(closing_paragraph), True, None, None)
    else:
        end = body_map.body[-1]
        site = Site(end, end.tag == f"{W}sectPr", None, None)
    if neighbour is None:
        return site
    return _numbered(site, document, body_map, numbering, neighbour, bis, after=False)


def heading_paragraphs(document: Document, body_map: BodyMap, styles: etree._Element | None) -> set[etree._Element]:
    """The heading paragraphs: never used as a body template, struck only for their own wording.

    A heading is a paragraph in a heading style of Word (an outline level, or a built-in "heading N" or
    "title" style), or the first line of a numbered section when it reads as a title: a section also
    opens at a numbered clause ("4.1 Le Client autorise…"), which is body text."""
    out = set()
    for section in document.sections:
        paragraph = _paragraph_at(document, body_map, section.start)
        if paragraph is not None and is_title_line(paragraph_text(paragraph)):
            out.add(paragraph)
    titled = heading_styles(styles)
    for unit in range(len(document.unit_starts)):
        paragraph = body_map.first_paragraph(unit)
        if paragraph is None:
            continue
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        level = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if (style is not None and style.get(f"{W}val") in titled) or (
            level is not None and level.get(f"{W}val", "9").isdigit() and int(level.get(f"{W}val")) < 9
        ):
            out.add(paragraph)
    return out


def is_title_line(text: str) -> bool:
    """A short line, or one without a sentence's final punctuation: "6. Prestataires", "Article 5 – Audits"."""
    text = text.strip()
    return len(text.split()) <= HEADING_WORDS or (len(text) <= HEADING_CHARS and not text.endswith(_FINAL))


def heading_styles(styles: etree._Element | None) -> set[str]:
    """Paragraph styles that make a heading, directly or through the styles they are based on."""
    if styles is None:
        return set()
    based: dict[str, str | None] = {}
    own: set[str] = set()
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        style_id = style.get(f"{W}styleId")
        name = style.find(f"{W}name")
        level = style.find(f"{W}pPr/{W}outlineLvl")
        parent = style.find(f"{W}basedOn")
        based[style_id] = parent.get(f"{W}val") if parent is not None else None
        if (name is not None and HEADING_STYLE.match(name.get(f"{W}val", ""))) or (
            level is not None and level.get(f"{W}val", "9").isdigit() and int(level.get(f"{W}val")) < 9
        ):
            own.add(style_id)
    out = set()
    for style_id in based:
        seen, current = set(), style_id
        while current and current not in seen:
            if current in own:
                out.add(style_id)
                break
            seen.add(current)
            current = based.get(current)
    return out


def body_level(element: etree._Element) -> etree._Element:
    """The ancestor of `element` (or itself) that is a direct child of the body: a paragraph, a table or
    a content control. Paragraphs are inserted next to it, never inside a table."""
    node = element
    while node.getparent() is not None and node.getparent().tag != f"{W}body":
        node = node.getparent()
    return node


def _numbered(
    site: Site,
    document: Document,
    body_map: BodyMap,
    numbering: ListNumbering,
    neighbour: Section,
    bis: str,
    *,
    after: bool,
) -> Site:
    heading = _paragraph_at(document, body_map, neighbour.start)
    if heading is None or heading.tag != f"{W}p":
        return site
    if numbering.numbered(heading):  # Word draws the number: copying the paragraph's list is enough
        return Site(site.element, site.before, heading, None)
    typed = TYPED_NUMBER.match(paragraph_text(heading))
    if typed is None:
        return Site(site.element, site.before, heading, None)
    number = typed.group("num")
    number = bis.format(number=number) if after or not number.isdigit() else str(int(number) + 1)
    return Site(site.element, site.before, heading, number, typed.group("lead"), typed.group("sep") or " ")


def _data_protection_article(articles: list[Section], review: Review) -> Section | None:
    matching = [a for a in articles if DATA_PROTECTION_TITLE.search(a.title)]
    if not matching:
        return None
    starts = [e.start for f in review.findings if f.requirement.startswith("GDPR") for e in f.evidence]
    return max(matching, key=lambda a: (sum(a.start <= s < a.end for s in starts), -a.start))


def _closing(document: Document, articles: list[Section]) -> int | None:
    """Where the signatures or the first annex after the last article begin; None when neither is found."""
    last_article = articles[-1].start if articles else 0
    annexes = [s.start for s in document.sections if s.number and ANNEX.match(s.number) and s.start > last_article]
    for index, start in enumerate(document.unit_starts):
        end = document.unit_starts[index + 1] if index + 1 < len(document.unit_starts) else len(document.text)
        if start > last_article and SIGNATURE.match(document.text[start : min(end, start + 80)]):
            return min([start, *annexes])
    return min(annexes) if annexes else None


def _paragraph_at(document: Document, body_map: BodyMap, offset: int) -> etree._Element | None:
    unit = max(0, bisect.bisect_right(document.unit_starts, offset) - 1)
    return body_map.first_paragraph(unit)
