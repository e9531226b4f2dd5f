"""The CI formats are valid for the tools that read them, and say the same as the text report."""

from __future__ import annotations

import json
import subprocess
import tarfile
from pathlib import Path

import jsonschema
import pytest
from junitparser import JUnitXml

from tests.conftest import FIXTURES, run_cli

SITE = FIXTURES / "bad-site"
# The SARIF 2.1.0 schema as published with Microsoft's SARIF test helpers on npm.
SCHEMA_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
SCHEMA_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"


@pytest.fixture(scope="session")
def sarif_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("sarif-schema")
    proc = subprocess.run(
        ["npm", "pack", "--silent", SCHEMA_PACKAGE], cwd=folder, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, f"npm could not fetch the SARIF schema package: {proc.stderr}"
    archive = folder / proc.stdout.strip().splitlines()[-1]
    with tarfile.open(archive) as tar:
        member = tar.extractfile(SCHEMA_MEMBER)
        assert member is not None
        return json.loads(member.read().decode("utf-8"))


def report(fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = run_cli(["check", "--format", fmt, "--today", "2026-11-22"], SITE, capsys)
    return out


def test_sarif_validates_and_carries_rules_and_locations(
    sarif_schema: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    log = json.loads(report("sarif", capsys))
    jsonschema.validate(log, sarif_schema)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == 11
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    unknown = next(r for r in run["results"] if r["ruleId"] == "OWN002")
    physical = unknown["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "content/nl/afval/onbekende-eigenaar.md"
    assert physical["region"]["startLine"] == 4
    assert unknown["level"] == "error"
    assert next(r for r in run["results"] if r["ruleId"] == "WR003")["level"] == "warning"
    described = next(r for r in rules if r["id"] == "OWN002")
    assert "Waarom is dit een probleem?" in described["help"]["markdown"]


def test_sarif_help_uri_with_documentation_base(
    sarif_schema: dict[str, object], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBREDACTIE_DOCS_URL", "https://git.example.nl/diemen-web/docs/regels.md")
    log = json.loads(report("sarif", capsys))
    jsonschema.validate(log, sarif_schema)
    uris = {r["helpUri"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert "https://git.example.nl/diemen-web/docs/regels.md#own002-unknown-owner" in uris


def test_junit_parses_and_fails_only_on_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_text(report("junit", capsys), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert len(suites) == 12
    failed = {s.name for s in suites if s.failures}
    assert len(failed) == 9
    assert "content/nl/afval/met-bom.md" not in failed  # a warning stays green
    assert "content/nl/afval/goed.md" not in failed


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    lines = report("github", capsys).splitlines()
    assert len(lines) == 11
    expected = "::warning file=content/nl/afval/crlf.md,line=1,col=1,title=WR004 windows-line-endings::"
    assert lines[0].startswith(expected)
    with_hint = next(line for line in lines if "OWN002" in line)
    # A newline in the message is escaped, so one annotation stays one line.
    assert "%0Aprobeer: afval" in with_hint


def test_github_escapes_properties() -> None:
    from linters.core.finding import Finding, Message, Severity, SourceSpan
    from linters.report.github import annotation

    finding = Finding(
        code="WR001",
        name="page-not-readable",
        severity=Severity.SUGGESTION,
        message=Message("100% zeker: a,b", "x"),
        location=SourceSpan("map,met:teken.md", 3, 2),
        doc_url="",
    )
    expected = "::notice file=map%2Cmet%3Ateken.md,line=3,col=2,title=WR001 page-not-readable::100%25 zeker: a,b"
    assert annotation(finding, "nl") == expected


def test_gitlab_code_quality(capsys: pytest.CaptureFixture[str]) -> None:
    issues = json.loads(report("gitlab", capsys))
    assert len(issues) == 11
    assert {i["severity"] for i in issues} == {"major", "minor"}
    assert len({i["fingerprint"] for i in issues}) == 11
    first = next(i for i in issues if i["check_name"] == "OWN005")
    assert first["location"] == {"path": "content/nl/afval/datum-in-toekomst.md", "lines": {"begin": 5}}


def test_sarif_tags_a_rule_with_the_family_the_dashboard_uses(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(
        [
            "check",
            "--format",
            "sarif",
            "--today",
            "2026-11-22",
            "--no-cache",
            "content/nl/afval/b1001-long-sentence.md",
        ],
        FIXTURES / "b1-rules",
        capsys,
    )
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"]: r["properties"]["tags"] for r in rules}["B1001"] == ["B1"]
