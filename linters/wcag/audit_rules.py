"""The browser audit's own rules: where axe-core is silent, and the audit's own problems.

The audit (`linters/wcag/audit.py`), not a detection function, reports these,
with the messages defined here. axe-core's own rules are in
`linters/wcag/axe_rules.py`.
"""

from __future__ import annotations

from linters.core.finding import Message, Severity
from linters.core.rules import AUDIT, reported_rule

page_not_checked = reported_rule(
    "A11Y100",
    "page-not-checked",
    Severity.ERROR,
    "De controle kon een pagina niet openen.",
    "A page could not be checked.",
    reporter=AUDIT,
    messages={
        "": Message(
            "Deze pagina is niet gecontroleerd: {error}. Ook na een tweede poging niet. De controle telt dit als fout.",
            "This page was not checked: {error}. Not on a second try either. The audit counts this as an error.",
        )
    },
    doc="""
    Wat het controleert
        Of elke pagina laadt en binnen de tijdslimiet gecontroleerd is. Een
        pagina die niet laadt, een foutcode geeft (zoals 404) of het tabblad
        laat vastlopen, wordt één keer opnieuw geprobeerd.

    Waarom is dit een probleem?
        Een pagina die niet gecontroleerd is, is niet goedgekeurd. Zonder
        deze melding zou de controle slagen terwijl er niets bekeken is.

    Voorbeeld
        `/afval/oud/` gaf HTTP-status 404, of de pagina laadde na 30 seconden
        nog steeds.

    Beter
        Herstel de link of de pagina, of haal het adres uit de lijst.

    What it checks
        Whether every page loads and is checked within the time limit. A page
        that does not load, answers an error status (such as 404) or crashes
        the tab is tried once more.

    Why is this a problem?
        A page that was not checked is not approved. Without this finding the
        audit would pass while nothing was looked at.

    For example
        `/afval/oud/` answered HTTP status 404, or the page was still loading
        after 30 seconds.

    Better
        Repair the link or the page, or take the address off the list.
    """,
)

third_party_request = reported_rule(
    "A11Y101",
    "third-party-request",
    Severity.ERROR,
    "De pagina vraagt iets op bij een andere partij.",
    "The page requests something from a third party.",
    reporter=AUDIT,
    messages={
        "": Message(
            "De pagina haalt iets op bij een andere partij: {url}. Zet het op de eigen site of haal het weg.",
            "The page requests something from a third party: {url}. Host it ourselves or remove it.",
        )
    },
    doc="""
    Wat het controleert
        Of de pagina bij het laden iets ophaalt van een andere website dan
        die van de pagina zelf: een lettertype van Google, een script, een
        ingesloten video. Een link haalt niets op; die telt niet mee.

    Waarom is dit een probleem?
        Bij elke keer ophalen krijgt die partij het IP-adres van de bezoeker. De
        gemeente belooft dat de site niemand anders laat meekijken (privacy).

    Voorbeeld
        `https://fonts.googleapis.com/css?family=Roboto` in het thema.

    Beter
        Zet het bestand op de eigen site, of laat het weg (`font: false` in mkdocs.yml).

    What it checks
        Whether the page, while loading, fetches anything from another website
        than its own: a font from Google, a script, an embedded video. Links
        are not requests and are not reported.

    Why is this a problem?
        Every request gives the visitor's IP address to that party. The
        municipality promises that nobody else looks along (privacy).

    For example
        `https://fonts.googleapis.com/css?family=Roboto` in the theme.

    Better
        Host the file on our own site, or leave it out (`font: false` in mkdocs.yml).
    """,
)

unclear_link_text_in_page = reported_rule(
    "A11Y102",
    "unclear-link-text-in-page",
    Severity.WARNING,
    "Een link in de gebouwde pagina zegt niet waar hij naartoe gaat.",
    "A link in the built page does not say where it goes.",
    reporter=AUDIT,
    wcag=("2.4.4",),
    messages={
        "": Message(
            "De linktekst '{text}' zegt niet waar de link naartoe gaat.",
            "The link text '{text}' does not say where the link goes.",
        )
    },
    doc="""
    Wat het controleert
        Dezelfde woorden als A11Y001 (Nederlands en Engels, naar de taal van de
        link), maar in de gebouwde pagina: ook links uit het thema en uit HTML.
        axe-core controleert alleen of een link tekst heeft, niet wat die zegt.

    Waarom is dit een probleem?
        Wie alleen de links laat voorlezen, weet bij 'lees meer' niet waar hij
        heen gaat (WCAG 2.4.4).

    Voorbeeld
        `<a href="/afval/">Lees meer</a>`

    Beter
        `<a href="/afval/">Alles over afval</a>`

    What it checks
        The same words as A11Y001 (Dutch and English, by the language of the
        link), but in the built page: also links from the theme and from HTML.
        axe-core only checks that a link has a text, not what it says.

    Why is this a problem?
        Someone who has only the links read out does not know where 'read
        more' goes (WCAG 2.4.4).

    For example
        `<a href="/en/waste/">Read more</a>`

    Better
        `<a href="/en/waste/">All about waste</a>`
    """,
)

