"""The auditor's answers to the manual checks: one YAML file next to the yearly report.

    # reports/toegankelijkheid/antwoorden.yml
    hulpmiddelen:                       # browsers and assistive technology used by hand
      - NVDA 2024.4 met Firefox 133
    criteria:
      "1.1.1":
        resultaat: voldoet-niet         # voldoet | voldoet-niet | niet-van-toepassing | open
        toelichting: Het logo op /afval/ heeft geen tekstalternatief.
        datum: 2026-11-22               # filled in by the tool when missing
        pagina_s:
          /afval/: {resultaat: voldoet-niet, toelichting: Logo zonder alt, schermafbeelding: logo.png}

The file of the `--manual` option before this module used sc -> result at the
top level; that form is still read. A re-run reads the file and writes it back
with every answer kept. An answer older than a year is last year's: it no
longer counts, the report shows it beside the question, and the file marks it
`opnieuw_controleren: true` until the auditor answers again.
Mistakes are collected and reported together with file and line (exit code 2),
before the browser starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from linters.core.config import ConfigCode, Problems, key_line
from linters.core.files import write_atomic
from linters.core.yamlread import make_yaml, yaml_error_position
from linters.wcag.data import load

PASS, FAIL, NOT_PRESENT, OPEN = "voldoet", "voldoet-niet", "niet-van-toepassing", "open"
_VALUES = {
    "voldoet": PASS,
    "pass": PASS,
    "passed": PASS,
    "voldoet-niet": FAIL,
    "voldoet niet": FAIL,
    "fail": FAIL,
    "failed": FAIL,
    "niet-van-toepassing": NOT_PRESENT,
    "niet van toepassing": NOT_PRESENT,
    "inapplicable": NOT_PRESENT,
    "not-present": NOT_PRESENT,
    "open": OPEN,
    "": OPEN,
}
EXAMPLE = '"2.1.1": {resultaat: voldoet, toelichting: "Met toetsenbord getest in Firefox en NVDA"}'
# An answer older than this is last year's: it has to be checked again.
MAX_AGE_DAYS = 365


@dataclass
class PageAnswer:
    """The auditor's answer for one criterion on one page."""

    result: str
    note: str = ""
    screenshot: str = ""


@dataclass
class Answer:
    """The auditor's answer for one criterion, with the answers per page."""

    result: str
    note: str = ""
    answered: date | None = None
    pages: dict[str, PageAnswer] = field(default_factory=dict)
    recheck: bool = False

    def outcome(self) -> str:
        """The result that follows from the criterion and its pages: one failed page fails the criterion."""
        results = [p.result for p in self.pages.values()]
        if FAIL in results or self.result == FAIL:
            return FAIL
        if self.result != OPEN:
            return self.result
        if results and all(r == NOT_PRESENT for r in results):
            return NOT_PRESENT
        if results and all(r in (PASS, NOT_PRESENT) for r in results):
            return PASS
        return OPEN


@dataclass
class Answers:
    """Everything in the answers file."""

    criteria: dict[str, Answer] = field(default_factory=dict)
    tools: list[str] = field(default_factory=list)
    path: Path | None = None

    def current(self, today: date) -> dict[str, Answer]:
        """The answers that count for a research on `today`: answered, and not older than a year."""
        return {
            sc: a
            for sc, a in self.criteria.items()
            if a.outcome() != OPEN
            and not a.recheck
            and (a.answered is None or (today - a.answered).days <= MAX_AGE_DAYS)
        }

    def earlier(self, today: date) -> dict[str, Answer]:
        """Last year's answers: shown beside the question, to be checked again."""
        now = self.current(today)
        return {sc: a for sc, a in self.criteria.items() if sc not in now and a.outcome() != OPEN}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _result(value: Any, problems: Problems, line: int, where: str) -> str:
    result = _VALUES.get(_text(value).lower())
    if result is None:
        problems.add(
            ConfigCode.INVALID_VALUE,
            line,
            where,
            f"'{value}' is geen uitkomst. Kies voldoet, voldoet-niet, niet-van-toepassing of open.",
            f"'{value}' is not a result. Use voldoet, voldoet-niet, niet-van-toepassing or open.",
            example=EXAMPLE,
        )
        return OPEN
    return result


