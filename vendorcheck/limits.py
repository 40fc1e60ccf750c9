"""The bounds on what vendorcheck reads, in one place: the README's "Limites et sécurité" quotes them.

Each is set far above any real contract, so that it only stops forged or broken files, and low enough
that the worst file within them is reviewed in a few hundred megabytes (measured under `ulimit -v 4 GiB`
by tests/test_hostile_inputs.py). Structured inputs (HDS lists, declarations) have theirs in
`vendorcheck.bounded`.
"""

MAX_FILE_BYTES = 50 * 1024 * 1024  # a contract file; a 300-page scanned PDF is about 30 MB
MAX_DOCUMENT_CHARS = 2_000_000  # about 700 dense pages; the longest corpus document has 146,000
MAX_PAGE_CHARS = 200_000  # ten times the densest page of 6-point text
# What PDFium may allocate to parse one page, before its text is extracted: parsing costs about 12 bytes
# per character and extracting about 90 more, so the text of a page within this bound stays under 0.5 GB.
MAX_PAGE_PARSE_BYTES = 64 * 1024 * 1024
MAX_SMALL_FILE_BYTES = 5 * 1024 * 1024  # a rule file, the parties' YAML, a saved JSON review
