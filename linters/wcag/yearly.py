"""The yearly audit (WCAG-EM): sample, evaluate, report per success criterion, draft the statement.

WCAG-EM's five steps map onto this module: the scope is the built site; the
exploration reads every built page for its section and kinds of content;
the sample is structured (home pages, one page per section, each kind of
page and content, the top tasks, forms, the accessibility statement, the
404 page) plus a random 10% of that (at least one page) drawn with a
recorded seed; the evaluation is the browser audit of the sample; the
report gives each WCAG 2.2 A/AA success criterion a result with evidence.

Automatic tests alone do not make a valid research (DESIGN.md): a criterion
axe-core cannot decide stays "handmatig controleren" until the auditor
records the result in the `--manual` file. The statement's status (A–E,
digitoegankelijk.nl) is computed on the 50 criteria of EN 301 549 (WCAG 2.1
A+AA); WCAG 2.2 is reported as an extra profile.
"""

from __future__ import annotations

import json
import math
import random
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from linters.core.config import ConfigCode, Problems
from linters.core.files import write_atomic
from linters.core.finding import Severity
from linters.core.statute import Statute
from linters.core.templates import render
from linters.core.yamlread import make_yaml
from linters.wcag.audit import AuditOutcome
from linters.wcag.data import load
from linters.wcag.inputs import AuditPlan

PASSED, FAILED, MANUAL, NOT_PRESENT = "voldoet", "voldoet niet", "handmatig controleren", "niet van toepassing"
MANUAL_VALUES = {"voldoet": PASSED, "voldoet-niet": FAILED, "voldoet niet": FAILED, "niet-van-toepassing": NOT_PRESENT}
STATUS_TEXT = {
    "A": "Voldoet volledig",
    "B": "Voldoet gedeeltelijk",
    "C": "Eerste maatregelen genomen",
    "D": "Voldoet niet",
    "E": "Geen verklaring",
}
_STATEMENT_PATHS = ("over-deze-website/toegankelijkheid",)
_KINDS = {
    "video": re.compile(r"<video\b"),
    "audio": re.compile(r"<audio\b"),
    "tabel": re.compile(r'<table\b(?![^>]*class="[^"]*highlighttable)'),
    "pdf": re.compile(r'href="[^"]+\.pdf"', re.IGNORECASE),
    "afbeelding": re.compile(r'<img\b(?![^>]*class="[^"]*(?:md-logo|twemoji))'),
    "formulier": re.compile(r"<form\b(?![^>]*md-search__form)"),
}


@dataclass(frozen=True)
class Criterion:
    """One success criterion and its result."""

    sc: str
    level: str
    since: str
    name: str
    manual: str
    content: str | None
    automatic: bool
    result: str = MANUAL
    evidence: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()

    @property
    def legal(self) -> bool:
        """One of the 50 criteria of EN 301 549 (WCAG 2.1 A+AA)."""
        return self.since in ("2.0", "2.1")

    @property
    def in_wcag22(self) -> bool:
        """Part of WCAG 2.2 (4.1.1 was removed there)."""
        return self.sc != "4.1.1"


@dataclass
class Sample:
    """The pages of the sample and why each was chosen."""

    structured: dict[str, list[str]] = field(default_factory=dict)
    random: list[str] = field(default_factory=list)
    seed: int = 0
    population: int = 0

    @property
    def pages(self) -> list[str]:
        """Every sampled page, structured first."""
        seen: list[str] = []
        for page in [*self.structured, *self.random]:
            if page not in seen:
                seen.append(page)
        return seen


def _kinds(site: Path, path: str) -> set[str]:
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    try:
        text = file.read_text(encoding="utf-8")
    except OSError:
        return set()
    return {kind for kind, pattern in _KINDS.items() if pattern.search(text)}


def _section(path: str) -> str:
    parts = [p for p in path.strip("/").split("/") if p]
    if parts[:1] == ["en"]:
        parts = parts[1:]
    return parts[0] if parts and not parts[0].endswith(".html") else ""


