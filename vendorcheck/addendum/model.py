"""The addendum as data: what every writer (DOCX, Markdown, HTML) lays out, in reading order.

Bodies are in the small Markdown subset of `markup.py`, as rendered from the clause templates.
"""

from __future__ import annotations

from pydantic import BaseModel

from vendorcheck.addendum.markup import fields
from vendorcheck.models import Language, Status


class Replaced(BaseModel):
    """A stipulation of the contract that an article replaces, quoted with where it stands."""

    quote: str
    where: str


class Article(BaseModel):
    number: int
    title: str
    body: str
    citation: str | None = None
    requirement: str | None = None  # the rule id the article fixes; None for the framework articles
    status: Status | None = None  # the finding's status in the review
    lead: str | None = None  # the sentence introducing the replaced stipulations
    replaced: list[Replaced] = []


class Annex(BaseModel):
    number: int
    title: str
    body: str


class Addendum(BaseModel):
    lang: Language
    title: str
    subtitle: str
    parties: str  # the "Between the undersigned" block
    preamble_title: str
    preamble: str
    articles: list[Article]
    closing: str  # place, date and number of originals
    signatures: str
    annexes: list[Annex]
    labels: dict[str, str]  # "article", "annex", "legal_basis", "page": the words the writers print

    @property
    def clauses(self) -> list[Article]:
        """The articles that fix a requirement, one per gap of the review."""
        return [a for a in self.articles if a.requirement]

    def fill_in_fields(self) -> list[str]:
        """The bracketed fields left for the lawyer to complete, in reading order."""
        texts = [self.title, self.subtitle, self.parties, self.preamble]
        texts += [text for a in self.articles for text in (a.lead or "", a.body)]
        texts += [self.closing, self.signatures] + [annex.body for annex in self.annexes]
        return [field for text in texts for field in fields(text)]
