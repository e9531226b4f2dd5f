"""CODEOWNERS from the statute, the check that the committed file still matches, and review routing.

The statute is the single source of truth; `CODEOWNERS` is derived from it and
never edited by hand. One list of `OwnerRule`s drives the file (GitHub or
GitLab syntax), the staleness check and `owners review`, so the three cannot
disagree about who reviews what.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from linters.core.config import display_path
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import LANGUAGES, Page
from linters.core.rules import CheckContext, rule
from linters.core.statute import Section, Statute
from linters.ownership.inputs import LOCATIONS, site_inputs

WEB_TEAM = "webredactie"
_GITLAB_SECTION = re.compile(r"^\^?\[[^\]]+\](?:\[(\d+)\])?")


class OwnershipError(Exception):
    """The statute cannot produce a CODEOWNERS file (no webredactie team to own everything)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


@dataclass(frozen=True)
class OwnerRule:
    """One pattern and the departments that review changes to what it matches."""

    pattern: str
    departments: tuple[str, ...]
    section: Section | None

    def matches(self, path: str) -> bool:
        """Whether a repository path (no leading slash) falls under this pattern."""
        if self.pattern == "*":
            return True
        anchored = self.pattern.lstrip("/")
        if anchored.endswith("/"):
            return path.startswith(anchored)
        return path == anchored


def _specificity(section: Section) -> tuple[int, str]:
    # GitHub lets the last matching line win, so a folder comes before the folders inside it.
    return (section.path.count("/"), section.path)


def owner_rules(statute: Statute, content_prefix: str = "content") -> list[OwnerRule]:
    """The ownership rules in CODEOWNERS order: the catch-all first, then sections, wide to narrow."""
    if WEB_TEAM not in statute.departments:
        raise OwnershipError(
            Message(
                f"Het redactiestatuut heeft geen afdeling '{WEB_TEAM}'. Die is eigenaar van de hele site. "
                f"Voeg bij 'afdelingen' een afdeling toe met 'id: {WEB_TEAM}' en 'reviewers'.",
                f"The statute has no department '{WEB_TEAM}', which owns the whole site. Add it under "
                "'afdelingen' with its 'reviewers'.",
            )
        )
    prefix = content_prefix.strip("/")
    rules = [OwnerRule("*", (WEB_TEAM,), None)]
    for section in sorted(statute.sections, key=_specificity):
        departments = (WEB_TEAM,) if section.owner == WEB_TEAM else (WEB_TEAM, section.owner)
        for lang in LANGUAGES:
            base = f"/{prefix}/{lang}/" if prefix else f"/{lang}/"
            rules.append(OwnerRule(base + section.path, departments, section))
    return rules


def _handles(statute: Statute, departments: Sequence[str]) -> list[str]:
    handles: list[str] = []
    for dep_id in departments:
        for handle in statute.departments[dep_id].reviewers:
            if handle not in handles:
                handles.append(handle)
    return handles


def _header(statute: Statute, gitlab: bool) -> list[str]:
    how = (
        "GitLab: every section needs its own approvals; within a section the last match decides."
        if gitlab
        else "GitHub: the last matching line decides, so sections follow the catch-all."
    )
    return [
        f"# CODEOWNERS for {statute.website or statute.organisation}, generated from {Path(statute.file).name}.",
        "# Do not edit: change the statute, then run `webredactie owners codeowners`.",
        "# The webredactie reviews every change; each department also reviews its own sections.",
        f"# {how}",
        "",
    ]


def render_github(statute: Statute, content_prefix: str = "content") -> str:
    """CODEOWNERS in GitHub syntax."""
    rules = owner_rules(statute, content_prefix)
    web = _handles(statute, (WEB_TEAM,))
    if not web:
        raise OwnershipError(_no_web_reviewers())
    width = max(len(r.pattern) for r in rules) + 2
    lines = _header(statute, gitlab=False)
    lines.append(f"{'*':<{width}}{' '.join(web)}".rstrip())
    current: Section | None = None
    for owner_rule in rules[1:]:
        section = owner_rule.section
        assert section is not None
        if section is not current:
            current = section
            department = statute.departments[section.owner]
            lines += ["", f"# {section.path}: {department.name} ({department.id})"]
            if not department.reviewers:
                lines.append("# This department has no 'reviewers' in the statute: only the webredactie is asked.")
        handles = _handles(statute, owner_rule.departments)
        lines.append(f"{owner_rule.pattern:<{width}}{' '.join(handles)}".rstrip())
    return "\n".join(lines) + "\n"


