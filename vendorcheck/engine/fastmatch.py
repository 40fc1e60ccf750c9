"""Vectorised execution of the token patterns our rules use, with spaCy's Matcher for everything else.

Why: on a 27,000-token contract spaCy's Matcher spent 4 s calling ~200 Python regex predicates for
every token, three quarters of a review. Here each predicate is evaluated once per distinct word (and
cached for the process), and a pattern is matched for all positions at once with numpy, from its last
token backwards: `ok[k][i]` tells whether tokens k… of the pattern can match from position i on.

Supported token specs: `NORM`, `LOWER`, `ORTH`/`TEXT` with a string, `{"REGEX": …}` or `{"IN": […]}`,
the operator `?`, and the wildcard `{}` with `{n,m}` / `?` / `*`-free bounds. Any other pattern goes
to spaCy's Matcher unchanged, so the full pattern grammar keeps working. Only match starts are
reported: the engine locates a match by the sentence of its first token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, LOWER, NORM, ORTH
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc

_ATTRS = {"NORM": NORM, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}
_BOUNDS = re.compile(r"^\{(\d*),(\d+)\}$")

Predicate = Callable[[str], bool]


@dataclass(frozen=True)
class _Step:
    attr: int | None  # spaCy attribute id; None: any token (wildcard)
    predicate: Predicate | None
    key: str  # identity of the predicate, for the per-word cache
    min: int
    max: int


def _predicate(value: Any) -> tuple[Predicate, str] | None:
    if isinstance(value, str):
        return (lambda word, v=value: word == v), f"={value}"
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return (lambda word, r=regex: r.search(word) is not None), f"~{arg}"
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            members = frozenset(arg)
            return (lambda word, m=members: word in m), f"in{sorted(members)}"
    return None


def _bounds(op: str | None) -> tuple[int, int] | None:
    if op is None or op == "!":
        return (1, 1) if op is None else None
    if op == "?":
        return 0, 1
    match = _BOUNDS.match(op)
    if match:
        return int(match.group(1) or 0), int(match.group(2))
    return None


def compile_steps(pattern: list[dict[str, Any]]) -> list[_Step] | None:
    """The pattern as steps, or None when it uses something only spaCy's Matcher understands."""
    steps = []
    for spec in pattern:
        bounds = _bounds(spec.get("OP"))
        keys = [k for k in spec if k != "OP"]
        if bounds is None or len(keys) > 1:
            return None
        if not keys:
            steps.append(_Step(None, None, "*", *bounds))
            continue
        attr = keys[0]
        compiled = _predicate(spec[attr]) if attr in _ATTRS else None
        if compiled is None or bounds[1] > 1:
            return None
        predicate, key = compiled
        steps.append(_Step(_ATTRS[attr], predicate, f"{attr}{key}", *bounds))
    return steps if any(s.min for s in steps) else None


@dataclass
class PatternSet:
    """All patterns of a rule pack for one language: vectorised ones, and the rest in a spaCy Matcher.

    Predicates get one column each per token attribute; a word's row (its result for every predicate) is
    computed the first time the word is seen and kept for the process, so a batch pays for each new word once.
    """

    fallback: Matcher
    patterns: list[tuple[str, list[_Step]]] = field(default_factory=list)
    _columns: dict[int, dict[str, int]] = field(default_factory=dict)  # attr -> predicate key -> column
    _predicates: dict[int, list[Predicate]] = field(default_factory=dict)
    _rows: dict[int, dict[int, np.ndarray]] = field(default_factory=dict)  # attr -> word hash -> results

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        steps = compile_steps(pattern)
        if steps is None:
            self.fallback.add(key, [pattern])
            return
        for step in steps:
            if step.attr is not None and step.key not in self._columns.setdefault(step.attr, {}):
                self._columns[step.attr][step.key] = len(self._predicates.setdefault(step.attr, []))
                self._predicates[step.attr].append(step.predicate)
                self._rows.pop(step.attr, None)  # cached rows lack the new column
        self.patterns.append((key, steps))

    def __call__(self, doc: Doc) -> list[tuple[str, int]]:
        """(pattern key, start token) for every position where a pattern matches.

        Whitespace tokens (a run of spaces inside a hard-wrapped, indented line) are skipped, so that
        "mesures techniques,␣␣␣␣organisationnelles" reads as the words it is."""
        out = [(doc.vocab.strings[m], start) for m, start, _ in self.fallback(doc)] if len(self.fallback) else []
        kept = np.flatnonzero(doc.to_array(IS_SPACE) == 0)
        n = len(kept)
        if not n or not self.patterns:
            return out
        tables = {attr: self._table(doc, attr) for attr in self._columns}
        masks: dict[tuple[int, int], np.ndarray] = {}
        for key, steps in self.patterns:
            ok = np.ones(n + 1, dtype=bool)  # ok[i]: the remaining steps match from token i (n = end)
            for step in reversed(steps):
                if step.attr is None:
                    here = np.ones(n + 1, dtype=bool)
                else:
                    column = self._columns[step.attr][step.key]
                    here = masks.get((step.attr, column))
                    if here is None:
                        matrix, inverse = tables[step.attr]
                        here = masks[(step.attr, column)] = np.append(matrix[inverse[kept], column], False)
                ok = _advance(ok, here, step.min, step.max)
            out.extend((key, int(i)) for i in kept[np.flatnonzero(ok[:n])])
        return out

    def _table(self, doc: Doc, attr: int) -> tuple[np.ndarray, np.ndarray]:
        """(distinct words x predicates) results, and each token's row in it."""
        hashes = doc.to_array(attr)
        unique, inverse = np.unique(hashes, return_inverse=True)
        rows = self._rows.setdefault(attr, {})
        predicates = self._predicates[attr]
        strings: StringStore = doc.vocab.strings
        table = []
        for value in unique.tolist():
            row = rows.get(value)
            if row is None:
                word = strings[value]
                row = rows[value] = np.fromiter((p(word) for p in predicates), dtype=bool, count=len(predicates))
            table.append(row)
        return np.stack(table), inverse.reshape(-1)


def _advance(ok: np.ndarray, here: np.ndarray, low: int, high: int) -> np.ndarray:
    """Prepend a step repeated low..high times to the suffix whose match starts are `ok`."""
    result = ok.copy() if low == 0 else np.zeros_like(ok)
    reach = ok
    for count in range(1, high + 1):
        shifted = np.zeros_like(reach)
        shifted[:-1] = here[:-1] & reach[1:]  # this token satisfies the step, the rest matches after it
        reach = shifted
        if count >= low:
            result |= reach
        if not reach.any():
            break
    return result
