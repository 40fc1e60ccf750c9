"""What changed between two snapshots: added, removed, changed and newly expired certificates."""

from __future__ import annotations

from vendorcheck.hds.identifiers import normalise_certificate_number
from vendorcheck.hds.models import EntryChange, HdsEntry, Snapshot, SnapshotDiff
from vendorcheck.hds.names import core_key

_COMPARED = (
    "legal_entity",
    "trade_names",
    "former_names",
    "siren",
    "certifying_body",
    "issued_on",
    "valid_until",
    "activities",
    "referential",
)


def entry_key(entry: HdsEntry) -> str:
    """One certificate of one entity. A renewal that keeps its number is a change; a new number is a new
    certificate (shown as added, the old one as removed)."""
    who = entry.siren or core_key(entry.legal_entity)
    number = normalise_certificate_number(entry.certificate_number) if entry.certificate_number else ""
    return f"{who}|{number}"


def diff(previous: Snapshot | None, new: Snapshot) -> SnapshotDiff:
    old = {entry_key(e): e for e in previous.entries} if previous else {}
    now = {entry_key(e): e for e in new.entries}
    changed = []
    for key in sorted(old.keys() & now.keys()):
        fields = [f for f in _COMPARED if getattr(old[key], f) != getattr(now[key], f)]
        if fields:
            changed.append(EntryChange(key=key, legal_entity=now[key].legal_entity, fields=fields))
    cutoff_before = previous.info.list_date if previous else None
    expired = [
        e
        for key, e in sorted(now.items())
        if e.valid_until
        and e.valid_until < new.info.list_date
        and (cutoff_before is None or key not in old or e.valid_until >= cutoff_before)
    ]
    return SnapshotDiff(
        previous_id=previous.info.id if previous else None,
        added=[now[k] for k in sorted(now.keys() - old.keys())],
        removed=[old[k] for k in sorted(old.keys() - now.keys())],
        changed=changed,
        expired=expired,
    )
