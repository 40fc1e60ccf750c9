"""User-facing labels: every status, severity and verdict named in both languages, none shadowed."""

from __future__ import annotations

import pytest

from vendorcheck.i18n import label
from vendorcheck.models import Severity, Status, Verdict


@pytest.mark.parametrize("member", [*Status, *Severity, *Verdict], ids=str)
def test_every_enum_member_has_a_label_in_both_languages(member):
    assert label(member, "fr") and label(member, "en")


def test_status_labels_are_not_shadowed_by_section_titles():
    # Status is a StrEnum: a section key spelt like a status would silently replace its label.
    assert label(Status.not_applicable, "fr") == "Non applicable"
    assert label("group_not_applicable", "fr") == "Non applicables"
