"""Rule patterns checked the way a review runs them: each one compiles, none matches any word whatever,
and each matches at least one example written in its own rule file.

The last check is the rule pack's hygiene: a pattern no example shows is either dead or written for
wording nobody can see (one contract's phrasing); a lawyer reading the file should find, for every
pattern, a sentence it is there to catch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from vendorcheck.engine.nlp import pipeline
from vendorcheck.engine.patterns import PatternError, add_pattern, new_pattern_set
from vendorcheck.ingest.cleanup import analysis_view
from vendorcheck.models import Language
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.rulebook.schema import Pattern, Rule

IssueKind = Literal["cannot_run", "any_word", "no_example"]
# Words no pattern should recognise: one that does would match every sentence of every contract.
_NONSENSE = "qzxv wkpj vhqz 7319 xq"


@dataclass(frozen=True)
class PatternIssue:
    rule: str
    where: str  # place in the file: "flags[no-notice] → en[1]"
    pattern: Pattern
    kind: IssueKind
    detail: str = ""

    @property
    def blocking(self) -> bool:
        """A review cannot run the pattern, or it would flag everything; a missing example is hygiene."""
        return self.kind != "no_example"


def check_pack(pack: RulePack) -> list[PatternIssue]:
    """Every problem of every pattern of the pack, in file order."""
    return [issue for rule in pack.rules for lang in ("fr", "en") for issue in check_rule(rule, lang)]


def check_rule(rule: Rule, lang: Language) -> list[PatternIssue]:
    examples = [_doc(e.text, lang) for e in rule.examples if e.lang == lang]
    patterns = new_pattern_set(lang)
    written: dict[str, tuple[str, Pattern]] = {}
    issues = []
    for where, _, group in rule.pattern_groups():
        for index, pattern in enumerate(group.get(lang)):
            key, place = f"{where}|{index}", f"{where} → {lang}[{index}]"
            try:
                add_pattern(patterns, key, pattern, lang)
            except PatternError as exc:
                issues.append(PatternIssue(rule.id, place, pattern, "cannot_run", str(exc)))
                continue
            written[key] = (place, pattern)
    if not written:
        return issues
    anything = {key for key, _ in patterns(_doc(_NONSENSE, lang))}
    shown = {key for doc in examples for key, _ in patterns(doc)}
    for key, (place, pattern) in written.items():
        if key in anything:
            issues.append(PatternIssue(rule.id, place, pattern, "any_word"))
        elif key not in shown:
            issues.append(PatternIssue(rule.id, place, pattern, "no_example"))
    return issues


def _doc(text: str, lang: Language) -> Doc:
    return pipeline(lang)(analysis_view(text))
