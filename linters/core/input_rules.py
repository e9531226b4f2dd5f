"""Rules about the file itself: encoding, emptiness, line endings.

The page model records these problems while reading; each rule here only
reports the problems that belong to it, so there is one message per problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from linters.core.finding import Detection, Severity, SourceSpan
from linters.core.page import Page
from linters.core.rules import CheckContext, rule


def reading_problems(page: Page, name: str) -> Iterator[Detection]:
    """Turn the problems the page model recorded for rule `name` into detections."""
    for problem in page.problems_for(name):
        yield Detection(SourceSpan(page.display, problem.line, problem.column), problem.message)


@rule(
    "WR001",
    "page-not-readable",
    Severity.ERROR,
    "Het bestand is niet te lezen als tekst.",
    "The file cannot be read as text.",
    needs_readable=False,
)
def page_not_readable(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina die niet als UTF-8-tekst te lezen is.

    Wat het controleert
        Of het bestand als UTF-8 is opgeslagen. De melding noemt de regel
        met het eerste teken dat niet te lezen is.

    Waarom is dit een probleem?
        MkDocs kan de pagina dan niet bouwen. Letters als é en ë worden
        rare tekens, en de andere controles kunnen de tekst niet lezen.

    Voorbeeld
        Een pagina uit Word, opgeslagen als 'Western (Windows 1252)'.

    Beter
        Sla het bestand op als 'UTF-8' (in VS Code: rechtsonder op de
        codering klikken, 'Save with encoding', 'UTF-8').
    """
    yield from reading_problems(page, "page-not-readable")


