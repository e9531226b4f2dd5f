"""What to audit: the built site, a list of URLs, a sitemap, or a pa11y-ci `.pa11yci` file.

A team that used pa11y-ci points this tool at its `.pa11yci` and keeps its
settings: `urls` (strings or objects with their own settings) and the
`defaults` standard, runners, ignore, hideElements, timeout (ms), wait (ms),
concurrency and threshold. Every mistake in the input is one clear message
(Dutch and English) and stops the run with exit code 2 before a browser starts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from linters.core.finding import Severity
from linters.wcag.axe import BEST_PRACTICE
from linters.wcag.runner import PageOptions, Target

SKIPPED_SITE_DIRS = {"assets", "search", "__webredactie__"}
STANDARDS = {
    "WCAG2A": ("wcag2a", "wcag21a", "wcag22a"),
    "WCAG2AA": ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"),
    "WCAG2AAA": ("wcag2a", "wcag2aa", "wcag2aaa", "wcag21a", "wcag21aa", "wcag21aaa", "wcag22a", "wcag22aa"),
}
PA11Y_KEYS = {
    "standard",
    "runners",
    "ignore",
    "hideElements",
    "timeout",
    "wait",
    "concurrency",
    "threshold",
    "chromeLaunchConfig",
    "includeNotices",
    "includeWarnings",
    "level",
    "reporters",
    "useIncognitoBrowserContext",
    "viewport",
    "log",
    "headers",
    "method",
    "postData",
    "userAgent",
    "screenCapture",
    "actions",
    "rootElement",
    "rules",
}
# pa11y's names for our levels, as pa11y-ci's `ignore` lists them.
PA11Y_TYPES: dict[Severity, str] = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


class AuditInputError(Exception):
    """Input that stops the audit before it starts; the message says what to change."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(nl)
        self.nl = nl
        self.en = en

    def get(self, lang: str) -> str:
        """The message in `lang`."""
        return self.en if lang == "en" else self.nl


@dataclass
class AuditPlan:
    """Everything the audit needs to know before the browser starts."""

    targets: list[Target] = field(default_factory=list)
    site: Path | None = None
    tags: tuple[str, ...] = (*STANDARDS["WCAG2AA"], BEST_PRACTICE)
    ignore: frozenset[str] = frozenset()
    ignore_types: frozenset[str] = frozenset()
    threshold: int = 0
    concurrency: int | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)
    # URLs relative to the served site are written "/path/"; filled in once the server runs.
    relative: bool = False


# What a built site serves as documents to audit: HTML, XHTML and standalone SVG
# (an SVG file a page links to is a document of its own; as an <img> it is not).
PAGE_SUFFIXES = ("*.html", "*.xhtml", "*.svg")


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a URL path: `/`, `/afval/`, `/404.html`, `/afval/img/bakken.svg`."""
    if not site.is_dir():
        raise AuditInputError(
            f"De map '{site}' bestaat niet. Bouw de site eerst (nox -s build, of mkdocs build), "
            "of geef de map van de gebouwde site.",
            f"The folder '{site}' does not exist. Build the site first, or give the built site's folder.",
        )
    paths: list[str] = []
    for page in sorted(p for suffix in PAGE_SUFFIXES for p in site.rglob(suffix)):
        rel = page.relative_to(site)
        if rel.parts and rel.parts[0] in SKIPPED_SITE_DIRS:
            continue
        if page.name == "index.html":
            folder = rel.parent.as_posix()
            paths.append("/" if folder == "." else f"/{folder}/")
        else:
            paths.append("/" + rel.as_posix())
    if not paths:
        raise AuditInputError(
            f"In '{site}' staan geen HTML-pagina's. Is dit de map van de gebouwde site?",
            f"'{site}' holds no HTML pages. Is this the built site's folder?",
        )
    return paths


def check_url(url: str, where: str) -> str:
    """Accept a full http(s)/file address or a path in the site; anything else is a clear error."""
    parts = urlsplit(url)
    if url.startswith("/") and not url.startswith("//"):
        return url
    if parts.scheme in ("http", "https", "file") and (parts.netloc or parts.scheme == "file"):
        return url
    raise AuditInputError(
        f"{where}: '{url}' is geen webadres. Schrijf een volledig adres (https://www.diemen.nl/afval/) "
        "of een pad in de site (/afval/).",
        f"{where}: '{url}' is not a web address. Write a full address or a path in the site (/afval/).",
    )


def read_url_list(path: Path) -> list[str]:
    """URLs from a text file, one a line; `#` starts a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AuditInputError(
            f"De lijst met adressen '{path}' kan niet worden gelezen ({err}).",
            f"The URL list '{path}' cannot be read ({err}).",
        ) from None
    urls: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.split("#", 1)[0].strip()
        if url:
            urls.append(check_url(url, f"{path}:{number}"))
    if not urls:
        raise AuditInputError(f"De lijst '{path}' bevat geen adressen.", f"The list '{path}' holds no URLs.")
    return urls


