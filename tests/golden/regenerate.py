"""Rewrite the golden files after a deliberate change of a renderer (or of the reviews they render).

    python -m tests.golden.regenerate            # the outputs, from the stored reviews
    python -m tests.golden.regenerate --reviews  # the reviews too, from the samples (after a detection change)

Then read `git diff tests/golden`: every changed line is a change users will see.
"""

from __future__ import annotations

import argparse

from tests.golden.cases import CREATED_AT, OUTPUTS, REVIEWS, SAMPLES, SOURCES, cases, normalise, render


def regenerate_reviews() -> None:
    from vendorcheck.api import review_file

    REVIEWS.mkdir(exist_ok=True)
    for name, (contract, lang, declaration) in SOURCES.items():
        review = review_file(SAMPLES / contract, lang=lang, declaration=SAMPLES / declaration if declaration else None)
        fixed = review.model_copy(update={"created_at": CREATED_AT})
        (REVIEWS / f"{name}.json").write_text(fixed.model_dump_json(indent=2) + "\n", encoding="utf-8")


def regenerate_outputs() -> None:
    OUTPUTS.mkdir(exist_ok=True)
    for name, fmt, golden in cases():
        golden.write_text(normalise(render(name, fmt, golden)), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", action="store_true", help="review the samples again before rendering")
    if parser.parse_args().reviews:
        regenerate_reviews()
    regenerate_outputs()


if __name__ == "__main__":
    main()
