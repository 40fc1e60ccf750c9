"""The parts of vendorcheck import one another only downwards, in the order ARCHITECTURE.md gives.

Every import statement of the package is read from its syntax tree, those inside functions (lazy ones)
and under `TYPE_CHECKING` included: a lazy import is still a dependency, only a later one.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "vendorcheck"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"


def layers() -> list[list[str]]:
    """The layers, bottom first, from the block of ARCHITECTURE.md marked for this test."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    block = re.search(r"<!-- layers: read by tests/test_layers.py -->\s*```text\n(.*?)```", text, re.S)
    assert block, "ARCHITECTURE.md has lost its layer block"
    lines = [line.split("#")[0].split() for line in block.group(1).splitlines()]
    return [line for line in lines if line][::-1]  # the block reads top layer first


def parts() -> set[str]:
    return {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"} | {
        p.parent.name for p in PACKAGE.glob("*/__init__.py")
    }


def imports() -> dict[tuple[str, str], list[str]]:
    """(importing part, imported part) -> where, for every import between two different parts."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        source = relative.parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                bits = name.split(".")
                if bits[0] == "vendorcheck" and len(bits) > 1 and bits[1] in parts() and bits[1] != source:
                    found[(source, bits[1])].append(f"{relative}:{node.lineno}")
    return found


def test_every_part_has_a_layer():
    placed = [part for layer in layers() for part in layer]
    assert len(placed) == len(set(placed)), "a part is placed twice"
    assert set(placed) == parts(), "ARCHITECTURE.md must place every part of vendorcheck/ (and only those)"


def test_imports_only_point_down():
    level = {part: index for index, layer in enumerate(layers()) for part in layer}
    upward = [
        f"{source} -> {target} ({', '.join(sorted(set(where)))})"
        for (source, target), where in sorted(imports().items())
        if level[target] >= level[source]
    ]
    assert not upward, "imports that do not point down the layers:\n" + "\n".join(upward)


def test_no_cycle_between_parts():
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in imports():
        graph[source].add(target)
    state: dict[str, str] = {}

    def visit(part: str, trail: list[str]) -> None:
        state[part] = "open"
        for target in sorted(graph[part]):
            if state.get(target) == "open":
                pytest.fail("import cycle: " + " -> ".join([*trail[trail.index(target) :], target]))
            if target not in state:
                visit(target, [*trail, target])
        state[part] = "done"

    for part in sorted(graph):
        if part not in state:
            visit(part, [part])
