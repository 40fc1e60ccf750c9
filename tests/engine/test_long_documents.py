"""Documents over spaCy's 1,000,000-character limit are parsed in pieces cut between sections, with the
same findings as one parse of the whole text."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from vendorcheck.api import review
from vendorcheck.engine import chunks
from vendorcheck.engine.nlp import pipeline
from vendorcheck.ingest import load
from vendorcheck.text import fold_typography

SAMPLES = sorted((ROOT / "samples" / "contracts").glob("*.md"))
SAMPLES = [p for p in SAMPLES if p.name != "README.md"]


def _outcome(result) -> list[tuple]:
    return [
        (f.requirement, f.status, f.flags, [(e.start, e.end, e.quote) for e in f.evidence]) for f in result.findings
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_pieces_give_the_tokens_norms_and_sentences_of_one_parse(path):
    document = load(path)
    nlp = pipeline(document.language)
    text = fold_typography(document.text)
    whole = nlp(text)
    pieces = chunks.parse(nlp, text, document.sections, piece_chars=1500)
    assert pieces.text == whole.text
    assert [(t.idx, t.norm_, t.is_sent_start) for t in pieces] == [(t.idx, t.norm_, t.is_sent_start) for t in whole]


def test_pieces_are_cut_at_section_starts_when_there_are_some():
    document = load(SAMPLES[0])
    bounds = chunks._cuts(document.text, [s.start for s in document.sections], 3000)
    starts = {s.start for s in document.sections}
    assert len(bounds) > 3
    assert all(0 < b - a <= 3000 for a, b in zip(bounds, bounds[1:], strict=False))
    assert set(bounds[1:-1]) <= starts


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_findings_do_not_depend_on_where_the_text_is_cut(path, monkeypatch):
    document = load(path)
    whole = _outcome(review(document))
    monkeypatch.setattr(chunks, "PIECE_CHARS", 2000)
    assert _outcome(review(document)) == whole


def test_a_contract_over_a_million_characters_is_reviewed_with_the_findings_of_one_piece(tmp_path, monkeypatch):
    sample = (ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md").read_text(encoding="utf-8")
    annex = "\n\n".join(
        f"## Annexe {n} – Journal des interventions\n\nIntervention n° {n} réalisée sur le "
        f"poste de consultation {n % 7} ; aucune donnée n'a été déplacée."
        for n in range(1, 9000)
    )
    path = tmp_path / "long.md"
    path.write_text(sample + "\n\n" + annex + "\n", encoding="utf-8")
    document = load(path)
    assert len(document.text) > 1_000_000
    in_pieces = _outcome(review(document))

    monkeypatch.setattr(chunks, "PIECE_CHARS", 10**8)
    monkeypatch.setattr(pipeline(document.language), "max_length", 10**8)
    assert _outcome(review(document)) == in_pieces
