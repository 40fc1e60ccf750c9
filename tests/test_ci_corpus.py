"""In CI, a run without the labelled corpus fails instead of skipping the tests that measure detection."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CORPUS, missing_corpus


def test_ci_without_the_corpus_is_refused(tmp_path: Path):
    problem = missing_corpus({"CI": "true"}, tmp_path / "corpus")
    assert problem and "corpus" in problem


def test_outside_ci_the_corpus_may_be_missing(tmp_path: Path):
    assert missing_corpus({}, tmp_path / "corpus") is None
    assert missing_corpus({"CI": "false"}, tmp_path / "corpus") is None


def test_ci_with_the_corpus_runs():
    if CORPUS.is_dir():
        assert missing_corpus({"CI": "true"}, CORPUS) is None
