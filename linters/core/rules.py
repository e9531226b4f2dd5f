"""What a rule is: a small, self-describing unit with a pure detection function.

A rule's docstring is its documentation, under fixed headings that mirror
ruff's (what, why, example, better), in Dutch and then in English. The engine,
not the rule, adds code, name, severity and documentation link to what a rule
detects.

Every code the tool can print is a `Rule`, also when no detection function
makes it: the engine reports crashes and suppression problems, the browser
audit its own observations, axe-core its rules. `Rule.reporter` says who, and
such a rule carries the messages its reporter uses, so a rule's words live
with its documentation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linters.core.finding import Detection, Finding, Message, Severity

if TYPE_CHECKING:
    from linters.core.page import Page
    from linters.core.statute import Statute

DOC_SECTIONS = ("Wat het controleert", "Waarom is dit een probleem?", "Voorbeeld", "Beter")
# The same four headings in English, in the same order ("Example" alone would be read as a
# docstring section by the docstring linter).
DOC_SECTIONS_EN = ("What it checks", "Why is this a problem?", "For example", "Better")
DOCS_PAGE = "docs/regels.md"
_CODE = re.compile(r"^(?P<family>[A-Z][A-Z0-9]*?)(?P<number>\d{3})$")
# Codes in saved reports of other tools may put a dash or underscore before the number.
_NUMBERED = re.compile(r"^(?P<family>[A-Z][A-Z0-9]*?)[-_]?\d{3}$")
_NAME = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")
# Codes without a family prefix and number are axe-core's own rule ids (`image-alt`).
AXE_FAMILY = "axe"

# Who makes a rule's findings: a detection function on one page or on the whole
# site (run by the engine), the engine itself (suppressions, crashes), the
# browser audit's own observations, or axe-core inside the browser.
PAGE, SITE, ENGINE, AUDIT, AXE = "page", "site", "engine", "audit", "axe"
REPORTERS = (PAGE, SITE, ENGINE, AUDIT, AXE)


def doc_anchor(code: str, name: str) -> str:
    """Where a rule's documentation starts in docs/regels.md (`b1003-officialese-word`)."""
    return code.lower() if code == name else f"{code.lower()}-{name}"


def family_of(code: str) -> str:
    """A code's family: the code without its three-digit number (`B1012` -> `B1`, `A11Y003` -> `A11Y`).

    The one place that knows how codes are built; the SARIF tags and the
    dashboard's kinds both read it, so they cannot disagree.
    """
    match = _NUMBERED.match(code)
    return match.group("family") if match else AXE_FAMILY


@dataclass(frozen=True)
class CheckContext:
    """What every rule may read: the statute, today's date, the site's pages."""

    statute: Statute
    today: date
    content_root: Path | None
    # The pages of this run, by language and path in the language folder, so
    # cross-page rules need not read files again. Site rules get every page of
    # the run; page rules in a worker process only the pages of its chunk, so
    # they read a page that is not here from disk.
    site: Mapping[tuple[str, str], Page] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)


PageCheck = Callable[["Page", CheckContext], Iterable[Detection]]
SiteCheck = Callable[[Sequence["Page"], CheckContext], Iterable[Detection]]
# What a rule reads besides the checked files (other pages on disk, git, CODEOWNERS),
# as text that changes when that input changes; a cached run is reused only when
# it is unchanged.
InputsFingerprint = Callable[[Path | None], Iterable[str]]


