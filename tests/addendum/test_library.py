"""The clause library: complete for the rule pack, overridable by name, loud about broken templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.addendum.conftest import synthetic_review
from vendorcheck.addendum import draft
from vendorcheck.addendum.library import FRAME_PARTS, ClauseLibrary
from vendorcheck.errors import ClauseTemplateError
from vendorcheck.models import Status
from vendorcheck.resources import data_dir


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_rule_has_exactly_one_clause(lang: str, rule_ids: list[str]) -> None:
    assert sorted(ClauseLibrary().requirements(lang)) == sorted(rule_ids)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_clause_names_its_rule_and_cites_its_article(lang: str, rule_ids: list[str]) -> None:
    addendum = draft(synthetic_review({rid: Status.missing for rid in rule_ids}), lang=lang)
    for article in addendum.clauses:
        source = (data_dir("clauses") / lang / f"{article.requirement}.md.j2").read_text(encoding="utf-8")
        assert f'{{% set rule = "{article.requirement}" %}}' in source
        assert article.citation and any(word in article.citation for word in ("art.", "Art."))
        assert article.body and article.title
    assert len({a.title for a in addendum.clauses}) == len(rule_ids)


def test_both_languages_have_the_same_parts() -> None:
    names = {lang: sorted(p.name for p in (data_dir("clauses") / lang).glob("*.md.j2")) for lang in ("fr", "en")}
    assert names["fr"] == names["en"]
    assert {f"{part}.md.j2" for part in FRAME_PARTS} <= set(names["fr"])


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_override_replaces_only_the_clause_of_the_same_name(tmp_path: Path) -> None:
    write(
        tmp_path,
        "fr/GDPR-33-2.md.j2",
        '{% set rule = "GDPR-33-2" %}{% set title = "Alerte" %}'
        '{% set citation = "RGPD, art. 33" %}\nSous {{ t.breach_notice_hours }} h.',
    )
    review = synthetic_review({"GDPR-33-2": Status.missing, "GDPR-28-3-h": Status.missing})
    shipped = {a.requirement: a for a in draft(review).clauses}
    custom = {a.requirement: a for a in draft(review, clauses_dir=tmp_path).clauses}
    assert custom["GDPR-33-2"].body == "Sous 24 h." and custom["GDPR-33-2"].title == "Alerte"
    assert custom["GDPR-28-3-h"] == shipped["GDPR-28-3-h"]


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        (
            "fr/GDPR-33-2.md.j2",
            '{% set rule = "GDPR-33-2" %}\n{% set title = "T" %}\n{% set citation = "C" %}\n'
            "{% if t.breach_notice_hours %}\nsans fin\n",
            "ligne 4",
        ),
        (
            "fr/GDPR-33-2.md.j2",
            '{% set rule = "GDPR-33-2" %}\n{% set title = "T" %}\n{% set citation = "C" %}\n'
            "Sous {{ t.breach_hours }} heures.\n",
            "ligne 4",
        ),
        (
            "fr/GDPR-33-2.md.j2",
            '{% set rule = "GDPR-28-2" %}{% set title = "T" %}{% set citation = "C" %}x',
            "rule = « GDPR-28-2 »",
        ),
        ("fr/GDPR-33-2.md.j2", '{% set rule = "GDPR-33-2" %}{% set citation = "C" %}x', "set title"),
        ("fr/precedence.md.j2", "{{ ''.__class__.__mro__ }}", "precedence.md.j2"),
        ("fr/GDPR-33-3.md.j2", "x", "nom de modèle inconnu « GDPR-33-3 »"),
        ("GDPR-33-2.md.j2", "x", "sous-dossiers fr/ ou en/"),
    ],
)
def test_broken_templates_fail_naming_the_file(tmp_path: Path, relative: str, text: str, expected: str) -> None:
    path = write(tmp_path, relative, text)
    with pytest.raises(ClauseTemplateError) as caught:
        draft(synthetic_review({"GDPR-33-2": Status.missing}), clauses_dir=tmp_path)
    message = caught.value.message()
    assert caught.value.code == "VC-E070"
    assert str(path) in message and expected in message


def test_an_unknown_variable_is_named(tmp_path: Path) -> None:
    write(
        tmp_path,
        "en/GDPR-33-2.md.j2",
        '{% set rule = "GDPR-33-2" %}{% set title = "T" %}{% set citation = "C" %}\n'
        "Within {{ t.breach_hours }} hours.\n",
    )
    with pytest.raises(ClauseTemplateError, match="breach_hours"):
        draft(synthetic_review({"GDPR-33-2": Status.missing}), lang="en", clauses_dir=tmp_path)


def test_a_folder_without_templates_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ClauseTemplateError, match="aucun modèle"):
        ClauseLibrary(tmp_path)
    with pytest.raises(ClauseTemplateError, match="introuvable"):
        ClauseLibrary(tmp_path / "absent")


def test_a_syntax_error_stops_the_build_even_in_an_unused_template(tmp_path: Path) -> None:
    """Checked before anything is written: a lawyer learns of the typo at once, not on another contract."""
    write(tmp_path, "fr/CSP-R1111-11-3.md.j2", "{% for %}")
    with pytest.raises(ClauseTemplateError, match="CSP-R1111-11-3.md.j2"):
        draft(synthetic_review({"GDPR-33-2": Status.missing}), clauses_dir=tmp_path)
