"""The tracked-change writer on small paragraphs: runs split at the edges with their formatting, fields
struck whole, other people's comments left anchored, inserted and deleted paragraph marks, the comments
part, and the package's refusal of hostile XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.addendum.wordml import W, accept_all, paragraph_texts, reject_all
from vendorcheck import errors
from vendorcheck.addendum.redline.comments import COMMENTS_REL, Comments, anchor
from vendorcheck.addendum.redline.package import DocxPackage
from vendorcheck.addendum.redline.revisions import (
    Stamp,
    delete_paragraph_mark,
    inserted_paragraph,
    inserted_text,
    strike,
)
from vendorcheck.addendum.redline.textmap import paragraph_text

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(inner: str) -> etree._Element:
    return etree.fromstring(f"<w:p {NS}>{inner}</w:p>")


def run(text: str, properties: str = "") -> str:
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def stamp() -> Stamp:
    return Stamp("vendorcheck", "2026-12-05T00:00:00Z", 100)


def deleted_text(p: etree._Element) -> str:
    return "".join(t.text for t in p.iter(f"{W}delText"))


def test_a_strike_splits_runs_at_its_edges_and_keeps_each_runs_formatting() -> None:
    p = paragraph(run("Alpha beta ", "<w:b/>") + run("gamma delta.", "<w:i/>"))
    wrappers = strike(p, 6, 16, stamp())  # "beta gamma"
    assert deleted_text(p) == "beta gamma"
    assert paragraph_text(p) == "Alpha  delta."
    assert [w.get(f"{W}author") for w in wrappers] == ["vendorcheck"]
    assert wrappers[0].get(f"{W}date") == "2026-12-05T00:00:00Z"
    struck = wrappers[0].findall(f"{W}r")
    assert [r.find(f"{W}rPr")[0].tag for r in struck] == [f"{W}b", f"{W}i"]  # each part keeps its run's format
    kept = [r for r in p.findall(f"{W}r")]
    assert [r.find(f"{W}rPr")[0].tag for r in kept] == [f"{W}b", f"{W}i"]


def test_a_field_touched_by_the_span_is_struck_whole_code_included() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF art5 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("article 5")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    p = paragraph(run("Voir l'") + field + run(" ci-dessus. Fin."))
    strike(p, 0, 10, stamp())  # "Voir l'art", which ends inside the field's result
    assert deleted_text(p) == "Voir l'article 5"
    assert p.find(f".//{W}instrText") is None and p.find(f".//{W}delInstrText") is not None
    assert all(any(a.tag == f"{W}del" for a in c.iterancestors()) for c in p.iter(f"{W}fldChar"))


def test_another_persons_comment_stays_anchored_outside_the_deletion() -> None:
    p = paragraph(run("Une phrase") + '<w:r><w:commentReference w:id="0"/></w:r>' + run(" barrée."))
    strike(p, 0, len("Une phrase barrée."), stamp())
    reference = p.find(f".//{W}commentReference").getparent()
    assert not any(a.tag == f"{W}del" for a in reference.iterancestors())


def test_text_inserted_by_someone_else_is_struck_inside_their_insertion() -> None:
    p = paragraph(
        run("Le prestataire ")
        + '<w:ins w:id="1" w:author="Maître Dupont" w:date="2026-01-02T00:00:00Z">'
        + run("peut ")
        + "</w:ins>"
        + run("tout faire.")
    )
    strike(p, 0, len("Le prestataire peut tout faire."), stamp())
    theirs = p.find(f"{W}ins")
    assert theirs.get(f"{W}author") == "Maître Dupont"
    assert theirs.find(f"{W}del").get(f"{W}author") == "vendorcheck"  # how Word records deleting an insertion


def test_inserted_paragraph_is_tracked_and_never_copies_a_section_break() -> None:
    template = etree.fromstring(f'<w:pPr {NS}><w:pStyle w:val="Corps"/><w:rPr><w:b/></w:rPr><w:sectPr/></w:pPr>')
    p = inserted_paragraph("Texte **gras** et [champ].", template, None, stamp())
    properties = p.find(f"{W}pPr")
    assert properties.find(f"{W}pStyle").get(f"{W}val") == "Corps"
    assert properties.find(f"{W}sectPr") is None
    assert properties.find(f"{W}rPr/{W}ins").get(f"{W}author") == "vendorcheck"
    runs = p.find(f"{W}ins").findall(f"{W}r")
    assert [r.find(f"{W}t").text for r in runs] == ["Texte ", "gras", " et ", "[champ]", "."]
    assert runs[1].find(f"{W}rPr/{W}b") is not None
    assert runs[3].find(f"{W}rPr/{W}highlight").get(f"{W}val") == "yellow"


def docx_with(body_xml: str) -> bytes:
    """A minimal DOCX whose body is `body_xml`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", f"<w:document {NS}><w:body>{body_xml}</w:body></w:document>")
    return out.getvalue()


def test_accepting_a_deleted_paragraph_mark_merges_and_rejecting_an_inserted_paragraph_removes_it() -> None:
    original = docx_with(f"<w:p>{run('Première.')}</w:p><w:p>{run('Seconde.')}</w:p>")
    package = DocxPackage(Path("t.docx"), original)
    body = package.xml("word/document.xml").find(f"{W}body")
    first, second = body.findall(f"{W}p")
    marks = stamp()
    strike(first, 0, len("Première."), marks)
    delete_paragraph_mark(first, marks)
    second.addnext(inserted_paragraph("Ajoutée.", None, None, marks))
    second.append(inserted_text(" Suite.", None, marks))
    redlined = package.save()
    assert paragraph_texts(accept_all(redlined)) == ["Seconde. Suite.", "Ajoutée."]
    assert paragraph_texts(reject_all(redlined)) == paragraph_texts(original)


def test_the_comments_part_is_created_with_its_relationship_and_content_type() -> None:
    package = DocxPackage(Path("t.docx"), docx_with(f"<w:p>{run('Texte.')}</w:p>"))
    comments = Comments(package, "VC")
    marks = Stamp("vendorcheck", "2026-12-05T00:00:00Z", 1)
    p = package.xml("word/document.xml").find(f".//{W}p")
    identifier = comments.add([("Titre (RGPD art. 28)", True), ("Pourquoi : …", False)], marks)
    anchor(identifier, p.find(f"{W}r"), p.find(f"{W}r"))
    with zipfile.ZipFile(io.BytesIO(package.save())) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
        part = etree.fromstring(archive.read("word/comments.xml"))
    assert COMMENTS_REL in rels and 'Target="comments.xml"' in rels
    assert 'PartName="/word/comments.xml"' in types and "comments+xml" in types
    comment = part.find(f"{W}comment")
    assert comment.get(f"{W}author") == "vendorcheck" and comment.get(f"{W}initials") == "VC"
    assert comment.find(f".//{W}annotationRef") is not None


@pytest.mark.parametrize("part", ["word/document.xml", "[Content_Types].xml"])
def test_a_part_declaring_entities_is_refused_without_expanding_them(part: str) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_with("<w:p/>"))) as source, zipfile.ZipFile(data, "w") as target:
        for name in source.namelist():
            target.writestr(name, bomb if name == part else source.read(name))
    package = DocxPackage(Path("t.docx"), data.getvalue())
    with pytest.raises(errors.CorruptDocx, match="DTD"):
        package.xml(part)


def test_a_zip_bomb_is_refused_before_anything_is_inflated() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b" " * 30_000_000 + b"</a>")
    with pytest.raises(errors.DocxBomb):
        DocxPackage(Path("bombe.docx"), data.getvalue())
