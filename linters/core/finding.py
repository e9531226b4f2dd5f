"""The one result model that every check produces and every reporter reads.

Checks yield `Detection`s (what they know: where, what detail, a better word);
the engine turns them into frozen `Finding`s by adding the rule's code, name,
severity and documentation link, so no check can get those wrong.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How serious a finding is; the order lets `--fail-on` compare levels."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in output and configuration."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Read a level from configuration or the command line."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(value) from None

    def word(self, lang: str = "nl", count: int = 1) -> str:
        """The level as a word for people, singular or plural: `fout`/`fouten`, `error`/`errors`."""
        one, many = SEVERITY_WORDS[self]["en" if lang == "en" else "nl"]
        return one if count == 1 else many


# The one vocabulary of levels: `label` in configuration, the command line and
# machine output; these words where people read them (reports, the dashboard,
# the preview panel). Output formats with levels of their own map them in
# `linters/report/levels.py`.
SEVERITY_WORDS: dict[Severity, dict[str, tuple[str, str]]] = {
    Severity.ERROR: {"nl": ("fout", "fouten"), "en": ("error", "errors")},
    Severity.WARNING: {"nl": ("waarschuwing", "waarschuwingen"), "en": ("warning", "warnings")},
    Severity.SUGGESTION: {"nl": ("suggestie", "suggesties"), "en": ("suggestion", "suggestions")},
}
# Every level's label, the most serious first (`error`, `warning`, `suggestion`).
LEVELS: tuple[str, ...] = tuple(s.label for s in sorted(Severity, reverse=True))


@dataclass(frozen=True)
class SourceSpan:
    """A place in a Markdown file; lines and columns count from 1."""

    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True)
class PageTarget:
    """A place in a built page, traced back to the Markdown file it came from."""

    url: str
    selector: str
    snippet: str = ""
    source: SourceSpan | None = None


Location = SourceSpan | PageTarget


@dataclass(frozen=True)
class Message:
    """A text for people, in Dutch (the default) and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in `lang`, falling back to Dutch."""
        return self.en if lang == "en" else self.nl

    def format(self, **values: str | int | Message) -> Message:
        """Both texts with their `{placeholders}` filled; a `Message` value fills in per language."""

        def filled(lang: str) -> dict[str, str | int]:
            return {k: v.get(lang) if isinstance(v, Message) else v for k, v in values.items()}

        return Message(self.nl.format(**filled("nl")), self.en.format(**filled("en")))


@dataclass(frozen=True)
class Detection:
    """What a rule found, before the engine attaches the rule's identity."""

    location: Location
    message: Message
    replacements: tuple[str, ...] = ()
    context: str = ""
    needs_review: bool = False
    wcag: tuple[str, ...] = ()
    extras: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One problem on one place, ready for any reporter."""

    code: str
    name: str
    severity: Severity
    message: Message
    location: Location
    doc_url: str
    owner: str | None = None
    replacements: tuple[str, ...] = ()
    # Replacements in prose are advice: an editor decides, no tool rewrites text.
    applicability: str = "display-only"
    context: str = ""
    needs_review: bool = False
    wcag: tuple[str, ...] = ()
    extras: Mapping[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        """The source file this finding belongs to, or the URL for built pages without one."""
        if isinstance(self.location, SourceSpan):
            return self.location.path
        if self.location.source is not None:
            return self.location.source.path
        return self.location.url

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Order findings the way an editor reads a file: top to bottom."""
        span = self.location if isinstance(self.location, SourceSpan) else self.location.source
        if span is None:
            return (self.path, 0, 0, self.code)
        return (span.path, span.line, span.column, self.code)
