"""What a rule is: a small, self-describing unit with a pure detection function.

A rule's Dutch docstring is its documentation, under fixed headings that
mirror ruff's (what, why, example, better). The engine, not the rule, adds
code, name, severity and documentation link to what a rule detects.
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
DOCS_PAGE = "docs/regels.md"
_CODE = re.compile(r"^[A-Z][A-Z0-9]*\d{3}$")
_NAME = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")


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
    """A rule: identity, default severity, documentation and its detection function."""

    code: str
    name: str
    severity: Severity
    summary: Message
    doc: Mapping[str, str]
    check_page: PageCheck | None = None
    check_site: SiteCheck | None = None
    languages: frozenset[str] = frozenset({"nl", "en"})
    site_only: bool = False
    needs_readable: bool = True
    inputs: InputsFingerprint | None = None

    @property
    def family(self) -> str:
        """The code's prefix (FM, OWN, WR, B1, ...)."""
        return self.code.rstrip("0123456789")

    @property
    def doc_url(self) -> str:
        """Where the rule is explained, relative to the repository."""
        return f"{DOCS_PAGE}#{self.code.lower()}-{self.name}"

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
    """Split a rule's docstring into its fixed Dutch sections."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for raw in (docstring or "").splitlines():
        line = raw.strip()
        if line in DOC_SECTIONS:
            current = line
            sections[current] = []
        elif current is not None:
            sections[current].append(raw)
    return {k: _dedent("\n".join(v)).strip() for k, v in sections.items()}


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
        return Rule(
            code=code,
            name=name,
            severity=severity,
            summary=Message(nl, en),
            doc=parse_doc(function.__doc__),
            check_page=None if site else function,
            check_site=function if site else None,
            languages=frozenset(languages),
            site_only=site_only,
            needs_readable=needs_readable,
            inputs=inputs,
        )

    return wrap