def choose_sample(plan: AuditPlan, root: Path, seed: int | None, statute: Statute | None = None) -> dict[str, Any]:
    """Replace the plan's pages with a WCAG-EM sample; return what was chosen and why."""
    # WCAG-EM samples web pages; a standalone SVG (an image a page links to) is no page of its own.
    paths = [t.url for t in plan.targets if not t.url.lower().endswith(".svg")]
    options = {t.url: t for t in plan.targets}
    sample = Sample(seed=seed if seed is not None else secrets.randbelow(1_000_000), population=len(paths))
    reasons: dict[str, list[str]] = defaultdict(list)
    if plan.site is None:
        for path in paths:
            reasons[path].append("opgegeven adres")
    else:
        for path in paths:
            parts = [p for p in path.strip("/").split("/") if p]
            lang = "en" if parts[:1] == ["en"] else "nl"
            rel = "/".join(parts[1:] if lang == "en" else parts)
            if rel == "":
                reasons[path].append(f"startpagina ({lang})")
            if path.endswith("404.html") and not path.startswith("/en/"):
                reasons[path].append("foutpagina (404)")
            if any(rel.startswith(p) for p in _STATEMENT_PATHS):
                reasons[path].append("toegankelijkheidsverklaring")
        sections = sorted({_section(p) for p in paths} - {""})
        for section in sections:
            for lang_prefix in ("/", "/en/"):
                index = f"{lang_prefix}{section}/"
                if index in options:
                    reasons[index].append(f"sectie {section}" + (" (Engels)" if lang_prefix == "/en/" else ""))
                    break
        for section in sections:
            pages = sorted(p for p in paths if p.startswith(f"/{section}/") and p != f"/{section}/")
            if pages:
                reasons[pages[0]].append(f"inhoudspagina in {section}")
        if statute is not None:
            for item in statute.sections:
                if item.english_required and item.path.endswith("/"):
                    for candidate in sorted(p for p in paths if p.startswith(f"/{item.path}") and p != f"/{item.path}"):
                        reasons[candidate].append(f"toptaak ({item.path.rstrip('/')})")
                        break
        seen_kinds: set[str] = set()
        for path in paths:
            for kind in sorted(_kinds(plan.site, path) - seen_kinds):
                reasons[path].append(f"pagina met {kind}")
                seen_kinds.add(kind)
        news = [p for p in paths if "/nieuws/" in p and not p.endswith("/nieuws/")]
        if news:
            reasons[sorted(news)[-1]].append("nieuwsbericht")
    sample.structured = {p: reasons[p] for p in paths if p in reasons}
    rest = [p for p in paths if p not in sample.structured]
    count = min(len(rest), max(1, math.ceil(len(sample.structured) * 0.10)))
    sample.random = sorted(random.Random(sample.seed).sample(rest, count)) if rest else []
    plan.targets = [options[p] for p in sample.pages]
    return {"sample": sample}


def _manual_results(path: Path | None) -> dict[str, tuple[str, str]]:
    """The auditor's results per criterion: {sc: (result, explanation)}; mistakes stop the run (exit 2)."""
    if path is None:
        return {}
    problems = Problems(str(path))
    try:
        data = make_yaml().load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError, UnicodeDecodeError) as err:
        problems.add(ConfigCode.YAML_SYNTAX, 1, "", f"Dit bestand is niet te lezen ({err}).", f"Cannot read ({err}).")
        problems.raise_if_any()
    known = {str(c["sc"]) for c in load("wcag")}
    results: dict[str, tuple[str, str]] = {}
    for sc, value in (data or {}).items():
        entry = value if isinstance(value, dict) else {"resultaat": value}
        result = MANUAL_VALUES.get(str(entry.get("resultaat", "")).strip().lower())
        if str(sc) not in known or result is None:
            problems.add(
                ConfigCode.INVALID_VALUE,
                1,
                str(sc),
                f"'{sc}' is geen succescriterium van WCAG 2.2 A/AA, of het resultaat is geen voldoet, "
                "voldoet-niet of niet-van-toepassing.",
                f"'{sc}' is not a WCAG 2.2 A/AA criterion, or the result is not "
                "voldoet/voldoet-niet/niet-van-toepassing.",
                example='"2.1.1": {resultaat: voldoet, toelichting: "Met toetsenbord getest in Firefox en NVDA"}',
            )
            continue
        results[str(sc)] = (result, str(entry.get("toelichting", "")))
    problems.raise_if_any()
    return results


