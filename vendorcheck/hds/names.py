"""Company names in a comparable form: legal forms, accents, punctuation and group words removed."""

from __future__ import annotations

import re

from vendorcheck.text import fold

# Legal forms, French and foreign, as they appear after folding and punctuation removal ("S.A.S." -> "s a s"
# is rejoined first). Removing them lets "Nuage Fictif SAS" match "NUAGE FICTIF".
LEGAL_FORMS = frozenset(
    """
    sa sas sasu sarl eurl sci snc scop scic sca se sem gie gip selarl selas selafa spa srl sprl bv nv ag
    gmbh kg ug ltd limited plc llc llp inc incorporated corp corporation co company lp oy ab as asa aps
""".split()
)
# Words that name a group, a structure or a country branch rather than the company itself.
GROUP_WORDS = frozenset(
    """
    groupe group holding holdings societe company compagnie the le la les l de du des d et and of
    international
""".split()
)
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\s){1,4}[a-z]\b")


def tokens(name: str) -> list[str]:
    """Folded words of a name, punctuation removed, dotted acronyms rejoined ('S.A.S.' -> 'sas')."""
    text = re.sub(r"[^0-9a-z&]+", " ", fold(name)).replace("&", " and ")
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(" ", ""), text)
    return text.split()


def full_key(name: str) -> str:
    """The name with only case, accents and punctuation normalised: distinguishes legal entities."""
    return " ".join(tokens(name))


def core_key(name: str) -> str:
    """The distinctive part of a name: legal forms and group words removed. Falls back to the full key
    when nothing would be left ('Groupe SA')."""
    words = tokens(name)
    core = [w for w in words if w not in LEGAL_FORMS and w not in GROUP_WORDS]
    return " ".join(core or words)
