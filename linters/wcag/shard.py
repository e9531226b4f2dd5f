"""Splitting a site audit over CI machines, and putting the parts back together.

`--shard K/N` audits the pages whose address hashes to part K of N. A page's
part depends on its own address only, so adding or removing a page never moves
another page to a different part. Merging the parts' reports gives the report
of a single run: the same findings in the same order, and a theme finding
(reported once, on the first address) once, with the pages of every part.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from linters.core.engine import PageSummary, RunResult
from linters.core.finding import Finding, Message, PageTarget

_SHARD = re.compile(r"^(\d+)/(\d+)$")
THEME_SOURCE = "overrides/"


class ShardError(ValueError):
    """A `--shard` value that is not K/N with 1 <= K <= N; the message says what would be right."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.message = Message(
            f"--shard '{value}' klopt niet. Schrijf deel/aantal, bijvoorbeeld --shard 1/4 (deel 1 van 4).",
            f"--shard '{value}' is not right. Write part/count, for example --shard 1/4 (part 1 of 4).",
        )


def parse_shard(value: str) -> tuple[int, int]:
    """`K/N` as (K, N); raise ShardError for anything else."""
    found = _SHARD.match(value.strip())
    if not found:
        raise ShardError(value)
    part, count = int(found.group(1)), int(found.group(2))
    if not 1 <= part <= count or count > 1000:
        raise ShardError(value)
    return part, count


def part_of(address: str, count: int) -> int:
    """The part (1..count) a page belongs to, from its address alone."""
    digest = hashlib.sha256(address.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def finding_order(finding: Finding) -> tuple[Any, ...]:
    """A total order of findings, so a report does not depend on the order pages finished in."""
    where = finding.location
    url = where.url if isinstance(where, PageTarget) else ""
    selector = where.selector if isinstance(where, PageTarget) else ""
    return (*finding.sort_key, url, selector, finding.message.nl)


def theme_key(finding: Finding) -> tuple[str, str, str, str, bool] | None:
    """Theme findings are one per element (or missing file) and problem, whatever the page."""
    where = finding.location
    if not isinstance(where, PageTarget) or where.source is None or not where.source.path.startswith(THEME_SOURCE):
        return None
    return (finding.code, where.source.path, where.selector, where.snippet, finding.needs_review)


def merge_results(parts: Sequence[RunResult]) -> RunResult:
    """The reports of all parts as the report of one run."""
    findings: list[Finding] = []
    theme: dict[tuple[str, str, str, str, bool], Finding] = {}
    pages_with: dict[tuple[str, str, str, str, bool], int] = {}
    pages: dict[str, PageSummary] = {}
    merged = RunResult()
    for part in parts:
        merged.crashed = merged.crashed or part.crashed
        merged.tools.update(part.tools)
        for page in part.pages:
            pages.setdefault(page.path, page)
        for finding in part.findings:
            # Only findings the audit reported once for all pages carry "pages".
            key = theme_key(finding) if "pages" in finding.extras else None
            if key is None:
                findings.append(finding)
                continue
            pages_with[key] = pages_with.get(key, 0) + int(finding.extras.get("pages", 1))
            first = theme.get(key)
            if first is None or finding_order(finding) < finding_order(first):
                theme[key] = finding
    for key, finding in theme.items():
        findings.append(replace(finding, extras={**finding.extras, "pages": pages_with[key]}))
    merged.findings = sorted(findings, key=finding_order)
    merged.pages = sorted(pages.values(), key=lambda p: p.path)
    return merged
