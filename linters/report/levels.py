"""Severity in each output format, decided in this one place.

suggestion → SARIF `note` / GitHub `notice` / GitLab `info`; warning → `warning`
/ `minor`; error → `error` / `major` (and a JUnit failure).
"""

from __future__ import annotations

from linters.core.finding import Severity

SARIF = {Severity.SUGGESTION: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}
GITHUB = {Severity.SUGGESTION: "notice", Severity.WARNING: "warning", Severity.ERROR: "error"}
GITLAB = {Severity.SUGGESTION: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}
JUNIT_FAILS = frozenset({Severity.ERROR})
