"""A disk cache of compiled forms, built by the first process that needs one and read by the next ones.

Entries are JSON files in the user's cache folder ($VENDORCHECK_CACHE, else $XDG_CACHE_HOME/vendorcheck,
else ~/.cache/vendorcheck). An entry is named after a hash of everything its content depends on (the
caller's key: rule contents, source of the code that compiles them, library and Python versions), so a
change of any of them leads to another entry rather than a stale one. Each file records the hash of its
payload; an entry that is truncated, corrupt, of another format or rejected by the caller is built again,
never trusted. Files are written atomically (temporary file, then rename): a crash or a parallel process
leaves either the old entry or the new one. When no folder is writable the value is built and used
without being kept: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

FORMAT = 1
T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("VENDORCHECK_CACHE"):
        return Path(os.environ["VENDORCHECK_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vendorcheck"


def digest(parts: Iterable[str | bytes]) -> str:
    """A hash of `parts`, each one delimited so that ("ab", "c") and ("a", "bc") differ."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()


def source_digest(*modules: Any) -> str:
    """The code version of compiled forms: a hash of the source files of the modules that make them."""
    return digest(Path(module.__file__).read_bytes() for module in modules)


def cached(
    kind: str,
    key: Iterable[str | bytes],
    build: Callable[[], T],
    *,
    dump: Callable[[T], Any] = lambda value: value,
    load: Callable[[Any], T] = lambda payload: payload,
) -> T:
    """The value of entry `kind`/`key`: read from disk (through `load`, which raises on anything it does
    not accept), or else built, stored (through `dump`, to JSON) and returned."""
    key = list(key)
    payload = cached_payload(kind, key)
    if payload is not None:
        try:
            return load(payload)
        except Exception:  # noqa: BLE001 - a well-formed file whose content the caller refuses: rebuild it
            pass
    value = build()
    store(kind, key, dump(value))
    return value


def _read(path: Path) -> Any | None:
    """The payload of an entry file: a header line (format, hash of the rest), then the payload's JSON."""
    try:
        header, _, body = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta.get("format") == FORMAT and meta.get("sha256") == hashlib.sha256(body).hexdigest():
            return json.loads(body)
    except (OSError, ValueError, AttributeError):
        pass
    return None


def _write(path: Path, payload: Any) -> None:
    import tempfile

    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"format": FORMAT, "sha256": hashlib.sha256(body).hexdigest()}).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header + b"\n" + body)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only home, a full disk: the value was built, it is just not kept


@contextmanager
def compiled_regexes(kind: str, key: Iterable[str | bytes], *, slower_than: float = 0.001) -> Iterator[None]:
    """Keep on disk the regular expressions compiled inside the block, and give them back to the next
    process before its block runs, so that compiling them again is a lookup in `re`'s own cache.

    For libraries that compile large expressions when imported: spaCy's French tokenizer exceptions take
    2 s to compile, more than a whole review. What is kept is CPython's compiled code of each expression
    that took longer than `slower_than` seconds, keyed by the Python build (the code's format is its own),
    recorded as `re` makes it (nothing is compiled twice); `_sre` validates that code again when loading
    it. Any surprise (another Python, a changed `re` module, an unreadable entry) falls back to compiling
    as usual. The recording hooks `re`'s compiler for the duration of the block: compile nothing in other
    threads meanwhile."""
    key = [*_regex_key(), *key]
    if _prime(cached_payload(kind, key)):
        yield
        return
    with _recording(slower_than) as recorded:
        yield
    store(kind, key, recorded)


@contextmanager
def _recording(slower_than: float) -> Iterator[list[dict[str, Any]]]:
    """The arguments `re._compiler.compile` passes to `_sre.compile` for each slow expression of the block."""
    from re import _compiler  # type: ignore[attr-defined]

    compile_, sre = _compiler.compile, _compiler._sre
    recorded: list[dict[str, Any]] = []
    last: list[tuple] = []

    class Recorder:
        def __getattr__(self, name: str) -> Any:
            return getattr(sre, name)

        def compile(self, *args: Any) -> Any:
            last.append(args)
            return sre.compile(*args)

    def recording(pattern: Any, flags: int = 0) -> Any:
        last.clear()
        started = time.perf_counter()
        compiled = compile_(pattern, flags)
        if isinstance(pattern, str) and len(last) == 1 and time.perf_counter() - started >= slower_than:
            _, final_flags, code, groups, groupindex, indexgroup = last[0]
            recorded.append(
                {
                    "pattern": pattern,
                    "flags": int(flags),
                    "final_flags": final_flags,
                    "code": list(code),
                    "groups": groups,
                    "groupindex": dict(groupindex),
                    "indexgroup": list(indexgroup),
                }
            )
        return compiled

    _compiler.compile, _compiler._sre = recording, Recorder()
    try:
        yield recorded
    finally:
        _compiler.compile, _compiler._sre = compile_, sre


def _regex_key() -> list[str]:
    """What CPython's compiled code of a regular expression depends on: the interpreter's build."""
    import _sre

    return [sys.version, str(_sre.MAGIC)]


def cached_payload(kind: str, key: Iterable[str | bytes]) -> Any | None:
    return _read(_path(kind, key))


def store(kind: str, key: Iterable[str | bytes], payload: Any) -> None:
    _write(_path(kind, key), payload)


def _path(kind: str, key: Iterable[str | bytes]) -> Path:
    return cache_dir() / kind / f"{digest([str(FORMAT), *key])}.json"


def _prime(payload: Any) -> bool:
    """Put the stored expressions into `re`'s cache; False (and nothing put) if any of them is refused."""
    if not isinstance(payload, list) or not isinstance(getattr(re, "_cache", None), dict):
        return False
    import _sre

    ready = {}
    try:
        for entry in payload:
            compiled = _sre.compile(
                entry["pattern"],
                entry["final_flags"],
                entry["code"],
                entry["groups"],
                entry["groupindex"],
                tuple(entry["indexgroup"]),
            )
            if compiled.pattern != entry["pattern"]:
                return False
            ready[(str, entry["pattern"], entry["flags"])] = compiled
    except Exception:  # noqa: BLE001 - a stored entry _sre refuses, or another layout: compile as usual
        return False
    re._cache.update(ready)  # type: ignore[attr-defined]
    return True
