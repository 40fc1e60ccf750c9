"""Load every rule file of a folder, gathering all problems into one RuleFileError."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from vendorcheck import errors
from vendorcheck.files import read_regular
from vendorcheck.limits import MAX_SMALL_FILE_BYTES
from vendorcheck.resources import data_dir
from vendorcheck.rulebook.schema import Rule, pattern_problems

# libyaml's loader when PyYAML was built with it: ten times faster, same safe subset of YAML.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, eq=False)  # identity hash: packs are cached per process
class RulePack:
    rules: tuple[Rule, ...]
    version: str  # content hash of the rule files: a review is reproducible from it
    source: Path

    def get(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def load_rules(directory: Path | None = None) -> RulePack:
    """The rule pack of `directory` (the shipped rules by default), loaded once per content: editing a
    file gives a new pack, an unchanged folder the cached one (whose compiled patterns are reused)."""
    folder = Path(directory or data_dir("rules")).resolve()
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.yaml")))
    return _load(folder, stamp)


@lru_cache(maxsize=8)
def _load(directory: Path, stamp: tuple[tuple[str, int, int], ...]) -> RulePack:
    del stamp  # part of the cache key only
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise errors.RuleFileError(directory, detail="aucun fichier *.yaml")
    problems: list[str] = []
    rules: list[tuple[Rule, str]] = []
    digest = hashlib.sha256()
    for path in files:
        try:  # a FIFO or a device named *.yaml would block the read
            raw = read_regular(path, MAX_SMALL_FILE_BYTES)
        except errors.InputError as exc:
            problems.append(f"{path.name}: {exc.reason('fr')}")
            continue
        digest.update(path.name.encode() + raw)
        try:
            data = yaml.load(raw, Loader=_YAML_LOADER)
        except yaml.YAMLError as exc:
            problems.append(f"{path.name}: YAML invalide ({exc.__class__.__name__}: {exc})".replace("\n", " "))
            continue
        try:
            rule = Rule.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                where = " → ".join(str(p) for p in err["loc"]) or "(racine)"
                problems.append(f"{path.name} → {where} : {err['msg']}")
            continue
        problems.extend(f"{path.name} → {where} : {msg}" for where, msg in pattern_problems(rule))
        rules.append((rule, path.name))
    seen: dict[str, str] = {}
    for rule, name in rules:
        if rule.id in seen:
            problems.append(f"{name}: identifiant {rule.id} déjà utilisé par {seen[rule.id]}")
        seen[rule.id] = name
    if problems:
        raise errors.RuleFileError(directory, detail="\n".join(f"  - {p}" for p in problems))
    return RulePack(rules=tuple(r for r, _ in rules), version=digest.hexdigest()[:12], source=directory)
