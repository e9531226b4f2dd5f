"""The accessibility settings (`toegankelijkheid` in the statute), declared by the audit family."""

from __future__ import annotations

from linters.core.statute import PolicySection

ACCESSIBILITY_POLICY = PolicySection(
    key="toegankelijkheid",
    example="{norm: WCAG 2.2 AA}",
    texts={
        "norm": "WCAG 2.2 AA",
        "wettelijke_norm": "WCAG 2.1 AA (EN 301 549)",
        # WCAG-EM names who evaluated and who commissioned the research; the statement repeats both.
        "onderzoeker": "Webredactie Gemeente Diemen (A. de Vries)",
        "opdrachtgever": "Gemeente Diemen, directie Dienstverlening",
        # The statement links to the published report and names who signed it.
        "rapport_adres": "https://www.diemen.nl/over-deze-website/toegankelijkheidsonderzoek-2026.html",
        "vastgesteld_door": "Burgemeester en wethouders van Diemen",
    },
)
