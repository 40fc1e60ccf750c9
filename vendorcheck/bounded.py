"""Bounded reading of the structured files people hand us (HDS lists, vendor declarations).

A list or a declaration comes from outside: a saved web page, a spreadsheet, a file typed by a vendor.
Each reader here stops at a stated bound (file size, rows, field length, nesting depth, YAML alias
expansion, unzipped size) with a `LimitExceeded` naming the bound, so that a hostile or broken file
costs a one-line error, never gigabytes of memory, a RecursionError or a hang.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from vendorcheck.errors import NotRegularFile
from vendorcheck.files import Oversized, read_bounded
from vendorcheck.i18n import message
from vendorcheck.models import Language


class Limits(BaseModel):
    """The bounds of one kind of input. The defaults fit the official HDS list many times over (a few
    hundred hosts) and any declaration a vendor fills in."""

    model_config = ConfigDict(frozen=True)

    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 20_000
    max_columns: int = 64
    max_field_chars: int = 4_000
    max_depth: int = 32
    max_nodes: int = 100_000
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_members: int = 2_000


LIST_LIMITS = Limits()
DECLARATION_LIMITS = Limits(
    max_bytes=5 * 1024 * 1024, max_rows=2_000, max_nodes=20_000, max_unzipped_bytes=50 * 1024 * 1024
)


class LimitExceeded(Exception):
    """A bound was reached; `key` names the message in the catalogue (`hds.limits.<key>`)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.message = message(f"hds.limits.{key}", **params)
        super().__init__(self.message.text("fr"))

    def text(self, lang: Language) -> str:
        return self.message.text(lang)


def read_regular_file(path: Path, limits: Limits) -> bytes:
    """The bytes of a regular file no larger than the bound. A FIFO or a device would block or never end
    (`files.open_regular` refuses them); the size is checked before reading, so a huge file is refused
    without being loaded."""
    try:
        return read_bounded(path, limits.max_bytes)
    except Oversized as exc:
        raise LimitExceeded("size", size=_megabytes(exc.size), limit=_megabytes(limits.max_bytes)) from exc
    except (NotRegularFile, IsADirectoryError) as exc:
        raise LimitExceeded("not_regular") from exc


def check_rows(count: int, limits: Limits) -> None:
    if count > limits.max_rows:
        raise LimitExceeded("rows", count=limits.max_rows, limit=limits.max_rows)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*+"')
_BRACKET = re.compile(r"[\[\]{}]")


def load_json(text: str, limits: Limits) -> Any:
    """json.loads after a linear scan of the nesting depth (the C decoder recurses per level)."""
    import json

    depth = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if match.group(0) in "[{" else -1
        if depth > limits.max_depth:
            raise LimitExceeded("depth", limit=limits.max_depth)
    return json.loads(text)


def load_yaml(text: str, limits: Limits) -> tuple[Any, Any]:
    """(value, node graph) of a single YAML document, with bounded depth and alias expansion.

    Aliases share nodes, so a "billion laughs" file is small as a graph and enormous once walked: its
    expanded size is counted (linear in the graph) before anything walks it. The node graph gives the
    line of every key to error messages."""
    import yaml

    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.depth += 1
            if self.depth > limits.max_depth:
                raise LimitExceeded("depth", limit=limits.max_depth)
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if _expanded_size(node, {}) > limits.max_nodes:
            raise LimitExceeded("nodes", limit=limits.max_nodes)
        return loader.construct_document(node), node
    finally:
        loader.dispose()


def _expanded_size(node: Any, sizes: dict[int, int]) -> int:
    """Number of nodes once every alias is expanded; memoised per node so shared subtrees count once
    in time and as often as they are used in size. The depth bound keeps the recursion shallow."""
    import yaml

    known = sizes.get(id(node))
    if known is not None:
        return known
    if isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(item, sizes) for item in node.value)
    else:
        size = 1
    sizes[id(node)] = size
    return size


def check_zip(data: bytes, limits: Limits) -> None:
    """A workbook is a zip archive: refuse one whose declared content would inflate beyond the bound
    before openpyxl inflates it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        return  # not an archive: the workbook reader reports it as unreadable
    if len(members) > limits.max_zip_members:
        raise LimitExceeded("zip_members", limit=limits.max_zip_members)
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise LimitExceeded("unzipped", size=_megabytes(total), limit=_megabytes(limits.max_unzipped_bytes))


def _megabytes(size: int) -> float:
    """Megabytes with one decimal, written the language's way by the catalogue (« 3,5 Mo »)."""
    return round(size / 1048576, 1)
