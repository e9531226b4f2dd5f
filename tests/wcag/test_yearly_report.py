"""The yearly report and the statement draft from their templates, without a browser: what they say and escape."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from linters.core.engine import RunResult
from linters.core.finding import Finding, Message, PageTarget, Severity, SourceSpan
from linters.registry import load_statute
from linters.wcag.answers import Answers, load_answers, save_answers
from linters.wcag.audit import AuditOutcome
from linters.wcag.inputs import AuditPlan
from linters.wcag.runner import PageResult, Target
from linters.wcag.yearly import Sample, write_yearly
from tests.conftest import REPO, run_cli

SCRIPT = "<script>alert(1)</script>"
PASSES = {
    "passes": [{"id": "html-has-lang", "tags": ["wcag2a", "wcag311"]}],
    "incomplete": [{"id": "color-contrast", "tags": ["wcag2aa", "wcag143"]}],
    "own": {"counts": {"input": 1}},
}


def write(
    tmp_path: Path,
    organisation: str = "Gemeente Diemen",
    message: str = "Afbeelding zonder alt-tekst",
    answers: Answers | None = None,
    today: date = date(2026, 11, 22),
) -> Path:
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
        pages=[
            PageResult(Target("/"), True, data=PASSES),
            PageResult(Target("/afval/"), True, data=PASSES),
            PageResult(Target("/en/"), True, data=PASSES),
        ],
        facts={"browser": "120.0", "axe": "4.10.2"},
    )
    sample = Sample(structured={"/": ["startpagina (nl)"], "/afval/": ["sectie afval"]}, random=["/en/"], seed=7)
    out = tmp_path / "jaar"
    write_yearly(outcome, {"sample": sample}, statute, today, out, answers, AuditPlan(), evaluator="J. Jansen")
    return out


def test_report_and_statement_say_what_the_audit_found(tmp_path: Path) -> None:
    out = write(tmp_path)
    report = json.loads((out / "onderzoek.json").read_text(encoding="utf-8"))
    page = (out / "onderzoek.html").read_text(encoding="utf-8")
    assert page.startswith('<!doctype html>\n<html lang="nl">\n')
    assert "<title>Toegankelijkheidsonderzoek Gemeente Diemen 2026</title>" in page
    assert page.count('<tr><th scope="row">') == len(report["criteria"]) + 3 == 59
    legal = report["totaal_wettelijk"]
    assert legal["voldoet niet"] == 1
    assert f"Wettelijke norm (50 criteria): {legal['voldoet']} voldoen,\n1 voldoet niet," in page
    assert (
        "<td>voldoet niet</td><td>Besloten door de browsercontrole: image-alt: Afbeelding zonder alt-tekst "
        "(op 1 van 3 pagina&#x27;s)<br>Pagina's: /afval/</td>" in page
    )
    assert "<ul><li>/: startpagina (nl)</li><li>/afval/: sectie afval</li></ul>" in page
    # WCAG-EM: who, for whom, what, with which tools, and the result per page.
    assert "<dt>Onderzoeker</dt><dd>J. Jansen</dd>" in page
    assert "<dt>Opdrachtgever</dt><dd>Gemeente Diemen, team Communicatie</dd>" in page
    assert "HTML, CSS, JavaScript, WAI-ARIA" in page and "<li>Chromium 120.0" in page
    assert '<tr><th scope="row">/afval/</th><td>nl</td><td>sectie afval</td><td>1 fout (image-alt)</td>' in page
    assert '<tr><th scope="row">/en/</th><td>en</td><td>willekeurig</td><td>niet gecontroleerd: ' not in page
    assert "Handmatig:  (" not in page
    register = {row["sc"]: row["resultaat"] for row in report["register"]}
    assert len(register) == 50 and register["1.1.1"] == "voldoet niet" and register["2.1.1"] == "niet getest"
    assert "<tr><td>1.1.1</td><td>Niet-tekstuele content</td><td>voldoet niet</td></tr>" in page
    assert report["processen"][0]["naam"] == "Feedback geven over een pagina"
    assert "<strong>Te doen:</strong>" in page and page.endswith("</main>\n</body>\n</html>\n")
    statement = (out / "toegankelijkheidsverklaring.md").read_text(encoding="utf-8")
    assert statement.startswith("---\ntitle: Toegankelijkheidsverklaring\n")
    assert "- **Status:** C, eerste maatregelen genomen\n" in statement
    assert "Wij testen nog 40 eisen zelf. Dat is klaar vóór 2027-05-22." in statement
    assert (
        "- 1.1.1 Niet-tekstuele content: Afbeelding zonder alt-tekst. Wij lossen dit op vóór 2027-05-22.\n" in statement
    )
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


ANSWERS = """\
hulpmiddelen:
  - NVDA 2024.4 met Firefox 133
