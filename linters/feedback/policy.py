"""The feedback settings (`feedback` in the statute), declared by the family that reads them.

How long remarks are kept is a privacy decision of the municipality, so it
sits in the statute beside who owns what, not in a server option.
"""

from __future__ import annotations

from linters.core.statute import PolicyKey, PolicySection, Statute

PER_MESSAGE, DAILY = "per-bericht", "dagelijks"

FEEDBACK_POLICY = PolicySection(
    key="feedback",
    example="{bewaartermijn_maanden: 12, bezorging: per-bericht}",
    numbers={
        # The thank-you pages tell visitors "after a year"; change them with this number.
        "bewaartermijn_maanden": PolicyKey(12, 1, 60, "bewaartermijn in maanden"),
        "overzicht_uur": PolicyKey(8, 0, 23, "uur van het dagelijkse overzicht (0 tot 23)"),
    },
    choices={"bezorging": (PER_MESSAGE, DAILY)},
)


def retention_months(statute: Statute) -> int:
    """How many months remarks are kept."""
    return FEEDBACK_POLICY.number(statute, "bewaartermijn_maanden")


def delivery(statute: Statute) -> str:
    """`per-bericht` (a mail per remark) or `dagelijks` (one digest per department a day)."""
    return FEEDBACK_POLICY.choice(statute, "bezorging")


def digest_hour(statute: Statute) -> int:
    """The hour (Dutch time) the daily digest goes out."""
    return FEEDBACK_POLICY.number(statute, "overzicht_uur")