def evaluate(outcome: AuditOutcome, manual: dict[str, tuple[str, str]]) -> list[Criterion]:
    """A result per success criterion, from the audit's findings and the manual results."""
    failing: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for finding in outcome.result.findings:
        if finding.needs_review or finding.severity < Severity.WARNING:
            continue
        url = getattr(finding.location, "url", finding.path)
        for sc in finding.wcag:
            failing[sc][f"{finding.code}: {finding.message.nl}"].add(url)
    passing: dict[str, set[str]] = defaultdict(set)
    review: dict[str, set[str]] = defaultdict(set)
    from linters.wcag.axe import criteria as axe_criteria

    counts: dict[str, int] = defaultdict(int)
    for page in outcome.pages:
        if not page.checked:
            continue
        for item in page.data.get("passes", []):
            for sc in axe_criteria(item.get("tags", [])):
                passing[sc].add(item["id"])
        for item in page.data.get("incomplete", []):
            for sc in axe_criteria(item.get("tags", [])):
                review[sc].add(item["id"])
        for key, value in page.data.get("own", {}).get("counts", {}).items():
            counts[key] += int(value)
    present = {
        "media": counts["video"] + counts["audio"] > 0,
        "form": counts["input"] > 0,
        "password": counts["password"] > 0,
        "live": False,
        "transaction": counts["password"] > 0,
    }
    complete = not outcome.not_checked
    criteria: list[Criterion] = []
    for raw in load("wcag"):
        base = Criterion(
            sc=str(raw["sc"]),
            level=str(raw["niveau"]),
            since=str(raw["sinds"]),
            name=str(raw["naam"]),
            manual=str(raw["handmatig"]),
            content=raw.get("inhoud"),
            automatic=bool(raw.get("automatisch", False)),
        )
        evidence: list[str] = []
        pages: set[str] = set()
        if base.sc in failing:
            result = FAILED
            for problem, urls in sorted(failing[base.sc].items()):
                evidence.append(f"{problem} ({len(urls)} pagina's)")
                pages |= urls
        elif base.content and not present.get(base.content, True):
            result = NOT_PRESENT
            evidence.append("Deze soort inhoud komt in de steekproef niet voor.")
        elif base.automatic and complete and base.sc not in review and (base.sc in passing or base.sc == "4.1.1"):
            result = PASSED
            rules = ", ".join(sorted(passing.get(base.sc, set()))) or "W3C-erratum voor HTML"
            evidence.append(f"Automatisch vastgesteld op alle pagina's van de steekproef ({rules}).")
        else:
            result = MANUAL
            if passing.get(base.sc):
                evidence.append("axe-core vond geen fouten met: " + ", ".join(sorted(passing[base.sc])) + ".")
            if review.get(base.sc):
                evidence.append("axe-core kon niet beslissen over: " + ", ".join(sorted(review[base.sc])) + ".")
        if base.sc in manual and result != FAILED:
            result, explanation = manual[base.sc]
            evidence.append(f"Handmatig: {explanation}" if explanation else "Handmatig vastgesteld.")
        elif base.sc in manual:
            evidence.append(f"Handmatig: {manual[base.sc][1]} (de automatische fout telt zwaarder)")
        criteria.append(replace_criterion(base, result, tuple(evidence), tuple(sorted(pages))))
    return criteria


def replace_criterion(base: Criterion, result: str, evidence: tuple[str, ...], pages: tuple[str, ...]) -> Criterion:
    """A copy of a criterion with its result."""
    from dataclasses import replace

    return replace(base, result=result, evidence=evidence, pages=pages)


def statement_status(criteria: list[Criterion], research_date: date, today: date) -> str:
    """The status (A–D) that follows from the results on the 50 legal criteria.

    A: complete research under 3 years old, all 50 met; B: complete research,
    not all met; C: no complete research yet (manual checks still open), so
    research is planned; D is a choice of the organisation, never computed.
    """
    legal = [c for c in criteria if c.legal]
    complete = all(c.result != MANUAL for c in legal) and (today - research_date).days <= 3 * 365
    if not complete:
        return "C"
    return "A" if all(c.result in (PASSED, NOT_PRESENT) for c in legal) else "B"


def _totals(criteria: list[Criterion], legal: bool) -> dict[str, int]:
    chosen = [c for c in criteria if (c.legal if legal else c.in_wcag22)]
    totals = {key: sum(1 for c in chosen if c.result == key) for key in (PASSED, FAILED, MANUAL, NOT_PRESENT)}
    totals["totaal"] = len(chosen)
    return totals


