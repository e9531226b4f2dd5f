"""Failing examples for the rules that no other fixture site shows, each page with exactly its findings."""

from __future__ import annotations

import json

import pytest
from ruamel.yaml import YAML

from tests.conftest import FIXTURES, run_cli

SITE = FIXTURES / "rule-examples"


def test_every_example_page_gets_exactly_its_findings(capsys: pytest.CaptureFixture[str]) -> None:
    expected = dict(YAML(typ="safe").load((SITE / "expected.yml").read_text(encoding="utf-8")))
    code, out, err = run_cli(["check", "--format", "json", "--today", "2026-11-22", "--no-cache"], SITE, capsys)
    assert code == 1, err
    found: dict[str, list[list[object]]] = {path: [] for path in expected}
    for finding in json.loads(out)["findings"]:
        found.setdefault(finding["location"]["path"], []).append([finding["location"]["line"], finding["code"]])
    assert found == expected
