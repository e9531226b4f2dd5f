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
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from linters.core.files import write_atomic
from linters.core.finding import Severity
from linters.core.statute import Statute
from linters.core.templates import render
from linters.wcag.answers import FAIL, OPEN, PASS, Answers
from linters.wcag.answers import NOT_PRESENT as ANSWER_NOT_PRESENT
from linters.wcag.audit import AuditOutcome
from linters.wcag.data import load
from linters.wcag.evidence import for_criterion
from linters.wcag.inputs import AuditPlan, url_path
from linters.wcag.policy import ACCESSIBILITY_POLICY
from linters.wcag.wcagem import export

PASSED, FAILED, MANUAL, NOT_PRESENT = "voldoet", "voldoet niet", "handmatig controleren", "niet van toepassing"
ANSWER_RESULTS = {PASS: PASSED, FAIL: FAILED, ANSWER_NOT_PRESENT: NOT_PRESENT, OPEN: MANUAL}
# The words of the register of digitoegankelijk.nl for a criterion's result.
REGISTER = {PASSED: "voldoet", FAILED: "voldoet niet", NOT_PRESENT: "niet van toepassing", MANUAL: "niet getest"}
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
    # "browser" when the audit's checks decided, "auditor" when a recorded answer did, "" while open.
    decided_by: str = ""
    # Last year's answer, shown beside the question until the auditor answers again.
    previous: str = ""
    page_answers: dict[str, dict[str, str]] = field(default_factory=dict)
    # The auditor's own note, kept apart from the evidence so an export carries it unchanged.
    note: str = ""
    # What the organisation does about a failure and by when (the baseline's reason and expiry).
    measures: tuple[tuple[str, date], ...] = ()
    # The problem in words for residents (the statement): the auditor's note or the check's message.
    problem: str = ""

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
            # Both languages are in scope: an English content page of each section that has one.
            english = sorted(p for p in paths if p.startswith(f"/en/{section}/") and p != f"/en/{section}/")
            if english:
                reasons[english[0]].append(f"inhoudspagina in {section} (Engels)")
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


def local(url: str) -> str:
    """A page address as the sample and the findings name it: the path on the embedded server."""
    return url_path(url) if url.startswith("http://127.0.0.1") else url


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def evaluate(outcome: AuditOutcome, answers: Answers | None = None, today: date | None = None) -> list[Criterion]:
    """A result per success criterion, from the audit's findings and the auditor's answers."""
    answers = answers or Answers()
    today = today or date.today()
    current, earlier = answers.current(today), answers.earlier(today)
    sampled = {local(p.target.url) for p in outcome.pages}
    failing: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for finding in outcome.result.findings:
        if finding.needs_review or finding.severity < Severity.WARNING:
            continue
        url = getattr(finding.location, "url", finding.path)
        for sc in finding.wcag:
            failing[sc][f"{finding.code}: {finding.message.nl}"].add(url)
    # A problem the baseline accepts for a while is still a failure in the research; its
    # reason and expiry date are the measure and the date the statement promises.
    measures: dict[str, list[tuple[str, date]]] = defaultdict(list)
    for finding, entry in outcome.accepted:
        url = getattr(finding.location, "url", finding.path)
        for sc in finding.wcag:
            failing[sc][f"{finding.code}: {finding.message.nl}"].add(url)
            if (entry.reason, entry.expires) not in measures[sc]:
                measures[sc].append((entry.reason, entry.expires))
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
    total = len(sampled)
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
        decided_by = ""
        problem_text = ""
        if base.sc in failing:
            result = FAILED
            decided_by = "browser"
            for problem, urls in sorted(failing[base.sc].items()):
                problem_text = problem_text or problem.split(": ", 1)[-1]
                # Only pages of the sample count: a finding on a page outside it (a linked
                # file) would otherwise give "33 of 32 pages".
                inside = urls & sampled if sampled else urls
                pages_text = _plural(total, "pagina", "pagina's")
                evidence.append(f"{problem} (op {len(inside or urls)} van {pages_text})")
                pages |= urls
        elif base.content and not present.get(base.content, True):
            result = NOT_PRESENT
            decided_by = "browser"
            evidence.append("Deze soort inhoud komt in de steekproef niet voor.")
        elif base.automatic and complete and base.sc not in review and (base.sc in passing or base.sc == "4.1.1"):
            result = PASSED
            decided_by = "browser"
            rules = ", ".join(sorted(passing.get(base.sc, set()))) or "W3C-erratum voor HTML"
            evidence.append(f"Automatisch vastgesteld op alle pagina's van de steekproef ({rules}).")
        else:
            result = MANUAL
            if passing.get(base.sc):
                evidence.append("axe-core vond geen fouten met: " + ", ".join(sorted(passing[base.sc])) + ".")
            if review.get(base.sc):
                evidence.append("axe-core kon niet beslissen over: " + ", ".join(sorted(review[base.sc])) + ".")
        answer = current.get(base.sc)
        page_answers: dict[str, dict[str, str]] = {}
        if answer is not None:
            page_answers = {
                u: {"resultaat": a.result, "toelichting": a.note, "schermafbeelding": a.screenshot}
                for u, a in answer.pages.items()
            }
            recorded = ANSWER_RESULTS[answer.outcome()]
            note = answer.note or "geen toelichting"
            when = f" ({answer.answered.isoformat()})" if answer.answered else ""
            if result == FAILED and recorded != FAILED:
                evidence.append(f"Handmatig: {recorded}{when}, {note}. De fout van de browsercontrole telt zwaarder.")
            else:
                result = recorded
                decided_by = "auditor"
                evidence.append(f"Handmatig: {recorded}{when}, {note}.")
            for url, page_answer in sorted(answer.pages.items()):
                if page_answer.result == FAIL:
                    pages.add(url)
        previous = ""
        if base.sc in earlier:
            old = earlier[base.sc]
            when = old.answered.isoformat() if old.answered else "eerder"
            previous = f"Vorige keer ({when}): {ANSWER_RESULTS[old.outcome()]}. {old.note}".strip()
        criteria.append(
            replace(
                base,
                result=result,
                evidence=tuple(evidence),
                pages=tuple(sorted(pages)),
                decided_by=decided_by,
                previous=previous,
                page_answers=page_answers,
                note=answer.note if answer is not None else "",
                measures=tuple(sorted(measures.get(base.sc, []), key=lambda m: m[1])),
                problem=(answer.note if answer is not None and answer.outcome() == FAIL and answer.note else "")
                or problem_text,
            )
        )
    return criteria


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


