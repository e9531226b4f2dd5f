"""The accessibility settings (`toegankelijkheid` in the statute), declared by the audit family."""

from __future__ import annotations

import re

from linters.core.statute import PolicyList, PolicySection, Statute
from linters.core.urls import parse

_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")

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


def _host(value: str) -> str | None:
    """A bare host name as a browser writes it (`video.example.nl`), without scheme, path or wildcard."""
    parsed = parse(f"https://{value.strip()}/")
    name = value.strip().lower().rstrip(".")
    if parsed is None or parsed.host.rstrip(".") != name or parsed.is_ip or not _HOST.fullmatch(name):
        return "Schrijf alleen de naam van de host, zonder https:// en zonder pad of *, bijvoorbeeld video.example.nl."
    return None


# Third parties the site may load from (an image, a video) after review. The
# site promises no requests to third parties (docs/veiligheid.md); each
# exception names one host and why the webredactie accepted it.
THIRD_PARTY_POLICY = PolicySection(
    key="inhoud_van_derden",
    example="{toegestaan: [{host: video.example.nl, reden: ...}]}",
    lists={
        "toegestaan": PolicyList(
            key="host",
            fields={
                "host": "video.example.nl",
                "reden": "nagekeken door de webredactie op 1 oktober 2026: geen cookies, geen tracking",
            },
            meaning="reden waarom deze host is toegestaan",
            check=_host,
        )
    },
)


def reviewed_hosts(statute: Statute) -> frozenset[str]:
    """The third-party hosts the statute allows, in lower case."""
    return frozenset(entry["host"].lower().rstrip(".") for entry in THIRD_PARTY_POLICY.entries(statute, "toegestaan"))
