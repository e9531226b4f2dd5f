"""Translations: required English pages, English pages without a Dutch original, stale ones.

The English version of `content/nl/afval/grofvuil.md` is
`content/en/afval/grofvuil.md`. When only some files are checked, the other
language is looked up on disk (a file-exists check; a front-matter read only
when git cannot date a page), so one page checked alone gets the same answer
as in a whole-site run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from linters.core.config import display_path
from linters.core.dates import dutch_date, english_date
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import Page, read_page
from linters.core.rules import CheckContext, rule
from linters.ownership.history import History, history_for
from linters.ownership.inputs import site_inputs


def other_language(lang: str) -> str:
    """The other site language."""
    return "en" if lang == "nl" else "nl"


def page_exists(ctx: CheckContext, lang: str, rel_path: str) -> bool:
    """Whether a page exists in a language: in this run, or else on disk."""
    if (lang, rel_path) in ctx.site:
        return True
    return ctx.content_root is not None and (ctx.content_root / lang / rel_path).is_file()


def shown(ctx: CheckContext, lang: str, rel_path: str) -> str:
    """How a page path is shown in messages (content/en/afval/grofvuil.md)."""
    page = ctx.site.get((lang, rel_path))
    if page is not None:
        return page.display
    if ctx.content_root is None:
        return f"{lang}/{rel_path}"
    return display_path(ctx.content_root / lang / rel_path)


def _date(value: Any) -> date | None:
    return value if isinstance(value, date) else None


@dataclass(frozen=True)
class Staleness:
    """Whether an English page lags behind its Dutch original, and on what evidence."""

    stale: bool | None  # None: it cannot be determined
    basis: str  # "git", "front-matter" or "unknown"
    original_changed: date | None
    translation_changed: date | None


def _day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp).date()


def staleness(
    rel_path: str, english: Mapping[str, Any], dutch: Mapping[str, Any] | None, history: History
) -> Staleness:
    """Compare an English page with its Dutch original.

    With git: stale when the Dutch file changed after the English file, unless
    the English page says the translation was checked (`translation_reviewed`)
    on or after the day the Dutch page changed. Without git for this pair: the
    Dutch `reviewed` date against the later of the English `translation_reviewed`
    and `reviewed`, since an owner who reviews the English page checks it against
    the Dutch one.
    """
    checked = _date(english.get("translation_reviewed"))
    nl_time = history.changed(f"nl/{rel_path}")
    en_time = history.changed(f"en/{rel_path}")
    if nl_time is not None and en_time is not None:
        nl_day = _day(nl_time)
        stale = nl_time > en_time and not (checked is not None and checked >= nl_day)
        return Staleness(stale, "git", nl_day, max(_day(en_time), checked or date.min))
    dutch_reviewed = _date(dutch.get("reviewed")) if dutch is not None else None
    english_dates = [d for d in (checked, _date(english.get("reviewed"))) if d is not None]
    if dutch_reviewed is None or not english_dates:
        return Staleness(None, "unknown", dutch_reviewed, max(english_dates, default=None))
    latest = max(english_dates)
    return Staleness(dutch_reviewed > latest, "front-matter", dutch_reviewed, latest)


def original_meta(ctx: CheckContext, rel_path: str) -> Mapping[str, Any] | None:
    """The Dutch original's front-matter, from this run or read from disk."""
    page = ctx.site.get(("nl", rel_path))
    if page is None and ctx.content_root is not None:
        path = ctx.content_root / "nl" / rel_path
        if path.is_file():
            page = read_page(path, ctx.content_root, display_path(path))
    if page is None or page.front_matter is None:
        return None
    return page.front_matter.data


def _english_pairs(pages: Sequence[Page], ctx: CheckContext) -> Iterator[Page]:
    """English pages of this run that have a Dutch original."""
    for page in pages:
        if page.lang == "en" and page.rel_path is not None and page.readable and page.front_matter is not None:
            if page_exists(ctx, "nl", page.rel_path):
                yield page


