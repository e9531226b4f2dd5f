"""Each kind of broken page gets exactly one clear Dutch message, and the rest is still checked."""

from __future__ import annotations

import json

import pytest
from ruamel.yaml import YAML

from tests.conftest import FIXTURES, run_cli

SITE = FIXTURES / "bad-site"


@pytest.fixture(scope="module")
def expected() -> dict[str, list[list[object]]]:
    return dict(YAML(typ="safe").load((SITE / "expected.yml").read_text(encoding="utf-8")))


def test_every_bad_page_gets_its_one_finding(
    capsys: pytest.CaptureFixture[str], expected: dict[str, list[list[object]]]
) -> None:
    code, out, err = run_cli(["check", "--format", "json", "--today", "2026-11-22"], SITE, capsys)
    assert code == 1, err
    report = json.loads(out)
    found: dict[str, list[list[object]]] = {path: [] for path in expected}
    for finding in report["findings"]:
        found.setdefault(finding["location"]["path"], []).append([finding["location"]["line"], finding["code"]])
    assert found == expected
    # Every page appears in the report, including the clean one after the broken ones.
    assert sorted(p["path"] for p in report["pages"]) == sorted(expected)


def test_messages_are_dutch_and_say_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", "--today", "2026-11-22"], SITE, capsys)
    assert code == 1
    assert "Traceback" not in out
    lines = {line.split(":")[0]: line for line in out.splitlines() if line.startswith("content/")}
    assert "Bedoelt u 'afval'?" in lines["content/nl/afval/onbekende-eigenaar.md"]
    assert "Bedoelt u '2026-09-14'?" in lines["content/nl/afval/datum-geen-datum.md"]
    assert "UTF-8" in lines["content/nl/afval/geen-utf8.md"]
    assert "vandaag is 2026-11-22" in lines["content/nl/afval/datum-in-toekomst.md"]
    assert out.rstrip().endswith("in 11 van 12 pagina’s.")


def test_english_messages_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["--lang", "en", "check", "--today", "2026-11-22", "content/nl/afval/leeg.md"], SITE, capsys)
    assert "This page is empty." in out


def test_the_future_moves_with_today(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", "--today", "2027-06-01", "content/nl/afval/datum-in-toekomst.md"], SITE, capsys)
    assert code == 0, out
