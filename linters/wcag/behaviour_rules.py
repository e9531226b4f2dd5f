"""The rules of our own browser checks (linters/wcag/behaviour.py): reflow, zoom, spacing, keyboard, focus.

The audit reports them, with the messages defined here. Each names the WCAG
success criterion it tests; `ACT_RULES` names the W3C ACT rules a check
implements, for the ACT benchmark (bench/act.py reads it from the findings).
"""

from __future__ import annotations

from collections.abc import Mapping

from linters.core.finding import Message, Severity
from linters.core.rules import AUDIT, Rule, reported_rule

content_does_not_reflow = reported_rule(
    "A11Y120",
    "content-does-not-reflow",
    Severity.ERROR,
    "Op een smal scherm moet de bezoeker opzij scrollen.",
    "On a narrow screen the visitor has to scroll sideways.",
    reporter=AUDIT,
    wcag=("1.4.10",),
    messages={
        "scroll": Message(
            "Op 320 pixels breed loopt dit element door tot {right} pixels. De bezoeker moet opzij scrollen.",
            "At 320 pixels wide this element reaches {right} pixels. The visitor has to scroll sideways.",
        ),
        "clipped": Message(
            "Op 320 pixels breed wordt tekst in dit vak afgesneden: '{text}'.",
            "At 320 pixels wide, text in this box is cut off: '{text}'.",
        ),
    },
    doc="""
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

    What it checks
        The page is made 320 CSS pixels wide (as wide as 1280 pixels at 400%
        zoom). If the visitor then has to scroll sideways to read, the check
        reports the element where that starts. Text cut off in a box
        (`overflow: hidden`) counts too. Tables, code, maps, images and video
        may be wider (they need two directions).

    Why is this a problem?
        People with low vision zoom in far. Scrolling back and forth for every
        line makes text nearly unreadable (WCAG 1.4.10).

    For example
        `<div style="width: 600px">Long text ...</div>`

    Better
        `<div style="max-width: 600px">Long text ...</div>`
    """,
)

text_clipped_when_zoomed = reported_rule(
    "A11Y121",
    "text-clipped-when-zoomed",
    Severity.ERROR,
    "Bij 200% zoom valt er tekst weg.",
    "At 200% zoom, text is cut off.",
    reporter=AUDIT,
    wcag=("1.4.4",),
    messages={
        "": Message(
            "Bij 200% zoom wordt tekst in dit vak afgesneden: '{text}'.",
            "At 200% zoom, text in this box is cut off: '{text}'.",
        )
    },
    doc="""
    Wat het controleert
        De pagina wordt getoond zoals op 1280 bij 1024 pixels met 200% zoom
        (640 bij 512). Tekst in een vak met `overflow: hidden` of `clip` die
        dan buiten dat vak valt, wordt gemeld (W3C ACT-regel 59br37). Niet
        gemeld: tekst op één regel met `text-overflow: ellipsis` (…), en een
        vak dat precies een heel aantal regels hoog is.

    Waarom is dit een probleem?
        Wie de tekst groter zet, mist het deel dat wegvalt (WCAG 1.4.4).

    Voorbeeld
        `<div style="height: 1.5em; overflow: hidden">Een lange melding ...</div>`

    Beter
        `<div style="min-height: 1.5em">Een lange melding ...</div>`

    What it checks
        The page is shown as 1280 by 1024 pixels at 200% zoom (640 by 512).
        Text in a box with `overflow: hidden` or `clip` that then falls
        outside that box is reported (W3C ACT rule 59br37). Not reported: one
        line of text ending in `text-overflow: ellipsis` (…), and a box exactly
        a whole number of lines high.

    Why is this a problem?
        People who make text larger miss the part that falls away (WCAG 1.4.4).

    For example
        `<div style="height: 1.5em; overflow: hidden">A long notice ...</div>`

    Better
        `<div style="min-height: 1.5em">A long notice ...</div>`
    """,
)