def _date(value: Any, problems: Problems, line: int, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.add(
            ConfigCode.INVALID_VALUE,
            line,
            where,
            f"'{value}' is geen datum.",
            f"'{value}' is not a date.",
            expected="JJJJ-MM-DD",
            example="datum: 2026-11-22",
        )
        return None


def load_answers(path: Path, required: bool) -> Answers:
    """Read the answers file; a missing file is an empty one unless the auditor named it (`required`)."""
    problems = Problems(str(path))
    answers = Answers(path=path)
    if not path.is_file():
        if required:
            problems.add(
                ConfigCode.FILE_MISSING,
                1,
                "",
                "Dit bestand met handmatige uitkomsten bestaat niet.",
                "This file of manual results does not exist.",
                example=f"Maak het aan met: {EXAMPLE}",
            )
            problems.raise_if_any()
        return answers
    try:
        data = make_yaml().load(path.read_text(encoding="utf-8"))
    except MarkedYAMLError as err:
        line, reason = yaml_error_position(err)
        problems.add(
            ConfigCode.YAML_SYNTAX, line + 1, "", f"De YAML klopt niet ({reason}).", f"Not valid YAML ({reason})."
        )
        problems.raise_if_any()
        return answers
    except (OSError, YAMLError, UnicodeDecodeError) as err:
        problems.add(ConfigCode.YAML_SYNTAX, 1, "", f"Dit bestand is niet te lezen ({err}).", f"Cannot read ({err}).")
        problems.raise_if_any()
        return answers
    if data is None:
        return answers
    if not isinstance(data, dict):
        problems.add(
            ConfigCode.WRONG_TYPE,
            1,
            "",
            f"Geef per succescriterium een uitkomst (een mapping). Nu is het een {type(data).__name__}.",
            f"The file must map each success criterion to a result, but it is a {type(data).__name__}.",
            expected="criterium: uitkomst",
            example=EXAMPLE,
        )
        problems.raise_if_any()
    known = {str(c["sc"]) for c in load("wcag")}
    criteria = data.get("criteria") if "criteria" in data else {k: v for k, v in data.items() if k != "hulpmiddelen"}
    tools = data.get("hulpmiddelen") or []
    if not isinstance(tools, list):
        problems.add(
            ConfigCode.WRONG_TYPE,
            key_line(data, "hulpmiddelen"),
            "hulpmiddelen",
            "Geef de hulpmiddelen als lijst.",
            "Give the tools as a list.",
            example="hulpmiddelen: [NVDA 2024.4 met Firefox 133]",
        )
        tools = []
    answers.tools = [_text(t) for t in tools if _text(t)]
    if not isinstance(criteria, dict):
        problems.add(
            ConfigCode.WRONG_TYPE,
            key_line(data, "criteria"),
            "criteria",
            "Geef de criteria als mapping: per succescriterium een uitkomst.",
            "Give the criteria as a mapping: a result per success criterion.",
            example=EXAMPLE,
        )
        criteria = {}
    for sc, value in criteria.items():
        line = key_line(criteria, sc)
        where = f"criteria.{sc}" if "criteria" in data else str(sc)
        if str(sc) not in known:
            problems.add(
                ConfigCode.INVALID_VALUE,
                line,
                where,
                f"'{sc}' is geen succescriterium van WCAG 2.2 A/AA.",
                f"'{sc}' is not a WCAG 2.2 A/AA success criterion.",
                example=EXAMPLE,
            )
            continue
        entry = value if isinstance(value, dict) else {"resultaat": value}
        answer = Answer(
            result=_result(entry.get("resultaat", ""), problems, line, f"{where}.resultaat"),
            note=_text(entry.get("toelichting")),
            answered=_date(entry.get("datum"), problems, line, f"{where}.datum"),
            recheck=bool(entry.get("opnieuw_controleren", False)),
        )
        pages = entry.get("pagina_s") or {}
        if not isinstance(pages, dict):
            problems.add(
                ConfigCode.WRONG_TYPE,
                line,
                f"{where}.pagina_s",
                "Geef de pagina's als mapping: per adres een uitkomst.",
                "Give the pages as a mapping: a result per address.",
                example="pagina_s: {/afval/: {resultaat: voldoet}}",
            )
            pages = {}
        for url, page in pages.items():
            item = page if isinstance(page, dict) else {"resultaat": page}
            answer.pages[str(url)] = PageAnswer(
                result=_result(
                    item.get("resultaat", ""), problems, key_line(pages, url, line), f"{where}.pagina_s.{url}"
                ),
                note=_text(item.get("toelichting")),
                screenshot=_text(item.get("schermafbeelding")),
            )
        answers.criteria[str(sc)] = answer
    problems.raise_if_any()
    return answers


def save_answers(answers: Answers, path: Path, today: date) -> None:
    """Write the answers back: every answer kept, new ones dated, last year's marked for a new check."""
    current = answers.current(today)
    criteria = CommentedMap()
    for raw in load("wcag"):
        sc = str(raw["sc"])
        answer = answers.criteria.get(sc)
        if answer is None:
            continue
        entry = CommentedMap()
        entry["resultaat"] = answer.result
        if answer.note:
            entry["toelichting"] = answer.note
        dated = answer.answered or (today if answer.outcome() != OPEN else None)
        if dated is not None:
            entry["datum"] = dated.isoformat()
        if answer.outcome() != OPEN and sc not in current:
            entry["opnieuw_controleren"] = True
        if answer.pages:
            pages = CommentedMap()
            for url, page in answer.pages.items():
                item = CommentedMap()
                item["resultaat"] = page.result
                if page.note:
                    item["toelichting"] = page.note
                if page.screenshot:
                    item["schermafbeelding"] = page.screenshot
                pages[url] = item
            entry["pagina_s"] = pages
        criteria[sc] = entry
    data = CommentedMap()
    data["hulpmiddelen"] = list(answers.tools)
    data["criteria"] = criteria
    data.yaml_set_start_comment(
        "Handmatige uitkomsten van het toegankelijkheidsonderzoek (webredactie audit --yearly).\n"
        "Per criterium: resultaat voldoet, voldoet-niet, niet-van-toepassing of open; een toelichting;\n"
        "per pagina (pagina_s) dezelfde keuze, met een schermafbeelding als u wilt."
    )
    import io

    buffer = io.StringIO()
    make_yaml().dump(data, buffer)
    write_atomic(path, buffer.getvalue())
