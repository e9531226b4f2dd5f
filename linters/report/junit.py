"""JUnit XML: a test suite per page and a test case per finding, for CI test tabs.

Only errors fail a test case (they also fail the run); warnings and
suggestions are reported in the case's output so they are visible but green.
A clean page gets one passing case, so the report shows what was checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from xml.etree import ElementTree as ET

from linters.core.engine import RunResult
from linters.core.finding import Finding
from linters.core.rules import Rule
from linters.report import levels
from linters.report.text import finding_line, location_text


def render(result: RunResult, rules: Mapping[str, Rule], lang: str = "nl") -> str:
    """All pages as test suites inside one `testsuites` element."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    paths = [p.path for p in result.pages] + [p for p in by_path if p not in {s.path for s in result.pages}]
    root = ET.Element("testsuites", name="webredactie")
    total_tests = total_failures = 0
    for path in paths:
        findings = by_path.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=path)
        if result.tools:
            # JUnit has no tool element; the versions go where CI shows a suite's properties.
            properties = ET.SubElement(suite, "properties")
            for name, version in result.tools.items():
                ET.SubElement(properties, "property", name=name, value=version)
        failures = 0
        if not findings:
            ET.SubElement(suite, "testcase", name="geen problemen" if lang == "nl" else "no problems", classname=path)
        for finding in findings:
            case = ET.SubElement(
                suite, "testcase", name=f"{finding.code} {finding.name} ({location_text(finding)})", classname=path
            )
            if finding.severity in levels.JUNIT_FAILS:
                failures += 1
                failure = ET.SubElement(case, "failure", message=finding.message.get(lang), type=finding.severity.label)
                failure.text = finding_line(finding, lang)
            else:
                out = ET.SubElement(case, "system-out")
                out.text = finding_line(finding, lang)
        tests = max(1, len(findings))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
