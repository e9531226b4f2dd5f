"""GitHub Actions workflow commands: each finding becomes an annotation on its line."""

from __future__ import annotations

from collections.abc import Mapping

from linters.core.engine import RunResult
from linters.core.finding import Finding, SourceSpan
from linters.core.rules import Rule
from linters.report import levels


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str) -> str:
    """One `::error file=...,line=...::message` line."""
    loc = finding.location
    span = loc if isinstance(loc, SourceSpan) else loc.source
    props = []
    if span is not None:
        props += [f"file={_escape_property(span.path)}", f"line={span.line}", f"col={span.column}"]
        if span.end_line:
            props.append(f"endLine={span.end_line}")
        if span.end_column:
            props.append(f"endColumn={span.end_column}")
    props.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
    message = finding.message.get(lang)
    if finding.replacements:
        message += f"\n{'try' if lang == 'en' else 'probeer'}: {', '.join(finding.replacements)}"
    return f"::{levels.GITHUB[finding.severity]} {','.join(props)}::{_escape_data(message)}"


def render(result: RunResult, rules: Mapping[str, Rule], lang: str = "nl") -> str:
    """Every finding as a workflow command, one a line."""
    return "".join(annotation(f, lang) + "\n" for f in result.findings)
