"""Text clean-up shared by every input format.

Two layers on purpose: `clean_extracted` repairs extraction artefacts (ligatures, soft hyphens) and may
change lengths, so it runs on each page or paragraph before offsets are computed; `analysis_view`
folds typography one character for one character, so offsets in the view are offsets in the text and
every quote stays verbatim.
"""

from __future__ import annotations

import re

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st", "\u00ad": "", "\x00": ""}
_LIGATURE_RE = re.compile("|".join(map(re.escape, _LIGATURES)))

# Same-length typographic folding: curly quotes, non-breaking and thin spaces, dashes.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\t": " ", "\r": "\n", "\u2028": "\n", "\f": "\n",
})

_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-öø-ÿ])-\n(?=[a-zà-öø-ÿ])")


def clean_extracted(text: str) -> str:
    """Expand ligatures, drop soft hyphens and NULs, unify line ends."""
    text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group()], text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def join_hyphenated_lines(text: str) -> str:
    """Rejoin words a PDF split at a line end ("sous-trai-\\ntant" -> "sous-traitant").

    Only a hyphen between two lowercase letters is removed, so "Île-\\nde-France" style compounds that
    happen to break after a capital keep their hyphen.
    """
    return _HYPHEN_BREAK.sub("", text)


def analysis_view(text: str) -> str:
    """Typography folded one-for-one: `len(analysis_view(t)) == len(t)`."""
    return text.translate(_FOLD)