def _page_results(outcome: AuditOutcome, sample: Sample, criteria: list[Criterion]) -> list[dict[str, Any]]:
    """One row per sampled page: why it was chosen, what the browser found, what the auditor recorded."""
    by_url: dict[str, list[str]] = defaultdict(list)
    review: dict[str, int] = defaultdict(int)
    for finding in outcome.result.findings:
        url = getattr(finding.location, "url", finding.path)
        if finding.needs_review:
            review[url] += 1
        elif finding.severity >= Severity.WARNING:
            by_url[url].append(finding.code)
    checked = {local(p.target.url): p for p in outcome.pages}
    rows = []
    for url in sample.pages:
        page = checked.get(url)
        manual_failed = sorted(c.sc for c in criteria if c.page_answers.get(url, {}).get("resultaat") == FAIL)
        manual_passed = sorted(
            c.sc for c in criteria if c.page_answers.get(url, {}).get("resultaat") in (PASS, ANSWER_NOT_PRESENT)
        )
        codes = sorted(set(by_url.get(url, [])))
        rows.append(
            {
                "pagina": url,
                "taal": "en" if url.startswith("/en/") else "nl",
                "waarom": sample.structured.get(url) or ["willekeurig"],
                "gecontroleerd": bool(page and page.checked),
                "fout": page.error if page is not None and not page.checked else "",
                "fouten_browser": len(by_url.get(url, [])),
                "regels": codes,
                "nakijken": review.get(url, 0),
                "handmatig_voldoet_niet": manual_failed,
                "handmatig_voldoet": manual_passed,
            }
        )
    return rows


