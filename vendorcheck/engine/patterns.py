"""Compile rule patterns into one spaCy Matcher per rule pack and language.

Every pattern ends up as a spaCy token pattern over NORM (accent- and case-folded). Phrase strings are
written for readers: `notifi*` is a word prefix, `a|b` are alternatives for one word, `word?` is
optional, and `...` lets up to five words in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher

from vendorcheck.engine.nlp import fold, pipeline
from vendorcheck.models import Language
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.rulebook.schema import Pattern, Patterns

GAP = {"OP": "{0,5}"}


def compile_phrase(phrase: str, lang: Language) -> list[dict[str, Any]]:
    tokenizer = pipeline(lang).tokenizer
    out: list[dict[str, Any]] = []
    for word in phrase.split():
        if word == "...":
            out.append(dict(GAP))
            continue
        optional = word.endswith("?") and len(word) > 1
        word = word[:-1] if optional else word
        if "|" in word or word.endswith("*"):
            alternatives = [_alternative(a) for a in word.split("|") if a]
            spec: dict[str, Any] = {"NORM": {"REGEX": f"^(?:{'|'.join(alternatives)})$"}}
            out.append({**spec, "OP": "?"} if optional else spec)
            continue
        tokens = [fold(t.text) for t in tokenizer(word)]
        for token in tokens:
            out.append({"NORM": token, "OP": "?"} if optional else {"NORM": token})
    return out


def _alternative(word: str) -> str:
    return re.escape(fold(word[:-1])) + r"\S*" if word.endswith("*") else re.escape(fold(word))


def to_token_pattern(pattern: Pattern, lang: Language) -> list[dict[str, Any]]:
    return compile_phrase(pattern, lang) if isinstance(pattern, str) else pattern


@dataclass(frozen=True)
class CompiledPack:
    matcher: Matcher
    keys: dict[int, tuple[str, str]]  # match id -> (rule id, group: "topic" | "exclude" | "el:x" | "flag:x")


@lru_cache(maxsize=8)
def compile_pack(pack: RulePack, lang: Language) -> CompiledPack:
    nlp = pipeline(lang)
    matcher = Matcher(nlp.vocab, validate=False)
    keys: dict[int, tuple[str, str]] = {}

    def add(rule_id: str, group: str, patterns: Patterns) -> None:
        compiled = [to_token_pattern(p, lang) for p in patterns.get(lang)]
        if compiled:
            key = f"{rule_id}|{group}"
            matcher.add(key, compiled)
            keys[nlp.vocab.strings[key]] = (rule_id, group)

    for rule in pack.rules:
        add(rule.id, "topic", rule.topic)
        add(rule.id, "exclude", rule.exclude)
        for element in rule.elements:
            add(rule.id, f"el:{element.id}", element.patterns)
        for flag in rule.flags:
            add(rule.id, f"flag:{flag.id}", flag.patterns)
    return CompiledPack(matcher=matcher, keys=keys)
