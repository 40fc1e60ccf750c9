"""JSON report: the Review as is; `findings[].requirement/status/evidence` is what the scorer reads."""

from __future__ import annotations

from typing import TextIO

from vendorcheck.review import Review


def render(review: Review, out: TextIO) -> None:
    out.write(review.model_dump_json(indent=2))
    out.write("\n")
