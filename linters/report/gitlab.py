"""GitLab Code Quality JSON: findings shown on the changed lines of a merge request."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from linters.core.engine import RunResult
from linters.core.finding import Finding, SourceSpan
from linters.core.rules import Rule
from linters.report import levels


def fingerprint(finding: Finding) -> str:
    """A stable id, so GitLab can tell new problems from old ones between runs."""
    loc = finding.location
    if isinstance(loc, SourceSpan):
        where = f"{loc.path}:{loc.line}"
    elif loc.source is not None:
        where = f"{loc.source.path}:{loc.source.line} {loc.selector}"
    else:
        where = f"{loc.url} {loc.selector}"
    key = f"{finding.code}\0{where}\0{finding.message.nl}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def render(result: RunResult, rules: Mapping[str, Rule], lang: str = "nl") -> str:
    """A JSON array of Code Quality issues."""
    issues = []
    for finding in result.findings:
        loc = finding.location
        span = loc if isinstance(loc, SourceSpan) else loc.source
        issues.append(
            {
                "description": f"{finding.code} {finding.name}: {finding.message.get(lang)}",
                "check_name": finding.code,
                "fingerprint": fingerprint(finding),
                "severity": levels.GITLAB[finding.severity],
                "location": {"path": span.path if span else finding.path, "lines": {"begin": span.line if span else 1}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
