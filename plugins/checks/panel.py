"""The preview panel: this page's findings as plain data for `diemen-findings.html`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linters.core.finding import Finding, Severity
from linters.report.text import location_text

TITLE = {"nl": "Controle van deze pagina", "en": "Checks of this page"}
ONLY_PREVIEW = {
    "nl": "Alleen te zien in de preview.",
    "en": "Only shown in the preview.",
}
NONE = {"nl": "Geen meldingen.", "en": "No findings."}


def counts(findings: Sequence[Finding], lang: str) -> str:
    """A count per level, such as `2 fouten, 1 suggestie.`, or `Geen meldingen.` when there is nothing."""
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION):
        number = sum(1 for f in findings if f.severity == severity)
        if number:
            parts.append(f"{number} {severity.word(lang, number)}")
    return (", ".join(parts) + ".") if parts else NONE[lang]


def panel(findings: Sequence[Finding], lang: str) -> dict[str, Any]:
    """Title, summary, worst level and one item per finding."""
    worst = max((f.severity for f in findings), default=None)
    return {
        "title": TITLE[lang],
        "summary": f"{counts(findings, lang)} {ONLY_PREVIEW[lang]}",
        "worst": worst.label if worst else "clean",
        "findings": [
            {
                "location": location_text(f),
                "severity": f.severity.label,
                "severity_label": f.severity.word(lang),
                "code": f.code,
                "name": f.name,
                "message": f.message.get(lang),
            }
            for f in findings
        ],
    }
