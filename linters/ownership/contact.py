"""Contact and feedback addresses: whether a visitor can reach the department that owns a page.

Every page shows who owns it, how to contact them, and sends feedback to
them (the site plugin `gemeente/page-footer`). When the statute has no
address for the owner, the page still builds with a general fallback; these
rules say so, on the page, with the statute line to fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from linters.core.engine import page_owner
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import Page
from linters.core.rules import CheckContext, rule


def _at_owner(page: Page) -> SourceSpan:
    line = page.front_matter.line_of("owner") if page.front_matter else 1
    return SourceSpan(page.display, line, 1)


@rule(
    "CON001",
    "owner-without-contact",
    Severity.WARNING,
    "De eigenaar van de pagina heeft geen contactadres.",
    "The page's owner has no contact address.",
    site_only=True,
)
def owner_without_contact(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """De afdeling die de pagina beheert, heeft geen contactadres.

    Wat het controleert
        Of de afdeling van de pagina (`owner`, of de eigenaar van de sectie) een
        `contact` heeft in `redactiestatuut.yml`. Een eigen `contact:` in de
        front-matter van de pagina telt ook.

    Waarom is dit een probleem?
        Onder elke pagina staat hoe u de afdeling bereikt. Zonder adres ziet de
        bezoeker alleen een link naar de algemene pagina Contact, en komt de
        vraag niet direct bij wie het weet.

    Voorbeeld
        ```yaml
        - id: afval
          naam: Afval en reiniging
        ```

    Beter
        ```yaml
        - id: afval
          naam: Afval en reiniging
          contact: afval@diemen.nl
        ```

    What it checks
        Whether the page's department (`owner`, or the section's owner) has a
        `contact` in `redactiestatuut.yml`. A `contact:` in the page's own
        front-matter counts too.

    Why is this a problem?
        Under every page it says how to reach the department. Without an
        address the visitor only sees a link to the general Contact page, and
        the question does not go straight to whoever knows.

    For example
        ```yaml
        - id: afval
          naam: Afval en reiniging
        ```

    Better
        ```yaml
        - id: afval
          naam: Afval en reiniging
          contact: afval@diemen.nl
        ```
    """
    own = page.meta("contact")
    if isinstance(own, str) and own.strip():
        return
    owner = page_owner(page, ctx.statute)
    department = ctx.statute.departments.get(owner) if owner else None
    if department is None or department.contact:
        return
    yield Detection(
        _at_owner(page),
        Message(
            f"De afdeling '{department.id}' ({department.name}) heeft geen contactadres in "
            f"{ctx.statute.file} (regel {department.line}). Onder de pagina staat daarom alleen een "
            "link naar de pagina Contact. Zet 'contact:' bij de afdeling, of 'contact:' in de "
            "front-matter van deze pagina.",
            f"Department '{department.id}' ({department.name}) has no contact address in "
            f"{ctx.statute.file} (line {department.line}), so the page only links to the Contact page. "
            "Add 'contact:' to the department, or 'contact:' to this page's front-matter.",
        ),
    )


@rule(
    "CON002",
    "owner-without-feedback-address",
    Severity.WARNING,
    "Reacties op de pagina kunnen niet naar de eigenaar.",
    "Feedback on the page cannot reach its owner.",
    site_only=True,
)
def owner_without_feedback_address(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """De afdeling die de pagina beheert, heeft geen adres voor reacties.

    Wat het controleert
        Of de afdeling van de pagina een `feedback`-adres of een `contact`-adres
        heeft in `redactiestatuut.yml`. Reacties gaan naar `feedback`, en anders
        naar `contact`.

    Waarom is dit een probleem?
        Bezoekers kunnen onder elke pagina zeggen of die nuttig is en wat er niet
        klopt. Zonder adres gaat hun reactie naar de webredactie, en niet naar de
        afdeling die de inhoud kent en kan verbeteren.

    Voorbeeld
        ```yaml
        - id: melden
          naam: Meldingen openbare ruimte
        ```

    Beter
        ```yaml
        - id: melden
          naam: Meldingen openbare ruimte
          feedback: meldingen@diemen.nl
        ```

    What it checks
        Whether the page's department has a `feedback` address or a `contact`
        address in `redactiestatuut.yml`. Feedback goes to `feedback`, and
        otherwise to `contact`.

    Why is this a problem?
        Visitors can say under every page whether it helped and what is wrong.
        Without an address their feedback goes to the web editors, not to the
        department that knows the content and can improve it.

    For example
        ```yaml
        - id: melden
          naam: Meldingen openbare ruimte
        ```

    Better
        ```yaml
        - id: melden
          naam: Meldingen openbare ruimte
          feedback: meldingen@diemen.nl
        ```
    """
    owner = page_owner(page, ctx.statute)
    department = ctx.statute.departments.get(owner) if owner else None
    if department is None or department.feedback_address:
        return
    yield Detection(
        _at_owner(page),
        Message(
            f"De afdeling '{department.id}' ({department.name}) heeft geen adres voor reacties in "
            f"{ctx.statute.file} (regel {department.line}). Reacties van bezoekers op deze pagina gaan "
            "daarom naar de webredactie. Zet 'feedback:' of 'contact:' bij de afdeling.",
            f"Department '{department.id}' ({department.name}) has no feedback address in "
            f"{ctx.statute.file} (line {department.line}), so visitors' feedback on this page goes to "
            "the web editors. Add 'feedback:' or 'contact:' to the department.",
        ),
    )
