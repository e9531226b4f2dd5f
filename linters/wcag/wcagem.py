"""The W3C WCAG-EM Report Tool format: an evaluation as JSON-LD with EARL assertions, out and back in.

An auditor can finish the manual checks in W3C's tool
(https://www.w3.org/WAI/eval/report-tool/) and bring the answers back: the
export holds the scope, the sample, the evaluator and commissioner and one
EARL assertion per success criterion (with one part per page that has a page
answer); the import turns assertions into answers for `antwoorden.yml`.

The context below is ours, written from the WCAG-EM steps and the EARL 1.0
schema: each term names the step of WCAG-EM or the EARL class it stands for,
so any JSON-LD processor reads the file as RDF.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from linters.core.config import ConfigCode, Problems
from linters.wcag.answers import FAIL, NOT_PRESENT, OPEN, PASS, Answer, Answers, PageAnswer
from linters.wcag.data import load
from linters.wcag.inputs import url_path

EARL = "http://www.w3.org/ns/earl#"
CONTEXT: dict[str, Any] = {
    "reporter": "https://github.com/w3c/wai-wcag-em-report-tool/",
    "wcagem": "http://www.w3.org/TR/WCAG-EM/#",
    "Evaluation": "wcagem:procedure",
    "defineScope": "wcagem:step1",
    "scope": "wcagem:step1a",
    "conformanceTarget": {"@id": "wcagem:step1b", "@type": "@id"},
    "accessibilitySupportBaseline": "wcagem:step1c",
    "additionalEvaluationRequirements": "wcagem:step1d",
    "exploreTarget": "wcagem:step2",
    "essentialFunctionality": "wcagem:step2b",
    "pageTypeVariety": "wcagem:step2c",
    "technologiesReliedUpon": "wcagem:step2d",
    "selectSample": "wcagem:step3",
    "structuredSample": "wcagem:step3a",
    "randomSample": "wcagem:step3b",
    "Website": "wcagem:website",
    "Webpage": "wcagem:webpage",
    "auditSample": "wcagem:step4",
    "reportFindings": "wcagem:step5",
    "documentSteps": "wcagem:step5a",
    "commissioner": "wcagem:commissioner",
    "evaluator": "wcagem:evaluator",
    "evaluationSpecifics": "wcagem:step5b",
    "WCAG20": "http://www.w3.org/TR/WCAG20/#",
    "WCAG21": "http://www.w3.org/TR/WCAG21/#",
    "WCAG22": "http://www.w3.org/TR/WCAG22/#",
    "WAI": "http://www.w3.org/WAI/",
    "A": "WAI:WCAG2A-Conformance",
    "AA": "WAI:WCAG2AA-Conformance",
    "AAA": "WAI:WCAG2AAA-Conformance",
    "wcagVersion": "WAI:standards-guidelines/wcag/#versions",
    "reportToolVersion": "wcagem:reportToolVersion",
    "earl": EARL,
    "Assertion": "earl:Assertion",
    "TestResult": "earl:TestResult",
    "TestCriterion": "earl:TestCriterion",
    "TestRequirement": "earl:TestRequirement",
    "TestSubject": "earl:TestSubject",
    "OutcomeValue": "earl:OutcomeValue",
    "assertedBy": {"@id": "earl:assertedBy", "@type": "@id"},
    "mode": {"@id": "earl:mode", "@type": "@id"},
    "outcome": {"@id": "earl:outcome", "@type": "@id"},
    "result": "earl:result",
    "subject": "earl:subject",
    "test": {"@id": "earl:test", "@type": "@id"},
    "pointer": "earl:pointer",
    "dct": "http://purl.org/dc/terms/",
    "title": "dct:title",
    "description": "dct:description",
    "summary": "dct:summary",
    "date": "dct:date",
    "hasPart": "dct:hasPart",
    "isPartOf": "dct:isPartOf",
    "source": "dct:source",
    "sch": "https://schema.org/",
    "name": "sch:name",
    "WebPage": "sch:WebPage",
    "Technology": "sch:Technology",
    "id": "@id",
    "type": "@type",
}
_OUTCOME = {PASS: "earl:passed", FAIL: "earl:failed", NOT_PRESENT: "earl:inapplicable", OPEN: "earl:untested"}
_FROM_OUTCOME = {
    "earl:passed": PASS,
    "earl:failed": FAIL,
    "earl:inapplicable": NOT_PRESENT,
    "earl:untested": OPEN,
    "earl:cantTell": OPEN,
}
# Our results (yearly.py) in the answers' words.
_FROM_RESULT = {"voldoet": PASS, "voldoet niet": FAIL, "niet van toepassing": NOT_PRESENT}


def slug(name: str) -> str:
    """W3C's id of a success criterion from its English name: 'Link Purpose (In Context)' -> link-purpose-in-context."""
    return re.sub(r"\s+", "-", re.sub(r"[^\w\s-]", "", name.lower())).strip("-")