video_without_captions_in_page = reported_rule(
    "A11Y103",
    "video-without-captions-in-page",
    Severity.ERROR,
    "Een video in de gebouwde pagina heeft geen ondertiteling.",
    "A video in the built page has no captions.",
    reporter=AUDIT,
    wcag=("1.2.2",),
    messages={
        "": Message(
            'Deze video heeft geen ondertiteling (<track kind="captions">).',
            'This video has no captions (<track kind="captions">).',
        )
    },
    doc="""
    Wat het controleert
        Of elke video een `<track kind="captions">` of `kind="subtitles"` met
        een bestand heeft. axe-core meldt dit niet meer als fout.

    Waarom is dit een probleem?
        Wie doof of slechthorend is, kan de video niet volgen (WCAG 1.2.2).

    Voorbeeld
        `<video controls src="film.mp4"></video>`

    Beter
        `<video controls><source src="film.mp4"><track kind="captions" src="film.vtt" srclang="nl"></video>`

    What it checks
        Whether every video has a `<track kind="captions">` or
        `kind="subtitles"` with a file. axe-core no longer reports this as an
        error.

    Why is this a problem?
        People who are deaf or hard of hearing cannot follow the video (WCAG 1.2.2).

    For example
        `<video controls src="film.mp4"></video>`

    Better
        `<video controls><source src="film.mp4"><track kind="captions" src="film.vtt" srclang="nl"></video>`
    """,
)

form_without_submit = reported_rule(
    "A11Y104",
    "form-without-submit",
    Severity.WARNING,
    "Een formulier heeft geen verzendknop.",
    "A form has no submit button.",
    reporter=AUDIT,
    wcag=("3.2.2",),
    messages={
        "": Message(
            'Dit formulier heeft geen verzendknop. Zet er een <button type="submit"> in.',
            'This form has no submit button. Add a <button type="submit">.',
        )
    },
    doc="""
    Wat het controleert
        Of elk `<form>` een verzendknop heeft (`<button>` of
        `<input type="submit">`). HTML_CodeSniffer meldt dit; axe-core niet.

    Waarom is dit een probleem?
        Zonder knop verstuurt het formulier zich bij het typen of bij Enter.
        Dat is onverwacht, en wie geen Enter kan gebruiken, kan niet verder
        (WCAG 3.2.2).

    Voorbeeld
        Het zoekformulier van het thema zonder knop 'Zoeken'.

    Beter
        Een knop `<button type="submit">Zoeken</button>` in het formulier.

    What it checks
        Whether every `<form>` has a submit button (`<button>` or
        `<input type="submit">`). HTML_CodeSniffer reports this; axe-core does not.

    Why is this a problem?
        Without a button the form sends itself while typing or on Enter. That
        is unexpected, and whoever cannot use Enter cannot go on (WCAG 3.2.2).

    For example
        The theme's search form without a 'Search' button.

    Better
        A button `<button type="submit">Search</button>` in the form.
    """,
)

missing_resource = reported_rule(
    "A11Y105",
    "missing-resource",
    Severity.WARNING,
    "De pagina vraagt een bestand op dat niet bestaat.",
    "The page requests a file that does not exist.",
    reporter=AUDIT,
    messages={
        "": Message(
            "De pagina vraagt {path} op, maar dat geeft HTTP-status {status}.",
            "The page requests {path}, which answers HTTP status {status}.",
        )
    },
    doc="""
    Wat het controleert
        Of elk bestand dat de pagina van de eigen site laadt, er is (geen 404
        of andere foutcode).

    Waarom is dit een probleem?
        Een ontbrekend plaatje, ondertitelbestand of script maakt de pagina
        onvolledig, vaak zonder dat iemand het ziet.

    Voorbeeld
        `../media/isoleren.nl.vtt` staat niet naast de pagina: de video heeft
        dan geen ondertiteling.

    Beter
        Zet het bestand op de goede plek, of verbeter het pad.

    What it checks
        Whether every file the page loads from our own site is there (no 404
        or other error status).

    Why is this a problem?
        A missing image, caption file or script leaves the page incomplete,
        often without anyone noticing.

    For example
        `../media/isoleren.nl.vtt` is not next to the page: the video then has
        no captions.

    Better
        Put the file in the right place, or correct the path.
    """,
)

