"""Front-matter rules: the fields every page needs, and what each field may hold.

The schema is data (`FIELDS`); the rules read it, so a new optional field is
one line here and is documented in the README from the same place.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.input_rules import reading_problems
from linters.core.markup import looks_like_markup
from linters.core.page import LANGUAGES, Page
from linters.core.rules import CheckContext, rule

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_LOOSE_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


@dataclass(frozen=True)
class Field:
    """One front-matter field: what it holds and how to check a value."""

    name: str
    meaning_nl: str
    example: str
    check: Callable[[Any, CheckContext], str | None] | None = None


def _text(value: Any, ctx: CheckContext) -> str | None:
    return None if isinstance(value, str) and value.strip() else "Hier hoort een korte tekst."


def _email(value: Any, ctx: CheckContext) -> str | None:
    return None if isinstance(value, str) and _EMAIL.match(value) else "Hier hoort een e-mailadres."


def _months(value: Any, ctx: CheckContext) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 60:
        return None
    return "Hier hoort een aantal maanden van 1 tot en met 60, alleen het getal."


def _content_type(value: Any, ctx: CheckContext) -> str | None:
    known = sorted(ctx.statute.content_types)
    if isinstance(value, str) and value in known:
        return None
    return "Kies een soort uit het redactiestatuut: " + ", ".join(known) + "."


def _date(value: Any, ctx: CheckContext) -> str | None:
    return None if isinstance(value, date) else "Hier hoort een datum als 2026-09-14."


def _list(value: Any, ctx: CheckContext) -> str | None:
    return None if isinstance(value, list) else "Hier hoort een lijst, zoals [toc]."


def _lang(value: Any, ctx: CheckContext) -> str | None:
    return None if value in LANGUAGES else "Kies nl of en."


def _mapping(value: Any, ctx: CheckContext) -> str | None:
    return None if isinstance(value, dict) else "Hier hoort een lijst van sleutels, zoals {exclude: true}."


# Required fields are checked by their own rules below; the rest by
# `invalid-front-matter-value`. Material's own fields are allowed so editors
# can use its documented features.
FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("title", "titel van de pagina (de kop bovenaan)", "Grofvuil laten ophalen", _text),
        Field("description", "korte samenvatting voor zoekmachines", "Zo laat u grofvuil ophalen.", _text),
        Field("owner", "id van de afdeling die de pagina beheert", "afval"),
        Field("reviewed", "datum van de laatste controle door de eigenaar", "2026-09-14"),
        Field("type", "soort pagina met een eigen reviewcyclus", "nieuws", _content_type),
        Field("review_cycle_months", "eigen reviewcyclus in maanden", "6", _months),
        Field("contact", "eigen contactadres voor deze pagina", "grofvuil@diemen.nl", _email),
        Field("translation_reviewed", "datum waarop de vertaling is gecontroleerd", "2026-09-14", _date),
        Field("lang", "taal van een bestand buiten content/", "nl", _lang),
        Field("hide", "delen van het thema die verborgen zijn", "[toc]", _list),
        Field("tags", "trefwoorden", "[afval]", _list),
        Field("search", "instellingen voor zoeken", "{exclude: true}", _mapping),
        Field("template", "ander sjabloon van het thema", "main.html", _text),
        Field("icon", "icoon in het menu", "material/delete", _text),
        Field("subtitle", "ondertitel in het menu", "Ophalen", _text),
    )
}
REQUIRED = ("title", "description", "owner", "reviewed")


def _at(page: Page, key: str) -> SourceSpan:
    line = page.front_matter.line_of(key) if page.front_matter else 1
    return SourceSpan(page.display, line, 1)


def _missing_text(page: Page, key: str, message: Message) -> Iterator[Detection]:
    """Report a required text field that is absent, empty or not text."""
    if page.front_matter is None:
        return
    value = page.meta(key)
    if not isinstance(value, str) or not value.strip():
        yield Detection(_at(page, key), message)


@rule(
    "FM001",
    "missing-front-matter",
    Severity.ERROR,
    "De pagina heeft geen front-matter.",
    "The page has no front-matter.",
)
def missing_front_matter(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina zonder front-matter bovenaan.

    Wat het controleert
        Of de pagina begint met een blok tussen twee regels `---`.

    Waarom is dit een probleem?
        In de front-matter staat wie de pagina beheert en wanneer die voor het
        laatst is gecontroleerd. Zonder dat blok weet niemand of de informatie
        klopt, en gaat feedback van bezoekers naar niemand.

    Voorbeeld
        Een pagina die meteen begint met `## Grofvuil laten ophalen`.

    Beter
        ```
        ---
        title: Grofvuil laten ophalen
        description: Zo laat u grofvuil gratis ophalen.
        owner: afval
        reviewed: 2026-09-14
        ---
        ```

    What it checks
        Whether the page starts with a block between two lines `---`.

    Why is this a problem?
        The front-matter says who looks after the page and when it was last
        checked. Without it nobody knows whether the information is right, and
        visitors' feedback goes to nobody.

    For example
        A page that starts straight away with `## Grofvuil laten ophalen`.

    Better
        ```
        ---
        title: Grofvuil laten ophalen
        description: Zo laat u grofvuil gratis ophalen.
        owner: afval
        reviewed: 2026-09-14
        ---
        ```
    """
    yield from reading_problems(page, "missing-front-matter")