@rule(
    "WR002",
    "empty-page",
    Severity.ERROR,
    "De pagina is leeg.",
    "The page is empty.",
    needs_readable=False,
)
def empty_page(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een leeg bestand.

    Wat het controleert
        Of er iets in het bestand staat.

    Waarom is dit een probleem?
        Een lege pagina verschijnt in het menu zonder tekst. Bezoekers vinden
        niets, en niemand is eigenaar.

    Voorbeeld
        Een bestand `afval/nieuw.md` zonder inhoud.

    Beter
        Schrijf de pagina met front-matter en tekst, of verwijder het bestand.
    """
    yield from reading_problems(page, "empty-page")


@rule(
    "WR003",
    "byte-order-mark",
    Severity.WARNING,
    "Het bestand begint met een BOM-teken.",
    "The file starts with a byte order mark.",
    needs_readable=False,
)
def byte_order_mark(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een onzichtbaar BOM-teken aan het begin van het bestand.

    Wat het controleert
        Of het bestand begint met de bytes EF BB BF (een 'byte order mark').

    Waarom is dit een probleem?
        Sommige programma's zien de front-matter dan niet. De pagina wordt wel
        gecontroleerd, maar het kan in andere hulpmiddelen misgaan.

    Voorbeeld
        Een bestand opgeslagen in Kladblok als 'UTF-8 met BOM'.

    Beter
        Sla het bestand op als 'UTF-8' zonder BOM.
    """
    yield from reading_problems(page, "byte-order-mark")


@rule(
    "WR004",
    "windows-line-endings",
    Severity.WARNING,
    "Het bestand heeft Windows-regeleinden (CRLF).",
    "The file has Windows line endings (CRLF).",
    needs_readable=False,
)
def windows_line_endings(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    r"""Regeleinden van Windows (CRLF) in plaats van LF.

    Wat het controleert
        Of er regeleinden `\r\n` in het bestand staan.

    Waarom is dit een probleem?
        Git ziet dan bij elke kleine wijziging het hele bestand als gewijzigd.
        Reviewers van de afdeling zien dan niet wat er echt anders is.

    Voorbeeld
        Een pagina bewerkt in een Windows-editor die CRLF bewaart.

    Beter
        Zet uw editor op 'LF' (in VS Code: rechtsonder 'CRLF' aanklikken en
        'LF' kiezen) en sla het bestand opnieuw op.
    """
    yield from reading_problems(page, "windows-line-endings")


# The engine owns suppressions, so it reports these three itself; the rules
# exist for their code, documentation and configurable severity.


@rule(
    "WR005",
    "unused-suppression",
    Severity.WARNING,
    "Een uitzondering onderdrukt niets meer.",
    "A suppression no longer suppresses anything.",
)
def unused_suppression(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een uitzondering (`webredactie: disable ...`) die niets meer onderdrukt.

    Wat het controleert
        Of elke uitzondering in een pagina nog een melding onderdrukt.

    Waarom is dit een probleem?
        De tekst is veranderd en de uitzondering is niet meer nodig. Blijft
        ze staan, dan verbergt ze later een nieuwe fout op dezelfde plek.

    Voorbeeld
        `<!-- webredactie: disable-next-line B1001 -- lange wettekst -->` boven
        een zin die nu kort is.

    Beter
        Haal de opmerking weg.
    """
    return iter(())


@rule(
    "WR006",
    "suppression-without-reason",
    Severity.WARNING,
    "Een uitzondering heeft geen reden.",
    "A suppression has no reason.",
)
def suppression_without_reason(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een uitzondering zonder reden.

    Wat het controleert
        Of na de regelcode een reden staat, na twee streepjes (`-- reden`).

    Waarom is dit een probleem?
        Een reviewer moet kunnen zien waarom een melding niet geldt. Zonder
        reden weet later niemand of de uitzondering weg mag.

    Voorbeeld
        `<!-- webredactie: disable-next-line B1001 -->`

    Beter
        `<!-- webredactie: disable-next-line B1001 -- letterlijke tekst uit de wet -->`
    """
    return iter(())


@rule(
    "WR007",
    "invalid-suppression",
    Severity.WARNING,
    "Een uitzondering is niet goed geschreven.",
    "A suppression is written wrongly.",
)
def invalid_suppression(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een uitzondering die de controle niet kan lezen.

    Wat het controleert
        Of een opmerking `<!-- webredactie: ... -->` een bekende opdracht en
        een bestaande regel noemt.

    Waarom is dit een probleem?
        Een verkeerd geschreven uitzondering werkt niet. De schrijver denkt dat
        een melding weg is, maar die blijft.

    Voorbeeld
        `<!-- webredactie: negeer B1001 -->`

    Beter
        `<!-- webredactie: disable-next-line B1001 -- reden -->`
    """
    return iter(())


@rule(
    "WR008",
    "unsafe-symlink",
    Severity.ERROR,
    "Een snelkoppeling (symlink) wijst buiten de website of niet naar een gewoon bestand.",
    "A symbolic link points outside the website or not at a plain file.",
    needs_readable=False,
)
def unsafe_symlink(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een snelkoppeling (symlink) in content/ die de site niet volgt.

    Wat het controleert
        Of een snelkoppeling in de map content/ naar een gewoon bestand in de
        repository wijst. Een snelkoppeling naar iets buiten de repository
        (of in `.git`), naar een map, naar iets dat geen gewoon bestand is
        (zoals `/dev/zero`), naar niets, of naar zichzelf wordt gemeld. De
        controle en de bouw van de site volgen haar niet. De melding staat op
        de snelkoppeling zelf.

    Waarom is dit een probleem?
        MkDocs volgt een snelkoppeling en publiceert wat erachter zit, ook in
        de zoekfunctie. Zo komt een bestand van buiten de website online,
        bijvoorbeeld een wachtwoord of een privé-document. Een snelkoppeling
        naar `/dev/zero` of naar zichzelf laat de controle vastlopen.

    Voorbeeld
        `content/nl/afval/tarieven.md` als snelkoppeling naar
        `/home/redacteur/Documenten/tarieven.md`.

    Beter
        Zet het bestand zelf in content/ (kopieer het), en haal de
        snelkoppeling weg.
    """
    return iter(())


@rule(
    "WR900",
    "check-crashed",
    Severity.ERROR,
    "Een controle liep vast op deze pagina.",
    "A check crashed on this page.",
    needs_readable=False,
)
def check_crashed(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een controle die vastliep: een fout in webredactie, niet in de pagina.

    Wat het controleert
        Niets zelf. De melding verschijnt als een regel vastloopt op een
        pagina. De andere regels en pagina's worden wel gecontroleerd.

    Waarom is dit een probleem?
        De pagina is niet helemaal gecontroleerd. De uitkomst is dan niet
        betrouwbaar, daarom stopt de controle met code 2.

    Voorbeeld
        `WR900 check-crashed: de regel B1001 liep vast (IndexError)`

    Beter
        Meld het aan de beheerders van webredactie, met de pagina erbij.
    """
    return iter(())
