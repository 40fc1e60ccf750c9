"""User-facing text: one catalogue per language (`locales/<lang>.yaml`), looked up by key.

`t("label.verdict", "fr")` returns the French text; placeholders are filled from keyword arguments,
numbers and dates in the conventions of the language (« 1 234,5 », « 5 décembre 2026 »). An entry that
maps plural categories (`one`, `other`) is chosen by Babel's CLDR rules from `count`: in French 0 and 1
are singular (« 0 écart bloquant »), in English only 1 is.

A date placeholder may name a pattern of the catalogue's `format` group, `{valid_until:date_numeric}`
(« 30/06/2026 », "2026-06-30"). A `Message` given as a parameter, or raised in an error, is written in
the language of the text it ends up in: code that does not know the reader's language (ingestion, list
import) says what to write, and the catalogue says how.
"""

from __future__ import annotations

import string
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from vendorcheck.cache import cached

Language = Literal["fr", "en"]
LOCALES = Path(__file__).resolve().parent / "locales"
LANGUAGES: tuple[Language, ...] = ("fr", "en")
DEFAULT_LANGUAGE: Language = "fr"  # user-facing text is French unless English is asked for
_PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


class MissingMessage(KeyError):
    """A key absent from a catalogue: a programming error, caught by the catalogue tests."""


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: Language) -> dict[str, Any]:
    """The flattened catalogue of one language: dotted key -> text or plural mapping. Every command reads
    it, `--help` included: its flattened form is kept on disk (`vendorcheck.cache`), keyed by the YAML's bytes,
    which spares importing and running the YAML parser."""
    source = (LOCALES / f"{lang}.yaml").read_bytes()
    return cached("catalogue", [lang, source], lambda: _flatten(source), load=_checked)


def _flatten(source: bytes) -> dict[str, Any]:
    import yaml

    tree = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    flat: dict[str, Any] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict) and not _is_plural(node):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else str(key), value)
        else:
            flat[prefix] = node

    walk("", tree)
    return flat


def _checked(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict) or not all(isinstance(v, str | dict) for v in payload.values()):
        raise ValueError("stored catalogue: unexpected shape")
    return payload


def _is_plural(node: dict[str, Any]) -> bool:
    return bool(node) and set(node) <= _PLURAL_CATEGORIES and "other" in node


def t(key: str, lang: Language, /, **params: Any) -> str:
    """The text of `key` in `lang`, with `params` filled in (a plural entry needs `count`)."""
    try:
        entry = catalogue(lang)[key]
    except KeyError:
        raise MissingMessage(f"{key} ({lang})") from None
    if isinstance(entry, dict):
        entry = entry.get(plural_category(params["count"], lang), entry["other"])
    if not params:
        return entry
    return _Formatter(lang).vformat(entry, (), params)


class Message(NamedTuple):
    """A catalogue entry and its parameters, to be written in whichever language the reader gets."""

    key: str
    params: dict[str, Any]

    def text(self, lang: Language) -> str:
        return t(self.key, lang, **self.params)


def message(key: str, /, **params: Any) -> Message:
    return Message(key, params)


class Lines(NamedTuple):
    """Items (Messages or plain strings) written one per line, each after `prefix`: a list of problems."""

    items: list[Any]
    prefix: str = "  - "
    separator: str = "\n"

    def text(self, lang: Language) -> str:
        return self.separator.join(
            self.prefix + (item.text(lang) if isinstance(item, Message) else str(item)) for item in self.items
        )


def has(key: str, lang: Language) -> bool:
    return key in catalogue(lang)


@lru_cache(maxsize=len(LANGUAGES))
def _plural_rule(lang: Language) -> Any:
    from babel import Locale

    return Locale.parse(lang).plural_form


def plural_category(count: int | float, lang: Language) -> str:
    return _plural_rule(lang)(abs(count))


def format_number(value: int | float, lang: Language) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=lang)


def format_date(value: date, lang: Language, *, style: str = "long") -> str:
    """A date (or a date and time) in Babel's `style` ("long", "short"…) or pattern ("dd/MM/yyyy HH:mm")."""
    from babel.dates import format_date as babel_format_date
    from babel.dates import format_datetime

    if isinstance(value, datetime):
        return format_datetime(value, format=style, locale=lang)
    return babel_format_date(value, format=style, locale=lang)


class _Formatter(string.Formatter):
    """str.format, with numbers and dates written the way the language writes them."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        """`{label!l}`: the first letter in lower case, for a label used inside a sentence."""
        if conversion == "l":
            text = self.format_field(value, "")
            return text[:1].lower() + text[1:]
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message | Lines):
            return value.text(self.lang)
        if isinstance(value, date) and format_spec.isidentifier():
            return format_date(value, self.lang, style=t(f"format.{format_spec}", self.lang))
        if format_spec:
            return super().format_field(value, format_spec)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int | float):
            return format_number(value, self.lang)
        if isinstance(value, datetime):
            return format_date(value.date(), self.lang)
        if isinstance(value, date):
            return format_date(value, self.lang)
        return super().format_field(value, format_spec)


def label(key: str, lang: Language) -> str:
    """A short label: a status, severity or verdict member, or a report heading."""
    # Enum members first: a heading key spelt like a status must not shadow the status's label.
    group = next((g for g in ("status", "severity", "verdict") if has(f"{g}.{key}", lang)), "label")
    return t(f"{group}.{key}", lang)


def next_steps(verdict: str, lang: Language) -> str:
    return t(f"next_steps.{verdict}", lang)


def location(unit: str, page: int | None, line: int | None, lang: Language) -> str:
    """'page 3', 'paragraphe 12' or 'ligne 40'."""
    if page is not None:
        return t("location.page" if unit == "page" else "location.paragraph", lang, number=str(page))
    return t("location.line", lang, number=str(line)) if line is not None else ""
