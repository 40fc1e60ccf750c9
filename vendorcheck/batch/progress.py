"""The batch's progress bar on stderr (rich): documents done, errors so far, time left."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from vendorcheck.i18n import t
from vendorcheck.models import Language
from vendorcheck.register.records import Outcome


class RichProgress:
    """Implements `runner.Progress`; use as a context manager around `run_batch`."""

    def __init__(self, console: Console, lang: Language) -> None:
        self._lang = lang
        self._failed = 0
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[errors]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task = self._bar.add_task(t("batch.progress.review", self._lang), total=None, errors="")

    def __enter__(self) -> RichProgress:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def start(self, total: int, skipped: int) -> None:
        self._bar.update(self._task, total=total)

    def advance(self, outcome: Outcome) -> None:
        self._failed += outcome.failure is not None
        errors = t("batch.count.failed", self._lang, count=self._failed) if self._failed else ""
        self._bar.update(
            self._task,
            advance=1,
            errors=errors,
            description=f"{t('batch.progress.review', self._lang)} {_short(Path(outcome.path).name)}",
        )

    def stopping(self) -> None:
        self._bar.update(self._task, description=t("batch.progress.stopping", self._lang))


def _short(name: str, width: int = 32) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"
