"""Dates as people write them: `14 september 2026`, `14 September 2026`.

One place for month names, so the footer, the digest, the dashboard and the
messages of the review rules always spell a date the same way.
"""

from __future__ import annotations

from datetime import date

MONTHS = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def long_date(value: date, lang: str = "nl") -> str:
    """`14 september 2026` (Dutch, the default) or `14 September 2026` (English)."""
    months = MONTHS["en" if lang == "en" else "nl"]
    return f"{value.day} {months[value.month - 1]} {value.year}"


def dutch_date(value: date) -> str:
    """14 september 2026."""
    return long_date(value, "nl")


def english_date(value: date) -> str:
    """14 September 2026."""
    return long_date(value, "en")
