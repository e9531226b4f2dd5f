"""axe-core: where its script comes from, and how its results become findings.

axe-core comes from a package, never from the network at run time: the
`axe-playwright-python` wheel ships `axe.min.js`. A setting
(`--axe-script` or WEBREDACTIE_AXE) may point at another copy, for example
`node_modules/axe-core/axe.min.js` from npm. The impact-to-severity mapping
lives here and nowhere else.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from linters.core.finding import Severity

AXE_ENV = "WEBREDACTIE_AXE"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA; best practices become suggestions.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
BEST_PRACTICE = "best-practice"
_VERSION = re.compile(r"axe v(\d+\.\d+\.\d+)")
_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d{1,2})$")


class AxeNotFound(Exception):
    """No axe-core script could be found; the message says where we looked."""


@dataclass(frozen=True)
class AxeScript:
    """The axe-core source and its version."""

    path: Path
    source: str
    version: str


def find_axe(setting: str | None = None) -> AxeScript:
    """Find axe.min.js: the setting, then WEBREDACTIE_AXE, then the packaged copy."""
    candidates: list[Path] = []
    for value in (setting, os.environ.get(AXE_ENV)):
        if value:
            candidates.append(Path(value))
    if find_spec("axe_playwright_python") is not None:
        packaged = resources.files("axe_playwright_python").joinpath("axe.min.js")
        candidates.append(Path(str(packaged)))
    for path in candidates:
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            match = _VERSION.search(source[:400])
            return AxeScript(path, source, match.group(1) if match else "onbekend")
    looked = ", ".join(str(p) for p in candidates) or "(geen)"
    raise AxeNotFound(
        "axe-core is niet gevonden. Installeer het pakket 'axe-playwright-python' "
        f"(pip install axe-playwright-python), of wijs met --axe-script naar axe.min.js. Gezocht: {looked}"
    )


def is_wcag(tags: list[str] | tuple[str, ...]) -> bool:
    """True when an axe rule tests a WCAG 2.x A or AA success criterion."""
    return any(tag in WCAG_TAGS for tag in tags)


def criteria(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """WCAG success criteria from axe tags: `wcag143` is 1.4.3, `wcag2411` is 2.4.11."""
    found: list[str] = []
    for tag in tags:
        match = _CRITERION_TAG.match(tag)
        if match:
            found.append(".".join(match.groups()))
    return tuple(dict.fromkeys(found))


def severity(impact: str | None, tags: list[str] | tuple[str, ...]) -> Severity:
    """The one mapping from axe to our levels.

    A WCAG A/AA rule is an error when its impact is critical or serious and a
    warning otherwise; a best practice (no WCAG tag) is a suggestion.
    """
    if not is_wcag(tags):
        return Severity.SUGGESTION
    return Severity.ERROR if impact in ("critical", "serious") else Severity.WARNING