def _test_ids() -> dict[str, str]:
    ids = {}
    for raw in load("wcag"):
        # 4.1.1 Parsing is no part of WCAG 2.2: it keeps its WCAG 2.1 id.
        prefix = "WCAG21" if str(raw["sc"]) == "4.1.1" else "WCAG22"
        ids[str(raw["sc"])] = f"{prefix}:{slug(str(raw['name']))}"
    return ids


def export(report: dict[str, Any]) -> dict[str, Any]:
    """The research report (onderzoek.json) as a WCAG-EM Report Tool evaluation."""
    today = report["datum"]
    website = report["reikwijdte"]["website"].rstrip("/")
    subjects: dict[str, str] = {}

    def subject(url: str, why: list[str]) -> dict[str, Any]:
        subjects[url] = f"_:subject_{len(subjects) + 1}"
        return {
            "id": subjects[url],
            "type": ["TestSubject", "WebPage"],
            "date": today,
            "title": url,
            "description": f"{website}{url}",
            "source": f"{website}{url}",
            "summary": ", ".join(why),
        }

    structured = [subject(item["pagina"], item["waarom"]) for item in report["steekproef"]["gestructureerd"]]
    random_pages = [subject(url, ["willekeurig"]) for url in report["steekproef"]["willekeurig"]]
    ids = _test_ids()
    assertions = []
    for criterion in report["criteria"]:
        outcome = _OUTCOME[_FROM_RESULT.get(criterion["resultaat"], OPEN)]
        parts = [
            {
                "type": "Assertion",
                "date": today,
                "mode": "earl:manual",
                "assertedBy": "_:evaluator",
                "subject": subjects.get(url, f"{website}{url}"),
                "test": ids[criterion["sc"]],
                "result": {
                    "type": "TestResult",
                    "date": today,
                    "description": page.get("toelichting", ""),
                    "outcome": _OUTCOME.get(page.get("resultaat", OPEN), "earl:untested"),
                    "pointer": page.get("schermafbeelding", ""),
                },
            }
            for url, page in sorted(criterion.get("per_pagina", {}).items())
        ]
        assertions.append(
            {
                "type": "Assertion",
                "date": today,
                "mode": "earl:automatic" if criterion.get("besloten_door") == "browser" else "earl:manual",
                "assertedBy": "_:evaluator",
                "subject": "_:website",
                "test": {"id": ids[criterion["sc"]], "type": ["TestCriterion", "TestRequirement"]},
                "result": {
                    "type": "TestResult",
                    "date": today,
                    "description": criterion.get("toelichting_onderzoeker") or "\n".join(criterion["bewijs"]),
                    "outcome": outcome,
                },
                "hasPart": parts,
            }
        )
    return {
        "@context": CONTEXT,
        "type": "Evaluation",
        "@language": "nl",
        "reportToolVersion": "3",
        "defineScope": {
            "id": "_:defineScope",
            "scope": {"description": report["reikwijdte"]["beschrijving"], "title": website},
            "wcagVersion": "2.2",
            "conformanceTarget": "AA",
            "accessibilitySupportBaseline": "; ".join(report["hulpmiddelen"]["lijst"]),
            "additionalEvaluationRequirements": report["norm"],
        },
        "exploreTarget": {
            "id": "_:exploreTarget",
            "technologiesReliedUpon": [{"type": "Technology", "title": t} for t in report["technologieen"]],
        },
        "selectSample": {"id": "_:selectSample", "structuredSample": structured, "randomSample": random_pages},
        "auditSample": assertions,
        "reportFindings": {
            "id": "_:reportFindings",
            "date": today,
            "title": report["titel"],
            "commissioner": report["opdrachtgever"],
            "evaluator": report["onderzoeker"],
            "evaluationSpecifics": report["methode"],
            "summary": f"Status van de toegankelijkheidsverklaring: {report['status_verklaring']}",
        },
    }


