"""JSON: every finding and, per page, its metrics; stable keys for other tools (the shape: `linters.core.serial`)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from linters.core.engine import RunResult
from linters.core.finding import Severity
from linters.core.rules import Rule
from linters.core.serial import SCHEMA_VERSION, finding_to_dict


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
        "findings": [finding_to_dict(f, lang) for f in result.findings],
        "pages": [p.as_dict() for p in result.pages],
    }
    if result.tools:
        document["tools"] = dict(result.tools)
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"