text_spacing_locked = reported_rule(
    "A11Y122",
    "text-spacing-locked",
    Severity.ERROR,
    "De tekstafstand staat vast en is te klein.",
    "Text spacing is locked and too small.",
    reporter=AUDIT,
    wcag=("1.4.12",),
    messages={
        "": Message(
            "{property} staat met !important op {value}. Nodig is minstens {needed}px bij letters van {size}. "
            "Haal !important weg of maak de afstand groter.",
            "{property} is set with !important to {value}. At least {needed}px is needed for {size} text. "
            "Remove !important or increase the spacing.",
        )
    },
    doc="""
    Wat het controleert
        Of een `style`-attribuut `letter-spacing`, `word-spacing` of
        `line-height` met `!important` vastzet op minder dan WCAG vraagt:
        letters 0,12 keer de lettergrootte, woorden 0,16 keer, regels 1,5 keer
        (W3C ACT-regels 24afc2, 9e45ec en 78fd32). Alleen zichtbare tekst
        telt; regelafstand alleen bij tekst over meer regels.

    Waarom is dit een probleem?
        Wie dyslexie heeft, zet vaak meer ruimte tussen letters, woorden en
        regels met een eigen stijl. Een `!important` in het `style`-attribuut
        wint altijd van die stijl (WCAG 1.4.12).

    Voorbeeld
        `<p style="line-height: 1 !important">...</p>`

    Beter
        `<p style="line-height: 1.5">...</p>`, of de regel weglaten.

    What it checks
        Whether a `style` attribute locks `letter-spacing`, `word-spacing` or
        `line-height` with `!important` below what WCAG asks: letters 0.12
        times the font size, words 0.16 times, lines 1.5 times (W3C ACT rules
        24afc2, 9e45ec and 78fd32). Only visible text counts; line height only
        for text over more than one line.

    Why is this a problem?
        People with dyslexia often add space between letters, words and lines
        with a style of their own. `!important` in a `style` attribute always
        wins over that style (WCAG 1.4.12).

    For example
        `<p style="line-height: 1 !important">...</p>`

    Better
        `<p style="line-height: 1.5">...</p>`, or leave the declaration out.
    """,
)

text_clipped_with_text_spacing = reported_rule(
    "A11Y123",
    "text-clipped-with-text-spacing",
    Severity.WARNING,
    "Met meer tekstafstand valt er tekst weg.",
    "With wider text spacing, text is cut off.",
    reporter=AUDIT,
    wcag=("1.4.12",),
    messages={
        "": Message(
            "Met meer tekstafstand valt tekst buiten dit vak: '{text}'. "
            "Gebruik min-height in plaats van height, of laat overflow: hidden weg.",
            "With wider text spacing, text falls outside this box: '{text}'. "
            "Use min-height instead of height, or drop overflow: hidden.",
        )
    },
    doc="""
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

    What it checks
        The check applies the text spacing of WCAG 1.4.12 to the whole page
        (lines 1.5, letters 0.12 em, words 0.16 em, paragraphs 2 em) and
        reports text that then falls outside a box with `overflow: hidden`.
        Text that was already cut off without that spacing does not count here.

    Why is this a problem?
        People who widen text spacing to read better miss part of the text
        (WCAG 1.4.12).

    For example
        A button with `height: 20px; overflow: hidden` and text on two lines.

    Better
        `min-height: 20px` instead of `height`, or no `overflow: hidden`.
    """,
)

keyboard_trap = reported_rule(
    "A11Y124",
    "keyboard-trap",
    Severity.ERROR,
    "Met het toetsenbord komt een bezoeker niet meer weg van een element.",
    "The keyboard focus cannot leave an element.",
    reporter=AUDIT,
    wcag=("2.1.2",),
    messages={
        "": Message(
            "De toetsenbordfocus blijft hangen bij {names}. Tab, Shift+Tab en de genoemde toetsen helpen niet.",
            "The keyboard focus stays stuck at {names}. Tab, Shift+Tab and the keys the page names do not help.",
        )
    },
    doc="""
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

    What it checks
        The check walks through the page with Tab. When a script keeps pulling
        focus back, it also tries Shift+Tab and the keys the page itself names
        (such as 'press Escape'). When none of these works, it is a trap (W3C
        ACT rule 80af7b).

    Why is this a problem?
        People who do not use a mouse are stuck and cannot reach the rest of the
        page (WCAG 2.1.2).

    For example
        `<button onblur="setTimeout(() => this.focus(), 10)">Next</button>`

    Better
        Let focus go, or name on the page the key that moves on, and make that
        key work.
    """,
)