@dataclass(frozen=True)
class Rule:
    """A rule: identity, default severity, documentation, and who reports it."""

    code: str
    name: str
    severity: Severity
    summary: Message
    doc: Mapping[str, str]
    reporter: str = PAGE
    check_page: PageCheck | None = None
    check_site: SiteCheck | None = None
    languages: frozenset[str] = frozenset({"nl", "en"})
    site_only: bool = False
    needs_readable: bool = True
    inputs: InputsFingerprint | None = None
    doc_en: Mapping[str, str] = field(default_factory=dict)
    # The messages a reporter other than a detection function gives, by key,
    # with `{placeholders}` it fills in (see `Rule.message`).
    messages: Mapping[str, Message] = field(default_factory=dict)
    # Where the rule's documentation lives when it is not in docs/regels.md (axe-core's own pages).
    help_url: str = ""
    wcag: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        expected = {PAGE: (True, False), SITE: (False, True)}.get(self.reporter, (False, False))
        if self.reporter not in REPORTERS or expected != (self.check_page is not None, self.check_site is not None):
            raise ValueError(f"{self.code}: reporter {self.reporter!r} does not match its check functions")

    @property
    def family(self) -> str:
        """The code's prefix (FM, OWN, WR, B1, A11Y), or `axe` for axe-core's rules."""
        return family_of(self.code)

    @property
    def doc_url(self) -> str:
        """Where the rule is explained: our docs page (relative to the repository) or axe-core's."""
        return self.help_url or f"{DOCS_PAGE}#{self.anchor}"

    @property
    def anchor(self) -> str:
        """The rule's heading anchor in docs/regels.md."""
        return doc_anchor(self.code, self.name)

    def documentation(self, lang: str) -> dict[str, str]:
        """The four documentation sections, by heading, in `lang` (Dutch when there is no English)."""
        if lang == "en" and self.doc_en:
            return {heading: self.doc_en.get(heading, "") for heading in DOC_SECTIONS_EN}
        return {heading: self.doc.get(heading, "") for heading in DOC_SECTIONS}

    def message(self, key: str = "", **values: str | int | Message) -> Message:
        """One of this rule's messages with its placeholders filled in.

        A value that is itself a `Message` is filled in per language (the
        other language's name, for example).
        """
        return self.messages[key].format(**values)

    def finding(self, detection: Detection, severity: Severity, owner: str | None) -> Finding:
        """The finding for one detection of this rule, at the severity the configuration gives it."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity,
            message=detection.message,
            location=detection.location,
            doc_url=self.doc_url,
            owner=owner,
            replacements=detection.replacements,
            context=detection.context,
            needs_review=detection.needs_review,
            wcag=detection.wcag,
            extras=detection.extras,
        )

    def applies_to(self, page: Page) -> bool:
        """Tell whether this rule looks at a page at all."""
        if self.needs_readable and not page.readable:
            return False
        if self.site_only and not page.is_site_page:
            return False
        return page.lang in self.languages


def parse_doc(docstring: str | None) -> dict[str, str]:
    """Split a rule's docstring into its fixed sections, Dutch and English headings alike."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for raw in (docstring or "").splitlines():
        line = raw.strip()
        if line in DOC_SECTIONS or line in DOC_SECTIONS_EN:
            current = line
            sections[current] = []
        elif current is not None:
            sections[current].append(raw)
    return {k: _dedent("\n".join(v)).strip() for k, v in sections.items()}


def _split_doc(docstring: str | None) -> tuple[dict[str, str], dict[str, str]]:
    sections = parse_doc(docstring)
    dutch = {k: v for k, v in sections.items() if k in DOC_SECTIONS}
    english = {k: v for k, v in sections.items() if k in DOC_SECTIONS_EN}
    return dutch, english


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text)


def rule(
    code: str,
    name: str,
    severity: Severity,
    nl: str,
    en: str,
    *,
    languages: Iterable[str] = ("nl", "en"),
    site_only: bool = False,
    needs_readable: bool = True,
    site: bool = False,
    inputs: InputsFingerprint | None = None,
) -> Callable[[Callable[..., Iterable[Detection]]], Rule]:
    """Turn a detection function with a Dutch docstring into a `Rule`."""
    if not _CODE.match(code) or not _NAME.match(name):
        raise ValueError(f"bad rule identity {code} {name}")

    def wrap(function: Callable[..., Iterable[Detection]]) -> Rule:
        dutch, english = _split_doc(function.__doc__)
        return Rule(
            code=code,
            name=name,
            severity=severity,
            summary=Message(nl, en),
            doc=dutch,
            doc_en=english,
            reporter=SITE if site else PAGE,
            check_page=None if site else function,
            check_site=function if site else None,
            languages=frozenset(languages),
            site_only=site_only,
            needs_readable=needs_readable,
            inputs=inputs,
        )

    return wrap


def reported_rule(
    code: str,
    name: str,
    severity: Severity,
    nl: str,
    en: str,
    *,
    reporter: str,
    doc: str,
    messages: Mapping[str, Message],
    wcag: Iterable[str] = (),
) -> Rule:
    """A rule whose findings its reporter (the engine or the audit) makes, with the messages it uses.

    `doc` has the same headings as a rule's docstring.
    """
    if reporter not in (ENGINE, AUDIT) or not _CODE.match(code) or not _NAME.match(name):
        raise ValueError(f"bad reported rule {code} {name} ({reporter})")
    dutch, english = _split_doc(doc)
    return Rule(
        code=code,
        name=name,
        severity=severity,
        summary=Message(nl, en),
        doc=dutch,
        doc_en=english,
        reporter=reporter,
        languages=frozenset(),
        messages=dict(messages),
        wcag=tuple(wcag),
    )


def configured_severity(rule: Rule, settings: Mapping[str, Any], default: Severity | None = None) -> Severity | None:
    """The severity the statute's `regels:` gives a rule; None when it is switched off.

    The one place the per-rule setting is applied: the engine and the browser
    audit both ask here. `default` is the level the reporter would give
    without a setting (axe-core's level follows the impact of each result);
    it falls back to the rule's own severity.
    """
    for key in (rule.code, rule.name):
        if key in settings:
            value = settings[key]
            return None if value is False else Severity.parse(str(value))
    return rule.severity if default is None else default
