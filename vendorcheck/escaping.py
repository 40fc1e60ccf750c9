"""Text from contracts made safe for the formats that would interpret it: XML 1.0, Markdown, one line.

Quotes, file names and supplier names come from documents nobody vetted. Ingestion already drops
control characters (`ingest/controls.py`), but the register keeps text read before that, and a saved
JSON review or a parties file can carry anything: every writer passes such text through here.
"""

from __future__ import annotations

import re
from typing import Any

# Control characters: the C0 controls but tab, LF and CR, which XML 1.0 forbids (lxml and openpyxl refuse
# to write them), DEL and the C1 controls, which it discourages, lone surrogates, which no encoder writes,
# and the non-characters U+FFFE and U+FFFF.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without control characters, which XML cannot hold or shows as boxes."""
    return CONTROL_CHARACTERS.sub("", text) if CONTROL_CHARACTERS.search(text) else text


def xml_safe_data(value: Any) -> Any:
    """`xml_safe` applied to every string of a nested structure of dicts and lists (a model's dump)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {key: xml_safe_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [xml_safe_data(item) for item in value]
    return value


_MARKDOWN_ACTIVE = re.compile(r"[\\`*_\[\]]|^#", re.MULTILINE)
_HTML_ACTIVE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def markdown_text(text: str) -> str:
    """`text` as it reads in any Markdown renderer: raw HTML shown as text, never run (a script, an image
    loading a tracker when the report is pasted into a ticket), emphasis, links and images inert, and a
    leading "#" no heading."""
    return _MARKDOWN_ACTIVE.sub(r"\\\g<0>", text.translate(_HTML_ACTIVE))


_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(name: str) -> str:
    """A file name as one line of output can show it: unchanged, or, when it holds a line break, another
    control character or bytes that are not UTF-8, between double quotes with those escaped
    ("con\\ntrat.pdf"), so that an error stays one line a log or a script can read."""
    if not _LINE_BREAKING.search(name):
        return name
    return '"' + _LINE_BREAKING.sub(_escape, name.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of the name that is not UTF-8, as Python keeps it (surrogateescape)
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
