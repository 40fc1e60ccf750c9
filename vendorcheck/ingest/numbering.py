"""Recompute the labels Word draws for numbered paragraphs ("1.", "2.3", "a)", "Article 4")."""

from __future__ import annotations

from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _roman(n: int) -> str:
    out = ""
    for value, glyph in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + glyph, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


FORMATS = {
    "decimal": str,
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class ListNumbering:
    """Counters per list instance, advanced paragraph by paragraph in reading order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> ListNumbering:  # noqa: ANN001 - python-docx Document
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return cls()
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(f"{_W}abstractNum"):
            lvls = {}
            for lvl in node.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lvls[int(lvl.get(f"{_W}ilvl"))] = _Level(
                    fmt=fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text=text.get(f"{_W}val") if text is not None else "",
                    start=int(start.get(f"{_W}val")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = lvls
        levels = {}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                levels[num.get(f"{_W}numId")] = abstract.get(ref.get(f"{_W}val"), {})
        return cls(levels=levels)

    def label(self, paragraph) -> str:  # noqa: ANN001 - python-docx Paragraph
        num_pr = self._num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr
        lvls = self.levels.get(num_id)
        if not lvls or ilvl not in lvls:
            return ""
        counters = self.counters.setdefault(num_id, [lvl.start - 1 for _, lvl in sorted(lvls.items())])
        while len(counters) <= ilvl:
            counters.append(0)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):  # a new parent item restarts its children
            counters[deeper] = lvls[deeper].start - 1 if deeper in lvls else 0
        level = lvls[ilvl]
        if level.fmt == "bullet" or level.fmt not in FORMATS:
            return "-" if level.fmt == "bullet" else ""
        text = level.text
        for i in range(ilvl + 1):
            fmt = FORMATS.get(lvls[i].fmt, str) if i in lvls else str
            text = text.replace(f"%{i + 1}", fmt(max(counters[i], 1)))
        return text.strip()

    @staticmethod
    def _num_pr(paragraph) -> tuple[str, int] | None:  # noqa: ANN001
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is None and paragraph.style is not None:
            style_ppr = paragraph.style.element.pPr
            num_pr = style_ppr.numPr if style_ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        num_id = str(num_pr.numId.val)
        return (num_id, int(ilvl)) if num_id != "0" else None
