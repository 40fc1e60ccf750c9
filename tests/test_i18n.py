"""User-facing text: both catalogues complete, labels not shadowed, plurals and formats per language."""

from __future__ import annotations

from datetime import date

import pytest

from vendorcheck.i18n import LANGUAGES, MissingMessage, catalogue, label, t
from vendorcheck.models import Severity, Status, Verdict


@pytest.mark.parametrize("member", [*Status, *Severity, *Verdict], ids=str)
def test_every_enum_member_has_a_label_in_both_languages(member):
    assert label(member, "fr") and label(member, "en")


def test_status_labels_are_not_shadowed_by_section_titles():
    # Status is a StrEnum: a section key spelt like a status would silently replace its label.
    assert label(Status.not_applicable, "fr") == "Non applicable"
    assert label("group_not_applicable", "fr") == "Non applicables"


def test_both_catalogues_have_the_same_keys_and_plural_shapes():
    fr, en = (catalogue(lang) for lang in LANGUAGES)
    assert set(fr) == set(en)
    for key in fr:
        assert isinstance(fr[key], dict) == isinstance(en[key], dict), key


def test_placeholders_are_the_same_in_both_languages():
    import string

    def names(entry):
        texts = entry.values() if isinstance(entry, dict) else [entry]
        return {field for text in texts for _, field, _, _ in string.Formatter().parse(text) if field}

    fr, en = (catalogue(lang) for lang in LANGUAGES)
    for key in fr:
        assert names(fr[key]) == names(en[key]), key


def test_unknown_key_is_an_error_not_an_empty_text():
    with pytest.raises(MissingMessage):
        t("label.no_such_key", "fr")


def test_french_numbers_and_dates():
    assert t("location.page", "fr", number="3") == "page 3"
    from vendorcheck.i18n import format_date, format_number, plural_category

    assert format_number(1234.5, "fr") == "1\u202f234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_date(date(2026, 12, 5), "fr") == "5 décembre 2026"
    # CLDR: French treats 0 and 1 as singular, English only 1.
    assert [plural_category(n, "fr") for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [plural_category(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]
