"""Options of the search plugin (it works on top of Material's search)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    """`enabled: false` leaves the one merged index that static-i18n writes."""

    enabled = c.Type(bool, default=True)
    # Show the page's front-matter `description` first in its search result.
    description = c.Type(bool, default=True)
