"""Options of the page-footer plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PageFooterConfig(Config):
    """Where the owner data comes from and where feedback goes."""

    # `enabled: false` leaves pages without owner block and feedback.
    enabled = c.Type(bool, default=True)
    # The editorial statute, relative to mkdocs.yml.
    statute = c.Type(str, default="redactiestatuut.yml")
    # `mailto` (the default: works on a static site, opens the visitor's own
    # e-mail program) or the https address of a form service of the
    # municipality itself. Anything else is refused: feedback never goes to a
    # third party.
    feedback_endpoint = c.Type(str, default="mailto")
    # The department that receives feedback when a page's owner has no
    # feedback or contact address.
    fallback_department = c.Type(str, default="webredactie")
    # The page for general questions, relative to a language folder; linked
    # when the owner has no contact address.
    contact_page = c.Type(str, default="contact/index.md")
