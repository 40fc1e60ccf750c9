"""The disk cache of compiled forms: reused when valid, rebuilt when not, never in the way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vendorcheck import cache


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VENDORCHECK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def test_a_value_is_built_once_then_read(private_cache: Path):
    builds = []
    build = lambda: builds.append(1) or {"compiled": [1, 2]}  # noqa: E731
    assert cache.cached("kind", ["a"], build) == {"compiled": [1, 2]}
    assert cache.cached("kind", ["a"], build) == {"compiled": [1, 2]}
    assert len(builds) == 1 and len(entries(private_cache)) == 1


def test_another_key_is_another_entry(private_cache: Path):
    cache.cached("kind", ["rules v1"], lambda: 1)
    assert cache.cached("kind", ["rules v2"], lambda: 2) == 2
    assert len(entries(private_cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data.replace(b"[1,2]", b"[1,3]"),  # payload edited: its hash no longer matches
        lambda data: b"not json at all",
    ],
)
def test_a_damaged_entry_is_rebuilt(private_cache: Path, damage):  # noqa: ANN001
    cache.cached("kind", ["a"], lambda: [1, 2])
    path = entries(private_cache)[0]
    path.write_bytes(damage(path.read_bytes()))
    assert cache.cached("kind", ["a"], lambda: ["rebuilt"]) == ["rebuilt"]
    assert cache.cached("kind", ["a"], lambda: ["never"]) == ["rebuilt"]


def test_an_entry_the_caller_refuses_is_rebuilt():
    cache.cached("kind", ["a"], lambda: "old shape")
    refuse = lambda payload: payload if isinstance(payload, list) else (_ for _ in ()).throw(ValueError())  # noqa: E731
    assert cache.cached("kind", ["a"], lambda: ["new"], load=refuse) == ["new"]


def test_no_writable_folder_still_gives_the_value(private_cache: Path):
    private_cache.parent.mkdir(parents=True, exist_ok=True)
    private_cache.write_text("a file where the folder should be")
    assert cache.cached("kind", ["a"], lambda: 42) == 42


def test_compiled_regexes_come_back_identical(private_cache: Path, monkeypatch: pytest.MonkeyPatch):
    pattern = "(?i)(?:" + "|".join(f"[a-zà-ÿ]{{{n}}}x{n}" for n in range(40)) + ")$"
    monkeypatch.setattr(re, "_cache", {})  # as in a fresh process
    with cache.compiled_regexes("test-regexes", ["k"], slower_than=0):
        first = re.compile(pattern)
    assert entries(private_cache)
    monkeypatch.setattr(re, "_cache", {})
    with cache.compiled_regexes("test-regexes", ["k"], slower_than=0):
        assert re._cache  # primed before the block runs
        second = re.compile(pattern)
    assert second is not first and (second.pattern, second.flags) == (first.pattern, first.flags)
    for text in ("ÀBCx3", "abx2", "zzzzzzzzzzx10", "nope"):
        assert bool(first.match(text)) == bool(second.match(text))


def test_compiled_regexes_refused_by_sre_are_compiled_as_usual(private_cache: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(re, "_cache", {})
    with cache.compiled_regexes("test-regexes", ["k"], slower_than=0):
        re.compile("a+b")
    path = entries(private_cache)[0]
    stored = cache.cached_payload("test-regexes", [*cache._regex_key(), "k"])  # noqa: SLF001
    stored[0]["code"] = [999999]
    cache._write(path, stored)  # noqa: SLF001 - a stored entry with invalid code and a valid hash
    monkeypatch.setattr(re, "_cache", {})
    with cache.compiled_regexes("test-regexes", ["k"], slower_than=0):
        assert not re._cache  # refused: nothing primed
        assert re.compile("a+b").match("aab")


def test_recording_leaves_re_as_it_was(private_cache: Path, monkeypatch: pytest.MonkeyPatch):
    from re import _compiler

    original = (_compiler.compile, _compiler._sre)
    monkeypatch.setattr(re, "_cache", {})
    with pytest.raises(RuntimeError), cache.compiled_regexes("test-regexes", ["k"], slower_than=0):
        re.compile("c+d")
        raise RuntimeError
    assert (_compiler.compile, _compiler._sre) == original


def test_rule_patterns_from_the_cache_are_those_compiled(rule_pack):  # noqa: ANN001
    from vendorcheck.engine.patterns import compile_groups, compile_pack

    compile_pack.cache_clear()
    built = compile_pack(rule_pack, "fr")  # builds and stores
    compile_pack.cache_clear()
    read = compile_pack(rule_pack, "fr")  # reads
    assert read.keys == built.keys
    assert [(k, [s.key for s in steps]) for k, steps in read.patterns.patterns] == [
        (k, [s.key for s in steps]) for k, steps in built.patterns.patterns
    ]
    assert len(compile_groups(rule_pack, "fr")) == len(read.keys)