def render_gitlab(statute: Statute, content_prefix: str = "content", approvals: int = 1) -> str:
    """CODEOWNERS in GitLab syntax: one section per department, each with required approvals."""
    rules = owner_rules(statute, content_prefix)
    web = _handles(statute, (WEB_TEAM,))
    if not web:
        raise OwnershipError(_no_web_reviewers())
    lines = _header(statute, gitlab=True)
    lines += [f"[{statute.departments[WEB_TEAM].name}][{approvals}] {' '.join(web)}", "*"]
    by_owner: dict[str, list[str]] = {}
    for owner_rule in rules[1:]:
        assert owner_rule.section is not None
        if owner_rule.section.owner != WEB_TEAM:
            by_owner.setdefault(owner_rule.section.owner, []).append(owner_rule.pattern)
    for dep_id, patterns in by_owner.items():
        department = statute.departments[dep_id]
        lines.append("")
        if not department.reviewers:
            lines.append(f"# {department.name} ({dep_id}) has no 'reviewers' in the statute: no section.")
            continue
        # GitLab merges sections with the same name; two departments may share a name.
        names = [d.name.casefold() for d in statute.departments.values()]
        title = department.name if names.count(department.name.casefold()) == 1 else f"{department.name} ({dep_id})"
        lines.append(f"[{title}][{approvals}] {' '.join(department.reviewers)}")
        lines += patterns
    return "\n".join(lines) + "\n"


def _no_web_reviewers() -> Message:
    return Message(
        f"De afdeling '{WEB_TEAM}' heeft geen 'reviewers' in het redactiestatuut. Zet daar de GitHub- of "
        'GitLab-naam van het team, bijvoorbeeld reviewers: ["@gemeente-diemen/webredactie"].',
        f"The department '{WEB_TEAM}' has no 'reviewers' in the statute. Add the team's handle, "
        'for example reviewers: ["@gemeente-diemen/webredactie"].',
    )


def departments_without_reviewers(statute: Statute) -> list[str]:
    """Departments that own a section but name nobody to review it."""
    owners = {s.owner for s in statute.sections}
    return sorted(d for d in owners if not statute.departments[d].reviewers)


def gitlab_approvals(text: str) -> int | None:
    """The approvals of a GitLab CODEOWNERS file, or None when the file uses GitHub syntax."""
    for line in text.splitlines():
        match = _GITLAB_SECTION.match(line.strip())
        if match:
            return int(match.group(1) or 1)
    return None


def render_like(statute: Statute, committed: str, content_prefix: str = "content") -> str:
    """The file the statute gives, in the same syntax as the committed one."""
    approvals = gitlab_approvals(committed)
    if approvals is None:
        return render_github(statute, content_prefix)
    return render_gitlab(statute, content_prefix, approvals)


