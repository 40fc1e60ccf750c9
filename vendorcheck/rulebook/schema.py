"""The shape of one rule file, validated strictly so that a typo is an error, never a silent no-match.

Patterns follow spaCy's Matcher grammar: a list of token dicts is used as is. A string is a phrase,
written the way a lawyer reads it and compiled to token patterns by `engine.patterns`:
words match accent- and case-insensitively; `*` stands for any letters inside a word (`notifi*`);
`a|b` offers alternatives for one word; `...` allows up to five words in between.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vendorcheck.i18n import Message, message
from vendorcheck.models import Severity, Status

Pattern = str | list[dict[str, Any]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    fr: str
    en: str

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class Patterns(_Strict):
    fr: list[Pattern] = Field(default_factory=list)
    en: list[Pattern] = Field(default_factory=list)

    def get(self, lang: str) -> list[Pattern]:
        return getattr(self, lang)


class Citation(_Strict):
    label: str
    url: str


class RuleDoc(_Strict):
    """Ruff-style documentation block, rendered on each rule's page."""

    checks: Text
    why: Text
    compliant: Text
    non_compliant: Text
    references: list[str] = Field(min_length=1)


class Element(_Strict):
    """A component a complete clause contains (e.g. a stated delay, a right to object)."""

    id: str
    label: Text
    patterns: Patterns
    required: bool = False
    sufficient: bool = False  # found on its own, it makes the clause complete (e.g. specific authorisation)
    # found without the others, it shows the clause addresses the requirement (for a rule whose topic word
    # alone does not, `mention: missing`): a phone number or the word "incident" says nothing of whose contact
    addresses: bool = True


class Flag(_Strict):
    """Wording that weakens (partial) or contradicts (non_compliant) the requirement."""

    id: str
    status: Literal[Status.partial, Status.non_compliant]
    severity: Severity
    message: Text
    patterns: Patterns
    # where the wording counts: in a topic sentence itself, anywhere near one (its window), or anywhere
    within: Literal["sentence", "topic", "document"] = "topic"
    # a negator earlier in the clause cancels the flag ("shall not use … to improve"), is ignored, or is
    # required ("ne pourra être tenue responsable … défaillance": an exclusion only reads as one negated)
    negation: Literal["cancels", "ignored", "required"] = "cancels"
    unless: Patterns = Field(default_factory=Patterns)  # lifts the flag when found with it
    unless_scope: Literal["sentence", "window", "document"] = "sentence"


class DurationBand(_Strict):
    max_hours: float | None = None
    status: Literal[Status.present, Status.partial, Status.non_compliant]
    message: Text | None = None


class Durations(_Strict):
    """Delays stated near the topic ("within 48 hours", "5 jours ouvrés"), graded by the longest one."""

    bands: list[DurationBand] = Field(min_length=1)
    severity: Severity = Severity.major
    near: str | None = None  # read delays only in topic sentences that also contain this element
    # which delays count, by the words around them: a breach notice reads deadlines, an audit clause
    # advance notice; a frequency ("once a year") or a retention period never grades either
    kinds: list[Literal["deadline", "advance", "frequency", "period", "unknown"]] = Field(
        default_factory=lambda: ["deadline", "advance", "unknown"], min_length=1
    )

    @field_validator("bands")
    @classmethod
    def _last_band_is_open(cls, bands: list[DurationBand]) -> list[DurationBand]:
        if bands[-1].max_hours is not None:
            raise ValueError("the last band must have no max_hours (it catches every longer delay)")
        return bands


class Example(_Strict):
    lang: Literal["fr", "en"]
    text: str
    expect: Literal[Status.present, Status.partial, Status.non_compliant, Status.missing]