def write_yearly(
    outcome: AuditOutcome,
    info: dict[str, Any],
    statute: Statute,
    today: date,
    out: Path,
    manual_file: Path | None,
    plan: AuditPlan,
) -> list[Path]:
    """Write the research report (HTML, JSON) and the draft statement; return their paths."""
    sample: Sample = info["sample"]
    criteria = evaluate(outcome, _manual_results(manual_file))
    status = statement_status(criteria, today, today)
    organisation = statute.organisation or "Gemeente Diemen"
    facts = outcome.facts
    report = {
        "titel": f"Toegankelijkheidsonderzoek {organisation} {today.year}",
        "datum": today.isoformat(),
        "opdrachtgever": organisation,
        "uitgevoerd_door": "webredactie audit --yearly (automatisch deel); handmatig deel: zie per criterium",
        "norm": "WCAG 2.2 niveau AA; wettelijke norm EN 301 549 V3.2.1 (WCAG 2.1 AA, 50 succescriteria)",
        "methode": "WCAG-EM 1.0: reikwijdte, verkennen, steekproef, evalueren, rapporteren",
        "reikwijdte": {
            "website": statute.website or "https://www.diemen.nl/",
            "pagina_s_in_de_site": sample.population,
            "talen": ["nl", "en"],
        },
        "steekproef": {
            "gestructureerd": [{"pagina": p, "waarom": r} for p, r in sample.structured.items()],
            "willekeurig": sample.random,
            "seed": sample.seed,
            "regel": "willekeurig 10% van de gestructureerde steekproef, minstens 1 pagina",
        },
        "hulpmiddelen": {
            "browser": f"Chromium {facts.get('browser', '?')} (headless, Playwright)",
            "axe_core": facts.get("axe"),
            "eigen_controles": "webredactie A11Y101-A11Y106",
        },
        "technologieen": ["HTML", "CSS", "JavaScript", "WAI-ARIA", "SVG", "WebVTT"],
        "status_verklaring": status,
        "totaal_wettelijk": _totals(criteria, legal=True),
        "totaal_wcag22": _totals(criteria, legal=False),
        "pagina_s_niet_gecontroleerd": [p.target.url for p in outcome.not_checked],
        "criteria": [
            {
                "sc": c.sc,
                "naam": c.name,
                "niveau": c.level,
                "sinds": c.since,
                "en_301_549": c.legal,
                "wcag22": c.in_wcag22,
                "resultaat": c.result,
                "bewijs": list(c.evidence),
                "pagina_s": list(c.pages),
                "handmatig_controleren": c.manual if c.result == MANUAL else "",
            }
            for c in criteria
        ],
    }
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "onderzoek.json", out / "onderzoek.html", out / "toegankelijkheidsverklaring.md"]
    write_atomic(written[0], json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    write_atomic(written[1], _html(report, criteria))
    write_atomic(written[2], _statement(report, criteria, status, today, statute))
    return written


_RESULTS = {"passed": PASSED, "failed": FAILED, "manual": MANUAL, "not_present": NOT_PRESENT}


def _html(report: dict[str, Any], criteria: list[Criterion]) -> str:
    return render(
        "linters.wcag", "onderzoek.html", report=report, criteria=criteria, result=_RESULTS, status_text=STATUS_TEXT
    )


def _statement(report: dict[str, Any], criteria: list[Criterion], status: str, today: date, statute: Statute) -> str:
    team = statute.departments.get("webredactie")
    mail = (team.feedback or team.contact) if team is not None else None
    # The manual part is planned half a year ahead; day 28 exists in every month.
    planned = date(today.year + (today.month + 6 - 1) // 12, (today.month + 6 - 1) % 12 + 1, min(today.day, 28))
    return render(
        "linters.wcag",
        "toegankelijkheidsverklaring.md",
        report=report,
        legal=report["totaal_wettelijk"],
        result=_RESULTS,
        failed=[c for c in criteria if c.result == FAILED],
        manual_count=sum(1 for c in criteria if c.legal and c.result == MANUAL),
        organisation=report["opdrachtgever"],
        website=report["reikwijdte"]["website"],
        mail=mail or "webredactie@diemen.nl",
        phone=statute.phone,
        status=status,
        status_text=STATUS_TEXT[status],
        today=today.isoformat(),
        planned=planned.isoformat(),
    )
