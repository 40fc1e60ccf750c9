"""HDS certification check: dated snapshots of the list of certified hosts, matching and verdicts.

Public API (used by the CLI, the batch, the register and the web app):
`assess(query, service=..., today=..., snapshot=...) -> HdsAssessment`, `current_snapshot()`,
`list_snapshots()`, `import_file(path) -> ImportReport`, `parse_certificate(path_or_text)`.

Attributes are imported on first use: `vendorcheck.models` imports `vendorcheck.hds.models`, and the
CLI must stay fast to start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vendorcheck.hds.certificate import parse_certificate
    from vendorcheck.hds.imports import import_file
    from vendorcheck.hds.models import HdsAssessment, HdsClaim, HdsEntry, HdsVerdict, ImportReport, Snapshot
    from vendorcheck.hds.store import current_snapshot, get_snapshot, list_snapshots
    from vendorcheck.hds.verdicts import assess

_EXPORTS = {
    "assess": "vendorcheck.hds.verdicts",
    "current_snapshot": "vendorcheck.hds.store",
    "get_snapshot": "vendorcheck.hds.store",
    "list_snapshots": "vendorcheck.hds.store",
    "import_file": "vendorcheck.hds.imports",
    "parse_certificate": "vendorcheck.hds.certificate",
    "HdsAssessment": "vendorcheck.hds.models",
    "HdsClaim": "vendorcheck.hds.models",
    "HdsEntry": "vendorcheck.hds.models",
    "HdsVerdict": "vendorcheck.hds.models",
    "ImportReport": "vendorcheck.hds.models",
    "Snapshot": "vendorcheck.hds.models",
}
__all__ = [
    "HdsAssessment",
    "HdsClaim",
    "HdsEntry",
    "HdsVerdict",
    "ImportReport",
    "Snapshot",
    "assess",
    "current_snapshot",
    "get_snapshot",
    "import_file",
    "list_snapshots",
    "parse_certificate",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'vendorcheck.hds' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
