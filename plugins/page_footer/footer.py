"""The owner block and feedback forms of one page, as data for the templates.

Who owns a page is decided by `linters/` (`page_owner`: the page's own
`owner`, else its section's owner), the same answer the checks and the
department reports give. This module only turns that answer, the statute's
addresses and the page's metadata into what a visitor reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from linters.core.dates import long_date
from linters.core.engine import page_owner
from linters.core.page import FrontMatter, Page
from linters.core.statute import Department, Statute
from linters.core.urls import parse, site_domain, within
from plugins.page_footer.texts import TEXTS

MAILTO = "mailto"
# Must match linters/feedback/service.py (HONEYPOT) and the service's default --max-text.
HONEYPOT = "onderwerp"
MAX_TEXT = 2000


class EndpointError(ValueError):
    """The feedback endpoint is not `mailto` nor a form address of the site's own domain."""


def check_endpoint(endpoint: str, site_url: str | None) -> str:
    r"""Validate the endpoint option; return it as the browser will use it, or raise `EndpointError`.

    The address is read as a browser reads it (`linters.core.urls`), so
    `https://example.com\@formulieren.diemen.nl/x` is what it is: a form on
    example.com. The address the browser would use is what the form gets.
    """
    endpoint = endpoint.strip()
    if endpoint == MAILTO:
        return endpoint
    if endpoint.startswith("/"):
        # A path on the site itself (/feedback): the web server passes it to `webredactie feedback serve`.
        # Resolved as a browser would: "//host", "/\\host" or a tab in between leave the site, and are
        # judged below as the addresses they are.
        site = parse(site_url or "")
        resolved = parse(endpoint, base=site_url) if site is not None else None
        if site is not None and resolved is not None and resolved.host == site.host:
            return endpoint
    own = site_domain(site_url)
    parsed = parse(endpoint)
    example = "https://formulieren.diemen.nl/feedback"
    if parsed is None or parsed.scheme != "https" or not parsed.host:
        raise EndpointError(
            f"'feedback_endpoint: {endpoint}' is geen geldige keuze. Kies 'mailto', een pad op de eigen site "
            f"(/feedback, voor webredactie feedback serve), of het https-adres van een formulier van de "
            f"gemeente ({example})."
        )
    if parsed.has_credentials:
        raise EndpointError(
            f"'feedback_endpoint: {endpoint}' bevat een gebruikersnaam of wachtwoord (het deel voor '@'). "
            f"Een browser stuurt het formulier dan naar {parsed.host}. Geef alleen het adres van het "
            f"formulier, zoals {example}."
        )
    if parsed.is_ip or not own or not within(parsed.host, own):
        raise EndpointError(
            f"'feedback_endpoint: {endpoint}' gaat in een browser naar {parsed.host}. Dat ligt niet op het "
            f"eigen domein van de site ({own or 'onbekend: zet site_url in mkdocs.yml'}). "
            "Reacties van bezoekers gaan nooit naar een andere partij."
        )
    return parsed.href


@dataclass(frozen=True)
class FeedbackForms:
    """The two forms: "was this useful" (two submit buttons) and "is something wrong" (a text)."""

    action: str
    method: str
    mail: bool
    useful_hidden: Mapping[str, str]
    useful_name: str
    yes_value: str
    no_value: str
    wrong_hidden: Mapping[str, str]
    wrong_name: str
    # A field people never see and bots fill in (the service drops such posts); None for mailto.
    honeypot: str | None = None
    # The longest text the service takes; None for mailto.
    max_text: int | None = None


@dataclass(frozen=True)
class PageFooter:
    """Everything the footer and feedback templates show for one page."""

    lang: str
    texts: Mapping[str, str]
    department: Department | None
    reviewed: date | None
    reviewed_text: str | None
    contact: str | None
    contact_page_url: str | None
    feedback: FeedbackForms | None
    feedback_department: Department | None
    page_url: str
    title: str
    extra: Mapping[str, Any] = field(default_factory=dict)


def _forms(endpoint: str, to: Department | None, lang: str, title: str, url: str) -> FeedbackForms | None:
    texts = TEXTS[lang]
    if endpoint == MAILTO:
        address = to.feedback_address if to else None
        if not address:
            return None
        # A GET form with a mailto: action makes the browser open
        # `mailto:addr?subject=..&body=..` (HTML's "mail with headers"): it
        # works without JavaScript, and the text reaches the department
        # from the visitor's own mail program, with no service in between.
        return FeedbackForms(
            action=f"mailto:{address}",
            method="get",
            mail=True,
            useful_hidden={"body": texts["body"].format(title=title, url=url)},
            useful_name="subject",
            yes_value=texts["subject_useful"].format(answer=texts["yes"], title=title),
            no_value=texts["subject_useful"].format(answer=texts["no"], title=title),
            wrong_hidden={"subject": texts["subject_wrong"].format(title=title, url=url)},
            wrong_name="body",
        )
    # The municipality's own form service routes by department id; the
    # mailbox is not sent, so the form cannot be used to mail anyone else.
    common = {"pagina": url, "titel": title, "taal": lang, "afdeling": to.id if to else ""}
    return FeedbackForms(
        action=endpoint,
        method="post",
        mail=False,
        useful_hidden={**common, "soort": "nuttig"},
        useful_name="nuttig",
        yes_value="ja",
        no_value="nee",
        wrong_hidden={**common, "soort": "fout"},
        wrong_name="bericht",
        honeypot=HONEYPOT,
        max_text=MAX_TEXT,
    )


@dataclass(frozen=True)
class FooterBuilder:
    """Builds `PageFooter`s with one statute and one set of plugin options."""

    statute: Statute
    endpoint: str
    fallback_department: str

    def owner_of(self, meta: Mapping[str, Any], abs_path: str | None, lang: str, rel_path: str | None) -> str | None:
        """The owning department's id, decided by the linters' own rule."""
        page = Page(
            path=Path(abs_path or "page.md"),
            display=abs_path or "page.md",
            lang=lang,
            rel_path=rel_path,
            front_matter=FrontMatter(dict(meta), {}, 1, 1),
        )
        return page_owner(page, self.statute)

    def build(
        self,
        *,
        meta: Mapping[str, Any],
        lang: str,
        abs_path: str | None,
        rel_path: str | None,
        title: str,
        url: str,
        contact_page_url: str | None,
    ) -> PageFooter:
        """The footer of one page; never fails on missing or wrong data (the checks report those)."""
        lang = "en" if lang == "en" else "nl"
        owner_id = self.owner_of(meta, abs_path, lang, rel_path)
        department = self.statute.departments.get(owner_id) if owner_id else None
        reviewed = meta.get("reviewed")
        if not isinstance(reviewed, date):
            reviewed = None
        own_contact = meta.get("contact")
        contact = own_contact if isinstance(own_contact, str) and "@" in own_contact else None
        contact = contact or (department.contact if department else None)
        feedback_to = department if department and department.feedback_address else None
        if feedback_to is None:
            feedback_to = self.statute.departments.get(self.fallback_department)
        return PageFooter(
            lang=lang,
            texts=TEXTS[lang],
            department=department,
            reviewed=reviewed,
            reviewed_text=long_date(reviewed, lang) if reviewed else None,
            contact=contact,
            contact_page_url=contact_page_url,
            feedback=_forms(self.endpoint, feedback_to, lang, title, url),
            feedback_department=feedback_to,
            page_url=url,
            title=title,
        )
