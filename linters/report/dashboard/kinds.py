"""Which kind of problem a finding is, decided in this one place.

Departments think in kinds of work (the language, accessibility, reviews,
translations, the file itself), not in rule families. The family is the
rule code without its three-digit number (`B1012` -> `B1`, `A11Y003` ->
`A11Y`, from `linters.core.rules.family_of`). A family this table does not know yet still lands somewhere
sensible: a finding with WCAG criteria or on a built page is accessibility,
anything else is "overig", so a new check never disappears from the dashboard.
"""

from __future__ import annotations

import enum
import functools

from linters.core.finding import Finding, SourceSpan
from linters.core.rules import family_of


class Kind(enum.Enum):
    """A kind of problem, in the order the dashboard shows them."""

    TAAL = ("taal", "Taal", "Taal en leesbaarheid (B1)")
    TOEGANKELIJKHEID = ("toegankelijkheid", "Toegankelijkheid", "Toegankelijkheid (WCAG)")
    EIGENAARSCHAP = ("eigenaarschap", "Eigenaar en controle", "Eigenaarschap en reviews")
    VERTALINGEN = ("vertalingen", "Vertalingen", "Vertalingen")
    BESTAND = ("bestand", "Bestand en links", "Het bestand, de gegevens bovenaan en de links")
    OVERIG = ("overig", "Overig", "Overige meldingen")

    @property
    def key(self) -> str:
        """The stable key used in the history file."""
        return self.value[0]

    @property
    def label(self) -> str:
        """The short Dutch label for table headers and chart legends."""
        return self.value[1]

    @property
    def description(self) -> str:
        """A longer Dutch label for explanations."""
        return self.value[2]


# Rule family -> kind. FM (front-matter) and WR (the file) are the file; LNK
# (links) goes with the file too: a broken link is fixed in the same place.
FAMILIES: dict[str, Kind] = {
    "B1": Kind.TAAL,
    "A11Y": Kind.TOEGANKELIJKHEID,
    "WCAG": Kind.TOEGANKELIJKHEID,
    "OWN": Kind.EIGENAARSCHAP,
    "TR": Kind.VERTALINGEN,
    "FM": Kind.BESTAND,
    "WR": Kind.BESTAND,
    "LNK": Kind.BESTAND,
}


@functools.lru_cache(maxsize=1024)
def _kind(code: str, accessibility_hint: bool) -> Kind:
    known = FAMILIES.get(family_of(code))
    if known is not None:
        return known
    return Kind.TOEGANKELIJKHEID if accessibility_hint else Kind.OVERIG


def kind_of(finding: Finding) -> Kind:
    """The kind of a finding; never fails, also for families added later."""
    # Cached per code: a large site has thousands of findings of a few dozen rules.
    return _kind(finding.code, bool(finding.wcag) or not isinstance(finding.location, SourceSpan))


# The kinds always shown as columns; OVERIG only appears when something is in it.
MAIN_KINDS: tuple[Kind, ...] = tuple(k for k in Kind if k is not Kind.OVERIG)
