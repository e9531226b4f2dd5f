"""Inline suppressions: HTML comments in the Markdown, each with a reason.

    <!-- webredactie: disable-next-line B1001 -- de wettekst moet letterlijk -->
    <!-- webredactie: disable long-sentence -- opsomming uit de verordening -->
    <!-- webredactie: enable long-sentence -->
    <!-- webredactie: disable-file OWN003 -- archiefpagina -->

HTML comments are not prose and do not show on the site. A suppression that
no longer matches anything is reported, so old ones do not pile up (as ruff's
RUF100 does for `noqa`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

DIRECTIVES = ("disable-next-line", "disable-line", "disable", "enable", "disable-file")
_COMMENT = re.compile(r"<!--\s*webredactie\s*:\s*(?P<body>.*?)\s*-->")


@dataclass
class Suppression:
    """One `disable` comment: which rules, on which lines, and why."""

    rules: frozenset[str]
    first_line: int
    last_line: int
    line: int
    column: int
    reason: str
    directive: str
    used: bool = False

    def covers(self, line: int, code: str, name: str) -> bool:
        """Tell whether a finding of rule `code`/`name` on `line` is suppressed."""
        return self.first_line <= line <= self.last_line and bool({code, name} & self.rules)


@dataclass(frozen=True)
class SuppressionProblem:
    """A comment that looks like a suppression but cannot be used as one.

    `kind` is the key of the message of rule WR007 (`invalid-suppression`) that
    explains it; `rules` the rule names that do not exist.
    """

    line: int
    column: int
    kind: str
    rules: tuple[str, ...] = ()


@dataclass
class Suppressions:
    """All suppressions of one page, and what was wrong with the comments."""

    items: list[Suppression] = field(default_factory=list)
    problems: list[SuppressionProblem] = field(default_factory=list)
    missing_reason: list[Suppression] = field(default_factory=list)

    def suppresses(self, line: int, code: str, name: str) -> bool:
        """Mark and report whether any suppression covers this finding."""
        hit = False
        for item in self.items:
            if item.covers(line, code, name):
                item.used = True
                hit = True
        return hit


def parse_suppressions(text: str, code_lines: Collection[int], known_rules: Collection[str]) -> Suppressions:
    """Find the suppression comments of a page (outside code blocks)."""
    result = Suppressions()
    lines = text.split("\n")
    last = len(lines)
    open_blocks: dict[str, Suppression] = {}
    for number, line in enumerate(lines, start=1):
        if number in code_lines or "webredactie" not in line:
            continue
        for match in _COMMENT.finditer(line):
            body, _, reason = match.group("body").partition("--")
            words = body.replace(",", " ").split()
            column = match.start() + 1
            if not words or words[0] not in DIRECTIVES:
                result.problems.append(SuppressionProblem(number, column, "unknown-directive"))
                continue
            directive, rules = words[0], words[1:]
            unknown = [r for r in rules if r not in known_rules]
            if not rules or unknown:
                result.problems.append(SuppressionProblem(number, column, "unknown-rule", tuple(unknown)))
                rules = [r for r in rules if r in known_rules]
                if not rules:
                    continue
            rule_set = frozenset(rules)
            if directive == "enable":
                for rule_name in rule_set:
                    opened = open_blocks.pop(rule_name, None)
                    if opened is not None:
                        opened.last_line = number
                continue
            span = {
                "disable-next-line": (number + 1, number + 1),
                "disable-line": (number, number),
                "disable": (number, last),
                "disable-file": (1, last),
            }[directive]
            item = Suppression(rule_set, span[0], span[1], number, column, reason.strip(), directive)
            result.items.append(item)
            if directive == "disable":
                for rule_name in rule_set:
                    open_blocks[rule_name] = item
            if not item.reason:
                result.missing_reason.append(item)
    return result
