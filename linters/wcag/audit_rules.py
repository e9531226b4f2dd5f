"""The browser audit's own rules: where axe-core is silent, and the audit's own problems.

The audit (not the page engine) reports these, so their check functions
yield nothing; they exist for their code, documentation and configurable
severity, like the suppression rules in `linters/core/input_rules.py`.
axe-core's findings keep axe's rule id as their code.
"""

from __future__ import annotations

from collections.abc import Iterator

from linters.core.finding import Detection, Severity
from linters.core.page import Page
from linters.core.rules import CheckContext, rule

_NOWHERE: tuple[str, ...] = ()


@rule(
    "A11Y100",
    "page-not-checked",
    Severity.ERROR,
    "Een pagina kon niet worden gecontroleerd.",
    "A page could not be checked.",
    languages=_NOWHERE,
)
def page_not_checked(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina die de browsercontrole niet kon controleren.

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
    """
    return iter(())


@rule(
    "A11Y101",
    "third-party-request",
    Severity.ERROR,
    "De pagina vraagt iets op bij een andere partij.",
    "The page requests something from a third party.",
    languages=_NOWHERE,
)
def third_party_request(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een verzoek van de pagina aan een andere website (lettertypes, scripts, video).

    Wat het controleert
        Of de pagina bij het laden iets ophaalt van een andere website dan
        die van de pagina zelf: een lettertype van Google, een script, een
        ingesloten video. Links zijn geen verzoeken; die worden niet gemeld.

    Waarom is dit een probleem?
        Elk verzoek geeft het IP-adres van de bezoeker aan die partij. De
        gemeente belooft dat de site niemand anders laat meekijken (privacy).

    Voorbeeld
        `https://fonts.googleapis.com/css?family=Roboto` in het thema.

    Beter
        Zet het bestand op de eigen site, of laat het weg (`font: false` in mkdocs.yml).
    """
    return iter(())


@rule(
    "A11Y102",
    "unclear-link-text-in-page",
    Severity.WARNING,
    "Een link in de gebouwde pagina zegt niet waar hij naartoe gaat.",
    "A link in the built page does not say where it goes.",
    languages=_NOWHERE,
)
def unclear_link_text_in_page(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een link met een tekst als 'hier' of 'lees meer' in de gebouwde pagina.

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
    """
    return iter(())


@rule(
    "A11Y103",
    "video-without-captions-in-page",
    Severity.ERROR,
    "Een video in de gebouwde pagina heeft geen ondertiteling.",
    "A video in the built page has no captions.",
    languages=_NOWHERE,
)
def video_without_captions_in_page(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een `<video>` zonder ondertitelspoor in de gebouwde pagina.

    Wat het controleert
        Of elke video een `<track kind="captions">` of `kind="subtitles"` met
        een bestand heeft. axe-core meldt dit niet meer als fout.

    Waarom is dit een probleem?
        Wie doof of slechthorend is, kan de video niet volgen (WCAG 1.2.2).

    Voorbeeld
        `<video controls src="film.mp4"></video>`

    Beter
        `<video controls><source src="film.mp4"><track kind="captions" src="film.vtt" srclang="nl"></video>`
    """
    return iter(())


@rule(
    "A11Y104",
    "form-without-submit",
    Severity.WARNING,
    "Een formulier heeft geen verzendknop.",
    "A form has no submit button.",
    languages=_NOWHERE,
)
def form_without_submit(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een formulier zonder knop om het te versturen.

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
    """
    return iter(())


@rule(
    "A11Y105",
    "missing-resource",
    Severity.WARNING,
    "De pagina vraagt een bestand op dat niet bestaat.",
    "The page requests a file that does not exist.",
    languages=_NOWHERE,
)
def missing_resource(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een plaatje, script of ander bestand van de eigen site dat een foutcode geeft.

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
    """
    return iter(())


@rule(
    "A11Y106",
    "language-not-marked-in-page",
    Severity.WARNING,
    "Tekst in een andere taal is in de gebouwde pagina niet gemarkeerd.",
    "Text in another language is not marked in the built page.",
    languages=_NOWHERE,
)
def language_not_marked_in_page(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een Engelse zin in een Nederlandse pagina (of andersom) zonder `lang` in de gebouwde pagina.

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
    """
    return iter(())


@rule(
    "A11Y107",
    "baseline-entry-expired",
    Severity.WARNING,
    "Een geaccepteerd probleem in de baseline is verlopen.",
    "An accepted problem in the baseline has expired.",
    languages=_NOWHERE,
)
def baseline_entry_expired(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een regel in de baseline waarvan de datum 'verloopt' voorbij is.

    Wat het controleert
        Of de verloopdatum van elk geaccepteerd probleem nog niet voorbij is.
        Na die datum telt het probleem weer mee.

    Waarom is dit een probleem?
        Een bekend probleem wordt geaccepteerd voor een tijd, met een reden.
        Daarna moet het opgelost zijn, of opnieuw besloten.

    Voorbeeld
        `verloopt: 2026-01-01` terwijl het nu 2026-11-22 is.

    Beter
        Los het probleem op en haal de regel weg, of zet een nieuwe datum met een nieuwe reden.
    """
    return iter(())


@rule(
    "A11Y108",
    "baseline-entry-unused",
    Severity.WARNING,
    "Een regel in de baseline past op geen enkele melding meer.",
    "A baseline entry no longer matches any finding.",
    languages=_NOWHERE,
)
def baseline_entry_unused(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een geaccepteerd probleem dat niet meer voorkomt.

    Wat het controleert
        Of elke regel in de baseline nog op een melding van deze controle past.

    Waarom is dit een probleem?
        Het probleem is opgelost. Blijft de regel staan, dan verbergt hij later
        een nieuw probleem op dezelfde plek.

    Voorbeeld
        Een regel voor `color-contrast` op `.md-copyright` nadat het thema is hersteld.

    Beter
        Haal de regel uit de baseline.
    """
    return iter(())


@rule(
    "A11Y109",
    "not-a-web-page",
    Severity.WARNING,
    "Het adres geeft geen webpagina maar een ander soort bestand.",
    "The address serves another kind of file, not a web page.",
    languages=_NOWHERE,
)
def not_a_web_page(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een adres in de controle dat geen HTML-, XHTML- of SVG-pagina geeft.

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
    """
    return iter(())


@rule(
    "A11Y110",
    "page-redirects",
    Severity.SUGGESTION,
    "De pagina stuurt bezoekers vanzelf door naar een ander adres.",
    "The page sends visitors on to another address by itself.",
    languages=_NOWHERE,
)
def page_redirects(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina die na het laden vanzelf naar een ander adres gaat.

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
    """
    return iter(())


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
