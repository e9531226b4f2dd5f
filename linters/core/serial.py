"""A finding as JSON and back: the one shape that the JSON report, the run cache and the dashboard share.

The shape is the JSON report's (`webredactie check --format json`, version
`SCHEMA_VERSION`), whose keys other tools read, so they stay stable. The
message is written in the report's language and in both languages
(`message_nl`, `message_en`), so a finding read back equals the finding
written; the run cache counts on that. Reading is forgiving about optional
keys, so a report written by hand or by an older version still loads; a
missing `code`, `severity` or `location` raises KeyError or ValueError for
the caller to report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linters.core.finding import Finding, Location, Message, PageTarget, Severity, SourceSpan

SCHEMA_VERSION = 1


def _int(value: Any, default: int = 1) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _optional_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def location_to_dict(location: Location) -> dict[str, Any]:
    """A source span (path, line, column, end) or a page target (URL, selector, snippet and its source)."""
    if isinstance(location, SourceSpan):
        return {
            "path": location.path,
            "line": location.line,
            "column": location.column,
            "end_line": location.end_line,
            "end_column": location.end_column,
        }
    source = location.source
    data: dict[str, Any] = {
        "url": location.url,
        "selector": location.selector,
        "snippet": location.snippet,
        "path": source.path if source else None,
        "line": source.line if source else None,
        "column": source.column if source else None,
    }
    # Only when known, so reports of the audit keep the keys they always had.
    if source is not None and source.end_line is not None:
        data["end_line"] = source.end_line
    if source is not None and source.end_column is not None:
        data["end_column"] = source.end_column
    return data


def location_from_dict(data: Mapping[str, Any]) -> Location:
    """A location back from `location_to_dict`."""
    if "url" in data:
        source = None
        if data.get("path"):
            source = SourceSpan(
                str(data["path"]),
                _int(data.get("line")),
                _int(data.get("column")),
                _optional_int(data.get("end_line")),
                _optional_int(data.get("end_column")),
            )
        return PageTarget(str(data["url"]), str(data.get("selector") or ""), str(data.get("snippet") or ""), source)
    return SourceSpan(
        str(data["path"]),
        _int(data.get("line")),
        _int(data.get("column")),
        _optional_int(data.get("end_line")),
        _optional_int(data.get("end_column")),
    )


def finding_to_dict(finding: Finding, lang: str = "nl") -> dict[str, Any]:
    """One finding as JSON-ready data, its `message` in `lang`."""
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message.get(lang),
        "message_nl": finding.message.nl,
        "message_en": finding.message.en,
        "location": location_to_dict(finding.location),
        "owner": finding.owner,
        "replacements": list(finding.replacements),
        "applicability": finding.applicability,
        "context": finding.context,
        "needs_review": finding.needs_review,
        "wcag": list(finding.wcag),
        "doc_url": finding.doc_url,
        "extras": dict(finding.extras),
    }


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """One finding back from `finding_to_dict` (or a report of an older version)."""
    message = str(data.get("message") or "")
    owner = data.get("owner")
    return Finding(
        code=str(data["code"]),
        name=str(data.get("name") or ""),
        severity=Severity.parse(str(data["severity"])),
        message=Message(str(data.get("message_nl") or message), str(data.get("message_en") or message)),
        location=location_from_dict(data["location"]),
        doc_url=str(data.get("doc_url") or ""),
        owner=owner if isinstance(owner, str) else None,
        replacements=tuple(str(r) for r in data.get("replacements") or ()),
        applicability=str(data.get("applicability") or "display-only"),
        context=str(data.get("context") or ""),
        needs_review=bool(data.get("needs_review")),
        wcag=tuple(str(c) for c in data.get("wcag") or ()),
        extras=dict(data.get("extras") or {}),
    )
