"""Browser checks of our own where the engines are silent: reflow, zoom, text spacing, keyboard, focus, and more.

axe-core (and any second engine) reads the page as it is. Some WCAG criteria
need the page to be *used*: made narrow, zoomed, given wider text spacing,
walked with the Tab key. `observe` does that once per page, after the engines
ran (it changes the page: viewport, focus, a style sheet), in this order:

1. checks that only read the page (meta refresh, spacing fixed in style
   attributes, label in name, widgets the keyboard cannot reach, media that
   plays by itself);
2. one resize pass: 1280 by 1024 with the WCAG text spacing, then 640 by 512
   (200% zoom), then 320 by 640 (reflow, and portrait for the orientation
   check), then back;
3. one Tab walk: all Tab presses sent at once, which costs about a tenth of a
   second on a theme page. Only when a script moved focus or stopped the Tab
   key during that walk does a slow walk follow, key by key, to find a trap;
4. focus: every element the walk reached is focused once, to see whether
   anything on the screen changes and whether a fixed bar covers it.

Each check follows its W3C ACT rule where one exists (`ACT_RULES`), and keeps
quiet where it cannot be sure: an own check must not add false alarms. The
rules below are reported by the audit, not by the page engine, so their
check functions yield nothing (like `audit_rules`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from linters.core.finding import Detection, Message, Severity
from linters.core.page import Page
from linters.core.rules import CheckContext, Rule, rule

SCRIPT = resources.files("linters.wcag").joinpath("behaviour.js").read_text(encoding="utf-8")
_NOWHERE: tuple[str, ...] = ()
# The viewports of the resize pass: 200% zoom of 1280 by 1024 (ACT 59br37), and
# 320 CSS pixels wide (WCAG 1.4.10), upright so the orientation check sees portrait.
ZOOM_VIEWPORT = {"width": 640, "height": 512}
REFLOW_VIEWPORT = {"width": 320, "height": 640}
# A bounded walk: enough presses for every element the page offers, but never more than this.
MAX_TABS = 300
# The slow walk waits this long after each key, so a script that pulls focus back has run.
_STEP_MS = 60
_SLOW_STEPS = 40
# All own checks of one page together; a page that takes longer is reported, not waited for.
TIME_LIMIT = 20.0


@rule(
    "A11Y120",
    "content-does-not-reflow",
    Severity.ERROR,
    "Op een smal scherm moet de bezoeker opzij scrollen.",
    "On a narrow screen the visitor has to scroll sideways.",
    languages=_NOWHERE,
)
def content_does_not_reflow(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Inhoud die op 320 pixels breed niet past, of daar wordt afgesneden.

    Wat het controleert
        De pagina wordt 320 CSS-pixels breed gemaakt (zo breed als 1280 pixels
        met 400% zoom). Moet je dan opzij scrollen om tekst te lezen, dan meldt
        de controle het element waar dat begint. Ook tekst die in een vak
        wordt afgesneden (`overflow: hidden`) telt. Tabellen, code, kaarten,
        plaatjes en video mogen breder zijn (die hebben twee richtingen nodig).

    Waarom is dit een probleem?
        Wie slecht ziet, zoomt ver in. Moet hij voor elke regel heen en weer
        scrollen, dan is de tekst bijna niet te lezen (WCAG 1.4.10).

    Voorbeeld
        `<div style="width: 600px">Lange tekst ...</div>`

    Beter
        `<div style="max-width: 600px">Lange tekst ...</div>`
    """
    return iter(())