criteria:
  "2.1.1":
    resultaat: voldoet
    toelichting: Menu, zoeken en taalkeuze werken met Tab en Enter.
  "2.4.4":
    resultaat: open
    pagina_s:
      /afval/: {resultaat: voldoet-niet, toelichting: Link 'lees meer' zonder doel, schermafbeelding: lees-meer.png}
      /: voldoet
  "1.4.1":
    resultaat: voldoet
    datum: 2025-10-01
"""


def test_recorded_answers_decide_open_criteria_and_are_kept(tmp_path: Path) -> None:
    file = tmp_path / "antwoorden.yml"
    file.write_text(ANSWERS, encoding="utf-8")
    answers = load_answers(file, required=True)
    out = write(tmp_path, answers=answers)
    report = json.loads((out / "onderzoek.json").read_text(encoding="utf-8"))
    criteria = {c["sc"]: c for c in report["criteria"]}
    assert criteria["2.1.1"]["resultaat"] == "voldoet" and criteria["2.1.1"]["besloten_door"] == "auditor"
    # One failed page fails the criterion, and the page says so in the results per page.
    assert criteria["2.4.4"]["resultaat"] == "voldoet niet" and criteria["2.4.4"]["pagina_s"] == ["/afval/"]
    rows = {r["pagina"]: r for r in report["resultaat_per_pagina"]}
    assert rows["/afval/"]["handmatig_voldoet_niet"] == ["2.4.4"] and rows["/"]["handmatig_voldoet"] == ["2.4.4"]
    # Last year's answer no longer counts: the criterion is open again, with the old answer beside the question.
    assert criteria["1.4.1"]["resultaat"] == "handmatig controleren"
    assert criteria["1.4.1"]["vorige_keer"].startswith("Vorige keer (2025-10-01): voldoet.")
    page = (out / "onderzoek.html").read_text(encoding="utf-8")
    assert "<li>NVDA 2024.4 met Firefox 133</li>" in page
    assert "Vorige keer (2025-10-01): voldoet. Opnieuw controleren." in page
    # The re-run writes the file back: every answer kept, new answers dated, last year's marked.
    save_answers(answers, file, date(2026, 11, 22))
    again = load_answers(file, required=True)
    assert again.criteria["2.1.1"].answered == date(2026, 11, 22)
    assert again.criteria["2.4.4"].pages["/afval/"].screenshot == "lees-meer.png"
    assert again.criteria["1.4.1"].recheck and again.tools == ["NVDA 2024.4 met Firefox 133"]
    assert set(again.current(date(2026, 11, 22))) == {"2.1.1", "2.4.4"}


def test_status_follows_the_recorded_results(tmp_path: Path) -> None:
    from linters.wcag.yearly import MANUAL, evaluate, statement_status

    outcome = AuditOutcome(result=RunResult(findings=[]), pages=[PageResult(Target("/"), True, data=PASSES)], facts={})
    today = date(2026, 11, 22)
    criteria = evaluate(outcome, Answers(), today)
    open_ones = [c.sc for c in criteria if c.result == MANUAL]
    assert statement_status(criteria, today, today) == "C"
    every = "criteria:\n" + "".join(f'  "{sc}": voldoet\n' for sc in open_ones)
    file = tmp_path / "a.yml"
    file.write_text(every, encoding="utf-8")
    criteria = evaluate(outcome, load_answers(file, required=True), today)
    assert statement_status(criteria, today, today) == "A"
    file.write_text(every.replace('"2.1.1": voldoet', '"2.1.1": voldoet-niet'), encoding="utf-8")
    criteria = evaluate(outcome, load_answers(file, required=True), today)
    assert statement_status(criteria, today, today) == "B"
    # Research older than three years is no valid research.
    assert statement_status(criteria, date(2023, 1, 1), today) == "C"


def test_a_wrong_answers_file_stops_before_the_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><html lang=nl><title>x</title></html>", encoding="utf-8")
    listed = tmp_path / "lijst.yml"
    listed.write_text("- 1.1.1: voldoet\n- 2.1.1: voldoet\n", encoding="utf-8")
    base = ["audit", str(site), "--yearly", "--quiet", "--report-dir", str(tmp_path / "out"), "--browser", "/bin/true"]
    code, out, err = run_cli([*base, "--manual", str(listed)], REPO, capsys)
    assert code == 2 and "Traceback" not in err
    assert f"{listed}:1: CFG005" in err and "mapping" in err and "voorbeeld:" in err
    assert not (tmp_path / "out").exists()
    code, out, err = run_cli([*base, "--manual", str(tmp_path / "weg.yml")], REPO, capsys)
    assert code == 2 and "CFG001" in err and "bestaat niet" in err
    wrong = tmp_path / "fout.yml"
    wrong.write_text('criteria:\n  "1.1.1": misschien\n  "9.9.9": voldoet\n', encoding="utf-8")
    code, out, err = run_cli([*base, "--manual", str(wrong)], REPO, capsys)
    assert code == 2 and f"{wrong}:2: CFG008 criteria.1.1.1.resultaat" in err and f"{wrong}:3: CFG008" in err


def test_statement_has_measures_no_placeholders_and_passes_our_checks(tmp_path: Path) -> None:
    from linters.commands.check import check_pages
    from linters.wcag.baseline import Entry

    statute = load_statute(REPO / "redactiestatuut.yml")
    finding = Finding(
        "color-contrast",
        "color-contrast",
        Severity.ERROR,
        Message("Te weinig contrast", "Too little contrast"),
        PageTarget("/", ".md-copyright", "<div>", None),
        "https://example.org/",
        wcag=("1.4.3",),
    )
    entry = Entry("color-contrast", "Nieuwe huisstijlkleur voor de voettekst", date(2027, 3, 1), 3)
    outcome = AuditOutcome(
        result=RunResult(findings=[]),
        pages=[PageResult(Target("/"), True, data=PASSES)],
        facts={"browser": "120.0", "axe": "4.10.2"},
        accepted=[(finding, entry)],
    )
    out = tmp_path / "jaar"
    sample = Sample(structured={"/": ["startpagina (nl)"]}, seed=7)
    write_yearly(outcome, {"sample": sample}, statute, date(2026, 11, 22), out, None, AuditPlan())
    statement = (out / "toegankelijkheidsverklaring.md").read_text(encoding="utf-8")
    # A problem the baseline accepts is still a failure, with its measure and date.
    assert (
        "- 1.4.3 Contrast (minimum): Te weinig contrast. Wat wij doen: Nieuwe huisstijlkleur voor de voettekst. "
        "Klaar vóór 2027-03-01.\n" in statement
    )
    assert "](https://www.diemen.nl/over-deze-website/toegankelijkheidsonderzoek-2026.html)" in statement
    assert "Vastgesteld door:** Het college van burgemeester en wethouders van Diemen" in statement
    assert "invullen" not in statement.split("-->", 1)[1] and "(link" not in statement
    # The draft is a page of the site: our own checks find nothing in it.
    content = tmp_path / "content"
    page = content / "nl" / "over-deze-website" / "toegankelijkheid.md"
    page.parent.mkdir(parents=True)
    page.write_text(statement, encoding="utf-8")
    (content / "nl" / "contact").mkdir()
    (content / "nl" / "contact" / "klacht-indienen.md").write_text(
        (REPO / "content/nl/contact/klacht-indienen.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = check_pages([page], statute, today=date(2026, 11, 22), content_root=content)
    assert [(f.code, f.message.nl) for f in result.findings if f.path and f.path.endswith("toegankelijkheid.md")] == []
