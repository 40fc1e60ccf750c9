"""The redline of a vendor's Word contract: review it, then write every fix as a tracked change by
"vendorcheck" with a comment citing the law, leaving the rest of the document as it was."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree

from vendorcheck import errors
from vendorcheck.addendum.build import clause_article, clause_context
from vendorcheck.addendum.library import ClauseLibrary
from vendorcheck.addendum.markup import Block, blocks
from vendorcheck.addendum.model import Article
from vendorcheck.addendum.redline.comments import Comments, anchor
from vendorcheck.addendum.redline.package import DOCUMENT, OFFICE_REL, DocxPackage
from vendorcheck.addendum.redline.placement import (
    TYPED_NUMBER,
    article_site,
    body_level,
    heading_paragraphs,
)
from vendorcheck.addendum.redline.plan import LEADING_LABEL, Clause, Plan, displaced, plan_changes
from vendorcheck.addendum.redline.revisions import (
    Stamp,
    Unsplittable,
    delete_paragraph_mark,
    hand_over_mark,
    inserted_paragraph,
    inserted_text,
    merge_properties,
    outside_revisions,
    run_format,
    strike,
    top_level,
)
from vendorcheck.addendum.redline.textmap import BodyMap, Piece, paragraph_text
from vendorcheck.addendum.settings import AddendumDetails
from vendorcheck.files import open_regular, read_regular, reading
from vendorcheck.i18n import label, message, t
from vendorcheck.ingest import IngestOptions, load_bytes, sniff
from vendorcheck.ingest.docx import text_pieces
from vendorcheck.ingest.numbering import ListNumbering, W
from vendorcheck.models import Document, Finding, Language
from vendorcheck.review import Review
from vendorcheck.rulebook import RulePack

AUTHOR = "vendorcheck"
LIST_MARK = "– "  # clause list items, written as text: the vendor's list styles are not ours to reuse
_IDS = re.compile(rb'\bw:id="(\d{1,9})"')


@dataclass(frozen=True)
class _Struck:
    """A struck sentence: the body element its replacement follows, and the inline start of that replacement."""

    site: etree._Element
    paragraph: etree._Element
    insertion: etree._Element | None


@dataclass(frozen=True)
class Redline:
    """The annotated contract and what was done to it."""

    content: bytes
    review: Review
    clauses: tuple[str, ...]  # requirements whose clause was inserted, in reading order
    struck: int  # sentences struck
    comments: int
    notes: tuple[str, ...]  # passages that could not be marked, with the reason


def redline_docx(
    source: bytes | Path,
    *,
    name: str | None = None,
    lang: Language = "fr",
    parties: AddendumDetails | Mapping[str, Any] | str | Path | None = None,
    clauses_dir: str | Path | None = None,
    health_data: bool = True,
    rules: RulePack | None = None,
    today: date | None = None,
    ingest: IngestOptions | dict[str, Any] | None = None,
) -> Redline:
    """Review the vendor's DOCX, then return it with the fixes as tracked changes and comments.

    source (bytes | Path): the DOCX as received, or its file (`addendum --redline`): a PDF, a scan or a
        saved review is then refused from its first bytes, before the file is read whole.
    name (str): its file name, for messages (the file's own path by default).
    lang (str): language of the comments and of the review's messages ("fr" or "en"); the inserted clauses
        are in the contract's own language.
    parties, clauses_dir: as for the standalone addendum (`build_addendum`).
    health_data (bool): the vendor hosts health data (CSP R.1111-11 clauses).
    rules (RulePack): the rule pack (the shipped one by default).
    today (date): the date stamped on every change and comment (today by default).
    ingest (IngestOptions | dict): reading limits (size, zip bomb bounds).
    RETURNS (Redline): the annotated document; unchanged bytes when the review finds no gap.
    """
    from vendorcheck.api import review as review_document
    from vendorcheck.rulebook import load_rules

    options = IngestOptions.resolve(ingest)
    if isinstance(source, Path):
        with reading(source), open_regular(source) as head:
            check_docx(source, head.read(2048))
        source, name = read_regular(source, options.max_bytes), name or str(source)
    path = Path(name or "contrat.docx")
    check_docx(path, source)
    # Settings and templates before the review: a typo there must not wait for it.
    details = AddendumDetails.resolve(parties)
    library = ClauseLibrary(Path(clauses_dir) if clauses_dir else None)
    document = load_bytes(path, source, options)
    library.check(document.language)
    pack = rules or load_rules()
    review = review_document(document, health_data=health_data, lang=lang, rules=pack)
    return annotate(source, document, review, details=details, library=library, rules=pack, today=today, ingest=options)


def write_annotated(
    source: Path, document: Document, review: Review, target: Path, *, rules: RulePack | None = None
) -> str | None:
    """Write the redline of a Word contract already read and reviewed (`batch --redline`) to `target`;
    None when written, else why not, in the review's language. A defect of the redline must not cost the
    review it was made from."""
    try:
        result = annotate(read_regular(source), document, review, rules=rules)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(result.content)
    except errors.VendorcheckError as exc:
        return t("redline.batch_failed", review.lang, reason=exc.message(review.lang))
    except Exception as exc:  # noqa: BLE001 - any defect becomes the document's note
        return t("redline.batch_failed", review.lang, reason=type(exc).__name__)
    return None


def check_docx(path: Path, data: bytes) -> None:
    """Refuse, in one line pointing to the separate addendum, a contract that is not a Word document.
    Checked on the content before any reading: a scan must not go through OCR only to be refused."""
    if path.suffix.lower() == ".json":
        raise errors.RedlineNeedsDocx(path, kind=message("redline.kinds.review"), name=str(path))
    try:
        fmt = sniff(path, data[:2048])
    except errors.UnsupportedFormat:
        fmt = "other"
    if fmt != "docx":
        raise errors.RedlineNeedsDocx(path, kind=message(f"redline.kinds.{fmt}"), name=str(path))


def annotate(
    data: bytes,
    document: Document,
    review: Review,
    *,
    details: AddendumDetails | None = None,
    library: ClauseLibrary | None = None,
    rules: RulePack | None = None,
    today: date | None = None,
    ingest: IngestOptions | None = None,
) -> Redline:
    """The redline of a DOCX already read (`document`) and reviewed (`review`, whose language the
    comments take): what the batch calls, having both at hand."""
    from vendorcheck.engine.analysis import analyse
    from vendorcheck.rulebook import load_rules

    library = library or ClauseLibrary()
    library.check(document.language)
    if not review.violations:
        return Redline(data, review, (), 0, 0, ())
    pack = rules or load_rules()
    package = DocxPackage(Path(document.name), data, ingest)
    plan = plan_changes(review, analyse(document, pack, review.parties), pack)
    plan.clauses += displaced(plan, review, document, pack)
    writer = _Writer(
        package, document, review, pack, review.lang, library, details or AddendumDetails(), today or date.today()
    )
    writer.apply(plan)
    return Redline(
        package.save(),
        review,
        tuple(c.finding.requirement for c in plan.clauses),
        writer.struck,
        writer.comments.added,
        tuple(writer.notes),
    )


class _Writer:
    """Applies a plan to the document part: strikes first (last to first, so offsets hold), then the
    inserted paragraphs, each change with its comment."""

    def __init__(
        self,
        package: DocxPackage,
        document: Document,
        review: Review,
        pack: RulePack,
        lang: Language,
        library: ClauseLibrary,
        details: AddendumDetails,
        today: date,
    ) -> None:
        self.package, self.document, self.review, self.pack, self.lang = package, document, review, pack, lang
        self.clause_lang: Language = document.language
        self.library = library
        self.context = clause_context(review, details, self.clause_lang, standalone=False)
        self.body = package.xml(DOCUMENT).find(f"{W}body")
        if self.body is None:
            raise errors.CorruptDocx(package.path, detail=message("redline.errors.no_body"))
        parts = [package.related_part(f"{OFFICE_REL}/{kind}") for kind in ("numbering", "styles")]
        numbering, styles = (package.xml(p) if p else None for p in parts)
        self.numbering = ListNumbering.from_parts(numbering, styles)
        self.body_map = BodyMap(self.body, ListNumbering.from_parts(numbering, styles), document)
        self.headings = heading_paragraphs(document, self.body_map, styles)
        self.comments = Comments(package, t("redline.initials", lang))
        self.stamp = Stamp(AUTHOR, f"{today.isoformat()}T00:00:00Z", self._first_free_id())
        # Keyed by the elements themselves: an lxml proxy's id() is only stable while a reference is held.
        self.cursors: dict[etree._Element, etree._Element] = {}  # body element -> last paragraph put after it
        self.struck = 0
        self.notes: list[str] = []
        self.articles: dict[str, Article] = {}  # requirement -> its clause, rendered once
        self.titles: dict[etree._Element, str] = {}  # first element of each inserted clause -> its title

    def apply(self, plan: Plan) -> None:
        pieces = [self._strikable(s.start, s.end) for s in plan.strikes]
        inline: dict[int, Clause] = {}
        for clause in plan.clauses:
            if clause.role == "replaces" and clause.strike is not None:
                inline.setdefault(clause.strike, clause)
        struck: dict[int, _Struck] = {}
        for index in reversed(range(len(plan.strikes))):  # last first: earlier offsets stay valid
            done = self._strike(plan.strikes[index].requirements, pieces[index], inline.get(index))
            if done is not None:
                struck[index] = done
        article: list[Clause] = []
        for clause in plan.clauses:
            if clause.role == "adds" or (clause.role == "replaces" and clause.strike not in struck):
                article.append(clause)
            elif clause.role == "replaces":
                self._after_strike(clause, struck[clause.strike], inline[clause.strike] is clause)
            else:
                self._complement(clause)
        if article:
            self._article(article)
        self._definitions()
        self._orphan_headings()
        self._merge_targets()

    def _merge_targets(self) -> None:
        """Make "reject all" give every original paragraph its own properties back. After a plain
        paragraph, the inserted ones take its mark (`hand_over_mark`); after a table, a section break or a
        paragraph struck whole, each inserted paragraph records the properties of the paragraph it would
        join (`merge_properties`)."""
        for site, last in self.cursors.items():
            properties = site.find(f"{W}pPr")
            tracked = (
                properties is not None
                and properties.find(f"{W}rPr") is not None
                and any(c.tag in (f"{W}ins", f"{W}del") for c in properties.find(f"{W}rPr"))
            )
            if site.tag == f"{W}p" and not tracked and (properties is None or properties.find(f"{W}sectPr") is None):
                hand_over_mark(site, last, self.stamp)
        following = None
        for node in reversed(self.body):
            if node.tag == f"{W}p" and _inserted_by_us(node):
                if following is not None:
                    merge_properties(node, following, self.stamp)
            elif node.find(f"{W}pPr/{W}pPrChange") is not None and node in self.cursors.values():
                following = None  # the end of a handed-over block: its paragraphs join the original one
            else:
                following = node if node.tag == f"{W}p" else None

    # -- striking ------------------------------------------------------------------------------------

    def _strikable(self, start: int, end: int) -> list[Piece]:
        """The pieces of a sentence that may be struck, each without the typed number that opens its
        paragraph ("4.1", "Article 11 –"): the clause or heading keeps its number."""
        out = []
        for piece in self.body_map.pieces(start, end):
            text = paragraph_text(piece.paragraph)
            low, high = piece.start, piece.end
            label = (TYPED_NUMBER if piece.paragraph in self.headings else LEADING_LABEL).match(text)
            if label and not text[:low].strip():
                low = max(low, label.end())
            while low < high and text[low].isspace():
                low += 1
            while high > low and text[high - 1].isspace():
                high -= 1
            if high > low:
                out.append(Piece(piece.paragraph, low, high))
        return out

    def _strike(self, requirements: list[str], pieces: list[Piece], replacement: Clause | None) -> _Struck | None:
        """Strike a sentence, write the first paragraph of its replacement right after it, comment it."""
        deleted: list[tuple[Piece, list[etree._Element]]] = []
        for piece in reversed(pieces):
            quote = paragraph_text(piece.paragraph)[piece.start : piece.end]
            try:
                wrappers = strike(piece.paragraph, piece.start, piece.end, self.stamp)
            except Unsplittable:
                wrappers = []
            if wrappers:
                deleted.insert(0, (piece, wrappers))
            else:
                self.notes.append(t("redline.skipped", self.lang, quote=quote[:80]))
        if not deleted:
            return None
        self.struck += 1
        (first, first_wrappers), (last, last_wrappers) = deleted[0], deleted[-1]
        findings = [f for r in requirements if (f := self.review.finding(r)) is not None]
        lines = [(t("redline.actions.struck", self.lang), False)]
        for finding in findings:
            lines += self._requirement(finding)
        end = last_wrappers[-1]
        for piece, wrappers in deleted:  # a heading that held the wording announces the compliant clause
            if piece.paragraph in self.headings and findings:
                title = self._clause_article(findings[0]).title
                last_run = wrappers[-1].findall(f"{W}r")[-1]
                retitled = inserted_text(title, last_run.find(f"{W}rPr"), self.stamp)
                outside_revisions(wrappers[-1]).addnext(retitled)
                end = retitled if piece is last else end
        anchor(
            self.comments.add(lines, self.stamp),
            top_level(first.paragraph, first_wrappers[0]),
            top_level(last.paragraph, end),
        )
        insertion = None
        in_table = any(a.tag == f"{W}tc" for a in last.paragraph.iterancestors())
        # In the sentence's place, unless it stood in a table cell (a clause reads after the table, not in
        # it) or in a heading (retitled above; the clause follows it).
        if (
            replacement is not None
            and not in_table
            and last.paragraph not in self.headings
            and (lead := self._blocks(replacement.finding)[0]).kind == "p"
        ):
            last_run = last_wrappers[-1].findall(f"{W}r")[-1]
            insertion = inserted_text(lead.text, last_run.find(f"{W}rPr"), self.stamp)
            outside_revisions(last_wrappers[-1]).addnext(insertion)
        for piece, _ in deleted:
            self._drop_if_emptied(piece.paragraph)
        return _Struck(body_level(last.paragraph), last.paragraph, insertion)

    def _drop_if_emptied(self, paragraph: etree._Element) -> bool:
        """A paragraph left without text goes too once the changes are accepted (its mark is deleted) —
        only when the next paragraph has the same properties: joining two paragraphs, Word keeps the
        second's properties and LibreOffice the first's, so the next paragraph keeps its own either way.
        Otherwise an empty paragraph is left rather than a heading turned into body text."""
        following = paragraph.getnext()
        if paragraph_text(paragraph).strip() or following is None or following.tag != f"{W}p":
            return False  # text is left, the vendor's or the replacement written in its place
        if _base_properties(paragraph) != _base_properties(following):
            return False
        delete_paragraph_mark(paragraph, self.stamp)
        return True

    def _orphan_headings(self) -> None:
        """A heading whose section had all its text struck would be left over nothing, or over the clause
        that replaced it, and its words ("our legitimate business operations") may be the very wording the
        section was struck for: it is retitled with the title of the clause inserted under it, or struck."""
        groups: list[tuple[etree._Element, list[etree._Element]]] = []
        for node in self.body:
            if node.tag == f"{W}p" and node in self.headings:
                groups.append((node, []))
            elif groups and node.tag in (f"{W}p", f"{W}tbl", f"{W}sdt"):
                groups[-1][1].append(node)
        emptied: set[etree._Element] = set()
        for heading, section in reversed(groups):  # a sub-heading emptied first empties its parent
            original = [n for n in section if not _inserted_by_us(n)]
            if not original or not all(
                n in emptied or (n.tag == f"{W}p" and not _original_text(n).strip()) for n in original
            ):
                continue
            if not any(n in emptied or _struck_by_us(n) for n in original):
                continue  # empty before we came: not ours to strike
            title = next((self.titles[e] for n in section for e in n.iter() if e in self.titles), None)
            retitle = [e for e in heading.iter(f"{W}ins") if e.get(f"{W}author") == AUTHOR]
            if retitle:  # its wording already struck and retitled: keep the title only over a clause
                if not title:
                    for inserted in retitle:
                        inserted.getparent().remove(inserted)
                    if self._drop_if_emptied(heading) or not paragraph_text(heading).strip():
                        emptied.add(heading)
                continue
            text = paragraph_text(heading)
            typed = TYPED_NUMBER.match(text)
            start = typed.end() if typed and title else 0  # a retitled heading keeps its typed number
            try:
                wrappers = strike(heading, start, len(text), self.stamp)
            except Unsplittable:
                continue
            if not wrappers:
                continue
            emptied.add(heading)
            if title:
                last_run = wrappers[-1].findall(f"{W}r")[-1]
                outside_revisions(wrappers[-1]).addnext(inserted_text(title, last_run.find(f"{W}rPr"), self.stamp))
                action = "redline.actions.retitled"
            else:
                self._drop_if_emptied(heading)
                action = "redline.actions.heading"
            comment = self.comments.add([(t(action, self.lang), False)], self.stamp)
            anchor(comment, top_level(heading, wrappers[0]), top_level(heading, heading[-1]))

    # -- inserting -----------------------------------------------------------------------------------

    def _after_strike(self, clause: Clause, struck: _Struck, inline: bool) -> None:
        """The replacing clause: its first paragraph already in the sentence's place when `inline`."""
        rest = self._blocks(clause.finding)
        if inline and struck.insertion is not None:
            rest = rest[1:]
        paragraphs = self._paragraphs(rest, struck.site)
        self._insert_after(struck.site, paragraphs)
        if inline and struck.insertion is not None:
            first = top_level(struck.paragraph, struck.insertion)
        elif paragraphs:
            first = paragraphs[0][1]
        else:
            return
        self._comment(clause, first, paragraphs[-1][-1] if paragraphs else first)

    def _complement(self, clause: Clause) -> None:
        paragraph = self.body_map.paragraph_at(max(0, (clause.after or 1) - 1))
        if paragraph is None:
            self._article([clause])
            return
        site = body_level(paragraph)
        paragraphs = self._paragraphs(self._blocks(clause.finding, titled=True), site)
        self._insert_after(site, paragraphs)
        self._comment(clause, paragraphs[0][1], paragraphs[-1][-1])

    def _article(self, clauses: list[Clause]) -> None:
        """One new article holding every clause the contract lacks, numbered like its neighbours."""
        frame = self.library.render(self.clause_lang, "redline", self.context)
        site = article_site(
            self.document, self.body_map, self.numbering, self.review, t("redline.inserted_number", self.clause_lang)
        )
        heading_text = frame.title or ""
        if site.number is not None:
            heading_text = f"{site.prefix}{site.number}{site.separator}{heading_text}"
        template = site.heading
        heading = inserted_paragraph(
            heading_text.replace("[", "(").replace("]", ")"),
            template.find(f"{W}pPr") if template is not None else None,
            run_format(_first_run_properties(template), keep_all=True) if template is not None else None,
            self.stamp,
        )
        if template is None:  # no article to imitate: a bold line
            for run in heading.iter(f"{W}r"):
                run.insert(0, run_format(None, bold=True))
        near = site.element.getprevious() if site.before else site.element
        near = site.element if near is None else near
        groups = [(clause, self._paragraphs(self._blocks(clause.finding, titled=True), near)) for clause in clauses]
        everything = [heading] + [p for _, paragraphs in groups for p in paragraphs]
        after = site.element.getprevious() if site.before else site.element
        if after is not None:
            self._insert_after(after, everything)
        else:  # at the very start of the body
            for paragraph in everything:
                site.element.addprevious(paragraph)
        comment = self.comments.add([(t("redline.article_comment", self.lang, count=len(clauses)), False)], self.stamp)
        anchor(comment, heading[1], heading[-1])
        for clause, paragraphs in groups:
            self._comment(clause, paragraphs[0][1], paragraphs[-1][-1])

    def _definitions(self) -> None:
        """Name the parties as the inserted clauses do, right after the contract's own parties block."""
        if not self.comments.added:
            return
        frame = self.library.render(self.clause_lang, "redline", self.context)
        parties = [p for p in self.review.parties if p.evidence is not None]
        parties.sort(key=lambda p: p.role != "processor")
        paragraph = self.body_map.paragraph_at(parties[0].evidence.start) if parties else None
        if paragraph is None:  # no parties block found: right after the document's first paragraph (its title)
            paragraph = self.body_map.first_paragraph(0)
        if paragraph is None:
            return
        site = body_level(paragraph)
        paragraphs = self._paragraphs(blocks(frame.body), site)
        self._insert_after(site, paragraphs)
        comment = self.comments.add([(t("redline.definitions_comment", self.lang), False)], self.stamp)
        anchor(comment, paragraphs[0][1], paragraphs[-1][-1])

    def _clause_article(self, finding: Finding) -> Article:
        if finding.requirement not in self.articles:
            self.articles[finding.requirement] = clause_article(
                self.review,
                finding,
                self.clause_lang,
                self.library,
                {**self.context, "finding": finding.model_dump(mode="json")},
            )
        return self.articles[finding.requirement]

    def _blocks(self, finding: Finding, *, titled: bool = False) -> list[Block]:
        article = self._clause_article(finding)
        out = blocks(article.body)
        if titled:
            out.insert(0, Block("h", article.title))
        return out

    def _paragraphs(self, blocks_: list[Block], near: etree._Element) -> list[etree._Element]:
        properties, run_properties = self._body_template(near)
        out = []
        for block in blocks_:
            # Clause templates hold no table; a lawyer's one would come out as lines of cells.
            text = block.text or "; ".join(" | ".join(row) for row in block.rows)
            markup = {"li": LIST_MARK + text, "h": f"**{text}**"}.get(block.kind, text)
            out.append(inserted_paragraph(markup, properties, run_properties, self.stamp))
        return out

    def _body_template(self, near: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
        """The paragraph and run properties of the closest plain paragraph at or before `near`."""
        node: etree._Element | None = near
        while node is not None:
            if (
                node.tag == f"{W}p"
                and node not in self.headings
                and paragraph_text(node).strip()
                and not self.numbering.numbered(node)
            ):
                return node.find(f"{W}pPr"), _first_run_properties(node)
            node = node.getprevious()
        return None, None

    def _insert_after(self, site: etree._Element, paragraphs: list[etree._Element]) -> None:
        cursor = self.cursors.get(site, site)
        for paragraph in paragraphs:
            cursor.addnext(paragraph)
            cursor = paragraph
        self.cursors[site] = cursor

    def _comment(self, clause: Clause, first: etree._Element, last: etree._Element) -> None:
        self.titles[first] = self._clause_article(clause.finding).title
        lines = self._requirement(clause.finding)
        lines.insert(1, (t(f"redline.actions.{clause.role}", self.lang), False))
        anchor(self.comments.add(lines, self.stamp), first, last)

    def _requirement(self, finding: Finding) -> list[tuple[str, bool]]:
        """Requirement and article of law (bold), the finding, then why the law asks for it."""
        rule = next((r for r in self.pack.rules if r.id == finding.requirement), None)
        citation = rule.citation.label if rule else finding.citation
        if finding.unverified:
            citation = f"{citation}, {label('unverified', self.lang)}"
        title = rule.title.get(self.lang) if rule else finding.title
        lines = [
            (t("redline.requirement", self.lang, title=title, citation=citation), True),
            (t("redline.finding", self.lang, message=finding.message), False),
        ]
        if rule:
            lines.append((t("redline.why", self.lang, why=rule.doc.why.get(self.lang)), False))
        return lines

    def _first_free_id(self) -> int:
        """Above every w:id of the document's parts: revision and comment ids are never reused."""
        highest = max(self.comments.existing_ids(), default=0)
        for name in self.package.names():
            if name.startswith("word/") and name.endswith(".xml"):
                highest = max([highest, *(int(m) for m in _IDS.findall(self.package.raw(name)))])
        return highest + 1


def _first_run_properties(paragraph: etree._Element | None) -> etree._Element | None:
    if paragraph is None:
        return None
    for _, leaf in text_pieces(paragraph):
        node = leaf
        while node is not None and node.tag != f"{W}r":
            node = node.getparent()
        if node is not None:
            return node.find(f"{W}rPr")
    return None


def _inserted_by_us(node: etree._Element) -> bool:
    """A paragraph the redline added (its mark is an insertion by vendorcheck)."""
    mark = node.find(f"{W}pPr/{W}rPr/{W}ins")
    return mark is not None and mark.get(f"{W}author") == AUTHOR


def _original_text(paragraph: etree._Element) -> str:
    """The paragraph's text as it will read, less what the redline inserted."""
    return "".join(
        piece
        for piece, leaf in text_pieces(paragraph)
        if not any(a.tag == f"{W}ins" and a.get(f"{W}author") == AUTHOR for a in leaf.iterancestors())
    )


def _struck_by_us(node: etree._Element) -> bool:
    return any(d.get(f"{W}author") == AUTHOR for d in node.iter(f"{W}del"))


def _base_properties(paragraph: etree._Element) -> bytes:
    """A paragraph's own properties (style, numbering, spacing…), without its mark's run properties or
    any tracked change, as comparable bytes."""
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        return b""
    kept = etree.Element(f"{W}pPr")
    for child in properties:
        if child.tag not in (f"{W}rPr", f"{W}pPrChange", f"{W}sectPr"):
            kept.append(copy.deepcopy(child))
    return etree.tostring(kept, method="c14n")