@rule(
    "A11Y121",
    "text-clipped-when-zoomed",
    Severity.ERROR,
    "Bij 200% zoom wordt tekst afgesneden.",
    "At 200% zoom, text is cut off.",
    languages=_NOWHERE,
)
def text_clipped_when_zoomed(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Tekst die bij 200% zoom niet meer in zijn vak past en wordt afgesneden.

    Wat het controleert
        De pagina wordt getoond zoals op 1280 bij 1024 pixels met 200% zoom
        (640 bij 512). Tekst in een vak met `overflow: hidden` of `clip` die
        dan buiten dat vak valt, wordt gemeld (W3C ACT-regel 59br37). Niet
        gemeld: tekst op één regel met `text-overflow: ellipsis` (…), en een
        vak dat bewust één regel hoog is.

    Waarom is dit een probleem?
        Wie de tekst groter zet, mist het deel dat wegvalt (WCAG 1.4.4).

    Voorbeeld
        `<div style="height: 1.5em; overflow: hidden">Een lange melding ...</div>`

    Beter
        `<div style="min-height: 1.5em">Een lange melding ...</div>`
    """
    return iter(())


@rule(
    "A11Y122",
    "text-spacing-locked",
    Severity.ERROR,
    "De tekstafstand staat vast en is te klein.",
    "Text spacing is locked and too small.",
    languages=_NOWHERE,
)
def text_spacing_locked(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een `style`-attribuut dat letter-, woord- of regelafstand met `!important` te klein vastzet.

    Wat het controleert
        Of een `style`-attribuut `letter-spacing`, `word-spacing` of
        `line-height` met `!important` vastzet op minder dan WCAG vraagt:
        letters 0,12 keer de lettergrootte, woorden 0,16 keer, regels 1,5 keer
        (W3C ACT-regels 24afc2, 9e45ec en 78fd32). Alleen tekst die zichtbaar
        is telt; regelafstand alleen bij tekst over meer regels.

    Waarom is dit een probleem?
        Wie dyslexie heeft, zet vaak meer ruimte tussen letters, woorden en
        regels met een eigen stijl. Een `!important` in het `style`-attribuut
        wint altijd van die stijl (WCAG 1.4.12).

    Voorbeeld
        `<p style="line-height: 1 !important">...</p>`

    Beter
        `<p style="line-height: 1.5">...</p>`, of de regel weglaten.
    """
    return iter(())


@rule(
    "A11Y123",
    "text-clipped-with-text-spacing",
    Severity.WARNING,
    "Met meer tekstafstand wordt tekst afgesneden.",
    "With wider text spacing, text is cut off.",
    languages=_NOWHERE,
)
def text_clipped_with_text_spacing(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Tekst die wegvalt zodra de bezoeker meer letter-, woord- en regelafstand instelt.

    Wat het controleert
        De controle zet de tekstafstand uit WCAG 1.4.12 op de hele pagina
        (regels 1,5, letters 0,12 em, woorden 0,16 em, alinea's 2 em) en meldt
        tekst die daardoor buiten een vak met `overflow: hidden` valt. Tekst
        die al zonder die afstand wegviel, telt hier niet.

    Waarom is dit een probleem?
        Wie de tekstafstand groter zet om beter te kunnen lezen, mist dan een
        deel van de tekst (WCAG 1.4.12).

    Voorbeeld
        Een knop met `height: 20px; overflow: hidden` en tekst op twee regels.

    Beter
        `min-height: 20px` in plaats van `height`, of geen `overflow: hidden`.
    """
    return iter(())


@rule(
    "A11Y124",
    "keyboard-trap",
    Severity.ERROR,
    "Met het toetsenbord kom je niet meer weg van een element.",
    "The keyboard focus cannot leave an element.",
    languages=_NOWHERE,
)
def keyboard_trap(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een element (of groep) waar de toetsenbordfocus in vast komt te zitten.

    Wat het controleert
        De controle loopt met Tab door de pagina. Haalt een script de focus
        steeds terug, dan probeert zij ook Shift+Tab en de toetsen die de
        pagina zelf noemt (zoals 'druk op Escape'). Lukt geen van die manieren,
        dan is het een val (W3C ACT-regel 80af7b).

    Waarom is dit een probleem?
        Wie geen muis gebruikt, zit vast en kan de rest van de pagina niet meer
        bereiken (WCAG 2.1.2).

    Voorbeeld
        `<button onblur="setTimeout(() => this.focus(), 10)">Verder</button>`

    Beter
        Laat de focus los, of noem op de pagina de toets waarmee je verder kunt
        en laat die toets werken.
    """
    return iter(())


@rule(
    "A11Y125",
    "not-reachable-by-keyboard",
    Severity.ERROR,
    "Een knop of link is niet te bereiken met de Tab-toets.",
    "A button or link cannot be reached with the Tab key.",
    languages=_NOWHERE,
)
def not_reachable_by_keyboard(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Iets dat werkt als knop of link, maar niet met het toetsenbord te bereiken is.

    Wat het controleert
        Of elk element met een rol als `button`, `link`, `checkbox` of `tab`,
        en elk element met `onclick` zonder link of knop erin, in de
        Tab-volgorde staat. Niet gemeld: elementen in een samengesteld
        onderdeel (menu, tabbladen, lijst) dat zelf de focus regelt, en
        elementen met een `tabindex`.

    Waarom is dit een probleem?
        Wie met het toetsenbord werkt, kan de knop niet gebruiken (WCAG 2.1.1).

    Voorbeeld
        `<div role="button" onclick="verstuur()">Versturen</div>`

    Beter
        `<button type="button" onclick="verstuur()">Versturen</button>`
    """
    return iter(())


@rule(
    "A11Y126",
    "focus-not-visible",
    Severity.ERROR,
    "Je ziet niet waar de toetsenbordfocus is.",
    "You cannot see where the keyboard focus is.",
    languages=_NOWHERE,
)
def focus_not_visible(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een element in de Tab-volgorde dat er met focus precies zo uitziet als zonder.

    Wat het controleert
        Elk element dat de Tab-toets bereikt, krijgt één keer de focus. Als
        dan niets verandert aan het element, zijn omgeving of zijn randen
        (omlijning, schaduw, kleur, onderstreping, een ander element dat
        verschijnt), wordt het gemeld (W3C ACT-regel oj04fd).

    Waarom is dit een probleem?
        Wie met het toetsenbord werkt, weet niet waar hij is op de pagina
        (WCAG 2.4.7).

    Voorbeeld
        `a:focus { outline: none; }`

    Beter
        `a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }`
    """
    return iter(())


@rule(
    "A11Y127",
    "focus-obscured",
    Severity.WARNING,
    "Een vaste balk bedekt het element met de focus helemaal.",
    "A fixed bar covers the focused element completely.",
    languages=_NOWHERE,
)
def focus_obscured(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een element met focus dat helemaal onder een vaste kop, voet of melding valt.

    Wat het controleert
        Elk element dat de Tab-toets bereikt, krijgt de focus (de browser
        scrolt het in beeld). Ligt er dan op het midden en op alle hoeken een
        element met `position: fixed` of `sticky` (een kopbalk, een
        cookiemelding), dan wordt het gemeld.

    Waarom is dit een probleem?
        Wie met het toetsenbord werkt, ziet niet waar de focus is (WCAG 2.4.11,
        nieuw in WCAG 2.2).

    Voorbeeld
        Een cookiebalk met `position: fixed; bottom: 0` over de links onderaan.

    Beter
        Ruimte onder de pagina zo hoog als de balk, of `scroll-padding-bottom`
        op `html`.
    """
    return iter(())


@rule(
    "A11Y128",
    "orientation-locked",
    Severity.ERROR,
    "De pagina draait mee met de stand van het scherm, zodat die vastzit.",
    "The page rotates with the screen orientation, which locks it.",
    languages=_NOWHERE,
)
def orientation_locked(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een element dat in staande of liggende stand een kwartslag wordt gedraaid.

    Wat het controleert
        Of CSS in een `@media (orientation: ...)`-blok een element een kwart
        slag draait (`rotate`, `transform`), zodat de pagina in één stand
        blijft staan als je het scherm draait (W3C ACT-regel b33eff).

    Waarom is dit een probleem?
        Wie een tablet vast op een rolstoel heeft, kan het scherm niet draaien
        en moet de pagina toch kunnen lezen (WCAG 1.3.4).

    Voorbeeld
        `@media (orientation: portrait) { html { transform: rotate(90deg); } }`

    Beter
        Geen draaiing: laat de pagina in beide standen meebewegen.
    """
    return iter(())


@rule(
    "A11Y129",
    "timed-refresh",
    Severity.ERROR,
    "De pagina ververst of gaat vanzelf naar een ander adres, na een wachttijd.",
    "The page refreshes or redirects by itself after a delay.",
    languages=_NOWHERE,
)
def timed_refresh(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een `<meta http-equiv="refresh">` met een wachttijd.

    Wat het controleert
        Of de pagina een `meta refresh` heeft met een wachttijd tussen 1
        seconde en 20 uur (W3C ACT-regel bc659a). Direct doorsturen (0
        seconden) is goed.

    Waarom is dit een probleem?
        De pagina verandert terwijl de bezoeker nog leest. Wie langzaam leest
        of een schermlezer gebruikt, raakt zijn plek kwijt (WCAG 2.2.1).

    Voorbeeld
        `<meta http-equiv="refresh" content="30; url=/nieuws/">`

    Beter
        `<meta http-equiv="refresh" content="0; url=/nieuws/">`, of een link
        naar de nieuwe pagina.
    """
    return iter(())


@rule(
    "A11Y130",
    "audio-plays-by-itself",
    Severity.ERROR,
    "Geluid start vanzelf en is niet te stoppen.",
    "Sound starts by itself and cannot be stopped.",
    languages=_NOWHERE,
)
def audio_plays_by_itself(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een `<audio>` of `<video>` die vanzelf langer dan 3 seconden geluid speelt, zonder knoppen.

    Wat het controleert
        Of een geluid of video met `autoplay` en met geluid (niet `muted`)
        langer dan 3 seconden speelt, zonder eigen knoppen (`controls`) of een
        zichtbare knop met een naam ernaast (W3C ACT-regel 80f0bf).

    Waarom is dit een probleem?
        Wie een schermlezer gebruikt, hoort die niet meer door het geluid heen
        (WCAG 1.4.2).

    Voorbeeld
        `<video autoplay src="intro.mp4"></video>`

    Beter
        `<video controls src="intro.mp4"></video>`: de bezoeker start hem zelf.
    """
    return iter(())


@rule(
    "A11Y131",
    "label-not-in-name",
    Severity.ERROR,
    "De zichtbare tekst van een knop of link staat niet in zijn naam.",
    "The visible text of a button or link is not part of its name.",
    languages=_NOWHERE,
)
def label_not_in_name(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een `aria-label` of `aria-labelledby` die de zichtbare tekst van een knop of link vervangt.

    Wat het controleert
        Of de woorden die je op een knop of link ziet, in dezelfde volgorde in
        zijn toegankelijke naam staan (W3C ACT-regel 2ee8b8). Hoofdletters,
        leestekens en tekst tussen haakjes tellen niet mee. Niet gemeld:
        afkortingen en woorden die anders gespeld zijn.

    Waarom is dit een probleem?
        Wie met spraak bedient, zegt 'klik Zoeken'. Heet de knop voor de
        computer anders, dan gebeurt er niets (WCAG 2.5.3).

    Voorbeeld
        `<a href="/afval/" aria-label="Naar de afvalpagina">Afval</a>`

    Beter
        `<a href="/afval/">Afval</a>`, of `aria-label="Afval: alles over ophalen"`.
    """
    return iter(())


@rule(
    "A11Y133",
    "browser-check-failed",
    Severity.WARNING,
    "Een eigen browsercontrole kon deze pagina niet afmaken.",
    "One of our own browser checks could not finish this page.",
    languages=_NOWHERE,
)
def browser_check_failed(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina waarop de eigen browsercontroles (zoom, toetsenbord, focus) niet klaar kwamen.

    Wat het controleert
        Of de eigen controles op de pagina konden draaien. axe-core heeft de
        pagina dan wel gecontroleerd; alleen de eigen controles ontbreken.
        Dat gebeurt bijvoorbeeld als een script van de pagina de controle in
        de weg zit, of als de controles langer dan 20 seconden duren.

    Waarom is dit een probleem?
        Een controle die niet liep, keurt niets goed. Zonder deze melding
        lijkt de pagina in orde op punten die niet bekeken zijn.

    Voorbeeld
        'niet klaar binnen 20 seconden'.

    Beter
        Kijk de pagina met de hand na op zoom, toetsenbord en focus, of
        herstel wat de controle stopte.
    """
    return iter(())


BEHAVIOUR_RULES: tuple[Rule, ...] = (
    content_does_not_reflow,
    text_clipped_when_zoomed,
    text_spacing_locked,
    text_clipped_with_text_spacing,
    keyboard_trap,
    not_reachable_by_keyboard,
    focus_not_visible,
    focus_obscured,
    orientation_locked,
    timed_refresh,
    audio_plays_by_itself,
    label_not_in_name,
    browser_check_failed,
)

# Which W3C ACT rules each check implements, for the ACT benchmark. A11Y129 also
# fails bisz58's short delays; delays over 20 hours are WCAG 2.2.1's exception.
ACT_RULES: Mapping[str, tuple[str, ...]] = {
    "A11Y121": ("59br37",),
    "A11Y122": ("24afc2", "78fd32", "9e45ec"),
    "A11Y124": ("80af7b",),
    "A11Y126": ("oj04fd",),
    "A11Y128": ("b33eff",),
    "A11Y129": ("bc659a", "bisz58"),
    "A11Y130": ("80f0bf",),
    "A11Y131": ("2ee8b8",),
}


async def observe(page: Any, viewport: Mapping[str, int]) -> dict[str, Any]:
    """Run every own check on the loaded page; what failed to run is in `error`, never raised."""
    address = page.url
    try:
        return await asyncio.wait_for(_observe(page, viewport), TIME_LIMIT)
    except TimeoutError:
        return {"error": f"niet klaar binnen {TIME_LIMIT:g} seconden"}
    except Exception as err:  # noqa: BLE001 - the engines' results of this page must survive our checks
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        if page.url != address or "context was destroyed" in first:
            return {"error": "de pagina ging tijdens de controle naar een ander adres"}
        return {"error": first[:200]}
    finally:
        try:
            await page.set_viewport_size(dict(viewport))
        except Exception:  # noqa: BLE001, S110 - a closed or crashed tab needs no viewport
            pass


async def _observe(page: Any, viewport: Mapping[str, int]) -> dict[str, Any]:
    if not await page.evaluate(SCRIPT):
        return {}  # not an HTML document (a standalone SVG): nothing of this applies
    own = "window.__webredactieOwn"
    # Each step is one round trip; the page is landscape first and portrait at 320 wide.
    data: dict[str, Any] = await page.evaluate(f"() => {own}.first()")
    await page.set_viewport_size(ZOOM_VIEWPORT)
    data["zoomClipped"] = await page.evaluate(f"() => {own}.clipped()")
    await page.set_viewport_size(REFLOW_VIEWPORT)
    zoomed = [item["selector"] for item in data["zoomClipped"]]
    data.update(await page.evaluate(f"(zoomed) => {own}.narrow(zoomed)", zoomed))
    await page.set_viewport_size(dict(viewport))
    start = await page.evaluate(f"() => {own}.back()")
    reached, interfered = await _tab_walk(page, int(start["expected"]))
    data["focus"] = await page.evaluate(f"(indices) => {own}.focusCheck(indices)", reached)
    data["trap"] = []
    if interfered:
        # A script moved focus or held the Tab key: walk again, key by key, to see whether it traps.
        cycle = await _find_trap(page)
        if cycle:
            data["trap"] = await page.evaluate(f"(indices) => {own}.describe(indices)", cycle)
    return data


async def _tab_walk(page: Any, expected: int) -> tuple[list[int], bool]:
    """Tab through the page once, fast: the elements reached, and whether a script interfered with focus."""
    own = "window.__webredactieOwn"
    presses = min(expected + 3, MAX_TABS)
    # Sent together: Chromium handles the keys in order, and the round trips overlap.
    await asyncio.gather(*(page.keyboard.press("Tab") for _ in range(presses)))
    await page.wait_for_timeout(_STEP_MS)
    state = await page.evaluate(f"() => {own}.walkState()")
    reached = list(dict.fromkeys(i for i in state["log"] if i >= 0))
    return reached, bool(state["focusCalls"] or state["prevented"])


async def _active(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = await page.evaluate("() => window.__webredactieOwn.active()")
    return result


async def _press(page: Any, key: str) -> dict[str, Any]:
    await page.keyboard.press(key)
    await page.wait_for_timeout(_STEP_MS)
    return await _active(page)


async def _find_trap(page: Any) -> list[int]:
    """The elements focus cannot leave (ACT 80af7b): by Tab, Shift+Tab, nor the keys the page names."""
    own = "window.__webredactieOwn"
    await page.evaluate(f"() => {own}.walkStart()")
    order: list[int] = []
    cycle: list[int] = []
    for _ in range(_SLOW_STEPS):
        state = await _press(page, "Tab")
        if state["index"] < 0 or state["frame"]:
            return []  # left the page (or went into a frame we do not follow): no trap forward
        if state["index"] in order:
            cycle = order[order.index(state["index"]) :]
            break
        order.append(state["index"])
    if not cycle:
        return []
    inside = set(cycle)
    for _ in range(len(cycle) + 3):
        state = await _press(page, "Shift+Tab")
        if state["index"] < 0 or state["index"] not in inside:
            return []
    if await _escapes(page, cycle):
        return []
    helpers = await page.evaluate(f"(indices) => {own}.helpers(indices)", cycle)
    for helper in helpers:
        await page.evaluate(f"(i) => {own}.focusIndex(i)", helper)
        await _press(page, "Enter")
        if await _escapes(page, cycle):
            return []
    return cycle


async def _escapes(page: Any, cycle: list[int]) -> bool:
    """Whether one of the key combinations the page tells about moves focus out of the cycle."""
    own = "window.__webredactieOwn"
    for key in await page.evaluate(f"() => {own}.advertisedKeys()"):
        await page.evaluate(f"(i) => {own}.focusIndex(i)", cycle[0])
        await page.wait_for_timeout(_STEP_MS)
        state = await _press(page, key)
        if state["index"] not in cycle:
            return True
    return False


@dataclass(frozen=True)
class Observation:
    """One thing an own check found on a page: the rule, the element and what to say."""

    rule: Rule
    item: Mapping[str, Any]
    message: Message
    wcag: tuple[str, ...]
    context: str = ""
    needs_review: bool = False


def observations(data: Mapping[str, Any]) -> Iterator[Observation]:
    """Turn what `observe` returned into findings-to-be, one per element."""
    if data.get("error"):
        error = str(data["error"])
        yield Observation(
            browser_check_failed,
            {"selector": "html", "html": "", "info": None},
            Message(
                f"De eigen controles (zoom, toetsenbord, focus) zijn niet afgemaakt: {error}. "
                "Kijk deze punten met de hand na.",
                f"Our own checks (zoom, keyboard, focus) did not finish: {error}. Check these points by hand.",
            ),
            (),
            needs_review=True,
        )
        return
    for item in data.get("refresh", []):
        delay = item.get("delay")
        what = ("ververst zichzelf", "refreshes")
        if item.get("redirect"):
            what = ("gaat naar een ander adres", "redirects")
        yield Observation(
            timed_refresh,
            item,
            Message(
                f"De pagina {what[0]} na {delay} seconden. Stuur direct door (0 seconden) of zet er een link neer.",
                f"The page {what[1]} after {delay} seconds. Redirect at once (0 seconds) or offer a link.",
            ),
            ("2.2.1",),
        )
    for item in data.get("spacing", []):
        yield Observation(
            text_spacing_locked,
            item,
            Message(
                f"{item['property']} staat met !important op {item['value']}; nodig is minstens {item['needed']}px "
                f"bij letters van {item['fontSize']}. Haal !important weg of maak de afstand groter.",
                f"{item['property']} is set with !important to {item['value']}; at least {item['needed']}px is needed "
                f"for {item['fontSize']} text. Remove !important or increase the spacing.",
            ),
            ("1.4.12",),
        )
    for item in data.get("spacingClipped", []):
        yield Observation(
            text_clipped_with_text_spacing,
            item,
            Message(
                f"Met meer tekstafstand valt tekst buiten dit vak: '{item.get('text', '')}'. "
                "Gebruik min-height in plaats van height, of laat overflow: hidden weg.",
                f"With wider text spacing, text falls outside this box: '{item.get('text', '')}'. "
                "Use min-height instead of height, or drop overflow: hidden.",
            ),
            ("1.4.12",),
            context=str(item.get("text", "")),
        )
    for item in data.get("zoomClipped", []):
        yield Observation(
            text_clipped_when_zoomed,
            item,
            Message(
                f"Bij 200% zoom wordt tekst in dit vak afgesneden: '{item.get('text', '')}'.",
                f"At 200% zoom, text in this box is cut off: '{item.get('text', '')}'.",
            ),
            ("1.4.4",),
            context=str(item.get("text", "")),
        )
    reflow = data.get("reflow") or {}
    for item in reflow.get("items", []):
        yield Observation(
            content_does_not_reflow,
            item,
            Message(
                f"Op 320 pixels breed loopt dit element door tot {item.get('right')} pixels. "
                "De bezoeker moet opzij scrollen.",
                f"At 320 pixels wide this element reaches {item.get('right')} pixels. "
                "The visitor has to scroll sideways.",
            ),
            ("1.4.10",),
        )
    for item in data.get("reflowClipped", []):
        yield Observation(
            content_does_not_reflow,
            item,
            Message(
                f"Op 320 pixels breed wordt tekst in dit vak afgesneden: '{item.get('text', '')}'.",
                f"At 320 pixels wide, text in this box is cut off: '{item.get('text', '')}'.",
            ),
            ("1.4.10",),
            context=str(item.get("text", "")),
        )
    for item in data.get("orientation", []):
        yield Observation(
            orientation_locked,
            item,
            Message(
                "Dit element draait een kwartslag in één stand van het scherm: de pagina zit vast in één stand.",
                "This element turns a quarter in one screen orientation: the page is locked to one orientation.",
            ),
            ("1.3.4",),
        )
    for item in data.get("media", []):
        seconds = item.get("seconds")
        length = f"{seconds} seconden" if seconds else "steeds opnieuw"
        yield Observation(
            audio_plays_by_itself,
            item,
            Message(
                f"Dit geluid start vanzelf en speelt {length}, zonder knop om het te stoppen. "
                "Haal autoplay weg of zet controls erbij.",
                f"This sound starts by itself and plays {seconds or 'in a loop'}"
                f"{' seconds' if seconds else ''}, with no control to stop it. Remove autoplay or add controls.",
            ),
            ("1.4.2",),
        )
    for item in data.get("labels", []):
        yield Observation(
            label_not_in_name,
            item,
            Message(
                f"Je ziet '{item.get('label')}', maar de naam is '{item.get('name')}'. "
                "Zet de zichtbare tekst in de naam.",
                f"The visible text is '{item.get('label')}', but the name is '{item.get('name')}'. "
                "Put the visible text in the name.",
            ),
            ("2.5.3",),
        )
    for item in data.get("notOperable", []):
        yield Observation(
            not_reachable_by_keyboard,
            item,
            Message(
                f"'{_name(item)}' werkt als {item.get('role')}, maar de Tab-toets komt er niet. "
                'Gebruik een echte <button> of <a href>, of geef het tabindex="0" en laat Enter werken.',
                f"'{_name(item)}' acts as a {item.get('role')}, but Tab never reaches it. "
                'Use a real <button> or <a href>, or give it tabindex="0" and make Enter work.',
            ),
            ("2.1.1",),
        )
    trap = data.get("trap") or []
    if trap:
        names = ", ".join(f"'{_name(t)}'" for t in trap[:5])
        yield Observation(
            keyboard_trap,
            trap[0],
            Message(
                f"De toetsenbordfocus blijft hangen bij {names}: Tab, Shift+Tab en de genoemde toetsen helpen niet.",
                f"The keyboard focus stays stuck at {names}: Tab, Shift+Tab and the keys the page names do not help.",
            ),
            ("2.1.2",),
        )
    focus = data.get("focus") or {}
    for item in focus.get("hidden", []):
        yield Observation(
            focus_not_visible,
            item,
            Message(
                f"Met de focus op '{_name(item)}' verandert er niets te zien. "
                "Geef :focus-visible een duidelijke omlijning.",
                f"With focus on '{_name(item)}' nothing visible changes. Give :focus-visible a clear outline.",
            ),
            ("2.4.7",),
        )
    for item in focus.get("covered", []):
        yield Observation(
            focus_obscured,
            item,
            Message(
                f"Met de focus op '{_name(item)}' ligt {item.get('cover')} er helemaal over.",
                f"With focus on '{_name(item)}', {item.get('cover')} covers it completely.",
            ),
            ("2.4.11",),
        )


def _name(item: Mapping[str, Any]) -> str:
    """What a visitor calls the element: its name, else its role or place in the page."""
    return str(item.get("name") or item.get("role") or item.get("selector") or "")
