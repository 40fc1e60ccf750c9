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

from vendorcheck import errors
from vendorcheck.engine.fastmatch import PatternSet
from vendorcheck.engine.nlp import fold, pipeline
from vendorcheck.models import Language
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.rulebook.schema import Pattern

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
            raise ValueError(f"motif trop combinatoire ({phrase!r}) : scindez-le en plusieurs motifs")
    return variants


_ELIDED = re.compile(r"^\w{1,3}['’]$")  # "n'", "l'", "qu'": one token in a text ("n'est"), two if alone


def _tokens(alternative: str, lang: Language) -> list[dict[str, Any]]:
    if _ELIDED.match(alternative):
        return [{"NORM": fold(alternative)}]
    tokenizer = pipeline(lang).tokenizer
    out = []
    for token in tokenizer(alternative.replace("*", _WILDCARD)):
        folded = fold(token.text)
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


class PatternError(ValueError):
    """A rule pattern that cannot run; the message says why, for whoever wrote the rule."""


def add_pattern(patterns: PatternSet, key: str, pattern: Pattern, lang: Language) -> None:
    """Compile one rule pattern into `patterns` under `key`, exactly as a review runs it."""
    try:
        variants = to_token_patterns(pattern, lang)
        if not variants or not all(variants):
            raise PatternError("motif vide")
        if not all(any(_required(token) for token in variant) for variant in variants):
            raise PatternError("aucun mot n'y est obligatoire : le motif reconnaîtrait un passage vide")
        for variant in variants:
            patterns.add(key, variant)
    except PatternError:
        raise
    except (ValueError, TypeError, KeyError, re.error) as exc:  # spaCy's Matcher, a bad REGEX, a wrong key
        raise PatternError(" ".join(str(exc).split())[:200]) from exc


def _required(token: dict[str, Any]) -> bool:
    op = token.get("OP")
    return op in (None, "+", "!") or (isinstance(op, str) and re.fullmatch(r"\{[1-9]\d*(,\d*)?\}", op) is not None)


def new_pattern_set(lang: Language) -> PatternSet:
    return PatternSet(fallback=Matcher(pipeline(lang).vocab, validate=False))


@lru_cache(maxsize=8)
def compile_pack(pack: RulePack, lang: Language) -> CompiledPack:
    """Every pattern of the pack for one language; a pattern that cannot run is a RuleFileError naming
    each such pattern (file, place, index), never a traceback in the middle of a review."""
    patterns = new_pattern_set(lang)
    keys: dict[str, tuple[str, str]] = {}
    problems = []
    for rule in pack.rules:
        for where, group, group_patterns in rule.pattern_groups():
            key = f"{rule.id}|{group}"
            keys[key] = (rule.id, group)
            for index, pattern in enumerate(group_patterns.get(lang)):
                try:
                    add_pattern(patterns, key, pattern, lang)
                except PatternError as exc:
                    problems.append(f"  - {rule.id} → {where} → {lang}[{index}] : {exc}")
    if problems:
        raise errors.RuleFileError(pack.source, detail="\n".join(problems))
    return CompiledPack(patterns=patterns, keys=keys)
