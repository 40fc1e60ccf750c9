"""Text normalisation for every part: one way to fold case, accents, typography and markup before comparing.

`fold` and `fold_typography` change no length (one character for one), so an offset found in the folded
text is an offset in the original and quotes stay verbatim.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "\u2019\u2018"


class _FoldTable(dict[int, str]):
    """`str.translate` table filled on first sight of each character: folding a text is one C loop."""

    def __init__(self, *, one_for_one: bool) -> None:
        super().__init__()
        self.one_for_one = one_for_one

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _APOSTROPHES:
            folded = "'"
        else:
            bases = "".join(c for c in unicodedata.normalize("NFD", char.lower()) if not unicodedata.combining(c))
            # One for one: a stray combining mark, or a letter that decomposes into several (a Hangul
            # syllable), is kept as it is.
            folded = (bases if len(bases) == 1 else char) if self.one_for_one else bases
        self[code] = folded
        return folded


_FOLD = _FoldTable(one_for_one=True)
_FOLD_WORDS = _FoldTable(one_for_one=False)

# Curly quotes, guillemets, special spaces and dashes made plain; line and page separators made "\n".
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\t": " ",
        "\r": "\n",
        "\u2028": "\n",
        "\f": "\n",
        # kept in a text file's Document.text so that offsets are the file's; invisible to the engine
        "\u200b": " ",
        "\u2060": " ",
        "\ufeff": " ",
        "\x00": " ",
    }
)
_SOFT_HYPHENS = re.compile(r"(?<=\w)\u00ad++(\w++)")
MAX_RUN = 100  # characters without a space that the tokenizer reads as one piece
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_MARKUP = re.compile(r"[*_`#>|]")
_SPACES = re.compile(r"\s+")


def fold(text: str, *, one_for_one: bool = True) -> str:
    """Lower case, accents removed, typographic apostrophes made plain: « Hébergé l’an » -> "heberge l'an".

    The form names, rule patterns and every keyword search compare. One character for one, unless
    `one_for_one=False`: then accents written as separate marks (text in decomposed form) are dropped too,
    as the engine needs for words, whose offsets it never looks up in the folded form."""
    return text.translate(_FOLD if one_for_one else _FOLD_WORDS)


def fold_typography(text: str) -> str:
    """Curly quotes, guillemets, dashes and special spaces made plain, one character for one: the view
    of a document the engine analyses, whose offsets are the document's.

    A run of more than `MAX_RUN` characters without a space (a pasted hash, "((((…", a word of 50,000
    letters) is cut by a space every `MAX_RUN` characters: spaCy's tokenizer strips prefixes one at a
    time and would spend quadratic time on it, and no rule reads a word that long.
    """
    folded = text.translate(_TYPOGRAPHY)
    if "\u00ad" in folded:  # "héber\u00adgement" read as "hébergement " (the gap moves after the word)
        folded = _SOFT_HYPHENS.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), folded)
    if not _LONG_RUN.search(folded):
        return folded
    return _LONG_RUN.sub(lambda m: _cut_run(m.group()), folded)


def _cut_run(run: str) -> str:
    """Every `MAX_RUN`-th character replaced by a space, so the length stays the same."""
    chars = list(run)
    chars[MAX_RUN - 1 :: MAX_RUN] = " " * len(chars[MAX_RUN - 1 :: MAX_RUN])
    return "".join(chars)


def squash(text: str) -> str:
    """Markup removed, whitespace collapsed, lower case: two renderings of one passage compare equal
    (a quote against its source text, as the corpus scorer compares them)."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    return _SPACES.sub(" ", _MARKUP.sub(" ", text)).strip().lower()


def ascii_slug(text: str, limit: int = 60) -> str:
    """'Contrat hébergeur (v2)' -> 'contrat-hebergeur-v2': safe in a file name and an HTTP header."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:limit]
