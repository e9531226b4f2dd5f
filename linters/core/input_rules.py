"""Rules about the file itself (encoding, emptiness, line endings) and the engine's own rules.

The page model records the file's problems while reading; each rule here only
reports the problems that belong to it, so there is one message per problem.
The engine itself reports suppression problems and crashed checks, with the
messages defined here.
"""

from __future__ import annotations

from collections.abc import Iterator

from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import Page
from linters.core.rules import ENGINE, CheckContext, reported_rule, rule


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

    What it checks
        Whether the file is saved as UTF-8. The message names the line with
        the first character that cannot be read.

    Why is this a problem?
        MkDocs cannot build the page. Letters like é and ë turn into odd
        signs, and the other checks cannot read the text.

    For example
        A page from Word, saved as 'Western (Windows 1252)'.

    Better
        Save the file as 'UTF-8' (in VS Code: click the encoding at the bottom
        right, 'Save with encoding', 'UTF-8').
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

    What it checks
        Whether there is anything in the file.

    Why is this a problem?
        An empty page shows in the menu without text. Visitors find nothing,
        and nobody owns it.

    For example
        A file `afval/nieuw.md` without content.

    Better
        Write the page with front-matter and text, or delete the file.
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
        Sommige programma's zien de front-matter dan niet. Onze controle werkt
        wel, maar andere hulpmiddelen kunnen de pagina verkeerd lezen.

    Voorbeeld
        Een bestand opgeslagen in Kladblok als 'UTF-8 met BOM'.

    Beter
        Sla het bestand op als 'UTF-8' zonder BOM.

    What it checks
        Whether the file starts with the bytes EF BB BF (a 'byte order mark').

    Why is this a problem?
        Some programs then miss the front-matter. The page is still checked,
        but other tools may go wrong.

    For example
        A file saved in Notepad as 'UTF-8 with BOM'.

    Better
        Save the file as 'UTF-8' without BOM.
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
        Git ziet dan bij elke kleine verandering het hele bestand als veranderd.
        Reviewers van de afdeling zien dan niet wat er echt anders is.

    Voorbeeld
        Een pagina bewerkt in een Windows-editor die CRLF bewaart.

    Beter
        Zet uw editor op 'LF' (in VS Code: rechtsonder 'CRLF' aanklikken en
        'LF' kiezen) en sla het bestand opnieuw op.

    What it checks
        Whether the file has `\r\n` line endings.

    Why is this a problem?
        Git then sees the whole file as changed on every small edit. The
        department's reviewers cannot see what really changed.

    For example
        A page edited in a Windows editor that keeps CRLF.

    Better
        Set your editor to 'LF' (in VS Code: click 'CRLF' at the bottom right
        and choose 'LF') and save the file again.
    """
    yield from reading_problems(page, "windows-line-endings")


# The engine owns suppressions, finds the files and runs the checks, so it
# reports these itself, with these messages.

unused_suppression = reported_rule(
    "WR005",
    "unused-suppression",
    Severity.WARNING,
    "Een uitzondering onderdrukt niets meer.",
    "A suppression no longer suppresses anything.",
    reporter=ENGINE,
    messages={
        "": Message(
            "Deze uitzondering voor {rules} onderdrukt niets meer. Haal de opmerking weg.",
            "This suppression for {rules} no longer suppresses anything. Remove the comment.",
        )
    },
    doc="""
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

    What it checks
        Whether every suppression in a page still suppresses a finding.

    Why is this a problem?
        The text has changed and the suppression is no longer needed. If it
        stays, it hides a new problem on the same line later.

    For example
        `<!-- webredactie: disable-next-line B1001 -- long legal text -->` above
        a sentence that is short now.

    Better
        Remove the comment.
    """,
)

suppression_without_reason = reported_rule(
    "WR006",
    "suppression-without-reason",
    Severity.WARNING,
    "Een uitzondering heeft geen reden.",
    "A suppression has no reason.",
    reporter=ENGINE,
    messages={
        "": Message(
            "Deze uitzondering heeft geen reden. Schrijf na de regelcode twee "
            "streepjes en waarom de melding hier niet geldt: "
            "'-- letterlijke tekst uit de wet'.",
            "This suppression has no reason. Add two dashes and why the rule "
            "does not apply here: '-- quoted from the law'.",
        )
    },
    doc="""
    Wat het controleert
        Of na de regelcode een reden staat, na twee streepjes (`-- reden`).

    Waarom is dit een probleem?
        Een reviewer moet kunnen zien waarom een melding niet geldt. Zonder
        reden weet later niemand of de uitzondering weg mag.

    Voorbeeld
        `<!-- webredactie: disable-next-line B1001 -->`

    Beter
        `<!-- webredactie: disable-next-line B1001 -- letterlijke tekst uit de wet -->`

    What it checks
        Whether a reason follows the rule code, after two dashes (`-- reason`).

    Why is this a problem?
        A reviewer must see why a finding does not apply. Without a reason,
        nobody knows later whether the suppression may go.

    For example
        `<!-- webredactie: disable-next-line B1001 -->`

    Better
        `<!-- webredactie: disable-next-line B1001 -- quoted from the law -->`
    """,
)

invalid_suppression = reported_rule(
    "WR007",
    "invalid-suppression",
    Severity.WARNING,
    "Een uitzondering is niet goed geschreven.",
    "A suppression is written wrongly.",
    reporter=ENGINE,
    messages={
        "unknown-directive": Message(
            "Deze opmerking is geen geldige uitzondering. Gebruik "
            "'disable-next-line', 'disable-line', 'disable', 'enable' of "
            "'disable-file', gevolgd door een regelcode en '-- reden'.",
            "This comment is not a valid suppression. Use 'disable-next-line', "
            "'disable-line', 'disable', 'enable' or 'disable-file', followed by a "
            "rule code and '-- reason'.",
        ),
        "unknown-rule": Message(
            "Deze uitzondering noemt geen bestaande regel: {rules}. Noem de code "
            "of naam van de regel, zoals 'B1001' of 'long-sentence'.",
            "This suppression names no existing rule: {rules}. Name the rule's "
            "code or name, like 'B1001' or 'long-sentence'.",
        ),
    },
    doc="""
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

    What it checks
        Whether a comment `<!-- webredactie: ... -->` names a known directive
        and an existing rule.

    Why is this a problem?
        A suppression written wrongly does not work. The writer thinks a
        finding is gone, but it stays.

    For example
        `<!-- webredactie: ignore B1001 -->`

    Better
        `<!-- webredactie: disable-next-line B1001 -- reason -->`
    """,
)

unsafe_symlink = reported_rule(
    "WR008",
    "unsafe-symlink",
    Severity.ERROR,
    "Een snelkoppeling (symlink) wijst buiten de website of niet naar een gewoon bestand.",
    "A symbolic link points outside the website or not at a plain file.",
    reporter=ENGINE,
    # One message per reason a link is refused (`linters.core.links.LinkProblem`).
    messages={
        "outside": Message(
            "Dit is een snelkoppeling (symlink) naar {target}. Dat ligt buiten de map van de website. "
            "De site publiceert het niet. Zet het bestand zelf in content/, of haal de snelkoppeling weg.",
            "This is a symbolic link to {target}, outside the website's folder. It is not published. "
            "Put the file itself in content/, or remove the link.",
        ),
        "folder": Message(
            "Dit is een snelkoppeling (symlink) naar de map {target}. De site volgt geen snelkoppeling "
            "naar een map. Zet de pagina's zelf in content/, of haal de snelkoppeling weg.",
            "This is a symbolic link to the folder {target}. The site does not follow links to folders. "
            "Put the pages themselves in content/, or remove the link.",
        ),
        "special": Message(
            "Dit is een snelkoppeling (symlink) naar {target}. Dat is geen gewoon bestand. "
            "De site leest en publiceert het niet. Haal de snelkoppeling weg.",
            "This is a symbolic link to {target}, which is not a plain file. It is not read or published. "
            "Remove the link.",
        ),
        "missing": Message(
            "Dit is een snelkoppeling (symlink) naar {target}, maar dat bestaat niet. "
            "Haal de snelkoppeling weg, of zet het bestand zelf in content/.",
            "This is a symbolic link to {target}, which does not exist. "
            "Remove the link, or put the file itself in content/.",
        ),
        "loop": Message(
            "Dit is een snelkoppeling (symlink) naar {target} die via andere snelkoppelingen naar "
            "zichzelf wijst. De site volgt haar niet. Haal de snelkoppeling weg.",
            "This is a symbolic link to {target} that points back to itself through other links. "
            "It is not followed. Remove the link.",
        ),
    },
    doc="""
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

    What it checks
        Whether a symbolic link in the content/ folder points at a plain file
        in the repository. A link to something outside the repository (or in
        `.git`), to a folder, to something that is not a plain file (such as
        `/dev/zero`), to nothing, or to itself is reported. The checks and the
        site build do not follow it. The finding is on the link itself.

    Why is this a problem?
        MkDocs follows a link and publishes what is behind it, also in the
        search. A file from outside the website could go online that way, for
        example a password or a private document. A link to `/dev/zero` or to
        itself makes the check hang.

    For example
        `content/nl/afval/tarieven.md` as a link to
        `/home/redacteur/Documenten/tarieven.md`.

    Better
        Put the file itself in content/ (copy it), and remove the link.
    """,
)

check_crashed = reported_rule(
    "WR900",
    "check-crashed",
    Severity.ERROR,
    "Een controle liep vast op deze pagina.",
    "A check crashed on this page.",
    reporter=ENGINE,
    messages={
        "": Message(
            "De regel {code} ({name}) liep vast op deze pagina ({error}). "
            "Dit is een fout in webredactie, niet in uw tekst.",
            "Rule {code} ({name}) crashed on this page ({error}). This is a bug in webredactie, not in your text.",
        )
    },
    doc="""
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

    What it checks
        Nothing itself. The finding appears when a rule crashes on a page.
        The other rules and pages are still checked.

    Why is this a problem?
        The page is not fully checked. The result cannot be trusted, so the
        run stops with exit code 2.

    For example
        `WR900 check-crashed: rule B1001 crashed (IndexError)`

    Better
        Report it to the maintainers of webredactie, with the page.
    """,
)