language_not_marked_in_page = reported_rule(
    "A11Y106",
    "language-not-marked-in-page",
    Severity.WARNING,
    "Tekst in een andere taal is in de gebouwde pagina niet gemarkeerd.",
    "Text in another language is not marked in the built page.",
    reporter=AUDIT,
    wcag=("3.1.2",),
    messages={
        "": Message(
            "Deze zin lijkt {language}, maar de taal is niet aangegeven met lang.",
            "This sentence looks {language}, but its language is not marked with lang.",
        ),
    },
    doc="""
    Wat het controleert
        Dezelfde controle als A11Y013, op de tekst van de gebouwde pagina,
        met de taal van het dichtstbijzijnde `lang`-attribuut. axe-core
        controleert alleen of een `lang`-waarde geldig is.

    Waarom is dit een probleem?
        Een schermlezer spreekt de zin met de verkeerde klanken uit (WCAG 3.1.2).

    Voorbeeld
        `<p>Read the full privacy statement for your rights.</p>` op een Nederlandse pagina.

    Beter
        `<p lang="en">Read the full privacy statement for your rights.</p>`

    What it checks
        The same check as A11Y013, on the text of the built page, with the
        language of the nearest `lang` attribute. axe-core only checks that a
        `lang` value is valid.

    Why is this a problem?
        A screen reader speaks the sentence with the wrong sounds (WCAG 3.1.2).

    For example
        `<p>Read the full privacy statement for your rights.</p>` on a Dutch page.

    Better
        `<p lang="en">Read the full privacy statement for your rights.</p>`
    """,
)

baseline_entry_expired = reported_rule(
    "A11Y107",
    "baseline-entry-expired",
    Severity.WARNING,
    "Een geaccepteerd probleem in de baseline is verlopen.",
    "An accepted problem in the baseline has expired.",
    reporter=AUDIT,
    messages={
        "": Message(
            "Het geaccepteerde probleem '{rule}' is verlopen op {date}. "
            "Het telt weer mee ({count} meldingen). Los het op of besluit opnieuw.",
            "The accepted problem '{rule}' expired on {date}. It counts again ({count} findings). "
            "Fix it or decide again.",
        )
    },
    doc="""
    Wat het controleert
        Of de verloopdatum van elk geaccepteerd probleem nog niet voorbij is.
        Na die datum telt het probleem weer mee.

    Waarom is dit een probleem?
        De webredactie accepteert een bekend probleem voor een tijd, met een reden.
        Daarna moet het opgelost zijn, of opnieuw besloten.

    Voorbeeld
        `verloopt: 2026-01-01` terwijl het nu 2026-11-22 is.

    Beter
        Los het probleem op en haal de regel weg, of zet een nieuwe datum met een nieuwe reden.

    What it checks
        Whether the expiry date of every accepted problem has not passed yet.
        After that date the problem counts again.

    Why is this a problem?
        A known problem is accepted for a while, with a reason. After that it
        must be fixed, or decided on again.

    For example
        `verloopt: 2026-01-01` while it is 2026-11-22 now.

    Better
        Fix the problem and remove the entry, or set a new date with a new reason.
    """,
)

baseline_entry_unused = reported_rule(
    "A11Y108",
    "baseline-entry-unused",
    Severity.WARNING,
    "Een regel in de baseline past op geen enkele melding meer.",
    "A baseline entry no longer matches any finding.",
    reporter=AUDIT,
    messages={
        "": Message(
            "Het geaccepteerde probleem '{rule}' komt niet meer voor. Haal de regel weg.",
            "The accepted problem '{rule}' no longer occurs. Remove the entry.",
        )
    },
    doc="""
    Wat het controleert
        Of elke regel in de baseline nog op een melding van deze controle past.

    Waarom is dit een probleem?
        Het probleem is opgelost. Blijft de regel staan, dan verbergt hij later
        een nieuw probleem op dezelfde plek.

    Voorbeeld
        Een regel voor `color-contrast` op `.md-copyright` nadat het thema is hersteld.

    Beter
        Haal de regel uit de baseline.

    What it checks
        Whether every baseline entry still matches a finding of this audit.

    Why is this a problem?
        The problem is fixed. If the entry stays, it hides a new problem on
        the same place later.

    For example
        An entry for `color-contrast` on `.md-copyright` after the theme was repaired.

    Better
        Remove the entry from the baseline.
    """,
)

