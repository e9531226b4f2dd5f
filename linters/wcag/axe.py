"""axe-core: where its script comes from, and how its results become findings.

axe-core comes from a package, never from the network at run time. The
order: a setting (`--axe-script` or WEBREDACTIE_AXE), then the npm package
that the project's install step put in `.webredactie/` (the version pinned
in linters/wcag/node/package.json), then the copy inside the
`axe-playwright-python` wheel. That copy is older (4.12.1 where npm has
4.14.1) and finds less, so using it comes with a warning. The
impact-to-severity mapping lives here and nowhere else.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from linters.core.finding import Message, Severity
from linters.wcag.packages import INSTALL_HINT, find_package, pinned

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
    """The axe-core source, its version, and a warning when it is the old fallback copy."""

    path: Path
    source: str
    version: str
    warning: Message | None = None


def find_axe(setting: str | None = None, root: Path | None = None) -> AxeScript:
    """Find axe.min.js: the setting, WEBREDACTIE_AXE, the npm package in `root`, then the wheel's copy."""
    candidates: list[tuple[Path, bool]] = []
    for value in (setting, os.environ.get(AXE_ENV)):
        if value:
            candidates.append((Path(value), False))
    npm = find_package("axe-core", root)
    if npm is not None:
        candidates.append((npm.folder / "axe.min.js", False))
    if find_spec("axe_playwright_python") is not None:
        packaged = resources.files("axe_playwright_python").joinpath("axe.min.js")
        candidates.append((Path(str(packaged)), True))
    for path, fallback in candidates:
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            match = _VERSION.search(source[:400])
            version = match.group(1) if match else "onbekend"
            return AxeScript(path, source, version, _fallback_warning(version) if fallback else None)
    looked = ", ".join(str(p) for p, _ in candidates) or "(geen)"
    raise AxeNotFound(
        f"axe-core is niet gevonden. Installeer het met '{INSTALL_HINT}' (npm), "
        f"of wijs met --axe-script naar axe.min.js. Gezocht: {looked}"
    )


def _fallback_warning(version: str) -> Message:
    wanted = pinned().get("axe-core", "?")
    return Message(
        f"Let op: axe-core {version} uit het Python-pakket axe-playwright-python. Die versie is ouder dan "
        f"{wanted} en vindt minder. Installeer de vastgelegde versie met '{INSTALL_HINT}'.",
        f"Warning: axe-core {version} from the Python package axe-playwright-python. It is older than "
        f"{wanted} and finds less. Install the pinned version with '{INSTALL_HINT}'.",
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
