"""The baseline: known accessibility problems that are accepted for a while, with a reason.

    # toegankelijkheid-baseline.yml
    bekende-problemen:
      - regel: color-contrast          # axe id or our code/name
        pagina: /nieuws/*              # optional: glob on the URL path
        selector: .md-copyright        # optional: part of the CSS selector
        reden: Huisstijlkleur, nieuw palet in Q1
        verloopt: 2027-03-01
        ticket: WEB-123                # optional

Each entry needs a reason and an expiry date. An expired entry no longer
hides anything and is reported; so is an entry that matches nothing.
Mistakes in the file are collected and reported together (exit code 2).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from linters.core.config import ConfigCode, Problems, item_line, key_line
from linters.core.finding import Finding, PageTarget
from linters.core.yamlread import make_yaml

_KEYS = {"regel", "pagina", "selector", "reden", "verloopt", "ticket"}
EXAMPLE = "{regel: color-contrast, selector: .md-copyright, reden: '...', verloopt: 2027-03-01}"


@dataclass
class Entry:
    """One accepted problem."""

    rule: str
    reason: str
    expires: date
    line: int
    page: str | None = None
    selector: str | None = None
    ticket: str | None = None
    used: int = 0

    def matches(self, finding: Finding) -> bool:
        """True when this entry is about this finding."""
        if self.rule not in (finding.code, finding.name):
            return False
        location = finding.location
        if isinstance(location, PageTarget):
            if self.page and not fnmatch.fnmatchcase(location.url, self.page):
                return False
            if self.selector and self.selector not in location.selector:
                return False
        elif self.page or self.selector:
            return False
        return True


@dataclass
class Baseline:
    """All entries of a baseline file."""

    path: str
    entries: list[Entry] = field(default_factory=list)

    def split(self, findings: list[Finding], today: date) -> tuple[list[Finding], list[tuple[Finding, Entry]]]:
        """Return (findings still reported, findings accepted by a live entry)."""
        kept: list[Finding] = []
        accepted: list[tuple[Finding, Entry]] = []
        for finding in findings:
            entry = next((e for e in self.entries if e.matches(finding)), None)
            if entry is None:
                kept.append(finding)
                continue
            entry.used += 1
            if entry.expires < today:
                kept.append(finding)
            else:
                accepted.append((finding, entry))
        return kept, accepted


def _text(node: Any, key: str) -> str | None:
    value = node.get(key)
    return str(value).strip() if value is not None and str(value).strip() else None


def load_baseline(path: Path) -> Baseline:
    """Read and validate a baseline file; raise ConfigError with every problem at once."""
    problems = Problems(str(path))
    baseline = Baseline(str(path))
    if not path.is_file():
        problems.add(
            ConfigCode.FILE_MISSING,
            1,
            "",
            f"Het baselinebestand '{path}' bestaat niet.",
            f"The baseline file '{path}' does not exist.",
            example="toegankelijkheid-baseline.yml",
        )
        problems.raise_if_any()
    try:
        data = make_yaml().load(path.read_text(encoding="utf-8"))
    except MarkedYAMLError as err:
        mark = err.problem_mark
        problems.add(
            ConfigCode.YAML_SYNTAX,
            (mark.line + 1) if mark else 1,
            "",
            f"De YAML klopt niet ({err.problem}).",
            f"The YAML does not parse ({err.problem}).",
        )
        problems.raise_if_any()
    except (YAMLError, UnicodeDecodeError) as err:
        problems.add(ConfigCode.YAML_SYNTAX, 1, "", f"De YAML klopt niet ({err}).", f"The YAML does not parse ({err}).")
        problems.raise_if_any()
    if data is None:
        return baseline
    if not isinstance(data, CommentedMap) or not isinstance(data.get("bekende-problemen", []), CommentedSeq | list):
        problems.add(
            ConfigCode.WRONG_TYPE,
            1,
            "bekende-problemen",
            "De baseline heeft een lijst 'bekende-problemen'.",
            "The baseline needs a list 'bekende-problemen'.",
            example=f"bekende-problemen: [{EXAMPLE}]",
        )
        problems.raise_if_any()
    items = data.get("bekende-problemen") or []
    for index, item in enumerate(items):
        where = f"bekende-problemen[{index}]"
        line = item_line(items, index)
        if not isinstance(item, CommentedMap):
            problems.add(
                ConfigCode.WRONG_TYPE,
                line,
                where,
                "Elk probleem is een blok met sleutels.",
                "Each entry is a mapping.",
                example=EXAMPLE,
            )
            continue
        for key in item:
            if key not in _KEYS:
                problems.add(
                    ConfigCode.UNKNOWN_KEY,
                    key_line(item, key, line),
                    f"{where}.{key}",
                    f"Onbekende sleutel '{key}'.",
                    f"Unknown key '{key}'.",
                    expected=", ".join(sorted(_KEYS)),
                )
        rule_id, reason = _text(item, "regel"), _text(item, "reden")
        for key, value in (("regel", rule_id), ("reden", reason)):
            if value is None:
                problems.add(
                    ConfigCode.MISSING_KEY,
                    line,
                    f"{where}.{key}",
                    f"'{key}' ontbreekt. Elk geaccepteerd probleem heeft een regel en een reden.",
                    f"'{key}' is missing. Every accepted problem has a rule and a reason.",
                    example=EXAMPLE,
                )
        expires = item.get("verloopt")
        if not isinstance(expires, date):
            problems.add(
                ConfigCode.MISSING_KEY if expires is None else ConfigCode.INVALID_VALUE,
                key_line(item, "verloopt", line),
                f"{where}.verloopt",
                "Elk geaccepteerd probleem heeft een verloopdatum (jaar-maand-dag).",
                "Every accepted problem has an expiry date (year-month-day).",
                example="verloopt: 2027-03-01",
            )
        if rule_id and reason and isinstance(expires, date):
            baseline.entries.append(
                Entry(
                    rule_id,
                    reason,
                    date(expires.year, expires.month, expires.day),
                    line,
                    _text(item, "pagina"),
                    _text(item, "selector"),
                    _text(item, "ticket"),
                )
            )
    problems.raise_if_any()
    return baseline
