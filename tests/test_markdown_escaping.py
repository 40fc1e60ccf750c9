"""Markdown outputs show a contract's raw HTML and Markdown as text: nothing from the contract runs or loads
when the report or the addendum is pasted into a ticket, a wiki or a mail."""

from __future__ import annotations

import io
import re
from pathlib import Path

from tests.hostile import HTML
from vendorcheck.addendum import build_addendum
from vendorcheck.api import review_file
from vendorcheck.escaping import markdown_text
from vendorcheck.render.markdown import render

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "contracts" / "saas-agenda-cgu-faibles.md"
# What a Markdown renderer would run or fetch: an HTML tag, a link or an image, a heading.
ACTIVE = re.compile(r"<[a-z/!]|(?<!\\)\]\(|^> #", re.IGNORECASE | re.MULTILINE)


def test_the_report_and_the_addendum_in_markdown_escape_the_contract(tmp_path: Path) -> None:
    contract = tmp_path / "cgu <img src=x>.md"
    text = SAMPLE.read_text(encoding="utf-8")
    assert "Le Client autorise" in text  # a clause the review quotes as contradicting GDPR Art. 28
    contract.write_text(text.replace("Le Client autorise", f"Le Client {HTML} autorise"), encoding="utf-8")
    review = review_file(contract, health_data=True, lang="fr")
    assert any("<script>" in e.quote for f in review.findings for e in f.evidence)

    report = io.StringIO()
    render(review, report)
    addendum = build_addendum(review, fmt="md").decode("utf-8")
    for markdown in (report.getvalue(), addendum):
        assert not ACTIVE.search(markdown), ACTIVE.search(markdown)
        assert (
            '&lt;script&gt;alert("vc")&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; '
            "\\[lien\\](javascript:alert(1))"
        ) in markdown
    assert report.getvalue().startswith("# Analyse du contrat — cgu &lt;img src=x&gt;.md\n")


def test_markdown_text_neutralises_each_construct() -> None:
    assert markdown_text("# Titre") == "\\# Titre"
    assert markdown_text("![pixel](http://x.test/p.png)") == "!\\[pixel\\](http://x.test/p.png)"
    assert markdown_text("*gras* _it_ `code` a\\b & <b>") == "\\*gras\\* \\_it\\_ \\`code\\` a\\\\b &amp; &lt;b&gt;"