@rule(
    "FM002",
    "broken-front-matter",
    Severity.ERROR,
    "De front-matter is geen geldige YAML.",
    "The front-matter is not valid YAML.",
)
def broken_front_matter(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Front-matter die niet te lezen is.

    Wat het controleert
        Of het blok tussen de regels `---` geldige YAML is, en of het blok
        is afgesloten.

    Waarom is dit een probleem?
        Dan kan niemand de eigenaar en de controledatum lezen. De site bouwt
        niet, en de controle kan de andere velden niet lezen.

    Voorbeeld
        `title: Afval: wat moet waar?` (een tweede dubbele punt zonder aanhalingstekens)

    Beter
        `title: "Afval: wat moet waar?"`

    What it checks
        Whether the block between the `---` lines is valid YAML, and whether the
        block is closed.

    Why is this a problem?
        Then nobody can read the owner and the review date. The site does not
        build, and the other fields are not checked.

    For example
        `title: Afval: wat moet waar?` (a second colon without quotes)

    Better
        `title: "Afval: wat moet waar?"`
    """
    yield from reading_problems(page, "broken-front-matter")


@rule(
    "FM003",
    "missing-title",
    Severity.ERROR,
    "De pagina heeft geen titel.",
    "The page has no title.",
)
def missing_title(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina zonder `title`.

    Wat het controleert
        Of de front-matter een `title` heeft met tekst.

    Waarom is dit een probleem?
        De titel is de kop van de pagina, de naam in het menu en de tekst in
        het tabblad. Mensen met een schermlezer horen de titel als eerste.

    Voorbeeld
        Front-matter met alleen `owner` en `reviewed`.

    Beter
        `title: Grofvuil laten ophalen`

    What it checks
        Whether the front-matter has a `title` with text.

    Why is this a problem?
        The title is the page's heading, its name in the menu and the text in
        the browser tab. People with a screen reader hear the title first.

    For example
        Front-matter with only `owner` and `reviewed`.

    Better
        `title: Grofvuil laten ophalen`
    """
    if page.front_matter is None:
        return
    value = page.meta("title")
    if not isinstance(value, str) or not value.strip():
        yield Detection(
            _at(page, "title"),
            Message(
                "Deze pagina heeft geen titel. Zet in de front-matter bijvoorbeeld: 'title: Grofvuil laten ophalen'.",
                "This page has no title. Add for example 'title: Bulky waste' to the front-matter.",
            ),
        )


@rule(
    "FM004",
    "missing-description",
    Severity.WARNING,
    "De pagina heeft geen beschrijving.",
    "The page has no description.",
)
def missing_description(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina zonder `description`.

    Wat het controleert
        Of de front-matter een `description` heeft met tekst.

    Waarom is dit een probleem?
        Zoekmachines en de zoekfunctie van de site tonen deze zin onder de
        titel. Zonder beschrijving kiezen ze zelf een stukje tekst, vaak een
        onhandig stuk.

    Voorbeeld
        Front-matter zonder `description`.

    Beter
        `description: Zo laat u grofvuil gratis ophalen.`

    What it checks
        Whether the front-matter has a `description` with text.

    Why is this a problem?
        Search engines and the site's own search show this sentence under the
        title. Without a description they pick a piece of text themselves,
        often an awkward one.

    For example
        Front-matter without `description`.

    Better
        `description: Zo laat u grofvuil gratis ophalen.`
    """
    yield from _missing_text(
        page,
        "description",
        Message(
            "Deze pagina heeft geen beschrijving. Schrijf in één zin wat de bezoeker hier "
            "kan doen, bijvoorbeeld: 'description: Zo laat u grofvuil ophalen.'",
            "This page has no description. Say in one sentence what a visitor can do here.",
        ),
    )


@rule(
    "FM005",
    "unknown-front-matter-field",
    Severity.WARNING,
    "Een veld in de front-matter is onbekend.",
    "A front-matter field is unknown.",
)
def unknown_front_matter_field(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een veld in de front-matter dat wij niet kennen.

    Wat het controleert
        Of elk veld in de front-matter in de lijst van bekende velden staat
        (zie de README). Bij een tikfout noemt de melding het bedoelde veld.

    Waarom is dit een probleem?
        Een tikfout valt anders niet op: `reviewd: 2026-09-14` lijkt goed,
        maar de controledatum ontbreekt dan.

    Voorbeeld
        `eigenaar: afval`

    Beter
        `owner: afval`

    What it checks
        Whether every front-matter field is on the list of known fields (see
        the README). For a typo the message names the field that was meant.

    Why is this a problem?
        A typo goes unnoticed otherwise: `reviewd: 2026-09-14` looks right, but
        then the review date is missing.

    For example
        `eigenaar: afval`

    Better
        `owner: afval`
    """
    if page.front_matter is None:
        return
    for key in page.front_matter.data:
        if key in FIELDS:
            continue
        close = difflib.get_close_matches(key, list(FIELDS), n=1, cutoff=0.6)
        hint_nl = f" Bedoelt u '{close[0]}'?" if close else " Bekende velden staan in de README."
        hint_en = f" Did you mean '{close[0]}'?" if close else " Known fields are in the README."
        yield Detection(
            _at(page, key),
            Message(
                f"Het veld '{key}' kennen wij niet.{hint_nl}",
                f"The field '{key}' is unknown.{hint_en}",
            ),
            replacements=(close[0],) if close else (),
        )


@rule(
    "FM006",
    "invalid-front-matter-value",
    Severity.ERROR,
    "Een veld in de front-matter heeft een verkeerde waarde.",
    "A front-matter field has a wrong value.",
)
def invalid_front_matter_value(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een veld met een waarde die niet kan.

    Wat het controleert
        Of elk veld een waarde heeft van de goede soort: een tekst, een datum,
        een aantal maanden, een e-mailadres of een soort pagina uit het
        redactiestatuut.

    Waarom is dit een probleem?
        De site slaat een verkeerde waarde zonder melding over. Dan geldt bijvoorbeeld de
        verkeerde reviewcyclus, of gaat feedback naar een adres dat niet bestaat.

    Voorbeeld
        `review_cycle_months: 6 maanden`

    Beter
        `review_cycle_months: 6`

    What it checks
        Whether every field has a value of the right kind: a text, a date, a
        number of months, an e-mail address or a page type from the editorial
        statute.

    Why is this a problem?
        A wrong value is silently ignored. Then, for example, the wrong review
        cycle applies, or feedback goes to an address that does not exist.

    For example
        `review_cycle_months: 6 maanden`

    Better
        `review_cycle_months: 6`
    """
    if page.front_matter is None:
        return
    for key, value in page.front_matter.data.items():
        spec = FIELDS.get(key)
        if spec is None or spec.check is None or key in ("title", "description"):
            continue
        reason = spec.check(value, ctx)
        if reason:
            yield Detection(
                _at(page, key),
                Message(
                    f"Het veld '{key}' ({spec.meaning_nl}) klopt niet: '{value}'. {reason} "
                    f"Voorbeeld: '{key}: {spec.example}'.",
                    f"The field '{key}' has a wrong value: '{value}'. Example: '{key}: {spec.example}'.",
                ),
            )


@rule(
    "FM009",
    "markup-in-front-matter",
    Severity.ERROR,
    "Een tekst in de front-matter bevat HTML.",
    "A front-matter text contains HTML.",
)
def markup_in_front_matter(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """HTML in de titel, de beschrijving of een ander tekstveld van de front-matter.

    Wat het controleert
        Of een tekst in de front-matter (`title`, `description`, `contact`, ...)
        iets bevat dat een browser als HTML leest: een tag (`<img ...>`,
        `<b>`), een commentaar (`<!--`) of een teken als `&lt;`.

    Waarom is dit een probleem?
        De titel en de beschrijving staan op veel plekken: boven de pagina, in
        het menu, in de titel van het tabblad, in zoekresultaten. De site toont
        ze altijd als gewone tekst, dus HTML staat er letterlijk. Via HTML in
        de front-matter kan ook een script op de site komen; de bouw stopt
        daarom (`mkdocs build --strict`).

    Voorbeeld
        `title: Afval <b>gratis</b> laten ophalen`

    Beter
        `title: Afval gratis laten ophalen`

    What it checks
        Whether a text in the front-matter (`title`, `description`, `contact`, ...)
        holds something a browser reads as HTML: a tag (`<img ...>`, `<b>`), a
        comment (`<!--`) or a character like `&lt;`.

    Why is this a problem?
        The title and the description appear in many places: above the page, in
        the menu, in the browser tab, in search results. The site always shows
        them as plain text, so the HTML appears literally. HTML in the
        front-matter could also bring a script onto the site; the build
        therefore stops (`mkdocs build --strict`).

    For example
        `title: Afval <b>gratis</b> laten ophalen`

    Better
        `title: Afval gratis laten ophalen`
    """
    if page.front_matter is None:
        return
    for key, value in page.front_matter.data.items():
        texts = (
            [value]
            if isinstance(value, str)
            else [v for v in value if isinstance(v, str)]
            if isinstance(value, list)
            else []
        )
        for text in texts:
            piece = looks_like_markup(text)
            if piece is not None:
                yield Detection(
                    _at(page, key),
                    Message(
                        f"Het veld '{key}' bevat HTML ({piece}). De site toont dat als gewone tekst. "
                        "Schrijf alleen tekst, zonder < > en zonder codes als &lt;.",
                        f"The field '{key}' contains HTML ({piece}). The site shows it as plain text. Write text only.",
                    ),
                    context=text,
                )
                break


@rule(
    "OWN001",
    "page-without-owner",
    Severity.ERROR,
    "De pagina heeft geen eigenaar.",
    "The page has no owner.",
    site_only=True,
)
def page_without_owner(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina zonder `owner`.

    Wat het controleert
        Of de front-matter zegt welke afdeling de pagina beheert.

    Waarom is dit een probleem?
        De eigenaar zorgt dat de informatie klopt en krijgt de feedback van
        bezoekers. Zonder eigenaar veroudert een pagina zonder dat iemand het merkt.

    Voorbeeld
        Front-matter zonder `owner`.

    Beter
        `owner: afval` (een id uit `afdelingen` in redactiestatuut.yml)

    What it checks
        Whether the front-matter says which department looks after the page.

    Why is this a problem?
        The owner keeps the information right and gets the visitors' feedback.
        Without an owner a page grows old without anyone noticing.

    For example
        Front-matter without `owner`.

    Better
        `owner: afval` (an id from `afdelingen` in redactiestatuut.yml)
    """
    if page.front_matter is None:
        return
    if page.meta("owner") in (None, ""):
        section = ctx.statute.section_for(page.rel_path or "")
        hint_nl = f" Voor deze map is dat '{section.owner}'." if section else ""
        hint_en = f" For this folder that is '{section.owner}'." if section else ""
        yield Detection(
            _at(page, "owner"),
            Message(
                "Deze pagina heeft geen eigenaar. Zet in de front-matter welke afdeling de "
                f"pagina beheert, bijvoorbeeld 'owner: afval'.{hint_nl}",
                "This page has no owner. Add the department that keeps it up to date, "
                f"for example 'owner: afval'.{hint_en}",
            ),
            replacements=(section.owner,) if section else (),
        )


@rule(
    "OWN002",
    "unknown-owner",
    Severity.ERROR,
    "De eigenaar staat niet in het redactiestatuut.",
    "The owner is not in the editorial statute.",
    site_only=True,
)
def unknown_owner(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een eigenaar die het redactiestatuut niet kent.

    Wat het controleert
        Of de waarde van `owner` een id is uit `afdelingen` in redactiestatuut.yml.

    Waarom is dit een probleem?
        Alleen een bekende afdeling krijgt de rapporten, de reviewverzoeken en
        de feedback van bezoekers. Een tikfout stuurt alles naar niemand.

    Voorbeeld
        `owner: Afvalzaken`

    Beter
        `owner: afval`

    What it checks
        Whether the value of `owner` is an id from `afdelingen` in redactiestatuut.yml.

    Why is this a problem?
        Only a known department gets the reports, the review requests and the
        visitors' feedback. A typo sends everything to nobody.

    For example
        `owner: Afvalzaken`

    Better
        `owner: afval`
    """
    if page.front_matter is None:
        return
    owner = page.meta("owner")
    if owner in (None, ""):
        return
    known = sorted(ctx.statute.departments)
    if isinstance(owner, str) and owner in ctx.statute.departments:
        return
    close = difflib.get_close_matches(str(owner).lower(), known, n=1, cutoff=0.5)
    hint_nl = f" Bedoelt u '{close[0]}'?" if close else ""
    hint_en = f" Did you mean '{close[0]}'?" if close else ""
    yield Detection(
        _at(page, "owner"),
        Message(
            f"De eigenaar '{owner}' staat niet in het redactiestatuut.{hint_nl} Kies een van: {', '.join(known)}.",
            f"The owner '{owner}' is not in the editorial statute.{hint_en} Choose one of: {', '.join(known)}.",
        ),
        replacements=(close[0],) if close else (),
    )


@rule(
    "OWN003",
    "missing-review-date",
    Severity.ERROR,
    "De pagina heeft geen controledatum.",
    "The page has no review date.",
    site_only=True,
)
def missing_review_date(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina zonder `reviewed`.

    Wat het controleert
        Of de front-matter zegt wanneer de eigenaar de pagina voor het laatst
        heeft gecontroleerd.

    Waarom is dit een probleem?
        De gemeente belooft dat de informatie actueel is. Zonder datum weet
        niemand wanneer de pagina weer aan de beurt is.

    Voorbeeld
        Front-matter zonder `reviewed`.

    Beter
        `reviewed: 2026-09-14` (jaar-maand-dag)

    What it checks
        Whether the front-matter says when the owner last checked the page.

    Why is this a problem?
        The municipality promises that the information is up to date. Without a
        date nobody knows when the page is due again.

    For example
        Front-matter without `reviewed`.

    Better
        `reviewed: 2026-09-14` (year-month-day)
    """
    if page.front_matter is None:
        return
    if page.meta("reviewed") in (None, ""):
        yield Detection(
            _at(page, "reviewed"),
            Message(
                "Deze pagina heeft geen controledatum. Zet de datum van de laatste controle in "
                "de front-matter, zo: 'reviewed: 2026-09-14'.",
                "This page has no review date. Add the date of the last check, like 'reviewed: 2026-09-14'.",
            ),
        )


@rule(
    "OWN004",
    "invalid-review-date",
    Severity.ERROR,
    "De controledatum is geen geldige datum.",
    "The review date is not a valid date.",
    site_only=True,
)
def invalid_review_date(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een controledatum die geen datum is.

    Wat het controleert
        Of `reviewed` een echte datum is, geschreven als jaar-maand-dag.

    Waarom is dit een probleem?
        Een datum als `14-09-2026` of `2026-02-30` kan de controle niet lezen.
        Dan ziet niemand dat de pagina te laat is voor een controle.

    Voorbeeld
        `reviewed: 14 september 2026`

    Beter
        `reviewed: 2026-09-14`

    What it checks
        Whether `reviewed` is a real date, written as year-month-day.

    Why is this a problem?
        The check cannot read a date like `14-09-2026` or `2026-02-30`. Then
        nobody sees that the page is late for a review.

    For example
        `reviewed: 14 september 2026`

    Better
        `reviewed: 2026-09-14`
    """
    if page.front_matter is None:
        return
    value = page.meta("reviewed")
    if value in (None, "") or isinstance(value, date):
        return
    suggestion: tuple[str, ...] = ()
    match = _LOOSE_DATE.match(str(value))
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            suggestion = (date(year, month, day).isoformat(),)
        except ValueError:
            pass
    hint = f" Bedoelt u '{suggestion[0]}'?" if suggestion else ""
    yield Detection(
        _at(page, "reviewed"),
        Message(
            f"De controledatum '{value}' is geen geldige datum.{hint} Schrijf de datum als "
            "jaar-maand-dag, zo: 'reviewed: 2026-09-14'.",
            f"The review date '{value}' is not a valid date. Write it as year-month-day, like 'reviewed: 2026-09-14'.",
        ),
        replacements=suggestion,
    )


@rule(
    "OWN005",
    "review-date-in-future",
    Severity.ERROR,
    "De controledatum ligt in de toekomst.",
    "The review date is in the future.",
    site_only=True,
)
def review_date_in_future(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een controledatum na vandaag.

    Wat het controleert
        Of de datum bij `reviewed` niet later is dan vandaag.

    Waarom is dit een probleem?
        Een datum in de toekomst houdt de pagina buiten de lijst met
        controles die te laat zijn. Zo lijkt een oude pagina nieuw.

    Voorbeeld
        `reviewed: 2027-01-01` op 22 november 2026

    Beter
        De datum van de dag waarop de afdeling de pagina echt heeft gecontroleerd.

    What it checks
        Whether the date in `reviewed` is not later than today.

    Why is this a problem?
        A date in the future keeps the page off the list of late reviews. An
        old page then looks new.

    For example
        `reviewed: 2027-01-01` on 22 November 2026

    Better
        The date of the day the department really checked the page.
    """
    if page.front_matter is None:
        return
    value = page.meta("reviewed")
    if isinstance(value, date) and value > ctx.today:
        yield Detection(
            _at(page, "reviewed"),
            Message(
                f"De controledatum {value.isoformat()} ligt in de toekomst. Zet de datum van de "
                f"dag waarop de afdeling de pagina echt heeft gecontroleerd (vandaag is "
                f"{ctx.today.isoformat()}).",
                f"The review date {value.isoformat()} is in the future. Use the day the "
                f"department really checked the page (today is {ctx.today.isoformat()}).",
            ),
            replacements=(ctx.today.isoformat(),),
        )
