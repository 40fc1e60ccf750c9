"""Markdown report, for pasting into a note or a ticket.

Everything taken from the contract or its file (name, quotes, sections, parties) goes through
`escaping.markdown_text`: a contract's raw HTML or Markdown links are shown, never run."""

from __future__ import annotations

from typing import TextIO

from vendorcheck.escaping import markdown_text as md
from vendorcheck.i18n import label, next_steps, t
from vendorcheck.recognition import finding_note
from vendorcheck.render.groups import cause_lines, counts_line, footer, grouped, where
from vendorcheck.render.hds_section import hds_lines
from vendorcheck.review import Review


def render(review: Review, out: TextIO) -> None:
    lang = review.lang
    out.write(f"# {label('title', lang)} — {md(review.document.name)}\n\n")
    out.write(f"**{t('report.field', lang, label=label('verdict', lang), value=label(review.verdict, lang))}**\n\n")
    out.write("".join(f"- {md(cause)}\n" for cause in cause_lines(review)) + "\n")
    out.write(f"{counts_line(review)}\n\n{next_steps(review.verdict, lang)}\n\n")
    hds = hds_lines(review)
    if hds:
        headline, reasons = hds
        out.write(f"## HDS\n\n**{md(headline)}**\n\n" + "".join(f"- {md(r)}\n" for r in reasons) + "\n")
    if review.document.warnings:
        notes = "".join(f"- {md(w)}\n" for w in review.document.warnings)
        out.write(f"## {t('ocr.notes_title', lang)}\n\n{notes}\n")
    for group in grouped(review):
        out.write(f"## {group.title} ({len(group.findings)})\n\n")
        for f in group.findings:
            head = f"### {f.requirement} — {md(f.title)}"
            out.write(f"{head}\n\n*{label(f.status, lang)}* · {label(f.severity, lang)} · {f.citation}\n\n")
            if f.status.value != "present":
                out.write(f"{md(f.message)}\n\n")
            note = finding_note(f, lang)
            if note:
                out.write(f"*⚠ {note}*\n\n")
            for ev in f.evidence:
                out.write(f"> {md(' '.join(ev.quote.split()))}\n>\n> — {md(where(review, ev))}\n\n")
            if f.advice:
                out.write(t("report.md_advice", lang, label=label("advice", lang), advice=md(f.advice)) + "\n\n")
    out.write(f"---\n{footer(review)}\n")
