"""SARIF 2.1.0: the format code-scanning tools read, with the rule catalogue and help."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from linters.core.engine import RunResult
from linters.core.finding import Finding, SourceSpan
from linters.core.rules import Rule
from linters.report import levels

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
# An absolute base for rule documentation (for example the repository's
# docs/regels.md on the forge); without it, SARIF carries the help text itself.
DOCS_BASE_ENV = "WEBREDACTIE_DOCS_URL"


def _rule_descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    doc = rule.documentation(lang)
    what, why = list(doc.values())[:2]
    markdown = "\n\n".join(f"**{heading}**\n\n{text}" for heading, text in doc.items())
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": what or rule.summary.get(lang)},
        "help": {"text": why, "markdown": markdown},
        "defaultConfiguration": {"level": levels.SARIF[rule.severity]},
        "properties": {"tags": [rule.family]},
    }
    base = os.environ.get(DOCS_BASE_ENV)
    if rule.help_url:
        descriptor["helpUri"] = rule.help_url  # axe-core's own page
    elif base:
        descriptor["helpUri"] = f"{base.rstrip('#')}#{rule.anchor}"
    return descriptor


def _location(finding: Finding) -> dict[str, Any]:
    loc = finding.location
    span = loc if isinstance(loc, SourceSpan) else loc.source
    location: dict[str, Any] = {}
    if span is not None:
        region: dict[str, Any] = {"startLine": span.line, "startColumn": span.column}
        if span.end_line:
            region["endLine"] = span.end_line
        if span.end_column:
            region["endColumn"] = span.end_column
        if finding.context:
            region["snippet"] = {"text": finding.context}
        location["physicalLocation"] = {
            "artifactLocation": {"uri": span.path, "uriBaseId": "%SRCROOT%"},
            "region": region,
        }
    if not isinstance(loc, SourceSpan):
        location["logicalLocations"] = [{"fullyQualifiedName": f"{loc.url} {loc.selector}", "kind": "element"}]
    return location


def _extensions(tools: Mapping[str, str]) -> list[dict[str, str]]:
    """The engines and browser that produced the results (SARIF toolComponent objects)."""
    return [{"name": name, "version": version} for name, version in tools.items()]


def render(result: RunResult, rules: Mapping[str, Rule], lang: str = "nl") -> str:
    """One SARIF log with one run: the rules that fired, then every result."""
    used = sorted({f.code for f in result.findings} & set(rules))
    index = {code: i for i, code in enumerate(used)}
    results = []
    for finding in result.findings:
        entry: dict[str, Any] = {
            "ruleId": finding.code,
            "level": levels.SARIF[finding.severity],
            "message": {"text": finding.message.get(lang)},
            "locations": [_location(finding)],
            "properties": {"owner": finding.owner, "needsReview": finding.needs_review},
        }
        if finding.code in index:
            entry["ruleIndex"] = index[finding.code]
        if finding.replacements:
            entry["properties"]["replacements"] = list(finding.replacements)
        if finding.wcag:
            entry["properties"]["wcag"] = list(finding.wcag)
        results.append(entry)
    log = {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "webredactie",
                        "informationUri": "https://www.diemen.nl/",
                        "rules": [_rule_descriptor(rules[code], lang) for code in used],
                    },
                    **({"extensions": _extensions(result.tools)} if result.tools else {}),
                },
                "language": lang,
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
