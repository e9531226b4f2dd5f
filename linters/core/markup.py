"""Text that must stay text: front-matter values are shown as they are written, never as HTML."""

from __future__ import annotations

import re

_MARKUP = re.compile(r"<[A-Za-z!/?]|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def looks_like_markup(value: str) -> str | None:
    """The first piece of a text that a browser would read as HTML (a tag, a comment, `&lt;`), or None."""
    match = _MARKUP.search(value)
    if match is None:
        return None
    end = value.find(">", match.start())
    return value[match.start() : end + 1 if 0 <= end < match.start() + 60 else match.start() + 20]
