"""Compile rule patterns into one pattern set per rule pack and language.

Every pattern ends up as a spaCy token pattern over NORM (accent- and case-folded). Phrase strings are
written for readers: `*` stands for any letters inside a word (`notifi*`, `organi*ation`), `a|b` are
alternatives for one word, `word?` is optional, and `...` lets up to five words in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher

from vendorcheck.engine.fastmatch import PatternSet
from vendorcheck.engine.nlp import pipeline
from vendorcheck.i18n import t
from vendorcheck.models import Language
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.rulebook.schema import Pattern, Patterns
from vendorcheck.text import fold

GAP = {"OP": "{0,5}"}


_WILDCARD = "qzxwildq"  # survives tokenization as part of a word, then becomes a regex
_MAX_VARIANTS = 64


def compile_phrase(phrase: str, lang: Language) -> list[list[dict[str, Any]]]:
    """One phrase -> one or more token patterns (alternatives of different lengths, such as the elided
    "d'impact" (two tokens) beside "impact", give one variant each)."""
    slots: list[list[list[dict[str, Any]]]] = []  # per word slot: its alternative token sequences
    for word in phrase.split():
        if word == "...":
            slots.append([[dict(GAP)]])
            continue
        optional = word.endswith("?") and len(word) > 1
        word = word[:-1] if optional else word
        alternatives = [_tokens(alt, lang) for alt in word.split("|") if alt]
        single = [alt[0] for alt in alternatives if len(alt) == 1]
        multi = [alt for alt in alternatives if len(alt) > 1]
        options = ([[_merge(single)]] if single else []) + multi
        if optional:
            options = [[{**t, "OP": "?"} for t in option] for option in options]
        slots.append(options)
    variants: list[list[dict[str, Any]]] = [[]]
    for options in slots:
        variants = [v + option for v in variants for option in options]
        if len(variants) > _MAX_VARIANTS:
            # A mistake in a rule file met while compiling it: said in the rule authors' language.
            raise ValueError(t("rules.problems.too_many_variants", "fr", phrase=repr(phrase)))
    return variants


def _tokens(alternative: str, lang: Language) -> list[dict[str, Any]]:
    tokenizer = pipeline(lang).tokenizer
    out = []
    for token in tokenizer(alternative.replace("*", _WILDCARD)):
        folded = fold(token.text, one_for_one=False)
        if _WILDCARD in folded:
            regex = r"\S*".join(re.escape(part) for part in folded.split(_WILDCARD))
            out.append({"NORM": {"REGEX": f"^(?:{regex})$"}})
        else:
            out.append({"NORM": folded})
    return out


def _merge(tokens: list[dict[str, Any]]) -> dict[str, Any]:
    """Single-token alternatives merged into one regex slot, which keeps the Matcher small."""
    if len(tokens) == 1:
        return tokens[0]
    parts = [t["NORM"]["REGEX"][4:-2] if isinstance(t["NORM"], dict) else re.escape(t["NORM"]) for t in tokens]
    return {"NORM": {"REGEX": f"^(?:{'|'.join(parts)})$"}}


def to_token_patterns(pattern: Pattern, lang: Language) -> list[list[dict[str, Any]]]:
    return compile_phrase(pattern, lang) if isinstance(pattern, str) else [pattern]


@dataclass(frozen=True)
class CompiledPack:
    patterns: PatternSet
    # pattern key -> (rule id, group: "topic" | "exclude" | "el:x" | "flag:x" | "unless:x")
    keys: dict[str, tuple[str, str]]


@lru_cache(maxsize=8)
def compile_pack(pack: RulePack, lang: Language) -> CompiledPack:
    nlp = pipeline(lang)
    patterns = PatternSet(fallback=Matcher(nlp.vocab, validate=False))
    keys: dict[str, tuple[str, str]] = {}

    def add(rule_id: str, group: str, group_patterns: Patterns) -> None:
        key = f"{rule_id}|{group}"
        for pattern in group_patterns.get(lang):
            for variant in to_token_patterns(pattern, lang):
                patterns.add(key, variant)
        keys[key] = (rule_id, group)

    for rule in pack.rules:
        add(rule.id, "topic", rule.topic)
        add(rule.id, "exclude", rule.exclude)
        for element in rule.elements:
            add(rule.id, f"el:{element.id}", element.patterns)
        for flag in rule.flags:
            add(rule.id, f"flag:{flag.id}", flag.patterns)
            add(rule.id, f"unless:{flag.id}", flag.unless)
    return CompiledPack(patterns=patterns, keys=keys)
