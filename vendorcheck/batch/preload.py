"""Imported once by the fork server that batch workers are forked from: warms what every worker needs.

`spacy.blank("fr")` alone takes 3 to 5 s (its tokenizer exceptions), paid by every worker and again each
time a pool is re-created, unless it is paid here once: forked workers inherit the ready pipelines.
The rules are not loaded here: the fork server outlives a batch, and rules edited since it started must
not be used in their old version; each worker loads them itself (about 0.5 s).

The fork server is tied to the batch process here, so that a batch killed with SIGKILL takes it and, in
turn, the workers forked from it along (`lifeline.py`).
"""

from vendorcheck.batch.lifeline import die_with_parent
from vendorcheck.engine.nlp import pipeline
from vendorcheck.ingest import docx, pdf  # noqa: F401 - imported for their import cost only

die_with_parent()
for _lang in ("fr", "en"):
    pipeline(_lang)
