"""Options of the languages plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LanguagesConfig(Config):
    """`enabled: false` falls back to what static-i18n and Material do by themselves."""

    enabled = c.Type(bool, default=True)