not_reachable_by_keyboard = reported_rule(
    "A11Y125",
    "not-reachable-by-keyboard",
    Severity.ERROR,
    "Een knop of link is niet te bereiken met de Tab-toets.",
    "A button or link cannot be reached with the Tab key.",
    reporter=AUDIT,
    wcag=("2.1.1",),
    messages={
        "": Message(
            "'{name}' werkt als {role}, maar de Tab-toets komt er niet. "
            'Gebruik een echte <button> of <a href>, of geef het tabindex="0" en laat Enter werken.',
            "'{name}' acts as a {role}, but Tab never reaches it. "
            'Use a real <button> or <a href>, or give it tabindex="0" and make Enter work.',
        )
    },
    doc="""
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

    What it checks
        Whether every element with a role such as `button`, `link`, `checkbox`
        or `tab`, and every element with `onclick` and no link or button inside,
        is in the Tab order. Not reported: elements inside a composite widget
        (menu, tabs, list) that manages focus itself, and elements with a
        `tabindex`.

    Why is this a problem?
        People who use the keyboard cannot use the button (WCAG 2.1.1).

    For example
        `<div role="button" onclick="send()">Send</div>`

    Better
        `<button type="button" onclick="send()">Send</button>`
    """,
)

focus_not_visible = reported_rule(
    "A11Y126",
    "focus-not-visible",
    Severity.ERROR,
    "Een bezoeker ziet niet waar de toetsenbordfocus is.",
    "You cannot see where the keyboard focus is.",
    reporter=AUDIT,
    wcag=("2.4.7",),
    messages={
        "": Message(
            "Met de focus op '{name}' verandert er niets te zien. Geef :focus-visible een duidelijke omlijning.",
            "With focus on '{name}' nothing visible changes. Give :focus-visible a clear outline.",
        )
    },
    doc="""
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

    What it checks
        Every element the Tab key reaches gets focus once. When nothing then
        changes on the element, around it or at its edges (outline, shadow,
        colour, underline, another element that appears), it is reported (W3C
        ACT rule oj04fd).

    Why is this a problem?
        People who use the keyboard do not know where they are on the page
        (WCAG 2.4.7).

    For example
        `a:focus { outline: none; }`

    Better
        `a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }`
    """,
)

focus_obscured = reported_rule(
    "A11Y127",
    "focus-obscured",
    Severity.WARNING,
    "Een vaste balk bedekt het element met de focus helemaal.",
    "A fixed bar covers the focused element completely.",
    reporter=AUDIT,
    wcag=("2.4.11",),
    messages={
        "": Message(
            "Met de focus op '{name}' ligt {cover} er helemaal over.",
            "With focus on '{name}', {cover} covers it completely.",
        )
    },
    doc="""
    Wat het controleert
        Elk element dat de Tab-toets bereikt, wordt bovenaan en onderaan het
        venster gezet, zoals de browser doet bij Shift+Tab en Tab. Ligt er
        dan op het midden en op alle hoeken een element met `position: fixed`
        of `sticky` (een kopbalk, een cookiemelding), dan wordt het gemeld.

    Waarom is dit een probleem?
        Wie met het toetsenbord werkt, ziet niet waar de focus is (WCAG 2.4.11,
        nieuw in WCAG 2.2).

    Voorbeeld
        Een cookiebalk met `position: fixed; bottom: 0` over de links onderaan.

    Beter
        `scroll-padding-top` of `scroll-padding-bottom` op `html`, zo hoog als
        de balk: de browser houdt de focus dan buiten de balk.

    What it checks
        Every element the Tab key reaches is put at the top and at the bottom of
        the window, as the browser does on Shift+Tab and Tab. When an element
        with `position: fixed` or `sticky` (a header, a cookie notice) then lies
        on its centre and all its corners, it is reported.

    Why is this a problem?
        People who use the keyboard cannot see where the focus is (WCAG 2.4.11,
        new in WCAG 2.2).

    For example
        A cookie notice with `position: fixed; bottom: 0` over the links at the
        bottom.

    Better
        `scroll-padding-top` or `scroll-padding-bottom` on `html`, as high as the
        bar: the browser then keeps focus clear of it.
    """,
)

