"""Control characters removed from a file's text as it is read, before offsets are computed.

PDF text layers and exported text carry stray control characters (U+0001, a vertical tab, U+FFFE from a
broken font map). Kept in `Document.text`, they reach the quotes, and every XML writer (the Word
addendum, the XLSX export) refuses them: one such character in a contract used to crash the addendum
and leave the register unexportable. Each loader calls `strip_controls` on every page or paragraph
before `assemble` maps offsets to locations, so the character map stays exact. Line and page breaks
written as control characters (vertical tab, form feed, NEL) become line breaks; the rest is dropped.
Tab, line feed and carriage return are text (carriage returns are unified by `cleanup.clean_extracted`).
"""

from __future__ import annotations

from vendorcheck.escaping import CONTROL_CHARACTERS

_BREAKS = frozenset("\x0b\x0c\x85")


def strip_controls(text: str) -> str:
    """`text` without control characters; vertical tab, form feed and NEL become line breaks."""
    if not CONTROL_CHARACTERS.search(text):  # the usual case: one scan, no copy
        return text
    return CONTROL_CHARACTERS.sub(lambda m: "\n" if m.group() in _BREAKS else "", text)
