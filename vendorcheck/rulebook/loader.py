"""Load every rule file of a folder, gathering all problems into one RuleFileError."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import yaml
from pydantic import ValidationError

from vendorcheck import errors
from vendorcheck.cache import cached_payload, source_digest, store
from vendorcheck.files import read_regular
from vendorcheck.i18n import Lines, Message, message
from vendorcheck.limits import MAX_SMALL_FILE_BYTES
from vendorcheck.resources import data_dir
from vendorcheck.rulebook import schema
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


def find_rule(rule_id: str, pack: RulePack | None = None) -> Rule:
    """The rule `rule_id` of `pack` (the shipped rules by default); an OptionError names the command
    that lists them."""
    rule = next((r for r in (pack or load_rules()).rules if r.id == rule_id), None)
    if rule is None:
        raise errors.OptionError(detail=message("rules.errors.unknown_rule", rule=rule_id))
    return rule


@lru_cache(maxsize=8)
def _load(directory: Path, stamp: tuple[tuple[str, int, int], ...]) -> RulePack:
    del stamp  # part of the cache key only
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise errors.RuleFileError(directory, detail=message("rules.problems.no_file"))
    problems: list[Message] = []
    rules: list[tuple[Rule, str]] = []
    digest = hashlib.sha256()
    contents: list[tuple[Path, bytes]] = []
    for path in files:
        try:  # a FIFO or a device named *.yaml would block the read
            contents.append((path, read_regular(path, MAX_SMALL_FILE_BYTES)))
        except errors.InputError as exc:
            problems.append(message("rules.problems.unreadable", file=path.name, reason=exc.as_message()))
    for path, raw in contents:
        digest.update(path.name.encode() + raw)
    # Checking every token pattern against spaCy's schema costs more than loading the rules (and needs spaCy):
    # a folder found clean is remembered on disk, keyed by its exact content and the versions that checked it.
    checked = [digest.hexdigest(), version("spacy"), source_digest(schema)]
    known_clean = cached_payload("rules-checked", checked) == "clean"
    for path, raw in contents:
        try:
            data = yaml.load(raw, Loader=_YAML_LOADER)
        except yaml.YAMLError as exc:
            error = f"{exc.__class__.__name__}: {exc}".replace("\n", " ")
            problems.append(message("rules.problems.invalid_yaml", file=path.name, error=error))
            continue
        try:
            rule = Rule.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                where = " → ".join(str(p) for p in err["loc"]) or message("rules.problems.root")
                problems.append(message("rules.problems.field", file=path.name, where=where, problem=err["msg"]))
            continue
        if not known_clean:
            problems.extend(
                message("rules.problems.field", file=path.name, where=where, problem=problem)
                for where, problem in pattern_problems(rule)
            )
        rules.append((rule, path.name))
    seen: dict[str, str] = {}
    for rule, name in rules:
        if rule.id in seen:
            problems.append(message("rules.problems.duplicate_id", file=name, id=rule.id, other=seen[rule.id]))
        seen[rule.id] = name
    if problems:
        raise errors.RuleFileError(directory, detail=Lines(problems))
    if not known_clean:
        store("rules-checked", checked, "clean")
    return RulePack(rules=tuple(r for r, _ in rules), version=digest.hexdigest()[:12], source=directory)
