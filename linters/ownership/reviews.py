"""Review dates: when a page is due, and the rules for pages in the wrong hands or past due.

The due date is computed in one place (`review_status`), so the check, the
department digest and the dashboard can never disagree about a page.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from linters.core.dates import dutch_date, english_date
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import Page
from linters.core.rules import CheckContext, rule
from linters.core.statute import Cycle, Statute

# A department hears about a review this many days before it is due (digest only).
UPCOMING_DAYS = 30


def add_months(start: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


class ReviewState(enum.Enum):
    """Where a page stands against its review cycle."""

    CURRENT = "current"
    UPCOMING = "upcoming"
    OVERDUE = "overdue"
    LONG_OVERDUE = "long-overdue"


@dataclass(frozen=True)
class ReviewStatus:
    """A page's last review, its cycle, and what that means today."""

    reviewed: date
    cycle: Cycle
    due: date
    # After twice the cycle a page is an error: nobody has looked for too long.
    hard_due: date
    state: ReviewState
    days: int  # days overdue (positive) or days left (negative or zero)


def page_cycle(page: Page, statute: Statute) -> Cycle:
    """The cycle that applies to a page, with the front-matter fields it may set."""
    content_type = page.meta("type")
    own = page.meta("review_cycle_months")
    page_months = own if isinstance(own, int) and not isinstance(own, bool) and 1 <= own <= 60 else None
    return statute.review_cycle(
        page.rel_path or "",
        content_type if isinstance(content_type, str) else None,
        page_months,
    )


def review_status(page: Page, statute: Statute, today: date, upcoming_days: int = UPCOMING_DAYS) -> ReviewStatus | None:
    """The review status of a page with a valid, past `reviewed` date; None otherwise.

    Missing, invalid and future dates have their own rules (OWN003 to OWN005).
    """
    reviewed = page.meta("reviewed")
    if not isinstance(reviewed, date) or reviewed > today:
        return None
    cycle = page_cycle(page, statute)
    due = add_months(reviewed, cycle.months)
    hard_due = add_months(reviewed, 2 * cycle.months)
    days = (today - due).days
    if today > hard_due:
        state = ReviewState.LONG_OVERDUE
    elif today > due:
        state = ReviewState.OVERDUE
    elif days >= -upcoming_days:
        state = ReviewState.UPCOMING
    else:
        state = ReviewState.CURRENT
    return ReviewStatus(reviewed, cycle, due, hard_due, state, days)


def _at(page: Page, key: str) -> SourceSpan:
    line = page.front_matter.line_of(key) if page.front_matter else 1
    return SourceSpan(page.display, line, 1)


def _department(statute: Statute, dep_id: str) -> tuple[str, str]:
    department = statute.departments.get(dep_id)
    name = department.name if department else dep_id
    return f"{name} ({dep_id})", name


