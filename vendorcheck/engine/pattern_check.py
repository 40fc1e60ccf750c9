"""Rule patterns checked the way a review runs them: each one compiles, none matches any word whatever,
and each matches at least one example written in its own rule file.

The last check is the rule pack's hygiene: a pattern no example shows is either dead or written for
wording nobody can see (one contract's phrasing); a lawyer reading the file should find, for every
pattern, a sentence it is there to catch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc

from vendorcheck.engine.nlp import pipeline
from vendorcheck.engine.patterns import PatternError, add_pattern, new_pattern_set
from vendorcheck.errors import RuleFileError
from vendorcheck.i18n import t
from vendorcheck.models import Language
from vendorcheck.rulebook.loader import RulePack, load_rules
from vendorcheck.rulebook.schema import Pattern, Rule
from vendorcheck.text import fold_typography

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


def check_report(directory: Path | None, *, strict: bool, lang: Language) -> list[str]:
    """What `vendorcheck rules check` prints: each pattern issue, then the count of valid rules. Issues
    that stop a review (and, with `strict`, patterns without an example) raise RuleFileError instead."""
    pack = load_rules(directory)
    issues = check_pack(pack)
    lines = [
        t(f"rules.check.{i.kind}", lang, rule=i.rule, where=i.where, pattern=_shown(i.pattern), detail=i.detail)
        for i in issues
    ]
    blocking = [line for line, issue in zip(lines, issues, strict=True) if issue.blocking or strict]
    if blocking:
        raise RuleFileError(pack.source, lang=lang, detail="\n".join(f"  - {line}" for line in blocking))
    return [f"  - {line}" for line in lines] + [
        t("cli.rules.valid", lang, count=len(pack.rules), source=str(pack.source), version=pack.version),
        t("rules.check.without_example", lang, count=len(issues)),
    ]


def _shown(pattern: Pattern) -> str:
    return pattern if isinstance(pattern, str) else json.dumps(pattern, ensure_ascii=False)


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
    return pipeline(lang)(fold_typography(text))
