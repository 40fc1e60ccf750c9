"""What every redline must satisfy, shared by the fast tests and the LibreOffice ones."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.addendum.wordml import W, accept_all, comments, document_root, paragraph_texts, reject_all, revisions
from vendorcheck.addendum.redline import AUTHOR, Redline
from vendorcheck.api import review
from vendorcheck.ingest import IngestOptions, load_bytes
from vendorcheck.review import Review
from vendorcheck.rulebook import load_rules


def reviewed_again(data: bytes, lang: str = "fr") -> Review:
    document = load_bytes(Path("accepte.docx"), data, IngestOptions())
    return review(document, health_data=True, lang=lang, rules=load_rules())


def assert_tracked_by_vendorcheck(result: Redline, day: str | None = None) -> None:
    ours = revisions(result.content, AUTHOR)
    assert any(r.tag == f"{W}ins" for r in ours)
    if day:
        assert {r.get(f"{W}date") for r in ours} == {f"{day}T00:00:00Z"}
    ids = [e.get(f"{W}id") for e in document_root(result.content).iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


def assert_reject_gives_the_original(original: bytes, result: Redline) -> None:
    assert paragraph_texts(reject_all(result.content)) == paragraph_texts(reject_all(original))


def assert_accept_leaves_no_violation(result: Redline) -> None:
    assert result.review.violations  # the contract needed fixing
    again = reviewed_again(accept_all(result.content))
    left = {f.requirement: f.status.value for f in again.violations}
    assert left == {}, f"still detected after accepting the redline: {left}"


def assert_every_change_is_commented(result: Redline, lang: str = "fr") -> None:
    root = document_root(result.content)
    ours = [e for e in root.iter(f"{W}ins", f"{W}del") if e.get(f"{W}author") == AUTHOR]
    text_changes = [e for e in ours if e.getparent().tag != f"{W}rPr"]
    assert [e for e in text_changes if not _inside_a_comment(e)] == []
    for mark in (e for e in ours if e.getparent().tag == f"{W}rPr"):  # an inserted or deleted paragraph mark
        # it belongs to the paragraph's own change, or (a mark handed over to the paragraphs inserted
        # after it) to the next paragraph's
        paragraph = next(a for a in mark.iterancestors() if a.tag == f"{W}p")
        nearby = [paragraph, paragraph.getnext()] if paragraph.getnext() is not None else [paragraph]
        assert any(e in text_changes for p in nearby for e in p.iter(f"{W}ins", f"{W}del"))
    by_vendorcheck = [text for author, text in comments(result.content).values() if author == AUTHOR]
    assert len(by_vendorcheck) == result.comments
    rules = {rule.id: rule for rule in load_rules().rules}
    for requirement in result.clauses:
        rule = rules[requirement]
        assert any(
            rule.title.get(lang) in text and rule.citation.label in text and rule.doc.why.get(lang) in text
            for text in by_vendorcheck
        ), requirement


def _inside_a_comment(element: etree._Element) -> bool:
    """A comment range is open where the element stands (ranges close after what they cover)."""
    opened: set[str] = set()
    for node in element.getroottree().getroot().iter():
        if node is element:
            return bool(opened)
        if node.tag == f"{W}commentRangeStart":
            opened.add(node.get(f"{W}id"))
        elif node.tag == f"{W}commentRangeEnd":
            opened.discard(node.get(f"{W}id"))
    return False
