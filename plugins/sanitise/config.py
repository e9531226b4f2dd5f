"""Options of the sanitise plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SanitiseConfig(Config):
    """What the build refuses to publish. There is deliberately no option to publish unsafe content."""

    # `enabled: false` only for experiments: the site then publishes what MkDocs makes of a page.
    enabled = c.Type(bool, default=True)
    # The editorial statute (its reviewed third-party hosts), relative to mkdocs.yml.
    statute = c.Type(str, default="redactiestatuut.yml")