def _entries(text: str) -> list[tuple[int, str]]:
    """(line, normalised text) of every line that means something: not blank, not a comment."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            entries.append((number, " ".join(stripped.split())))
    return entries


@dataclass(frozen=True)
class Difference:
    """The first place where a committed CODEOWNERS differs from what the statute gives."""

    line: int
    found: str | None
    expected: str | None


def first_difference(committed: str, expected: str) -> Difference | None:
    """Compare what the lines mean (comments and spacing do not count); None when equal."""
    have, want = _entries(committed), _entries(expected)
    for index in range(max(len(have), len(want))):
        found = have[index] if index < len(have) else None
        wanted = want[index][1] if index < len(want) else None
        if found is None or found[1] != wanted:
            line = found[0] if found else (have[-1][0] + 1 if have else 1)
            return Difference(line, found[1] if found else None, wanted)
    return None


def content_prefix(root: Path, content_root: Path) -> str:
    """The content folder as seen from the repository root ("content")."""
    try:
        return content_root.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return content_root.name


@rule(
    "OWN010",
    "codeowners-out-of-date",
    Severity.ERROR,
    "CODEOWNERS past niet meer bij het redactiestatuut.",
    "CODEOWNERS no longer matches the editorial statute.",
    site=True,
    inputs=site_inputs,
)
def codeowners_out_of_date(pages: Sequence[Page], ctx: CheckContext) -> Iterator[Detection]:
    """Een CODEOWNERS-bestand dat niet meer past bij het redactiestatuut.

    Wat het controleert
        Of het CODEOWNERS-bestand in de repository (in de hoofdmap, `.github/`,
        `docs/` of `.gitlab/`) precies is wat `webredactie owners codeowners`
        uit redactiestatuut.yml maakt. Commentaar en spaties tellen niet mee.

    Waarom is dit een probleem?
        GitHub en GitLab vragen met CODEOWNERS de juiste afdeling om een
        verandering te beoordelen. Is een sectie verhuisd naar een andere afdeling,
        maar CODEOWNERS niet bijgewerkt? Dan beoordeelt de verkeerde afdeling
        de pagina's, of niemand.

    Voorbeeld
        In het statuut is `parkeren/` van de afdeling Parkeren, in CODEOWNERS
        staat nog `/content/nl/parkeren/ @gemeente-diemen/openbare-ruimte`.

    Beter
        Maak het bestand opnieuw met `webredactie owners codeowners` en commit het.

    What it checks
        Whether the CODEOWNERS file in the repository (in the top folder,
        `.github/`, `docs/` or `.gitlab/`) is exactly what `webredactie owners
        codeowners` makes from redactiestatuut.yml. Comments and spaces do not
        count.

    Why is this a problem?
        With CODEOWNERS, GitHub and GitLab ask the right department to review a
        change. Has a section moved to another department but CODEOWNERS not
        been updated? Then the wrong department reviews the pages, or nobody.

    For example
        In the statute `parkeren/` belongs to Parkeren, while CODEOWNERS still
        says `/content/nl/parkeren/ @gemeente-diemen/openbare-ruimte`.

    Better
        Make the file again with `webredactie owners codeowners` and commit it.
    """
    if ctx.content_root is None:
        return
    root = ctx.content_root.parent
    prefix = content_prefix(root, ctx.content_root)
    for location in LOCATIONS:
        path = root / location
        if not path.is_file():
            continue
        try:
            committed = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            yield Detection(
                SourceSpan(display_path(path), 1, 1),
                Message(f"CODEOWNERS is niet te lezen ({err}).", f"CODEOWNERS cannot be read ({err})."),
            )
            continue
        gitlab = gitlab_approvals(committed) is not None
        command = "webredactie owners codeowners" + (" --gitlab" if gitlab else "")
        try:
            expected = render_like(ctx.statute, committed, prefix)
        except OwnershipError as err:
            yield Detection(SourceSpan(display_path(path), 1, 1), err.message)
            continue
        difference = first_difference(committed, expected)
        if difference is None:
            continue
        found_nl = f"staat '{difference.found}'" if difference.found else "staat niets meer"
        found_en = f"it says '{difference.found}'" if difference.found else "the file ends"
        expected_nl = f"'{difference.expected}'" if difference.expected else "niets (de regel kan weg)"
        expected_en = f"'{difference.expected}'" if difference.expected else "nothing (remove the line)"
        yield Detection(
            SourceSpan(display_path(path), difference.line, 1),
            Message(
                f"CODEOWNERS past niet meer bij het redactiestatuut. Hier {found_nl}, volgens het statuut "
                f"hoort hier {expected_nl}. Maak het bestand opnieuw met '{command}' en commit het.",
                f"CODEOWNERS no longer matches the statute. Here {found_en}; the statute gives {expected_en}. "
                f"Regenerate it with '{command}' and commit it.",
            ),
            extras={"found": difference.found, "expected": difference.expected},
        )


@dataclass(frozen=True)
class Reason:
    """Why a department must review one changed file."""

    path: str
    section: str | None  # None: the webredactie owns every file


def reviewers_for(statute: Statute, paths: Sequence[str], prefix: str = "content") -> dict[str, list[Reason]]:
    """Per department, the changed files it must review, in CODEOWNERS terms (last match wins)."""
    rules = owner_rules(statute, prefix)
    result: dict[str, list[Reason]] = {}
    for path in paths:
        owner_rule = next(r for r in reversed(rules) if r.matches(path))
        for dep_id in owner_rule.departments:
            section = owner_rule.section.path if owner_rule.section and owner_rule.section.owner == dep_id else None
            result.setdefault(dep_id, []).append(Reason(path, section))
    order = [WEB_TEAM] + sorted(d for d in result if d != WEB_TEAM)
    return {d: result[d] for d in order if d in result}
