"""Text clean-up shared by every input format.

`clean_extracted` and `join_hyphenated_lines` repair extraction artefacts (ligatures, soft hyphens,
words split at a line end) and may change lengths, so they run on each page or paragraph before offsets
are computed. Typography is not folded here: `Document.text` keeps curly apostrophes and guillemets, so
quotes stay verbatim, and the engine reads `vendorcheck.text.fold_typography` of it, one character for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u00ad": "",
    "\x00": "",
    "\ufeff": "",
    "\u200b": "",
    # PDFium writes U+0002 where a word was hyphenated at a line end and drops the line break:
    # put both back so that one rule (`join_hyphenated_lines`) decides for every PDF engine.
    "\x02": "-\n",
    "\r\n": "\n",
    "\r": "\n",
}
_LIGATURE_RE = re.compile("|".join(map(re.escape, sorted(_LIGATURES, key=len, reverse=True))))

_LETTER = r"[^\W\d_]"
# Linear on hostile text: a match starts only where a run of letters starts (the lookbehind) and every
# run is possessive, so a 50,000-letter word with no hyphen is scanned once, not once per letter.
_HYPHEN_BREAK = re.compile(rf"(?<!{_LETTER})({_LETTER}++)-[ \t]*+\n[ \t]*+(\w++)")
_WORDS = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)*")
# First parts that are always joined by a hyphen, whatever the line break: "sous-traitant", "ci-après".
_COMPOUND_HEADS = frozenset(
    """sous ci au non vice ex après avant arrière demi mi semi peut est à là
    grand porte self third co e sub pre post cross opt""".split()
)


def clean_extracted(text: str) -> str:
    """Expand ligatures, drop soft hyphens, BOMs and NULs, unify line ends."""
    return _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group()], text)


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-cased words and hyphenated compounds of a document, used to settle line-end hyphens."""
    words: set[str] = set()
    for text in texts:
        words.update(w.lower() for w in _WORDS.findall(text))
    return words


def join_hyphenated_lines(text: str, known: set[str] | None = None) -> str:
    """Rejoin words split at a line end ("héber-\\ngement" -> "hébergement").

    A hyphen at a line end is either a hyphenation point, to remove, or part of a compound that
    happened to fall there ("sous-\\ntraitant"), to keep. The document itself settles it: if it
    writes the hyphenated form elsewhere and never the joined one, the hyphen stays; otherwise a short
    list of heads that always take a hyphen decides. When the next line starts with a capital or a
    digit ("Île-de-\\nFrance", "COVID-\\n19") the hyphen is kept and only the line break goes.
    """
    known = known or set()
    return _HYPHEN_BREAK.sub(lambda m: _rejoined(m.group(1), m.group(2), known), text)


def join_hyphenated_lines_in_place(text: str, known: set[str] | None = None) -> str:
    """The same joins, one character for one: the joined word is followed by the spaces the hyphen and
    the line break took, so every offset after it is unchanged. Text and Markdown files are kept as
    they are (evidence points at their own lines) and joined only in the view the engine reads."""
    known = known or set()

    def repl(match: re.Match[str]) -> str:
        joined = _rejoined(match.group(1), match.group(2), known)
        return joined + " " * (len(match.group()) - len(joined))

    return _HYPHEN_BREAK.sub(repl, text)


def _rejoined(head: str, tail: str, known: set[str]) -> str:
    if not tail[:1].islower():
        return f"{head}-{tail}"
    joined, compound = (head + tail).lower(), f"{head}-{tail}".lower()
    if compound in known and joined not in known:
        return f"{head}-{tail}"
    if joined in known or head.lower() not in _COMPOUND_HEADS:
        return head + tail
    return f"{head}-{tail}"


def unify_line_ends(text: str) -> str:
    """The only change made to a text or Markdown file: line ends, as any editor shows them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