orientation_locked = reported_rule(
    "A11Y128",
    "orientation-locked",
    Severity.ERROR,
    "De pagina draait mee met de stand van het scherm, zodat die vastzit.",
    "The page rotates with the screen orientation, which locks it.",
    reporter=AUDIT,
    wcag=("1.3.4",),
    messages={
        "": Message(
            "Dit element draait een kwartslag in één stand van het scherm. De pagina zit zo vast in één stand.",
            "This element turns a quarter in one screen orientation. That locks the page to one orientation.",
        )
    },
    doc="""
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

    What it checks
        Whether CSS in an `@media (orientation: ...)` block turns an element a
        quarter (`rotate`, `transform`), so the page stays in one orientation
        when the screen is turned (W3C ACT rule b33eff).

    Why is this a problem?
        Someone with a tablet fixed to a wheelchair cannot turn the screen and
        still has to be able to read the page (WCAG 1.3.4).

    For example
        `@media (orientation: portrait) { html { transform: rotate(90deg); } }`

    Better
        No rotation: let the page follow both orientations.
    """,
)

timed_refresh = reported_rule(
    "A11Y129",
    "timed-refresh",
    Severity.ERROR,
    "De pagina ververst of gaat vanzelf naar een ander adres, na een wachttijd.",
    "The page refreshes or redirects by itself after a delay.",
    reporter=AUDIT,
    wcag=("2.2.1",),
    messages={
        "refresh": Message(
            "De pagina ververst zichzelf na {seconds} seconden. Haal de meta refresh weg of zet er een link neer.",
            "The page refreshes itself after {seconds} seconds. Remove the meta refresh or offer a link.",
        ),
        "redirect": Message(
            "De pagina gaat na {seconds} seconden naar een ander adres. Stuur direct door (0 seconden) "
            "of zet er een link neer.",
            "The page goes to another address after {seconds} seconds. Redirect at once (0 seconds) or offer a link.",
        ),
    },
    doc="""
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

    What it checks
        Whether the page has a `meta refresh` with a delay between 1 second and
        20 hours (W3C ACT rule bc659a). Redirecting at once (0 seconds) is fine.

    Why is this a problem?
        The page changes while the visitor is still reading. Slow readers and
        screen reader users lose their place (WCAG 2.2.1).

    For example
        `<meta http-equiv="refresh" content="30; url=/news/">`

    Better
        `<meta http-equiv="refresh" content="0; url=/news/">`, or a link to the
        new page.
    """,
)

audio_plays_by_itself = reported_rule(
    "A11Y130",
    "audio-plays-by-itself",
    Severity.ERROR,
    "Geluid start vanzelf en is niet te stoppen.",
    "Sound starts by itself and cannot be stopped.",
    reporter=AUDIT,
    wcag=("1.4.2",),
    messages={
        "": Message(
            "Dit geluid start vanzelf en speelt {seconds} seconden, zonder knop om het te stoppen. "
            "Haal autoplay weg of zet controls erbij.",
            "This sound starts by itself and plays for {seconds} seconds, with no control to stop it. "
            "Remove autoplay or add controls.",
        ),
        "loop": Message(
            "Dit geluid start vanzelf en speelt steeds opnieuw, zonder knop om het te stoppen. "
            "Haal autoplay weg of zet controls erbij.",
            "This sound starts by itself and plays in a loop, with no control to stop it. "
            "Remove autoplay or add controls.",
        ),
    },
    doc="""
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

    What it checks
        Whether audio or video with `autoplay` and with sound (not `muted`)
        plays for more than 3 seconds without its own controls (`controls`) or
        a visible, named button next to it (W3C ACT rule 80f0bf).

    Why is this a problem?
        Screen reader users cannot hear their screen reader over the sound
        (WCAG 1.4.2).

    For example
        `<video autoplay src="intro.mp4"></video>`

    Better
        `<video controls src="intro.mp4"></video>`: the visitor starts it.
    """,
)

