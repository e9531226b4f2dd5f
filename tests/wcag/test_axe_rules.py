"""axe-core's rules in the catalogue: generated from axe's own metadata, each with our Dutch text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linters.registry import find_rule, load_statute, rules_by_code
from linters.wcag import axe_rules
from linters.wcag.axe import find_axe
from linters.wcag.data import load
from tests.conftest import REPO, run_cli


def test_every_axe_rule_has_a_dutch_text_and_no_text_is_left_over() -> None:
    ids = {str(m["id"]) for m in axe_rules.metadata()["rules"]}
    dutch = {str(k) for k in load("axe_nl")}
    assert ids - dutch == set(), "write these in linters/wcag/data/axe_nl.yml"
    assert dutch - ids == set(), "axe-core no longer has these rules"


def test_axe_rules_carry_axes_metadata_and_our_levels() -> None:
    contrast = find_rule("color-contrast")
    assert contrast is not None and contrast.reporter == "axe" and contrast.family == "axe"
    assert contrast.wcag == ("1.4.3",) and contrast.severity.label == "error"
    assert contrast.summary.nl.startswith("Het contrast") and contrast.help_url.startswith("https://dequeuniversity")
    region = rules_by_code()["region"]
    assert region.severity.label == "suggestion" and not region.wcag  # a best practice


def test_rules_image_alt_explains_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["rules", "image-alt"], REPO, capsys)
    assert code == 0
    assert "Een afbeelding heeft geen alt-tekst." in out and "Waarom is dit een probleem?" in out
    assert "WCAG 1.1.1 Niet-tekstuele content (niveau A)" in out


def test_statute_accepts_axe_ids(tmp_path: Path) -> None:
    statute = tmp_path / "redactiestatuut.yml"
    text = (REPO / "redactiestatuut.yml").read_text(encoding="utf-8")
    statute.write_text(text.replace("regels: {}", "regels: {color-contrast: warning, region: false}"), encoding="utf-8")
    from linters.registry import rule_names

    loaded = load_statute(statute, known_rules=rule_names())
    assert loaded.rule_settings == {"color-contrast": "warning", "region": False}


@pytest.mark.browser
def test_catalogue_holds_every_rule_of_the_axe_core_the_audit_runs(chromium: Path) -> None:
    script = find_axe()
    running = axe_rules.read_metadata(script, chromium)
    committed = axe_rules.metadata()
    assert {r["id"] for r in running["rules"]} <= {r["id"] for r in committed["rules"]}, (
        "regenerate: python -m linters.wcag.axe_rules --axe-script " + str(script.path)
    )
    if running["axe"] == committed["axe"]:
        assert axe_rules.render(running) == axe_rules.render(committed)


def test_sarif_points_axe_rules_at_axes_own_page() -> None:
    from linters.core.engine import RunResult
    from linters.core.finding import Finding, Message, PageTarget, Severity
    from linters.report import sarif

    rule = rules_by_code()["color-contrast"]
    finding = Finding(
        rule.code, rule.name, Severity.ERROR, Message("a", "b"), PageTarget("/x/", "p"), rule.doc_url, wcag=rule.wcag
    )
    log = json.loads(sarif.render(RunResult(findings=[finding]), rules_by_code(), "en"))
    (descriptor,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["helpUri"] == rule.help_url and descriptor["properties"]["tags"] == ["axe"]
    assert descriptor["fullDescription"]["text"].startswith("axe-core looks for this in the built page")
