"""extract_parties: the controller and the vendor named in a preamble, on the samples, the corpus and the
usual French and English shapes."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, ROOT, document_from_text
from vendorcheck.ingest import load
from vendorcheck.parties import extract_parties

SAMPLES = ROOT / "samples" / "contracts"

# (file, [(name, role, SIREN)]); names as written in the document.
EXPECTED_SAMPLES = [
    (
        "pacs-radiologie-hebergement.md",
        [
            ("Cabinet de radiologie des Quatre Vents", "controller", "842156374"),
            ("Armor Imagerie Cloud", "processor", "903782142"),
        ],
    ),
    ("saas-agenda-cgu-faibles.md", [("Kalendo Santé", "processor", "884120759")]),
    ("dpa-cloud-backup-en.md", [("Stratavault B.V.", "processor", None)]),
]
EXPECTED_CORPUS = [
    ("002_github-data-protection-agreement.md", [("GitHub, Inc.", "processor", None)]),
    ("009_wetransfer-dpa.md", [("WeTransfer B.V.", "processor", None)]),
    ("012_retool-dpa.md", [("Retool Inc.", "processor", None)]),
    ("014_plausible-dpa.md", [("Plausible Analytics", "processor", None)]),
    ("019_jottacloud-terms.md", [("Jotta AS", "processor", None)]),
    ("033_clevercloud-cgu-2013.md", [("Clever Cloud SAS", "processor", None)]),
    (
        "040_rdv-insertion-convention-sous-traitance.md",
        [("Groupement d’intérêt public « Plateforme de l’inclusion »", "processor", None)],
    ),
    # Template placeholders ({{company.name}}) name nobody.
    ("028_contrat-sous-traitance-livrable.md", []),
    # An annex without a preamble: the vendor is read from "Cloud Temple opère en tant que sous-traitant".
    ("022_cloudtemple-annexe-dpa.md", [("Cloud Temple", "processor", None)]),
]


def _parties(document) -> list[tuple[str, str, str | None]]:  # noqa: ANN001
    parties = extract_parties(document)
    for party in parties:
        assert party.evidence is not None
        assert document.text[party.evidence.start : party.evidence.end] == party.evidence.quote == party.name
    return [(p.name, p.role, p.siren) for p in parties]


@pytest.mark.parametrize(("name", "expected"), EXPECTED_SAMPLES, ids=[n for n, _ in EXPECTED_SAMPLES])
def test_samples(name: str, expected: list) -> None:
    assert _parties(load(SAMPLES / name)) == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not available")
@pytest.mark.parametrize(("name", "expected"), EXPECTED_CORPUS, ids=[n for n, _ in EXPECTED_CORPUS])
def test_corpus(name: str, expected: list) -> None:
    assert _parties(load(CORPUS / "texts" / name)) == expected


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_renderings_of_the_sample_give_the_same_parties(suffix: str) -> None:
    path = (SAMPLES / "pacs-radiologie-hebergement").with_suffix(suffix)
    if not path.exists():
        pytest.skip(f"{path.name} not present")
    assert _parties(load(path)) == EXPECTED_SAMPLES[0][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le Prestataire : Nuage Fictif SAS, SIREN 901 000 109\nLe Client : Cabinet Médical des Lilas\n\nArticle 1",
            [("Cabinet Médical des Lilas", "controller", None), ("Nuage Fictif SAS", "processor", "901000109")],
        ),
        (
            "ENTRE : la société Exemplum Cloud SAS, immatriculée au RCS de Paris sous le numéro 902 000 207, "
            "ci-après « le Fournisseur », d'une part,\n"
            "ET : le Docteur Marie Durand, ci-après « le Client », d'autre part.",
            [("Docteur Marie Durand", "controller", None), ("Exemplum Cloud SAS", "processor", "902000207")],
        ),
        (
            'This Agreement is made between Nimbus Records Ltd ("Provider") and Riverside Clinic LLP ("Customer").',
            [("Riverside Clinic LLP", "controller", None), ("Nimbus Records Ltd", "processor", None)],
        ),
        (
            "Les présentes conditions sont éditées par **Agenda Fictif SAS** (SIREN 123 456 789), ci-après « nous ».",
            [("Agenda Fictif SAS", "processor", None)],
        ),  # a SIREN with a wrong check digit is not kept
        (
            "Conditions générales d'utilisation du service.\n\nArticle 1 - Objet\nLe service permet de prendre "
            "rendez-vous.",
            [],
        ),
    ],
)
def test_preamble_shapes(text: str, expected: list) -> None:
    document = document_from_text(text, "en" if text.startswith("This") else "fr")
    assert _parties(document) == expected