label_not_in_name = reported_rule(
    "A11Y131",
    "label-not-in-name",
    Severity.ERROR,
    "De zichtbare tekst van een knop of link staat niet in zijn naam.",
    "The visible text of a button or link is not part of its name.",
    reporter=AUDIT,
    wcag=("2.5.3",),
    messages={
        "": Message(
            "Je ziet '{label}', maar de naam is '{name}'. Zet de zichtbare tekst in de naam.",
            "The visible text is '{label}', but the name is '{name}'. Put the visible text in the name.",
        )
    },
    doc="""
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

    What it checks
        Whether the words you see on a button or link appear, in the same
        order, in its accessible name (W3C ACT rule 2ee8b8). Capitals,
        punctuation and text in brackets do not count. Not reported:
        abbreviations and words spelled differently.

    Why is this a problem?
        People who use speech say 'click Search'. If the button has another name
        for the computer, nothing happens (WCAG 2.5.3).

    For example
        `<a href="/waste/" aria-label="To the waste page">Waste</a>`

    Better
        `<a href="/waste/">Waste</a>`, or `aria-label="Waste: all about collection"`.
    """,
)

browser_check_failed = reported_rule(
    "A11Y133",
    "browser-check-failed",
    Severity.WARNING,
    "Een eigen browsercontrole kon deze pagina niet afmaken.",
    "One of our own browser checks could not finish this page.",
    reporter=AUDIT,
    messages={
        "": Message(
            "De eigen controles (zoom, toetsenbord, focus) zijn niet afgemaakt: {error}. "
            "Kijk deze punten met de hand na.",
            "Our own checks (zoom, keyboard, focus) did not finish: {error}. Check these points by hand.",
        ),
        "timeout": Message(
            "De eigen controles (zoom, toetsenbord, focus) waren na {seconds} seconden niet klaar. "
            "Kijk deze punten met de hand na.",
            "Our own checks (zoom, keyboard, focus) had not finished after {seconds} seconds. "
            "Check these points by hand.",
        ),
    },
    doc="""
    Wat het controleert
        Of de eigen controles op de pagina konden draaien. axe-core heeft de
        pagina dan wel gecontroleerd; alleen de eigen controles ontbreken.
        Dat gebeurt bijvoorbeeld als een script van de pagina de controle in
        de weg zit, of als de controles langer dan 20 seconden duren.

    Waarom is dit een probleem?
        Een controle die niet liep, keurt niets goed. Zonder deze melding
        lijkt de pagina in orde op punten die niet bekeken zijn.

    Voorbeeld
        'niet klaar na 20 seconden'.

    Beter
        Kijk de pagina met de hand na op zoom, toetsenbord en focus, of
        herstel wat de controle stopte.

    What it checks
        Whether our own checks could run on the page. axe-core did check the
        page; only our own checks are missing. That happens, for example, when
        a script of the page gets in the way, or when the checks take longer
        than 20 seconds.

    Why is this a problem?
        A check that did not run approves nothing. Without this finding the
        page would seem fine on points nobody looked at.

    For example
        'not finished after 20 seconds'.

    Better
        Check the page by hand for zoom, keyboard and focus, or repair what
        stopped the check.
    """,
)

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

# Which W3C ACT rules each check implements (findings carry them in extras["act"]).
# A11Y129 also fails bisz58's short delays; over 20 hours is WCAG 2.2.1's exception.
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
