"""Recompute the labels Word draws for numbered paragraphs ("Article 4 –", "2.3", "a)", "iv.").

Word does not store these labels in the text, yet clause numbers are how contracts are cited and how
sections are found. The rules followed here are Word's: counters belong to the abstract list, so two
list instances of one abstract list continue each other unless one restarts a level
(`w:startOverride`); an item restarts the levels below it; a paragraph may get its list from its
style, directly or through `w:basedOn`, and a level may be tied to a style (`w:pStyle`), which is how
"Heading 1" becomes "Article 1".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _roman(n: int) -> str:
    out = ""
    for value, glyph in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out, n = out + glyph, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}
BULLET = "-"


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    legal: bool = False  # w:isLgl: every level shown in decimals ("1.2" under "Article I")
    restart_after: int | None = None  # w:lvlRestart N: restart after an item of level N (1-based); 0 never
    style: str | None = None  # w:pStyle tying a paragraph style to this level


def _val(node: etree._Element | None, default: str | None = None) -> str | None:
    return node.get(f"{W}val", default) if node is not None else default


def _level(node: etree._Element) -> Level:
    restart = _val(node.find(f"{W}lvlRestart"))
    legal = node.find(f"{W}isLgl")
    return Level(
        fmt=_val(node.find(f"{W}numFmt"), "decimal") or "decimal",
        text=_val(node.find(f"{W}lvlText"), "") or "",
        start=int(_val(node.find(f"{W}start"), "1") or 1),
        legal=legal is not None and _val(legal, "1") not in ("0", "false"),
        restart_after=int(restart) if restart is not None else None,
        style=_val(node.find(f"{W}pStyle")),
    )


@dataclass
class _Style:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


@dataclass
class ListNumbering:
    """Counters per abstract list, advanced paragraph by paragraph in reading order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> Level
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, Level | int]] = field(default_factory=dict)  # numId -> ilvl -> Level|start
    styles: dict[str, _Style] = field(default_factory=dict)
    default_style: str | None = None
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_parts(cls, numbering: etree._Element | None, styles: etree._Element | None) -> ListNumbering:
        """`numbering` is word/numbering.xml, `styles` word/styles.xml (either may be absent)."""
        self = cls()
        if styles is not None:
            self._read_styles(styles)
        if numbering is None:
            return self
        links: dict[str, str] = {}  # abstractNumId -> numbering style it borrows its levels from
        for node in numbering.iter(f"{W}abstractNum"):
            abstract_id = node.get(f"{W}abstractNumId")
            self.abstract[abstract_id] = {int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in node.iter(f"{W}lvl")}
            link = _val(node.find(f"{W}numStyleLink"))
            if link:
                links[abstract_id] = link
        for node in numbering.iter(f"{W}num"):
            num_id = node.get(f"{W}numId")
            self.nums[num_id] = _val(node.find(f"{W}abstractNumId"), "") or ""
            for override in node.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                lvl = override.find(f"{W}lvl")
                start = _val(override.find(f"{W}startOverride"))
                if lvl is not None:
                    self.overrides.setdefault(num_id, {})[ilvl] = _level(lvl)
                elif start is not None:
                    self.overrides.setdefault(num_id, {})[ilvl] = int(start)
        for abstract_id, style_id in links.items():  # a list defined by a numbering style is that list
            style = self.styles.get(style_id)
            target = self.nums.get(style.num_id or "") if style else None
            if target and self.abstract.get(target):
                for num_id, abstract in self.nums.items():
                    if abstract == abstract_id:
                        self.nums[num_id] = target
        return self

    def _read_styles(self, styles: etree._Element) -> None:
        for node in styles.iter(f"{W}style"):
            style_id = node.get(f"{W}styleId")
            num_pr = node.find(f"{W}pPr/{W}numPr")
            ilvl = _val(num_pr.find(f"{W}ilvl")) if num_pr is not None else None
            self.styles[style_id] = _Style(
                num_id=_val(num_pr.find(f"{W}numId")) if num_pr is not None else None,
                ilvl=int(ilvl) if ilvl is not None else None,
                based_on=_val(node.find(f"{W}basedOn")),
            )
            if node.get(f"{W}type") == "paragraph" and node.get(f"{W}default") in ("1", "true"):
                self.default_style = style_id

    def label(self, paragraph: etree._Element) -> str:
        """The label Word shows before this `w:p` ("" when it is not numbered); advances the counters."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract_id = self.nums.get(num_id)
        levels = self._levels(num_id, abstract_id)
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id or num_id, {})
        if num_id not in self.started:  # a list instance restarting some levels on first use
            self.started.add(num_id)
            for level_index, override in self.overrides.get(num_id, {}).items():
                start = override if isinstance(override, int) else override.start
                counters[level_index] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper, level in levels.items():
            if deeper > ilvl and (level.restart_after is None or ilvl < level.restart_after):
                counters[deeper] = level.start - 1
        return self._render(levels, counters, ilvl)

    def numbered(self, paragraph: etree._Element) -> bool:
        """Whether Word draws a label before this `w:p` (the counters are left as they are)."""
        found = self._num_pr(paragraph)
        return found is not None and found[1] in self._levels(found[0], self.nums.get(found[0]))

    def _levels(self, num_id: str, abstract_id: str | None) -> dict[int, Level]:
        levels = dict(self.abstract.get(abstract_id or "", {}))
        for ilvl, override in self.overrides.get(num_id, {}).items():
            if isinstance(override, Level):
                levels[ilvl] = override
        return levels

    @staticmethod
    def _render(levels: dict[int, Level], counters: dict[int, int], ilvl: int) -> str:
        level = levels[ilvl]
        if level.fmt == "bullet":
            return BULLET
        text = level.text
        for i in range(ilvl + 1):
            fmt = "decimal" if level.legal or i not in levels else levels[i].fmt
            value = max(counters.get(i, levels[i].start if i in levels else 1), 1)
            text = text.replace(f"%{i + 1}", FORMATS.get(fmt, str)(value))
        return text.strip()

    def _num_pr(self, paragraph: etree._Element) -> tuple[str, int] | None:
        ppr = paragraph.find(f"{W}pPr")
        direct = ppr.find(f"{W}numPr") if ppr is not None else None
        style_id = (_val(ppr.find(f"{W}pStyle")) if ppr is not None else None) or self.default_style
        chain = self._style_chain(style_id)
        num_id = ilvl = None
        if direct is not None and direct.find(f"{W}numId") is not None:
            num_id = _val(direct.find(f"{W}numId"), "0")
            ilvl = _val(direct.find(f"{W}ilvl"))
            ilvl = int(ilvl) if ilvl is not None else None
        else:  # numId and ilvl are inherited separately along basedOn ("Titre 2" = list of "Titre 1", level 2)
            for style in chain:
                num_id = num_id or self.styles[style].num_id
                ilvl = ilvl if ilvl is not None else self.styles[style].ilvl
        if not num_id or num_id == "0":  # "0" switches numbering off for this paragraph
            return None
        if ilvl is None:
            levels = self._levels(num_id, self.nums.get(num_id))
            ilvl = next((i for style in chain for i, level in levels.items() if level.style == style), 0)
        return num_id, ilvl

    def _style_chain(self, style_id: str | None) -> list[str]:
        """The style and its `w:basedOn` ancestors, guarded against cycles."""
        chain: list[str] = []
        while style_id and style_id in self.styles and style_id not in chain:
            chain.append(style_id)
            style_id = self.styles[style_id].based_on
        return chain
