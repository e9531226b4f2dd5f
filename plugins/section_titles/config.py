"""Options of the section-titles plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SectionTitlesConfig(Config):
    """`enabled: false` falls back to MkDocs' titles made from folder names."""

    enabled = c.Type(bool, default=True)