not_a_web_page = reported_rule(
    "A11Y109",
    "not-a-web-page",
    Severity.WARNING,
    "Het adres geeft geen webpagina maar een ander soort bestand.",
    "The address serves another kind of file, not a web page.",
    reporter=AUDIT,
    messages={
        "": Message(
            "Dit adres geeft geen webpagina maar een bestand van het type {type}. "
            "De browsercontrole kan het niet beoordelen. Controleer het met de hand.",
            "This address serves no web page but a file of type {type}. "
            "The browser audit cannot judge it. Check it by hand.",
        )
    },
    doc="""
    Wat het controleert
        Welk soort bestand een adres geeft. HTML, XHTML en losse SVG-bestanden
        controleert de browser. Een pdf, een XML-bestand of een afbeelding kan
        hij niet controleren. Dat meldt hij, zodat het niet stil als goed telt.

    Waarom is dit een probleem?
        Ook een pdf op de site moet toegankelijk zijn. Deze controle kan dat
        niet zien. Iemand moet het bestand zelf controleren (PDF/UA).

    Voorbeeld
        `/documenten/verordening.pdf` in de lijst met adressen.

    Beter
        Zet de inhoud op een webpagina, of controleer het bestand met de hand
        en haal het adres uit de lijst.

    What it checks
        What kind of file an address serves. The browser checks HTML, XHTML
        and standalone SVG files. It cannot check a PDF, an XML file or an
        image. It reports those, so they do not silently count as fine.

    Why is this a problem?
        A PDF on the site must be accessible too. This check cannot see that.
        Someone must check the file itself (PDF/UA).

    For example
        `/documenten/verordening.pdf` in the list of addresses.

    Better
        Put the content on a web page, or check the file by hand and take the
        address off the list.
    """,
)

page_redirects = reported_rule(
    "A11Y110",
    "page-redirects",
    Severity.SUGGESTION,
    "De pagina stuurt bezoekers vanzelf door naar een ander adres.",
    "The page sends visitors on to another address by itself.",
    reporter=AUDIT,
    messages={
        "": Message(
            "De pagina stuurt na {seconds} seconden door naar {where}. "
            "De controle hield dat tegen en bekeek de pagina zelf.",
            "The page sends visitors on to {where} after {seconds} seconds. "
            "The audit held that back and checked the page itself.",
        )
    },
    doc="""
    Wat het controleert
        Of een pagina na het laden zelf naar een ander adres gaat, met
        `<meta http-equiv="refresh">` of met een script. De controle houdt die
        sprong tegen en controleert de pagina zoals die binnenkomt. De melding
        zegt waarheen de pagina wilde, en na hoeveel seconden.

    Waarom is dit een probleem?
        Meestal is het geen probleem: een oude pagina die direct doorstuurt
        (mkdocs-redirects) is prima. Maar wie een pagina leest en na een paar
        seconden ergens anders is, raakt de draad kwijt (WCAG 2.2.1). Een link
        naar het oude adres kan ook beter naar het nieuwe wijzen.

    Voorbeeld
        `<meta http-equiv="refresh" content="5; url=/afval/">`

    Beter
        Stuur direct door (`content="0; url=/afval/"`) of laat de server het doen
        (HTTP 301), en zet links naar het nieuwe adres.

    What it checks
        Whether a page goes to another address by itself after loading, with
        `<meta http-equiv="refresh">` or with a script. The audit holds that
        jump back and checks the page as it arrives. The finding says where
        the page wanted to go, and after how many seconds.

    Why is this a problem?
        Mostly it is not: an old page that sends visitors on at once
        (mkdocs-redirects) is fine. But whoever reads a page and is somewhere
        else after a few seconds loses the thread (WCAG 2.2.1). A link to the
        old address had better point at the new one.

    For example
        `<meta http-equiv="refresh" content="5; url=/afval/">`

    Better
        Send visitors on at once (`content="0; url=/afval/"`) or let the server
        do it (HTTP 301), and point links at the new address.
    """,
)


AUDIT_RULES = (
    page_not_checked,
    third_party_request,
    unclear_link_text_in_page,
    video_without_captions_in_page,
    form_without_submit,
    missing_resource,
    language_not_marked_in_page,
    baseline_entry_expired,
    baseline_entry_unused,
    not_a_web_page,
    page_redirects,
)