@rule(
    "OWN006",
    "owner-not-section-owner",
    Severity.ERROR,
    "De eigenaar van de pagina is niet de eigenaar van de sectie.",
    "The page's owner does not own its section.",
    site_only=True,
)
def owner_not_section_owner(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina in de sectie van een andere afdeling.

    Wat het controleert
        Of de afdeling bij `owner` dezelfde is als de afdeling die volgens
        `secties` in redactiestatuut.yml eigenaar is van de map van de pagina.

    Waarom is dit een probleem?
        Wie een pagina verandert, krijgt een vraag om review van de eigenaar van
        de sectie (CODEOWNERS). Noemt de pagina een andere afdeling, dan
        controleert de verkeerde afdeling de inhoud, en krijgt de eigen
        afdeling de feedback van bezoekers niet.

    Voorbeeld
        `owner: parkeren` op de pagina `content/nl/afval/grofvuil.md`
        (de sectie `afval/` is van Afval en reiniging).

    Beter
        `owner: afval`, of verplaats de pagina naar `parkeren/`, of laat de
        webredactie het redactiestatuut aanpassen.

    What it checks
        Whether the department in `owner` is the department that owns the
        page's folder according to `secties` in redactiestatuut.yml.

    Why is this a problem?
        Whoever changes a page gets a review request from the section's owner
        (CODEOWNERS). If the page names another department, the wrong
        department checks the content, and the right one does not get the
        visitors' feedback.

    For example
        `owner: parkeren` on the page `content/nl/afval/grofvuil.md`
        (the section `afval/` belongs to Afval en reiniging).

    Better
        `owner: afval`, or move the page to `parkeren/`, or ask the web editors
        to change the editorial statute.
    """
    owner = page.meta("owner")
    if not isinstance(owner, str) or owner not in ctx.statute.departments or page.rel_path is None:
        return
    section = ctx.statute.section_for(page.rel_path)
    if section is None or section.owner == owner:
        return
    page_name, _ = _department(ctx.statute, owner)
    section_name, _ = _department(ctx.statute, section.owner)
    yield Detection(
        _at(page, "owner"),
        Message(
            f"Deze pagina staat in de sectie {section.path}. Die sectie is van {section_name}. "
            f"Maar de pagina noemt {page_name} als eigenaar. Zet 'owner: {section.owner}', "
            "of verplaats de pagina naar een map van de eigen afdeling.",
            f"This page is in section {section.path}, which belongs to {section_name}, "
            f"but the page names {page_name} as its owner. Use 'owner: {section.owner}', "
            "or move the page to a folder of its own department.",
        ),
        replacements=(section.owner,),
        extras={"page_owner": owner, "section_owner": section.owner, "section": section.path},
    )


@rule(
    "OWN007",
    "page-outside-sections",
    Severity.WARNING,
    "De pagina valt in geen enkele sectie van het redactiestatuut.",
    "The page lies in no section of the editorial statute.",
    site_only=True,
)
def page_outside_sections(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina in een map die het redactiestatuut niet kent.

    Wat het controleert
        Of de map van de pagina onder een van de `secties` in
        redactiestatuut.yml valt.

    Waarom is dit een probleem?
        Alleen voor secties vraagt GitHub of GitLab de afdeling om een review
        (CODEOWNERS), en alleen dan staat de pagina in het overzicht van de
        afdeling. Een pagina buiten de secties controleert alleen de webredactie.

    Voorbeeld
        Een nieuwe map `content/nl/sport/` die niet bij `secties` staat.

    Beter
        Voeg de map toe aan `secties`, met de afdeling die de pagina's beheert:
        `- pad: sport/` en `eigenaar: ...`. Of zet de pagina in een bestaande map.

    What it checks
        Whether the page's folder falls under one of the `secties` in
        redactiestatuut.yml.

    Why is this a problem?
        GitHub or GitLab asks a department for a review (CODEOWNERS) only for
        sections, and only then is the page in the department's overview. A
        page outside the sections is checked by the web editors alone.

    For example
        A new folder `content/nl/sport/` that is not under `secties`.

    Better
        Add the folder to `secties`, with the department that looks after the
        pages: `- pad: sport/` and `eigenaar: ...`. Or put the page in an
        existing folder.
    """
    if page.rel_path is None or page.front_matter is None:
        return
    if ctx.statute.section_for(page.rel_path) is not None:
        return
    if "/" in page.rel_path:
        part = page.rel_path.rsplit("/", 1)[0] + "/"
        what_nl, what_en = f"De map '{part}'", f"The folder '{part}'"
    else:
        what_nl, what_en = f"De pagina '{page.rel_path}'", f"The page '{page.rel_path}'"
    yield Detection(
        SourceSpan(page.display, 1, 1),
        Message(
            f"{what_nl} staat niet bij 'secties' in het redactiestatuut. Daardoor vraagt niemand "
            "de afdeling om deze pagina te controleren. Voeg de map of pagina toe aan 'secties' met de "
            "afdeling die de pagina beheert, of zet de pagina in een bestaande map.",
            f"{what_en} is not listed under 'secties' in the statute, so no department is asked to review "
            "this page. Add it to 'secties' with its department, or move the page.",
        ),
        extras={"path": page.rel_path},
    )


def _overdue_message(status: ReviewStatus, *, long: bool) -> Message:
    cycle = status.cycle
    late_nl = f"{status.days} dagen te laat" + (": meer dan twee keer de cyclus" if long else "")
    late_en = f"{status.days} days late" + (": more than twice the cycle" if long else "")
    return Message(
        f"Deze pagina is voor het laatst gecontroleerd op {dutch_date(status.reviewed)}. "
        f"De volgende controle was uiterlijk {dutch_date(status.due)} (elke {cycle.months} maanden, "
        f"volgens de {cycle.source_nl}). Dat is nu {late_nl}. Lees de pagina na, pas aan wat niet "
        "meer klopt, en zet de datum van de controle bij 'reviewed'.",
        f"This page was last reviewed on {english_date(status.reviewed)}. The next review was due by "
        f"{english_date(status.due)} (every {cycle.months} months, from {cycle.source_en}). It is now "
        f"{late_en}. Check the page, fix what is out of date, and set 'reviewed' to the date of the check.",
    )


@rule(
    "OWN008",
    "review-overdue",
    Severity.WARNING,
    "De pagina had al opnieuw gecontroleerd moeten zijn.",
    "The page is overdue for review.",
    site_only=True,
)
def review_overdue(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina die te laat is voor een controle.

    Wat het controleert
        Of de datum bij `reviewed` plus de reviewcyclus voor vandaag ligt. De
        cyclus komt uit, in deze volgorde: de soort pagina (`type`), het veld
        `review_cycle_months` van de pagina, de sectie, of de standaard uit
        redactiestatuut.yml. Is het meer dan twee keer de cyclus, dan meldt
        OWN009 een fout.

    Waarom is dit een probleem?
        De gemeente belooft dat de informatie klopt. Tarieven, openingstijden
        en regels veranderen. Een pagina die niemand controleert, geeft na een
        tijd verkeerde informatie.

    Voorbeeld
        `reviewed: 2025-03-01` op een pagina van Burgerzaken (elke 6 maanden),
        op 22 november 2026.

    Beter
        De afdeling leest de pagina na en zet de datum van die controle:
        `reviewed: 2026-11-22`.

    What it checks
        Whether the date in `reviewed` plus the review cycle lies before today.
        The cycle comes from, in this order: the page type (`type`), the page's
        field `review_cycle_months`, the section, or the default in
        redactiestatuut.yml. At more than twice the cycle, OWN009 reports an
        error.

    Why is this a problem?
        The municipality promises that the information is right. Fees, opening
        hours and rules change. A page that nobody checks gives wrong
        information after a while.

    For example
        `reviewed: 2025-03-01` on a page of Burgerzaken (every 6 months), on
        22 November 2026.

    Better
        The department reads the page again and sets the date of that check:
        `reviewed: 2026-11-22`.
    """
    status = review_status(page, ctx.statute, ctx.today)
    if status is not None and status.state is ReviewState.OVERDUE:
        yield Detection(
            _at(page, "reviewed"),
            _overdue_message(status, long=False),
            extras={"due": status.due.isoformat(), "days_overdue": status.days, "cycle_months": status.cycle.months},
        )


@rule(
    "OWN009",
    "review-long-overdue",
    Severity.ERROR,
    "De controle is meer dan twee keer de reviewcyclus te laat.",
    "The review is late by more than twice the review cycle.",
    site_only=True,
)
def review_long_overdue(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina die al meer dan twee cycli niet is gecontroleerd.

    Wat het controleert
        Of de laatste controle (`reviewed`) langer geleden is dan twee keer de
        reviewcyclus van de pagina. Eén keer te laat is een waarschuwing
        (OWN008); dit is een fout, en dan bouwt de site niet.

    Waarom is dit een probleem?
        Een pagina die zo lang niet is bekeken, bevat bijna zeker oude
        informatie. Denk aan een oud tarief, een loket dat dicht is of een
        regel die niet meer geldt. Bewoners handelen daarnaar.

    Voorbeeld
        `reviewed: 2024-01-10` op een pagina met een cyclus van 6 maanden.

    Beter
        De afdeling controleert de pagina vandaag en zet `reviewed: 2026-11-22`.
        Is de pagina niet meer nodig? Verwijder haar dan.

    What it checks
        Whether the last review (`reviewed`) is longer ago than twice the
        page's review cycle. Late once is a warning (OWN008); this is an error,
        and then the site does not build.

    Why is this a problem?
        A page nobody has looked at for that long almost surely holds old
        information: an old fee, a desk that has closed, a rule that no longer
        applies. Residents act on it.

    For example
        `reviewed: 2024-01-10` on a page with a cycle of 6 months.

    Better
        The department checks the page today and sets `reviewed: 2026-11-22`.
        Is the page no longer needed? Then delete it.
    """
    status = review_status(page, ctx.statute, ctx.today)
    if status is not None and status.state is ReviewState.LONG_OVERDUE:
        yield Detection(
            _at(page, "reviewed"),
            _overdue_message(status, long=True),
            extras={"due": status.due.isoformat(), "days_overdue": status.days, "cycle_months": status.cycle.months},
        )