def read_sitemap(source: str) -> list[str]:
    """The `<loc>` URLs of a sitemap file (XML, as written by MkDocs)."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise AuditInputError(
            f"De sitemap '{source}' kan niet worden gelezen ({err.strerror}). Geef het pad naar sitemap.xml.",
            f"The sitemap '{source}' cannot be read ({err.strerror}). Give the path to sitemap.xml.",
        ) from None
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        line = err.position[0] if err.position else 1
        raise AuditInputError(
            f"De sitemap '{source}' is geen geldige XML (regel {line}: {err.msg if hasattr(err, 'msg') else err}). "
            "Een sitemap begint met <urlset> en heeft per pagina een <loc>.",
            f"The sitemap '{source}' is not valid XML (line {line}). A sitemap starts with <urlset> "
            "and has one <loc> per page.",
        ) from None
    locs = [el.text.strip() for el in root.iter() if el.tag.split("}")[-1] == "loc" and el.text and el.text.strip()]
    if root.tag.split("}")[-1] not in ("urlset", "sitemapindex") or not locs:
        raise AuditInputError(
            f"De sitemap '{source}' heeft geen <urlset> met <loc>-adressen.",
            f"The sitemap '{source}' has no <urlset> with <loc> addresses.",
        )
    return [check_url(loc, source) for loc in locs]


def _number(value: Any, key: str, where: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise AuditInputError(
            f"{where}: '{key}' moet een getal zijn van minstens {minimum}, niet {json.dumps(value)}.",
            f"{where}: '{key}' must be a number of at least {minimum}, not {json.dumps(value)}.",
        )
    return int(value)


def _selectors(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise AuditInputError(
            f"{where}: 'hideElements' moet tekst zijn met CSS-selectors, gescheiden door komma's.",
            f"{where}: 'hideElements' must be a string of CSS selectors separated by commas.",
        )
    return tuple(s.strip() for s in value.split(",") if s.strip())


def _options(settings: dict[str, Any], base: PageOptions, where: str) -> PageOptions:
    timeout = base.timeout
    wait = base.wait
    exclude = base.exclude
    if "timeout" in settings:
        timeout = _number(settings["timeout"], "timeout", where, 1) / 1000
    if "wait" in settings:
        wait = _number(settings["wait"], "wait", where) / 1000
    if "hideElements" in settings:
        exclude = _selectors(settings["hideElements"], where)
    return PageOptions(timeout=timeout, wait=wait, exclude=exclude)


def read_pa11yci(path: Path, plan: AuditPlan, base: PageOptions) -> None:
    """Read a pa11y-ci configuration into the plan (targets, tags, ignore, threshold, concurrency)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AuditInputError(
            f"Het bestand '{path}' kan niet worden gelezen ({err}).", f"'{path}' cannot be read ({err})."
        ) from None
    try:
        config = json.loads(text)
    except json.JSONDecodeError as err:
        raise AuditInputError(
            f"{path}:{err.lineno}:{err.colno}: dit is geen geldige JSON ({err.msg}). Let op komma's en "
            'aanhalingstekens: {"urls": ["https://www.diemen.nl/"]}.',
            f"{path}:{err.lineno}:{err.colno}: not valid JSON ({err.msg}).",
        ) from None
    if not isinstance(config, dict) or not isinstance(config.get("urls"), list) or not config["urls"]:
        raise AuditInputError(
            f'{path}: een .pa11yci-bestand heeft een lijst "urls" met minstens één adres.',
            f'{path}: a .pa11yci file needs a list "urls" with at least one address.',
        )
    defaults = config.get("defaults", {})
    if not isinstance(defaults, dict):
        raise AuditInputError(f'{path}: "defaults" moet een object zijn.', f'{path}: "defaults" must be an object.')
    unknown = sorted(set(defaults) - PA11Y_KEYS)
    if unknown:
        plan.notes.append(
            (
                f"{path}: onbekende instelling(en) in defaults genegeerd: {', '.join(unknown)}.",
                f"{path}: unknown setting(s) in defaults ignored: {', '.join(unknown)}.",
            )
        )
    where = f"{path} defaults"
    standard = defaults.get("standard", "WCAG2AA")
    if standard not in STANDARDS:
        raise AuditInputError(
            f"{where}: standard '{standard}' bestaat niet. Kies WCAG2A, WCAG2AA of WCAG2AAA.",
            f"{where}: standard '{standard}' does not exist. Choose WCAG2A, WCAG2AA or WCAG2AAA.",
        )
    plan.tags = (*STANDARDS[standard], BEST_PRACTICE)
    runners = defaults.get("runners", ["axe"])
    if not isinstance(runners, list) or not all(isinstance(r, str) for r in runners):
        raise AuditInputError(f"{where}: 'runners' moet een lijst zijn.", f"{where}: 'runners' must be a list.")
    if [r for r in runners if r != "axe"]:
        plan.notes.append(
            (
                "HTML_CodeSniffer (runner 'htmlcs') wordt niet gebruikt: axe-core en de eigen controles van "
                "webredactie nemen het over (ook een formulier zonder verzendknop, WCAG 3.2.2).",
                "HTML_CodeSniffer (runner 'htmlcs') is not used: axe-core and webredactie's own checks cover it.",
            )
        )
    ignore = defaults.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        raise AuditInputError(
            f"{where}: 'ignore' moet een lijst met regelcodes zijn.", f"{where}: 'ignore' must be a list of codes."
        )
    plan.ignore_types = frozenset(i for i in ignore if i in PA11Y_TYPES.values())
    plan.ignore = frozenset(i for i in ignore if i not in PA11Y_TYPES.values())
    if "threshold" in defaults:
        plan.threshold = _number(defaults["threshold"], "threshold", where)
    if "concurrency" in defaults:
        plan.concurrency = _number(defaults["concurrency"], "concurrency", where, 1)
    page_defaults = _options(defaults, base, where)
    for index, entry in enumerate(config["urls"]):
        spot = f"{path} urls[{index}]"
        if isinstance(entry, str):
            plan.targets.append(Target(check_url(entry, spot), page_defaults))
        elif isinstance(entry, dict) and isinstance(entry.get("url"), str):
            if entry.get("actions"):
                plan.notes.append(
                    (
                        f"{spot}: 'actions' (klikken, typen) worden niet uitgevoerd; de pagina wordt gecontroleerd "
                        "zoals hij laadt.",
                        f"{spot}: 'actions' are not run; the page is checked as it loads.",
                    )
                )
            plan.targets.append(Target(check_url(entry["url"], spot), _options(entry, page_defaults, spot)))
        else:
            raise AuditInputError(
                f'{spot}: een adres is tekst of een object met "url", niet {json.dumps(entry)[:60]}.',
                f'{spot}: an entry is a string or an object with "url", not {json.dumps(entry)[:60]}.',
            )


def resolve(url: str, base: str | None) -> str:
    """A path in the site (`/afval/`) becomes a URL on the embedded server."""
    if url.startswith("/") and base:
        return urljoin(base + "/", url.lstrip("/"))
    return url


def local_url(url: str, served: bool) -> str:
    """A public address of the built site (from its sitemap) becomes a path on the embedded server."""
    parts = urlsplit(url)
    if served and parts.scheme in ("http", "https"):
        return parts.path or "/"
    return url


def url_path(url: str) -> str:
    """The path of a URL, as the site knows its pages (`/afval/`)."""
    return urlsplit(url).path or "/"
