"""Options of the checks plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from linters.core.finding import LEVELS


class ChecksConfig(Config):
    """How the checks of `webredactie` take part in `mkdocs build` and `mkdocs serve`."""

    # `enabled: false` builds without checking (the CLI still checks).
    enabled = c.Type(bool, default=True)
    # The editorial statute, relative to mkdocs.yml.
    statute = c.Type(str, default="redactiestatuut.yml")
    # Language of the messages in the console and the preview panel.
    lang = c.Choice(("nl", "en"), default="nl")
    # Findings at or above this level are logged as warnings in `mkdocs build`,
    # so `--strict` (on in mkdocs.yml) fails; `never` only counts them.
    fail_on = c.Choice((*LEVELS, "never"), default="error")
    # The panel with this page's findings on the preview page (`mkdocs serve` only).
    panel = c.Type(bool, default=True)
    # Share the run cache of `webredactie check` (.webredactie-cache/ next to mkdocs.yml).
    cache = c.Type(bool, default=True)
