"""Compile rule patterns into one pattern set per rule pack and language.

Every pattern ends up as a spaCy token pattern over NORM (accent- and case-folded). Phrase strings are
written for readers: `*` stands for any letters inside a word (`notifi*`, `organi*ation`), `a|b` are
alternatives for one word, `word?` is optional, and `...` lets up to five words in between.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher

from vendorcheck import errors
from vendorcheck.cache import cached, source_digest
from vendorcheck.engine.fastmatch import PatternSet
from vendorcheck.engine.nlp import pipeline
from vendorcheck.i18n import t
from vendorcheck.models import Language
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.rulebook.schema import Pattern
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


_ELIDED = re.compile(r"^\w{1,3}['’]$")  # "n'", "l'", "qu'": one token in a text ("n'est"), two if alone


def _tokens(alternative: str, lang: Language) -> list[dict[str, Any]]:
    if _ELIDED.match(alternative):
        return [{"NORM": fold(alternative)}]
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


class PatternError(ValueError):
    """A rule pattern that cannot run; the message says why, for whoever wrote the rule."""


def add_pattern(patterns: PatternSet, key: str, pattern: Pattern, lang: Language) -> list[list[dict[str, Any]]]:
    """Compile one rule pattern into `patterns` under `key`, exactly as a review runs it; its token patterns."""
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
    return variants


def _required(token: dict[str, Any]) -> bool:
    op = token.get("OP")
    return op in (None, "+", "!") or (isinstance(op, str) and re.fullmatch(r"\{[1-9]\d*(,\d*)?\}", op) is not None)


def new_pattern_set(lang: Language) -> PatternSet:
    return PatternSet(fallback=Matcher(pipeline(lang).vocab, validate=False))


# One group of a pack compiled: (rule id, group, token patterns of all its phrases).
CompiledGroup = tuple[str, str, list[list[dict[str, Any]]]]


@lru_cache(maxsize=8)
def compile_pack(pack: RulePack, lang: Language) -> CompiledPack:
    """The pack's patterns for `lang`, ready to run. Turning phrases into token patterns needs spaCy's
    tokenizer: the token patterns are kept on disk (`vendorcheck.cache`), keyed by the rules' content and
    the source of the code that compiles them, and only loaded into a PatternSet here."""
    import spacy

    from vendorcheck import __version__, text
    from vendorcheck.engine import nlp as nlp_module

    code = source_digest(sys.modules[__name__], nlp_module, text)
    groups = cached(
        "rule-patterns",
        [pack.version, lang, spacy.__version__, __version__, code],
        lambda: compile_groups(pack, lang),
        load=_checked_groups,
    )
    patterns = new_pattern_set(lang)
    keys: dict[str, tuple[str, str]] = {}
    for rule_id, group, variants in groups:
        key = f"{rule_id}|{group}"
        for variant in variants:
            patterns.add(key, variant)
        keys[key] = (rule_id, group)
    return CompiledPack(patterns=patterns, keys=keys)


def compile_groups(pack: RulePack, lang: Language) -> list[CompiledGroup]:
    """Every pattern group of every rule (topic, exclusions, elements, flags and what lifts them), as
    token patterns; a pattern that cannot run is a RuleFileError naming each such pattern (file, place,
    index), never a traceback in the middle of a review."""
    trial = new_pattern_set(lang)  # each pattern is added as a review adds it, so that it fails here
    out: list[CompiledGroup] = []
    problems = []
    for rule in pack.rules:
        for where, group, group_patterns in rule.pattern_groups():
            key = f"{rule.id}|{group}"
            variants: list[list[dict[str, Any]]] = []
            for index, pattern in enumerate(group_patterns.get(lang)):
                try:
                    variants += add_pattern(trial, key, pattern, lang)
                except PatternError as exc:
                    problems.append(f"  - {rule.id} → {where} → {lang}[{index}] : {exc}")
            out.append((rule.id, group, variants))
    if problems:
        raise errors.RuleFileError(pack.source, detail="\n".join(problems))
    return out


def _checked_groups(payload: Any) -> list[CompiledGroup]:
    """A stored compilation, refused (and then rebuilt) unless it has the exact shape compile_groups makes."""
    groups = []
    for rule_id, name, variants in payload:
        if not (isinstance(rule_id, str) and isinstance(name, str) and isinstance(variants, list)):
            raise ValueError("stored rule patterns: unexpected shape")
        if not all(isinstance(v, list) and all(isinstance(step, dict) for step in v) for v in variants):
            raise ValueError("stored rule patterns: unexpected token pattern")
        groups.append((rule_id, name, variants))
    return groups