@rule(
    "TR001",
    "missing-translation",
    Severity.ERROR,
    "De Engelse versie van deze pagina ontbreekt, en die is verplicht.",
    "The required English version of this page is missing.",
    languages=("nl",),
    site_only=True,
    inputs=site_inputs,
)
def missing_translation(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een Nederlandse pagina zonder Engelse versie, in een sectie die Engels moet zijn.

    Wat het controleert
        Of elke Nederlandse pagina in een sectie met `engels_verplicht: true`
        (in redactiestatuut.yml) een Engelse versie heeft, op hetzelfde pad
        onder `content/en/`.

    Waarom is dit een probleem?
        De gemeente belooft nieuwe inwoners uit het buitenland de informatie
        over parkeren, afval en inschrijven in het Engels. Zonder vertaling
        mist die groep precies de pagina die zij zoeken.

    Voorbeeld
        `content/nl/afval/grofvuil.md` bestaat, `content/en/afval/grofvuil.md` niet.

    Beter
        Schrijf de Engelse pagina `content/en/afval/grofvuil.md`, met dezelfde
        `owner` en een eigen `reviewed`.

    What it checks
        Whether every Dutch page in a section with `engels_verplicht: true` (in
        redactiestatuut.yml) has an English version, on the same path under
        `content/en/`.

    Why is this a problem?
        The municipality promises new residents from abroad the information on
        parking, waste and registration in English. Without a translation that
        group misses exactly the page they look for.

    For example
        `content/nl/afval/grofvuil.md` exists, `content/en/afval/grofvuil.md` does not.

    Better
        Write the English page `content/en/afval/grofvuil.md`, with the same
        `owner` and its own `reviewed`.
    """
    if page.rel_path is None or page.front_matter is None:
        return
    section = ctx.statute.section_for(page.rel_path)
    if section is None or not section.english_required:
        return
    if page_exists(ctx, "en", page.rel_path):
        return
    target = shown(ctx, "en", page.rel_path)
    yield Detection(
        SourceSpan(page.display, 1, 1),
        Message(
            f"De sectie {section.path} moet ook in het Engels bestaan, maar deze pagina heeft geen "
            f"Engelse versie. Maak {target}, met dezelfde 'owner'.",
            f"Section {section.path} must also exist in English, but this page has no English "
            f"version. Create {target} with the same 'owner'.",
        ),
        extras={"expected": target, "section": section.path},
    )


@rule(
    "TR002",
    "translation-without-original",
    Severity.ERROR,
    "Deze Engelse pagina heeft geen Nederlandse versie.",
    "This English page has no Dutch original.",
    languages=("en",),
    site_only=True,
    inputs=site_inputs,
)
def translation_without_original(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een Engelse pagina zonder Nederlandse pagina op hetzelfde pad.

    Wat het controleert
        Of bij elke pagina in `content/en/` een pagina met hetzelfde pad in
        `content/nl/` staat.

    Waarom is dit een probleem?
        Nederlands is de hoofdtaal van de site. De Engelse pagina is een
        vertaling, en de taalwisselaar linkt naar de pagina op hetzelfde pad.
        Meestal is de Nederlandse pagina verplaatst of hernoemd, en de Engelse
        niet. Dan loopt de link van de taalwisselaar dood, en veroudert de
        Engelse pagina zonder dat iemand het merkt.

    Voorbeeld
        `content/en/afval/bulky-waste.md` naast `content/nl/afval/grofvuil.md`.

    Beter
        Geef de Engelse pagina hetzelfde pad: `content/en/afval/grofvuil.md`.

    What it checks
        Whether every page in `content/en/` has a page with the same path in
        `content/nl/`.

    Why is this a problem?
        Dutch is the site's main language. The English page is a translation,
        and the language switch links to the page on the same path. Mostly the
        Dutch page was moved or renamed and the English one was not. Then the
        language switch's link leads nowhere, and the English page grows old
        without anyone noticing.

    For example
        `content/en/afval/bulky-waste.md` next to `content/nl/afval/grofvuil.md`.

    Better
        Give the English page the same path: `content/en/afval/grofvuil.md`.
    """
    if page.rel_path is None or page_exists(ctx, "nl", page.rel_path):
        return
    original = shown(ctx, "nl", page.rel_path)
    yield Detection(
        SourceSpan(page.display, 1, 1),
        Message(
            f"Deze Engelse pagina heeft geen Nederlandse versie: {original} bestaat niet. Geef de pagina "
            "hetzelfde pad als de Nederlandse pagina. Of verwijder de Engelse pagina als die niet meer nodig is.",
            f"This English page has no Dutch original: {original} does not exist. Give it the same path "
            "as the Dutch page, or delete it if it is no longer needed.",
        ),
        extras={"expected": original},
    )


@rule(
    "TR003",
    "stale-translation",
    Severity.WARNING,
    "De Nederlandse pagina is veranderd nadat de vertaling voor het laatst veranderde.",
    "The Dutch original changed after the translation last changed.",
    site=True,
    inputs=site_inputs,
)
def stale_translation(pages: Sequence[Page], ctx: CheckContext) -> Iterator[Detection]:
    """Een Engelse pagina die achterloopt op de Nederlandse.

    Wat het controleert
        Of de Nederlandse pagina is veranderd nadat de Engelse pagina voor het
        laatst is veranderd. De datums komen uit git (één keer `git log` voor de
        hele site). Zet `translation_reviewed` op de Engelse pagina als u heeft
        gecontroleerd dat de vertaling nog klopt. Zonder git-geschiedenis
        vergelijkt de controle `reviewed` van de Nederlandse pagina met
        `translation_reviewed` of `reviewed` van de Engelse (zie TR004).

    Waarom is dit een probleem?
        Een nieuw tarief of nieuwe openingstijden staan dan alleen op de
        Nederlandse pagina. Wie Engels leest, krijgt oude informatie.

    Voorbeeld
        `content/nl/afval/grofvuil.md` is op 2 november aangepast (nieuwe
        tarieven), `content/en/afval/grofvuil.md` voor het laatst op 6 oktober.

    Beter
        Werk de Engelse pagina bij. Was de verandering niet belangrijk voor de
        vertaling (een tikfout)? Zet dan `translation_reviewed: 2026-11-22` op
        de Engelse pagina.

    What it checks
        Whether the Dutch page changed after the English page last changed. The
        dates come from git (one `git log` for the whole site). Set
        `translation_reviewed` on the English page when you have checked that
        the translation is still right. Without git history the check compares
        `reviewed` of the Dutch page with `translation_reviewed` or `reviewed`
        of the English one (see TR004).

    Why is this a problem?
        A new fee or new opening hours are then only on the Dutch page. Whoever
        reads English gets old information.

    For example
        `content/nl/afval/grofvuil.md` was changed on 2 November (new fees),
        `content/en/afval/grofvuil.md` last on 6 October.

    Better
        Update the English page. Did the change not matter for the translation
        (a typo)? Then set `translation_reviewed: 2026-11-22` on the English page.
    """
    pairs = list(_english_pairs(pages, ctx))
    if not pairs:
        return
    history = history_for(ctx)
    for page in pairs:
        assert page.rel_path is not None and page.front_matter is not None
        english = page.front_matter.data
        # The Dutch front-matter is only read when git cannot date the pair.
        needs_meta = history.changed(f"nl/{page.rel_path}") is None or history.changed(f"en/{page.rel_path}") is None
        dutch = original_meta(ctx, page.rel_path) if needs_meta else None
        result = staleness(page.rel_path, english, dutch, history)
        if not result.stale or result.original_changed is None or result.translation_changed is None:
            continue
        original = shown(ctx, "nl", page.rel_path)
        git = result.basis == "git"
        how_nl, since_nl = ("veranderd", "bijgewerkt") if git else ("gecontroleerd", "gecontroleerd")
        how_en, since_en = ("changed", "updated") if git else ("reviewed", "reviewed")
        changed, translated = result.original_changed, result.translation_changed
        # Git can date both on the same day (the Dutch commit came later): one date, said once.
        if _same_day(changed, translated):
            when_nl = (
                f"De Nederlandse pagina ({original}) is op {dutch_date(changed)} {how_nl}, "
                f"na de laatste keer dat deze vertaling is {since_nl}. "
            )
            when_en = (
                f"The Dutch page ({original}) was {how_en} on {english_date(changed)}, after this translation "
                f"was last {since_en}. "
            )
        else:
            when_nl = (
                f"De Nederlandse pagina ({original}) is {how_nl} op {dutch_date(changed)}. "
                f"Deze vertaling is voor het laatst {since_nl} op {dutch_date(translated)}. "
            )
            when_en = (
                f"The Dutch page ({original}) was {how_en} on {english_date(changed)}. This "
                f"translation was last {since_en} on {english_date(translated)}. "
            )
        yield Detection(
            SourceSpan(page.display, 1, 1),
            Message(
                when_nl + "Werk de vertaling bij. Klopt ze nog? Zet dan 'translation_reviewed' met de datum van "
                "vandaag in de front-matter.",
                when_en + "Update it, or, if it is still right, set 'translation_reviewed' to today's date.",
            ),
            extras={
                "original": original,
                "original_changed": result.original_changed.isoformat(),
                "translation_changed": result.translation_changed.isoformat(),
                "basis": result.basis,
            },
        )


@rule(
    "TR004",
    "translation-history-incomplete",
    Severity.SUGGESTION,
    "Niet bij alle vertalingen is te bepalen of ze achterlopen.",
    "For some translations it cannot be determined whether they are stale.",
    site=True,
    inputs=site_inputs,
)
def translation_history_incomplete(pages: Sequence[Page], ctx: CheckContext) -> Iterator[Detection]:
    """Vertalingen waarvan git niet kan zeggen of ze achterlopen.

    Wat het controleert
        Of git voor elke Engelse pagina en haar Nederlandse versie weet wanneer
        ze voor het laatst zijn veranderd. Zo niet, dan meldt deze regel één
        keer per controle waarom niet (geen git, geen repository, een ondiepe
        kopie), en hoeveel pagina's het betreft. TR003 gebruikt dan de datums
        in de front-matter.

    Waarom is dit een probleem?
        Zonder geschiedenis ziet de controle een verouderde vertaling alleen
        als iemand de datums in de front-matter goed bijhoudt. U moet weten dat
        de controle dan minder ziet.

    Voorbeeld
        In CI haalt `actions/checkout` standaard alleen de laatste commit op
        (`fetch-depth: 1`).

    Beter
        Haal de hele geschiedenis op (`fetch-depth: 0`, of `git fetch --unshallow`).
        Of houd `translation_reviewed` op de Engelse pagina's bij.

    What it checks
        Whether git knows, for every English page and its Dutch version, when
        they last changed. If not, this rule says once per run why not (no git,
        no repository, a shallow copy), and how many pages it concerns. TR003
        then uses the dates in the front-matter.

    Why is this a problem?
        Without history the check only sees an out-of-date translation when
        someone keeps the front-matter dates right. You need to know that the
        check then sees less.

    For example
        In CI, `actions/checkout` fetches only the last commit by default
        (`fetch-depth: 1`).

    Better
        Fetch the whole history (`fetch-depth: 0`, or `git fetch --unshallow`).
        Or keep `translation_reviewed` up to date on the English pages.
    """
    pairs = list(_english_pairs(pages, ctx))
    if not pairs or ctx.content_root is None:
        return
    history = history_for(ctx)
    unknown = [
        p for p in pairs if history.changed(f"nl/{p.rel_path}") is None or history.changed(f"en/{p.rel_path}") is None
    ]
    if not unknown:
        return
    reason = history.limitation or Message(
        "git kent deze bestanden niet (staan ze in .gitignore?)",
        "git does not know these files (are they in .gitignore?)",
    )
    count_nl = "1 Engelse pagina" if len(unknown) == 1 else f"{len(unknown)} Engelse pagina's"
    count_en = "1 English page" if len(unknown) == 1 else f"{len(unknown)} English pages"
    folder = display_path(ctx.content_root / "en")
    yield Detection(
        SourceSpan(folder, 1, 1),
        Message(
            f"Voor {count_nl} weet git niet wanneer de pagina of de Nederlandse versie is veranderd: "
            f"{reason.nl}. Daarom vergelijkt de controle op achterlopende vertalingen (TR003) hier de "
            "datums in de front-matter: 'reviewed' van de Nederlandse pagina met 'translation_reviewed' "
            "of 'reviewed' van de Engelse.",
            f"For {count_en} git cannot tell when the page or its Dutch original last changed: "
            f"{reason.en}. The stale-translation check (TR003) compares front-matter dates there instead: "
            "the Dutch 'reviewed' against the English 'translation_reviewed' or 'reviewed'.",
        ),
        extras={"pages": [p.display for p in unknown]},
    )


def _same_day(first: date, second: date) -> bool:
    """Whether two dates (or times) fall on the same day."""
    as_day = [d.date() if isinstance(d, datetime) else d for d in (first, second)]
    return as_day[0] == as_day[1]
