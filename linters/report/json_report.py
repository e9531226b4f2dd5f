"""JSON: every finding and, per page, its metrics; stable keys for other tools."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from linters.core.engine import RunResult
from linters.core.finding import Finding, Severity, SourceSpan
from linters.core.rules import Rule

SCHEMA_VERSION = 1


def location_dict(finding: Finding) -> dict[str, Any]:
    """The location as a plain mapping (source span or page target)."""
    loc = finding.location
    if isinstance(loc, SourceSpan):
        return {
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
        }
    source = loc.source
    return {
        "url": loc.url,
        "selector": loc.selector,
        "snippet": loc.snippet,
        "path": source.path if source else None,
        "line": source.line if source else None,
        "column": source.column if source else None,
    }


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    """One finding as a plain mapping."""
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message.get(lang),
        "message_nl": finding.message.nl,
        "message_en": finding.message.en,
        "location": location_dict(finding),
        "owner": finding.owner,
        "replacements": list(finding.replacements),
        "applicability": finding.applicability,
        "context": finding.context,
        "needs_review": finding.needs_review,
        "wcag": list(finding.wcag),
        "doc_url": finding.doc_url,
        "extras": dict(finding.extras),
    }


def render(result: RunResult, rules: Mapping[str, Rule], lang: str = "nl") -> str:
    """The whole run as one JSON document."""
    document = {
        "version": SCHEMA_VERSION,
        "tool": "webredactie",
        "summary": {
            "pages": len(result.pages),
            "findings": len(result.findings),
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "suggestions": result.count(Severity.SUGGESTION),
        },
        "findings": [finding_dict(f, lang) for f in result.findings],
        "pages": [p.as_dict() for p in result.pages],
    }
    if result.tools:
        document["tools"] = dict(result.tools)
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"
