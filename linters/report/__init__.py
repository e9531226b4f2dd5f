"""Reporters: one module per output format, each a pure function to a string.

Reporters never print and never choose the exit code; the command line does.
Adding a format means adding a module and one line in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from linters.core.engine import RunResult
from linters.core.rules import Rule
from linters.report import github, gitlab, json_report, junit, sarif, text

Reporter = Callable[[RunResult, Mapping[str, Rule], str], str]

FORMATS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
}