class Rule(_Strict):
    id: str = Field(pattern=r"^[A-Z]+(-[A-Za-z0-9]+)+$")
    title: Text
    citation: Citation
    scope: Literal["gdpr", "health"]
    severity: Severity
    unverified: bool = False
    doc: RuleDoc
    advice: Text
    explain_missing: Text
    explain_partial: Text
    topic: Patterns
    exclude: Patterns = Field(default_factory=Patterns)
    elements: list[Element] = Field(default_factory=list)
    min_elements: int | None = None
    # where elements are looked for: one topic window, all topic windows together, or the whole document
    elements_scope: Literal["window", "topics", "document"] = "window"
    window: int = Field(2, ge=0, le=12)  # sentences after a topic sentence searched for elements
    window_before: int = Field(0, ge=0, le=6)  # sentences before it (a clause heading, an intro)
    flags: list[Flag] = Field(default_factory=list)
    durations: Durations | None = None
    # whose clause answers the requirement: the vendor's (a duty of the customer, its users or the patients
    # is not the vendor's commitment) or anyone's (the practice names its own incident referent)
    bound: Literal["vendor", "any"] = "vendor"
    # what a topic sentence gives when no element of a complete clause is near it: a partial clause, or
    # nothing (the words "sub-processor" alone say nothing of what they must be bound to)
    mention: Literal["partial", "missing"] = "partial"
    # duty: the requirement is something the vendor must do, so a clause it only *may* perform, or for
    # which it only promises efforts, is partial; any: a permission can meet it (a general authorisation)
    commitment: Literal["duty", "any"] = "any"
    examples: list[Example] = Field(min_length=4)

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if self.min_elements is not None and not 0 <= self.min_elements <= len(self.elements):
            raise ValueError(f"min_elements={self.min_elements} but {len(self.elements)} elements")
        if self.durations and self.durations.near and self.durations.near not in {e.id for e in self.elements}:
            raise ValueError(f"durations.near: no element named {self.durations.near!r}")
        ids = [e.id for e in self.elements] + [f.id for f in self.flags]
        if len(ids) != len(set(ids)):
            raise ValueError("element and flag ids must be unique within a rule")
        for lang in ("fr", "en"):
            if not self.topic.get(lang):
                raise ValueError(f"topic.{lang}: at least one pattern is required")
            expected = {e.expect for e in self.examples if e.lang == lang}
            if not {Status.present, Status.missing} <= expected:
                raise ValueError(f"examples: {lang} needs at least a present and a missing example")
        return self

    @property
    def addressing_elements(self) -> set[str]:
        """Elements that, found alone, make a `mention: missing` rule's clause partial rather than missing."""
        return {e.id for e in self.elements if e.addresses}

    @property
    def required_elements(self) -> int:
        return len(self.elements) if self.min_elements is None else self.min_elements

    def pattern_groups(self) -> list[tuple[str, str, Patterns]]:
        """Every pattern list of the rule: (where it is in the file, the engine's group key, the patterns)."""
        groups: list[tuple[str, str, Patterns]] = [("topic", "topic", self.topic), ("exclude", "exclude", self.exclude)]
        groups += [(f"elements[{e.id}]", f"el:{e.id}", e.patterns) for e in self.elements]
        for flag in self.flags:
            groups += [
                (f"flags[{flag.id}]", f"flag:{flag.id}", flag.patterns),
                (f"flags[{flag.id}].unless", f"unless:{flag.id}", flag.unless),
            ]
        return groups


def pattern_problems(rule: Rule) -> list[tuple[str, str | Message]]:
    """Token patterns checked against spaCy's own schema: (location, message) for each problem."""
    from spacy.schemas import validate_token_pattern

    problems: list[tuple[str, str | Message]] = []
    for where, _, patterns in rule.pattern_groups():
        for lang in ("fr", "en"):
            for i, pattern in enumerate(patterns.get(lang)):
                if isinstance(pattern, str):
                    if not pattern.strip():
                        problems.append((f"{where} → {lang}[{i}]", message("rules.problems.empty_pattern")))
                    continue
                for problem in validate_token_pattern(pattern):
                    problems.append((f"{where} → {lang}[{i}]", problem))
    return problems
