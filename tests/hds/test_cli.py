"""`vendorcheck hds …` and the HDS section of `vendorcheck review`, through the real CLI."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.hds.conftest import EXAMPLE_DATE, ROOT, SAMPLES, TODAY
from vendorcheck.cli.main import app
from vendorcheck.hds import import_file
from vendorcheck.hds.messages import reason_lines
from vendorcheck.rulebook.loader import RulePack

runner = CliRunner()
CONTRACT = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md"
DECLARATIONS = ROOT / "samples" / "declarations"


def test_check_prints_verdict_date_and_source() -> None:
    result = runner.invoke(app, ["hds", "check", "Clever Cloud", "--service", "paas", "--date", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("HDS : Certifié HDS — Clever Cloud SAS (liste du 23/11/2026)")
    assert "Source : Note d'audit de juillet 2026 publiée dans un dépôt public" in result.output
    assert "[secondaire] (2026-07) — instantané" in result.output
    assert "instantané 2026-11-23-sources-publiques du 23/11/2026" in result.output


def test_check_exit_code_and_json() -> None:
    result = runner.invoke(app, ["hds", "check", "Extra Horizon", "--date", "2026-11-23", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["verdict"] == "expired" and data["expiry_date"] == "2026-10-29"
    assert data["snapshot_date"] == "2026-11-23" and "ExtraHorizon/docs" in data["source"]


def test_check_with_a_certificate_in_english() -> None:
    result = runner.invoke(
        app,
        [
            "hds",
            "check",
            "Agenda Fictif SAS",
            "--certificate",
            str(SAMPLES / "attestation-ministere-sante.txt"),
            "--lang",
            "en",
            "--date",
            "2026-11-23",
        ],
    )
    assert result.exit_code == 1
    assert result.output.startswith("HDS : Certificate from a non-accredited issuer")
    assert "does not issue HDS certificates" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["hds", "check", "Nuage", "--service", "cloud"], "[VC-E080]"),
        (["hds", "check", "Nuage", "--date", "23/11/2026"], "AAAA-MM-JJ"),
        (["hds", "check", "Nuage", "--snapshot", "1999"], "[VC-E050]"),
        (["hds", "template", "modele.txt"], ".yaml, .json ou .xlsx"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in " ".join(result.output.split())  # stderr wraps at 80 columns
    assert "Traceback" not in result.output


def test_import_malformed_then_valid_then_snapshots(vendorcheck_home: Path) -> None:
    bad = runner.invoke(app, ["hds", "import", str(SAMPLES / "liste-malformee.csv")])
    assert bad.exit_code == 2
    assert "ligne 3 : fin de validité : « 31/02/2028 » n'est pas une date" in bad.output
    assert "ligne 9 : doublon de la ligne 2" in bad.output and "Rien n'a été enregistré" in bad.output
    assert not (vendorcheck_home / "hds").exists()

    good = runner.invoke(
        app,
        [
            "hds",
            "import",
            str(SAMPLES / "liste-exemple.xlsx"),
            "--date",
            "2026-11-20",
            "--source",
            "https://exemple.invalid/liste",
        ],
    )
    assert good.exit_code == 0, good.output
    assert "17 lignes lues : 17 acceptées, 0 rejetée" in good.output
    assert "Premier instantané importé : 17 entrées" in good.output
    assert "Instantané enregistré : 2026-11-20-" in good.output

    listing = runner.invoke(app, ["hds", "snapshots"])
    lines = listing.output.splitlines()
    assert lines[0].startswith("  2026-11-23-sources-publiques") and "livré, partiel" in lines[0]
    assert lines[1].startswith("* 2026-11-20-") and "https://exemple.invalid/liste" in lines[1]


def test_template_formats(tmp_path: Path) -> None:
    for name in ("modele.yaml", "modele.json", "modele.xlsx"):
        result = runner.invoke(app, ["hds", "template", str(tmp_path / name)])
        assert result.exit_code == 0 and (tmp_path / name).stat().st_size > 100


@pytest.fixture
def example_list() -> None:
    import_file(SAMPLES / "liste-exemple.csv", list_date=EXAMPLE_DATE, source="liste d'exemple fictive")


# The HDS section does not depend on the requirement rules: an empty pack keeps these tests fast.
NO_RULES = RulePack(rules=(), version="aucune", source=ROOT)
pytestmark = pytest.mark.filterwarnings("ignore:.*does not have any patterns defined:UserWarning")


def test_review_shows_the_hds_section_in_every_format(example_list: None) -> None:
    from vendorcheck.api import review_file
    from vendorcheck.render import renderers

    review = review_file(
        CONTRACT, declaration=DECLARATIONS / "armor-imagerie-contradictoire.xlsx", today=TODAY, rules=NO_RULES
    )
    assert [(p.name, p.role, p.siren) for p in review.parties] == [
        ("Cabinet de radiologie des Quatre Vents", "controller", "842156374"),
        ("Armor Imagerie Cloud", "processor", "903782142"),
    ]
    assert review.hds is not None and review.hds.verdict.value == "issuer_not_accredited"
    headline = "Certificat d'un émetteur non accrédité — Armor Imagerie Cloud (liste du 20/11/2026)"
    outputs = {}
    for name, render in renderers().items():
        out = io.StringIO()
        render(review, out)
        outputs[name] = out.getvalue()
    outputs["html"] = html.unescape(outputs["html"])
    for name in ("text", "md", "html"):
        assert headline in " ".join(outputs[name].split()), name
        assert "liste d'exemple fictive" in outputs[name], name
    data = json.loads(outputs["json"])
    assert data["hds"]["verdict"] == "issuer_not_accredited" and data["hds"]["snapshot_date"] == "2026-11-20"
    assert data["hds"]["source"] == "liste d'exemple fictive"
    topics = [i["topic"] for i in data["hds"]["inconsistencies"]]
    assert {"entity", "hosting_locations", "transfers", "sub_processors", "breach_delay", "hds"} <= set(topics)


def test_review_cli_passes_vendor_and_declaration(example_list: None) -> None:
    """End to end, with the shipped rules: the options reach the HDS section."""
    coherent = runner.invoke(
        app,
        [
            "review",
            str(CONTRACT),
            "--declaration",
            str(DECLARATIONS / "armor-imagerie-coherente.yaml"),
            "--format",
            "json",
        ],
    )
    hds = json.loads(coherent.output)["hds"]
    assert hds["inconsistencies"] == [] and hds["entry"]["legal_entity"] == "Armor Imagerie Cloud"
    assert hds["service"] == "pacs" and hds["snapshot_date"] == "2026-11-20"
    named = runner.invoke(app, ["review", str(CONTRACT), "--vendor", "Nuage Fictif SAS", "--format", "md"])
    # `review` has no date option: only what does not depend on the real date is asserted.
    assert "## HDS\n\n**" in named.output and "— Nuage Fictif SAS (liste du 20/11/2026)**" in named.output


def test_review_without_health_data_has_no_hds_section(example_list: None) -> None:
    from vendorcheck.api import review_file

    review = review_file(CONTRACT, health_data=False, rules=NO_RULES)
    assert review.hds is None and review.parties[1].name == "Armor Imagerie Cloud"


def test_review_without_a_named_vendor(example_list: None, tmp_path: Path) -> None:
    from vendorcheck.api import review_file

    contract = tmp_path / "cgu.md"
    contract.write_text(
        "# Conditions d'utilisation\n\nLe service permet de stocker des comptes rendus.\n", encoding="utf-8"
    )
    review = review_file(contract, rules=NO_RULES, today=TODAY)
    assert review.hds is not None and review.hds.verdict.value == "vendor_unidentified"
    assert "--vendor" in reason_lines(review.hds, "fr")[0]


@pytest.mark.parametrize(
    ("query", "args", "code", "headline"),
    [
        ("Nuage Fictif SAS", ["--service", "saas"], 0, "Certifié HDS"),
        (
            "Sauvegarde Factice SAS",
            ["--service", "backup", "--host", "Datacentre Chimère SA"],
            0,
            "Certifié HDS, échéance proche",
        ),
        ("Nuage Sans Date SAS", ["--service", "saas"], 1, "Figure dans la liste, validité à confirmer"),
        ("Exemplum Cloud SAS", [], 1, "Certifié HDS pour une partie des activités"),
        ("123456789", [], 1, "Identifiant invalide"),
        ("Exemplum", [], 1, "Plusieurs entités possibles"),
    ],
)
def test_check_exit_codes_are_the_documented_ones(query: str, args: list[str], code: int, headline: str) -> None:
    """0: certified (even expiring soon); 1: any other verdict, to read; 2: a usage or reading error."""
    import_file(SAMPLES / "liste-exemple.csv", list_date=EXAMPLE_DATE)
    result = runner.invoke(app, ["hds", "check", query, *args, "--date", "2026-11-23"])
    assert result.exit_code == code, result.output
    assert result.output.startswith(f"HDS : {headline} — ")