def write_yearly(
    outcome: AuditOutcome,
    info: dict[str, Any],
    statute: Statute,
    today: date,
    out: Path,
    answers: Answers | None,
    plan: AuditPlan,
    *,
    evaluator: str | None = None,
    commissioner: str | None = None,
) -> list[Path]:
    """Write the research report (HTML, JSON) and the draft statement; return their paths."""
    sample: Sample = info["sample"]
    evidence: dict[str, dict[str, Any]] = {
        p: info.get("evidence", {})[p] for p in sample.pages if p in info.get("evidence", {})
    }
    answers = answers or Answers()
    criteria = evaluate(outcome, answers, today)
    status = statement_status(criteria, today, today)
    organisation = statute.organisation or "Gemeente Diemen"
    facts = outcome.facts
    evaluator = evaluator or ACCESSIBILITY_POLICY.text(statute, "onderzoeker") or ""
    commissioner = commissioner or ACCESSIBILITY_POLICY.text(statute, "opdrachtgever") or organisation
    tools = [f"Chromium {facts.get('browser', '?')} (zonder venster, Playwright): automatische controles"]
    tools += [f"axe-core {facts.get('axe')}", "webredactie: eigen controles (A11Y-regels)"]
    website = statute.website or "https://www.diemen.nl/"
    report = {
        "titel": f"Toegankelijkheidsonderzoek {organisation} {today.year}",
        "datum": today.isoformat(),
        "opdrachtgever": commissioner,
        "organisatie": organisation,
        "onderzoeker": evaluator,
        "uitgevoerd_door": evaluator
        or "nog niet ingevuld (toegankelijkheid.onderzoeker in het statuut, of --evaluator)",
        "norm": "WCAG 2.2 niveau AA; wettelijke norm EN 301 549 V3.2.1 (WCAG 2.1 AA, 50 succescriteria)",
        "methode": "WCAG-EM 1.0: reikwijdte, verkennen, steekproef, evalueren, rapporteren",
        "reikwijdte": {
            "website": website,
            "beschrijving": f"Alle pagina's van {website} in het Nederlands en het Engels, "
            "met de foutpagina; geen bestanden van derden.",
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
            "handmatig": list(answers.tools),
            "lijst": tools + list(answers.tools),
        },
        "technologieen": ["HTML", "CSS", "JavaScript", "WAI-ARIA", "SVG", "WebVTT"],
        "status_verklaring": status,
        "totaal_wettelijk": _totals(criteria, legal=True),
        "totaal_wcag22": _totals(criteria, legal=False),
        "rapport_adres": ACCESSIBILITY_POLICY.text(statute, "rapport_adres")
        or f"{website.rstrip('/')}/over-deze-website/toegankelijkheidsonderzoek-{today.year}.html",
        "pagina_s_niet_gecontroleerd": [local(p.target.url) for p in outcome.not_checked],
        "resultaat_per_pagina": _page_results(outcome, sample, criteria),
        # The register of digitoegankelijk.nl records the 50 criteria of EN 301 549 one by one.
        "register": [{"sc": c.sc, "naam": c.name, "resultaat": REGISTER[c.result]} for c in criteria if c.legal],
        # WCAG-EM 3.c: complete processes are tested from start to end by hand.
        "processen": [
            {
                "naam": "Feedback geven over een pagina",
                "stappen": "pagina openen, 'Klopt er iets niet op deze pagina?' invullen, versturen, bevestiging zien",
                "pagina_s": [p for p, why in sample.structured.items() if "pagina met formulier" in why],
            }
        ],
        "bewijs_per_pagina": evidence,
        "criteria": [
            {
                "sc": c.sc,
                "naam": c.name,
                "niveau": c.level,
                "sinds": c.since,
                "en_301_549": c.legal,
                "wcag22": c.in_wcag22,
                "resultaat": c.result,
                "besloten_door": c.decided_by,
                "bewijs": list(c.evidence),
                "pagina_s": list(c.pages),
                "handmatig_controleren": c.manual if c.result == MANUAL else "",
                "vorige_keer": c.previous,
                "per_pagina": c.page_answers,
                "toelichting_onderzoeker": c.note,
            }
            for c in criteria
        ],
    }
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "onderzoek.json", out / "onderzoek.html", out / "toegankelijkheidsverklaring.md"]
    written.append(out / "onderzoek.jsonld")
    write_atomic(written[0], json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    write_atomic(written[3], json.dumps(export(report), ensure_ascii=False, indent=2) + "\n")
    write_atomic(written[1], _html(report, criteria, evidence))
    write_atomic(written[2], _statement(report, criteria, status, today, statute))
    return written


_RESULTS = {"passed": PASSED, "failed": FAILED, "manual": MANUAL, "not_present": NOT_PRESENT}


def _html(report: dict[str, Any], criteria: list[Criterion], evidence: dict[str, dict[str, Any]]) -> str:
    shown = {c.sc: for_criterion(c.sc, evidence) for c in criteria if c.result == MANUAL}
    return render(
        "linters.wcag",
        "onderzoek.html",
        report=report,
        criteria=criteria,
        result=_RESULTS,
        status_text=STATUS_TEXT,
        evidence={sc: kinds for sc, kinds in shown.items() if kinds},
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
        report_url=report["rapport_adres"],
        signed_by=ACCESSIBILITY_POLICY.text(statute, "vastgesteld_door") or report["opdrachtgever"],
        manual_count=sum(1 for c in criteria if c.legal and c.result == MANUAL),
        organisation=report["organisatie"],
        website=report["reikwijdte"]["website"],
        mail=mail or "webredactie@diemen.nl",
        phone=statute.phone,
        status=status,
        status_text=STATUS_TEXT[status],
        today=today.isoformat(),
        planned=planned.isoformat(),
    )
