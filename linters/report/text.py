"""Terminal text: one line per finding, `path:line:col: severity code name: message`."""

from __future__ import annotations

from collections.abc import Mapping

from linters.core.engine import RunResult
from linters.core.finding import Finding, Severity, SourceSpan
from linters.core.rules import Rule


def location_text(finding: Finding) -> str:
    """`path:line:col` for source spans; `url selector (path)` for built pages."""
    loc = finding.location
    if isinstance(loc, SourceSpan):
        return f"{loc.path}:{loc.line}:{loc.column}"
    if loc.source is not None:
        return f"{loc.source.path}:{loc.source.line}:{loc.source.column} ({loc.url} {loc.selector})"
    return f"{loc.url} {loc.selector}"


def finding_line(finding: Finding, lang: str) -> str:
    """The one-line form of a finding, as editors and editors' tools read it."""
    return (
        f"{location_text(finding)}: {finding.severity.label} {finding.code} {finding.name}: {finding.message.get(lang)}"
    )


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _levels(result: RunResult, lang: str) -> str:
    counts = ((severity, result.count(severity)) for severity in sorted(Severity, reverse=True))
    return ", ".join(f"{count} {severity.word(lang, count)}" for severity, count in counts)


def summary(result: RunResult, lang: str) -> str:
    """A closing line that counts findings and pages."""
    pages = len(result.pages)
    # Findings on files that are not pages (the statute, a refused symbolic link) are not counted as pages.
    with_findings = len({f.path for f in result.findings} & {p.path for p in result.pages})
    if lang == "en":
        if not result.findings:
            return f"No problems found in {_plural(pages, 'page', 'pages')}."
        return f"{_levels(result, lang)} in {with_findings} of {_plural(pages, 'page', 'pages')}."
    if not result.findings:
        return f"Geen problemen gevonden in {_plural(pages, 'pagina', 'pagina’s')}."
    return f"{_levels(result, lang)} in {with_findings} van {_plural(pages, 'pagina', 'pagina’s')}."


# The text report names the hardest sentences of at most this many pages (the
# hardest pages first); the JSON report has them for every page.
HARD_PAGES = 10


def hardest_sentences(result: RunResult, lang: str) -> list[str]:
    """'Start here': per page the sentences the readability judgement finds hardest, with why.

    Reads the page metric `hardest_sentences` (any checker may provide it):
    each entry has line, column, readability_index, text and reasons_nl /
    reasons_en.
    """
    pages = [p for p in result.pages if p.metrics.get("hardest_sentences")]
    if not pages:
        return []
    pages.sort(key=lambda p: (p.metrics.get("readability_index", 100.0), p.path))
    en = lang == "en"
    lines = ["Hardest sentences (start here):" if en else "Moeilijkste zinnen (begin hier):"]
    for page in pages[:HARD_PAGES]:
        for entry in page.metrics["hardest_sentences"]:
            reasons = entry.get("reasons_en" if en else "reasons_nl") or []
            why = "; ".join(reasons) or ("many hard things at once" if en else "veel moeilijke dingen tegelijk")
            label = "readability" if en else "leesbaarheid"
            lines.append(
                f"{page.path}:{entry['line']}:{entry['column']}: {label} {entry['readability_index']:g}: {why}"
            )
            lines.append(f"    {'sentence' if en else 'zin'}: {entry['text']}")
    rest = len(pages) - HARD_PAGES
    if rest > 0:
        lines.append(
            f"{_plural(rest, 'more page', 'more pages')} with hard sentences: see --format json."
            if en
            else f"Nog {_plural(rest, 'pagina', 'pagina’s')} met moeilijke zinnen: zie --format json."
        )
    return lines


def render(result: RunResult, rules: Mapping[str, Rule], lang: str = "nl") -> str:
    """All findings, in file order, then a summary line."""
    lines: list[str] = []
    # A long sentence can have several findings; it is shown once per file, then referred to.
    shown: set[tuple[str, str]] = set()
    for finding in result.findings:
        lines.append(finding_line(finding, lang))
        if finding.context and (finding.path, finding.context) in shown:
            lines.append("    (same sentence as above)" if lang == "en" else "    (dezelfde zin als hierboven)")
        elif finding.context:
            shown.add((finding.path, finding.context))
            lines.append(f"    {'sentence' if lang == 'en' else 'zin'}: {finding.context}")
        if finding.replacements:
            label = "try" if lang == "en" else "probeer"
            lines.append(f"    {label}: {', '.join(finding.replacements)}")
    lines.extend(hardest_sentences(result, lang))
    lines.append(summary(result, lang))
    if result.tools:
        label = "Checked with" if lang == "en" else "Gecontroleerd met"
        lines.append(f"{label}: " + ", ".join(f"{name} {version}" for name, version in result.tools.items()) + ".")
    return "\n".join(lines) + "\n"
