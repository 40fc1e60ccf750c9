"""Terminal report (rich): overall verdict first, then blocking and major gaps, then the rest."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from vendorcheck.i18n import label, next_steps, t
from vendorcheck.models import Status, Verdict
from vendorcheck.recognition import finding_note
from vendorcheck.render.groups import cause_lines, counts_line, footer, grouped, where
from vendorcheck.render.hds_section import hds_lines
from vendorcheck.review import Review

STATUS_STYLE = {
    Status.present: "green",
    Status.partial: "yellow",
    Status.non_compliant: "bold red",
    Status.missing: "red",
    Status.not_applicable: "dim",
}
VERDICT_STYLE = {
    Verdict.signable: "green",
    Verdict.verify_certification: "cyan",
    Verdict.signable_with_addendum: "yellow",
    Verdict.not_signable: "red",
}


def render(review: Review, out: TextIO) -> None:
    console = Console(
        file=out, width=100, highlight=False, soft_wrap=False, force_terminal=getattr(out, "isatty", lambda: False)()
    )
    lang = review.lang
    summary = Text()
    summary.append(t("report.label_colon", lang, label=label("verdict", lang)), style="bold")
    summary.append(label(review.verdict, lang), style=f"bold {VERDICT_STYLE[review.verdict]}")
    for cause in cause_lines(review):
        summary.append(f"\n• {cause}")
    summary.append("\n" + counts_line(review))
    summary.append(f"\n{next_steps(review.verdict, lang)}")
    console.print(Panel(summary, title=f"{label('title', lang)} — {review.document.name}", expand=True))
    hds = hds_lines(review)
    if hds:
        headline, reasons = hds
        console.print(Text(t("report.hds", lang, headline=headline), style="bold"))
        for reason in reasons:
            console.print(Text(f"  • {reason}"))
        console.print()
    if review.document.warnings:
        console.print(Text(t("report.label_colon", lang, label=t("ocr.notes_title", lang)).rstrip(), style="bold"))
        for warning in review.document.warnings:
            console.print(Text(f"  • {warning}", style="yellow"))
        console.print()
    for group in grouped(review):
        console.rule(f"{group.title} ({len(group.findings)})", style="dim")
        for f in group.findings:
            line = Text()
            line.append(f"[{label(f.status, lang)}] ", style=STATUS_STYLE[f.status])
            line.append(f"{f.requirement} — {f.title}", style="bold")
            if f.is_violation:
                line.append(f"  ({label(f.severity, lang)})", style="dim")
            console.print(line)
            if group.key in ("met", "not_applicable"):
                continue
            console.print(Text(f"    {f.message}"))
            note = finding_note(f, lang)
            if note:
                console.print(Text(f"    ⚠ {note}", style="yellow"))
            for ev in f.evidence[:2]:
                quote = " ".join(ev.quote.split())
                console.print(
                    Text("    " + t("report.quote", lang, quote=quote, where=where(review, ev)), style="italic")
                )
            if f.advice:
                console.print(
                    Text("    " + t("report.advice", lang, label=label("advice", lang), advice=f.advice), style="cyan")
                )
    console.print(Text("\n" + footer(review), style="dim"))
