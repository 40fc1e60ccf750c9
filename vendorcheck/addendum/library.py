"""The clause library: Jinja2 templates per language, the shipped ones overridable file by file.

Layout: `clauses/<lang>/<name>.md.j2`, where `<name>` is a requirement id (`GDPR-33-2`) or one of the
framework parts in FRAME_PARTS. A lawyer's folder given with `--clauses DIR` has the same layout; a
template found there replaces the shipped one of the same name, the others are kept. Every template
declares its metadata with top-level `{% set %}` statements (`title`, `citation`, and for requirement
clauses `rule`, which must equal the file name), so a clause file stands on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment

from vendorcheck import errors
from vendorcheck.i18n import LANGUAGES, Message, message
from vendorcheck.models import Language
from vendorcheck.resources import data_dir

SUFFIX = ".md.j2"
# Framework parts of every addendum, beside the one clause per requirement; `redline` frames the clauses
# written into the vendor's own contract.
FRAME_PARTS = (
    "title",
    "parties",
    "preamble",
    "object",
    "precedence",
    "replaces",
    "final",
    "closing",
    "signatures",
    "annex-processing",
    "annex-security",
    "annex-subprocessors",
    "redline",
)
# Block tags on their own line leave blank lines behind; paragraphs are separated by exactly one.
_BLANK_LINES = re.compile(r"\n\s*\n(\s*\n)+")
_TITLED = {
    "title",
    "preamble",
    "object",
    "precedence",
    "final",
    "annex-processing",
    "annex-security",
    "annex-subprocessors",
    "redline",
}


@dataclass(frozen=True)
class Part:
    """One rendered template: its body (Markdown subset) and the metadata it declares."""

    name: str
    body: str
    title: str | None = None
    citation: str | None = None
    rule: str | None = None


class ClauseLibrary:
    """The shipped templates, each replaceable by a template of the same name in `override`."""

    def __init__(self, override: Path | None = None) -> None:
        self.shipped = data_dir("clauses")
        self.override = Path(override).resolve() if override else None
        if self.override is not None:
            self._check_override(self.override)

    @cached_property
    def known_names(self) -> frozenset[str]:
        """Names a template may have: the framework parts and the requirements the shipped library covers."""
        names = {p.name[: -len(SUFFIX)] for lang in LANGUAGES for p in (self.shipped / lang).glob(f"*{SUFFIX}")}
        return frozenset(names | set(FRAME_PARTS))

    def requirements(self, lang: Language) -> list[str]:
        """Requirement ids with a clause in this language (shipped or overridden)."""
        return sorted(n for n in self.known_names - set(FRAME_PARTS) if self._path(lang, n) is not None)

    def has(self, lang: Language, name: str) -> bool:
        """Whether a template of this name exists in this language."""
        return self._path(lang, name) is not None

    def render(self, lang: Language, name: str, context: dict[str, Any]) -> Part:
        path = self._path(lang, name)
        if path is None:
            raise errors.ClauseTemplateError(
                self.shipped / lang / f"{name}{SUFFIX}", detail=message("addendum.errors.no_template")
            )
        template = self._template(lang, name, path)
        try:
            module = template.make_module(context)
        except TemplateError as exc:
            raise _template_error(path, exc, template) from exc
        meta = {key: getattr(module, key, None) for key in ("title", "citation", "rule")}
        self._check_meta(path, name, meta)
        return Part(name=name, body=_BLANK_LINES.sub("\n\n", str(module)).strip(), **meta)

    def check(self, lang: Language) -> None:
        """Compile every template of a language, so a broken one fails before anything is written."""
        for name in sorted(self.known_names):
            path = self._path(lang, name)
            if path is not None:
                self._template(lang, name, path)

    # -- internals -------------------------------------------------------------------------------

    def _path(self, lang: Language, name: str) -> Path | None:
        for root in (self.override, self.shipped):
            if root is not None and (candidate := root / lang / f"{name}{SUFFIX}").is_file():
                return candidate
        return None

    @cached_property
    def _environment(self) -> SandboxedEnvironment:
        # Sandboxed and strict: templates may come from a lawyer's folder, and a misspelt variable
        # must stop the build rather than leave a blank in a contract.
        roots = [str(r) for r in (self.override, self.shipped) if r is not None]
        return SandboxedEnvironment(
            loader=ChoiceLoader([FileSystemLoader(r) for r in roots]),
            undefined=StrictUndefined,
            lstrip_blocks=True,
            autoescape=False,
        )

    def _template(self, lang: Language, name: str, path: Path) -> Template:
        try:
            return self._environment.get_template(f"{lang}/{name}{SUFFIX}")
        except TemplateSyntaxError as exc:
            problem = message("addendum.errors.template_line", line=str(exc.lineno), problem=exc.message)
            raise errors.ClauseTemplateError(path, detail=problem) from exc
        except TemplateError as exc:
            raise _template_error(path, exc, None) from exc

    @staticmethod
    def _check_meta(path: Path, name: str, meta: dict[str, Any]) -> None:
        is_clause = name not in FRAME_PARTS
        needed = ["title", "citation", "rule"] if is_clause else (["title"] if name in _TITLED else [])
        for key in needed:
            if not isinstance(meta[key], str) or not meta[key].strip():
                raise errors.ClauseTemplateError(path, detail=message("addendum.errors.missing_meta", key=key))
        if is_clause and meta["rule"] != name:
            problem = message("addendum.errors.wrong_rule", rule=meta["rule"], file=f"{name}{SUFFIX}")
            raise errors.ClauseTemplateError(path, detail=problem)

    def _check_override(self, root: Path) -> None:
        if not root.is_dir():
            raise errors.ClauseTemplateError(root, detail=message("addendum.errors.no_folder"))
        found = list(root.rglob(f"*{SUFFIX}"))
        if not found:
            raise errors.ClauseTemplateError(root, detail=message("addendum.errors.no_templates", suffix=SUFFIX))
        for path in found:
            relative = path.relative_to(root)
            if len(relative.parts) != 2 or relative.parts[0] not in LANGUAGES:
                raise errors.ClauseTemplateError(path, detail=message("addendum.errors.wrong_folder"))
            name = path.name[: -len(SUFFIX)]
            if name not in self.known_names:
                problem = message("addendum.errors.unknown_name", name=name, known=", ".join(FRAME_PARTS))
                raise errors.ClauseTemplateError(path, detail=problem)


def _template_error(path: Path, exc: TemplateError, template: Template | None) -> errors.ClauseTemplateError:
    """Name the template line: the failing frame runs the compiled template, whose line maps back."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if template is not None and tb.tb_frame.f_code.co_filename == template.filename:
            line = template.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    reason: str | Message = exc.message or type(exc).__name__
    if isinstance(exc, UndefinedError):
        reason = message("addendum.errors.unknown_variable", reason=reason)
    if line:
        reason = message("addendum.errors.template_line", line=str(line), problem=reason)
    return errors.ClauseTemplateError(path, detail=reason)
