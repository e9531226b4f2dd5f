"""The yearly report and the statement draft from their templates, without a browser: what they say and escape."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from linters.core.engine import RunResult
from linters.core.finding import Finding, Message, PageTarget, Severity, SourceSpan
from linters.registry import load_statute
from linters.wcag.audit import AuditOutcome
from linters.wcag.inputs import AuditPlan
from linters.wcag.runner import PageResult, Target
from linters.wcag.yearly import Sample, write_yearly
from tests.conftest import REPO

SCRIPT = "<script>alert(1)</script>"
PASSES = {
    "passes": [{"id": "html-has-lang", "tags": ["wcag2a", "wcag311"]}],
    "incomplete": [{"id": "color-contrast", "tags": ["wcag2aa", "wcag143"]}],
    "own": {"counts": {"input": 1}},
}


def write(tmp_path: Path, organisation: str = "Gemeente Diemen", message: str = "Afbeelding zonder alt-tekst") -> Path:
    statute = dataclasses.replace(load_statute(REPO / "redactiestatuut.yml"), organisation=organisation)
    finding = Finding(
        "image-alt",
        "image-alt",
        Severity.ERROR,
        Message(message, message),
        PageTarget("/afval/", "img", "<img>", SourceSpan("content/nl/afval/index.md", 3)),
        "https://example.org/",
        wcag=("1.1.1",),
    )
    outcome = AuditOutcome(
        result=RunResult(findings=[finding]),
        pages=[PageResult(Target("/"), True, data=PASSES), PageResult(Target("/afval/"), True, data=PASSES)],
        facts={"browser": "120.0", "axe": "4.10.2"},
    )
    sample = Sample(structured={"/": ["startpagina (nl)"], "/afval/": ["sectie afval"]}, random=["/en/"], seed=7)
    out = tmp_path / "jaar"
    write_yearly(outcome, {"sample": sample}, statute, date(2026, 11, 22), out, None, AuditPlan())
    return out


def test_report_and_statement_say_what_the_audit_found(tmp_path: Path) -> None:
    out = write(tmp_path)
    report = json.loads((out / "onderzoek.json").read_text(encoding="utf-8"))
    page = (out / "onderzoek.html").read_text(encoding="utf-8")
    assert page.startswith('<!doctype html>\n<html lang="nl">\n')
    assert "<title>Toegankelijkheidsonderzoek Gemeente Diemen 2026</title>" in page
    assert page.count('<tr><th scope="row">') == len(report["criteria"]) == 56
    legal = report["totaal_wettelijk"]
    assert f"Wettelijke norm (50 criteria): {legal['voldoet']} voldoen, {legal['voldoet niet']} voldoen niet," in page
    assert (
        "<td>voldoet niet</td><td>image-alt: Afbeelding zonder alt-tekst (1 pagina&#x27;s)<br>Pagina's: /afval/</td>"
        in page
    )
    assert "<ul><li>/: startpagina (nl)</li><li>/afval/: sectie afval</li></ul>" in page
    assert "<strong>Te doen:</strong>" in page and page.endswith("</main>\n</body>\n</html>\n")
    statement = (out / "toegankelijkheidsverklaring.md").read_text(encoding="utf-8")
    assert statement.startswith("---\ntitle: Toegankelijkheidsverklaring\n")
    assert "- **Status:** C, eerste maatregelen genomen\n" in statement
    assert "is klaar vóór 2027-05-22. Daarna werken wij deze verklaring bij." in statement
    assert "- 1.1.1 Niet-tekstuele content: image-alt: Afbeelding zonder alt-tekst (1 pagina's)\n" in statement
    assert "of bel 14 020.\n" in statement


def test_values_from_the_statute_and_findings_are_escaped(tmp_path: Path) -> None:
    out = write(tmp_path, organisation=f"Diemen {SCRIPT}", message=f"Plaatje {SCRIPT} zonder alt")
    page = (out / "onderzoek.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "<title>Toegankelijkheidsonderzoek Diemen &lt;script&gt;alert(1)&lt;/script&gt; 2026</title>" in page
    assert "image-alt: Plaatje &lt;script&gt;alert(1)&lt;/script&gt; zonder alt" in page
    # The statement is Markdown that MkDocs builds into a page: no value may open raw HTML there.
    statement = (out / "toegankelijkheidsverklaring.md").read_text(encoding="utf-8")
    assert "<script>" not in statement
    assert "Diemen &lt;script>alert(1)&lt;/script> wil dat iedereen deze website kan gebruiken." in statement