def _outcome(value: Any) -> str:
    key = value.get("id", "") if isinstance(value, dict) else str(value or "")
    if key.startswith(EARL):
        key = "earl:" + key[len(EARL) :]
    return _FROM_OUTCOME.get(key, OPEN)


def import_answers(path: Path, answers: Answers, today: date) -> int:
    """Read a WCAG-EM Report Tool file into `answers` (its answers win); return how many criteria it answered."""
    problems = Problems(str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        line = getattr(err, "lineno", 1)
        problems.add(ConfigCode.YAML_SYNTAX, line, "", f"Dit is geen JSON-LD-bestand ({err}).", f"Not JSON-LD ({err}).")
        problems.raise_if_any()
        return 0
    sample = data.get("auditSample") if isinstance(data, dict) else None
    if not isinstance(sample, list):
        problems.add(
            ConfigCode.MISSING_KEY,
            1,
            "auditSample",
            "Dit bestand heeft geen auditSample. Is het opgeslagen met de WCAG-EM Report Tool?",
            "This file has no auditSample. Was it saved by the WCAG-EM Report Tool?",
        )
        problems.raise_if_any()
        return 0
    by_id = {test_id.split(":", 1)[1]: sc for sc, test_id in _test_ids().items()}
    pages: dict[str, str] = {}
    for group in ("structuredSample", "randomSample"):
        for item in (data.get("selectSample") or {}).get(group) or []:
            if isinstance(item, dict) and item.get("id"):
                where = str(item.get("source") or item.get("description") or item.get("title") or item["id"])
                pages[str(item["id"])] = url_path(where) if where.startswith(("http://", "https://")) else where
    count = 0
    for assertion in sample:
        if not isinstance(assertion, dict):
            continue
        test = assertion.get("test")
        test_id = str(test.get("id", "") if isinstance(test, dict) else test or "")
        sc = by_id.get(test_id.rsplit("#", 1)[-1].split(":", 1)[-1])
        if sc is None:
            continue
        result = assertion.get("result") or {}
        answer = Answer(
            result=_outcome(result.get("outcome")),
            note=str(result.get("description") or "").strip(),
            answered=today,
        )
        for part in assertion.get("hasPart") or []:
            if not isinstance(part, dict):
                continue
            part_result = part.get("result") or {}
            subject = part.get("subject")
            subject_id = str(subject.get("id", "") if isinstance(subject, dict) else subject or "")
            url = pages.get(subject_id, subject_id)
            answer.pages[url] = PageAnswer(
                result=_outcome(part_result.get("outcome")),
                note=str(part_result.get("description") or "").strip(),
                screenshot=str(part_result.get("pointer") or ""),
            )
        if answer.outcome() == OPEN and not answer.pages:
            continue
        # Our automatic results travel in the export too; only the auditor's answers come back.
        if assertion.get("mode") == "earl:automatic":
            continue
        answers.criteria[sc] = answer
        count += 1
    return count
