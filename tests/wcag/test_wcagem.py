"""The W3C WCAG-EM Report Tool format: the export is JSON-LD with EARL results, and it comes back through our import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pyld import jsonld  # type: ignore[import-untyped]  # pyld ships no type information

from linters.core.config import ConfigError
from linters.wcag.answers import FAIL, PASS, Answers, load_answers
from linters.wcag.wcagem import export, import_answers, slug
from tests.wcag.test_yearly_report import ANSWERS, write

EARL = "http://www.w3.org/ns/earl#"


def _report(tmp_path: Path) -> dict[str, object]:
    file = tmp_path / "antwoorden.yml"
    file.write_text(ANSWERS, encoding="utf-8")
    out = write(tmp_path, answers=load_answers(file, required=True))
    data: dict[str, object] = json.loads((out / "onderzoek.jsonld").read_text(encoding="utf-8"))
    return data


def test_export_is_json_ld_with_earl_assertions(tmp_path: Path) -> None:
    data = _report(tmp_path)
    expanded = jsonld.expand(data)
    triples = jsonld.to_rdf(data, {"format": "application/n-quads"})
    assert f"<{EARL}outcome> <{EARL}failed>" in triples and f"<{EARL}outcome> <{EARL}passed>" in triples
    assert "<http://www.w3.org/TR/WCAG22/#link-purpose-in-context>" in triples
    assert f"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{EARL}Assertion>" in triples
    assert "<http://www.w3.org/TR/WCAG-EM/#commissioner>" in triples and "J. Jansen" in triples
    assert len(expanded) == 1
    assertions = expanded[0]["http://www.w3.org/TR/WCAG-EM/#step4"]
    assert len(assertions) == 56


def test_round_trip_through_our_import(tmp_path: Path) -> None:
    data = _report(tmp_path)
    file = tmp_path / "uit-w3c.jsonld"
    file.write_text(json.dumps(data), encoding="utf-8")
    answers = Answers()
    # The automatic results travel along; only the auditor's answers come back.
    assert import_answers(file, answers, date(2026, 11, 23)) == 2
    assert answers.criteria["2.1.1"].result == PASS
    assert answers.criteria["2.1.1"].note == "Menu, zoeken en taalkeuze werken met Tab en Enter."
    links = answers.criteria["2.4.4"]
    assert links.outcome() == FAIL and links.pages["/afval/"].result == FAIL
    assert links.pages["/afval/"].screenshot == "lees-meer.png" and links.pages["/"].result == PASS
    # The same file, compacted by another JSON-LD processor, still reads.
    compact = jsonld.compact(jsonld.expand(data), data["@context"])
    file.write_text(json.dumps(compact), encoding="utf-8")
    again = Answers()
    assert import_answers(file, again, date(2026, 11, 23)) == 2


def test_ids_of_the_criteria_are_w3c_ids() -> None:
    assert slug("Link Purpose (In Context)") == "link-purpose-in-context"
    assert slug("Error Prevention (Legal, Financial, Data)") == "error-prevention-legal-financial-data"


def test_a_file_that_is_no_evaluation_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "x.jsonld"
    file.write_text('{"@context": {}}', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        import_answers(file, Answers(), date(2026, 11, 23))
    assert "auditSample" in err.value.problems[0].message_nl
    file.write_text("{kapot", encoding="utf-8")
    with pytest.raises(ConfigError):
        import_answers(file, Answers(), date(2026, 11, 23))


def test_exported_report_keeps_the_sample(tmp_path: Path) -> None:
    data = _report(tmp_path)
    sample = data["selectSample"]
    assert isinstance(sample, dict)
    assert [s["title"] for s in sample["structuredSample"]] == ["/", "/afval/"]
    assert export(json.loads((tmp_path / "jaar" / "onderzoek.json").read_text(encoding="utf-8"))) == data
