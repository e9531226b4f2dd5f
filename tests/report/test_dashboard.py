"""The department dashboard: golden files, structure, kinds, counts, charts and pagination."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from linters.core.engine import PageSummary, RunResult
from linters.core.finding import Finding, Message, PageTarget, Severity, SourceSpan
from linters.core.rules import family_of
from linters.report import history, json_report
from linters.report.dashboard import DepartmentInfo, html, model, render_dashboard
from linters.report.dashboard.kinds import Kind, kind_of
from linters.report.dashboard.load import parse, read
from tests.conftest import FIXTURES

RUN = FIXTURES / "report-run"
GOLDEN = Path(__file__).parent / "golden" / "dashboard"
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 21, 40)
DEPARTMENTS = [
    DepartmentInfo("afval", "Afval en reiniging", "afval@diemen.nl", "Teamleider Afval", ("@gemeente-diemen/afval",)),
    DepartmentInfo("parkeren", "Parkeren", "parkeren@diemen.nl", "Teamleider Parkeren"),
    DepartmentInfo("burgerzaken", "Burgerzaken", "burgerzaken@diemen.nl"),
]


def fixture_run() -> RunResult:
    result, _ = read([RUN / "reports" / "check.json"], ["reports/check.json"])
    return result


def fixture_records() -> list[dict[str, Any]]:
    return history.parse((RUN / "reports" / "history.json").read_text(encoding="utf-8"))


def render_fixture(**kwargs: Any) -> tuple[dict[str, str], list[dict[str, Any]]]:
    return render_dashboard(
        fixture_run(),
        DEPARTMENTS,
        fixture_records(),
        today=TODAY,
        now=NOW,
        run_id="test-run",
        sources=["reports/check.json"],
        **kwargs,
    )


# --- a small structural HTML checker, shared with the browser test ------------------


class Outline(HTMLParser):
    """Collects what the structural checks look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.headings: list[int] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.tables = 0
        self.captions = 0
        self.tables_with_th = 0
        self.svgs: list[dict[str, str]] = []
        self.svg_titles: set[str] = set()
        self.svg_descs: set[str] = set()
        self.external: list[str] = []
        self._table_has_th: list[bool] = []
        self.empty_headings = 0
        self._heading_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "html":
            self.html_lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
            self._heading_text = []
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "table":
            self.tables += 1
            self._table_has_th.append(False)
        if tag == "caption":
            self.captions += 1
        if tag == "th" and self._table_has_th:
            self._table_has_th[-1] = True
        if tag == "svg":
            self.svgs.append(a)
        if tag == "title" and self.svgs:
            self.svg_titles.add(a.get("id", ""))
        if tag == "desc":
            self.svg_descs.add(a.get("id", ""))
        for attr in ("src", "href"):
            if tag in ("img", "script", "link", "iframe", "source") and a.get(attr, "").startswith(("http", "//")):
                self.external.append(a[attr])

    def handle_data(self, data: str) -> None:
        if self._heading_text is not None:
            self._heading_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._heading_text is not None:
            self.empty_headings += not "".join(self._heading_text).strip()
            self._heading_text = None
        if tag == "table" and self._table_has_th:
            self.tables_with_th += self._table_has_th.pop()


def outline(text: str) -> Outline:
    parser = Outline()
    parser.feed(text)
    return parser


def check_structure(files: Mapping[str, str]) -> None:
    """What every dashboard file must have; also checks that links between files land."""
    outlines = {name: outline(text) for name, text in files.items()}
    for name, page in outlines.items():
        assert page.html_lang == "nl", name
        assert page.headings.count(1) == 1, name
        assert page.empty_headings == 0, name
        assert page.headings[0] == 1, name
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{name}: heading level jumps from h{before} to h{after}"
        assert len(page.ids) == len(set(page.ids)), f"{name}: duplicate ids"
        assert "script" not in page.tags and not page.external, name
        assert page.tables == page.captions == page.tables_with_th, name
        assert "inhoud" in page.ids and "#inhoud" in page.hrefs, name  # skip link and its target
        for svg in page.svgs:
            if svg.get("role") == "img" and "aria-labelledby" in svg:
                title, desc = svg["aria-labelledby"].split()
                assert title in page.svg_titles and desc in page.svg_descs, name
            else:
                assert svg.get("aria-hidden") == "true" or svg.get("aria-label"), name
        for href in page.hrefs:
            if href.startswith(("mailto:", "http")):
                continue
            target, _, anchor = href.partition("#")
            target = target or name
            assert target in outlines, f"{name}: link to missing {target}"
            if anchor:
                assert anchor in outlines[target].ids, f"{name}: link to missing #{anchor} in {target}"


# --- tests --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["index.html", "afdeling-afval.html", "afdeling-parkeren.html"])
def test_dashboard_matches_golden(name: str, update_golden: bool) -> None:
    files, _ = render_fixture()
    golden = GOLDEN / name
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(files[name], encoding="utf-8")
    assert files[name] == golden.read_text(encoding="utf-8")


def test_every_file_is_well_structured_and_links_land() -> None:
    files, _ = render_fixture()
    assert set(files) == {
        "index.html",
        "afdeling-afval.html",
        "afdeling-parkeren.html",
        "afdeling-burgerzaken.html",
        "afdeling-geen-afdeling.html",
    }
    check_structure(files)


def test_fixture_is_what_the_json_reporter_writes() -> None:
    # If the JSON report changes shape, this fixture (and the dashboard's reader) must follow.
    text = (RUN / "reports" / "check.json").read_text(encoding="utf-8")
    assert json_report.render(parse(text, "check.json"), {}, "nl") == text


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("B1001", Kind.TAAL),
        ("B1101", Kind.TAAL),
        ("A11Y003", Kind.TOEGANKELIJKHEID),
        ("OWN008", Kind.EIGENAARSCHAP),
        ("TR001", Kind.VERTALINGEN),
        ("FM004", Kind.BESTAND),
        ("WR004", Kind.BESTAND),
        ("LNK001", Kind.BESTAND),
        ("QQ123", Kind.OVERIG),
    ],
)
def test_kind_by_family(code: str, kind: Kind) -> None:
    finding = Finding(code, "x", Severity.WARNING, Message("a", "a"), SourceSpan("p.md", 1), "")
    assert kind_of(finding) is kind


def test_unknown_family_with_wcag_or_on_a_built_page_is_accessibility() -> None:
    base = Finding("NEW001", "x", Severity.WARNING, Message("a", "a"), SourceSpan("p.md", 1), "")
    assert kind_of(replace(base, wcag=("1.1.1",))) is Kind.TOEGANKELIJKHEID
    assert kind_of(replace(base, location=PageTarget("/x/", "img"))) is Kind.TOEGANKELIJKHEID
    assert family_of("B1012") == "B1" and family_of("A11Y003") == "A11Y" and family_of("color-contrast") == "axe"


def _view() -> model.SiteView:
    return model.build(fixture_run(), DEPARTMENTS, today=TODAY, generated=NOW)


def test_counts_per_department_and_kind() -> None:
    view = _view()
    afval = next(d for d in view.departments if d.info.id == "afval")
    assert afval.stats.by_kind[Kind.TAAL] == 4
    assert afval.stats.by_kind[Kind.TOEGANKELIJKHEID] == 1
    assert afval.stats.by_kind[Kind.VERTALINGEN] == 1
    assert afval.stats.by_kind[Kind.BESTAND] == 1
    assert afval.stats.pages == 3
    # Grofvuil (62) and the English page (70) meet 55; Afvalpas (48.5, and a language error) does not.
    assert (afval.stats.measured, afval.stats.at_b1) == (3, 2)
    assert [r.path for r in afval.overdue] == ["content/nl/afval/afvalpas.md"]
    assert afval.overdue[0].days == (TODAY - date(2026, 6, 1)).days
    assert [r.path for r in afval.upcoming] == ["content/nl/afval/grofvuil.md"]
    # The page without an owner gets its own group, last.
    assert view.departments[-1].info.id == model.NO_DEPARTMENT
    # Accessibility: the contrast error counts, the "needs review" result does not.
    assert (view.stats.a11y_violations, view.stats.a11y_review) == (2, 1)
    assert view.criteria == ("1.4.3", "2.4.4")
    assert view.browser_audit


def test_overig_column_only_when_something_is_in_it() -> None:
    files, _ = render_fixture()
    assert '<th scope="col" class=num>Overig</th>' in files["index.html"]
    result = fixture_run()
    result.findings = [f for f in result.findings if kind_of(f) is not Kind.OVERIG]
    files, _ = render_dashboard(result, DEPARTMENTS, [], today=TODAY, now=NOW)
    assert ">Overig</th>" not in files["index.html"]


def test_text_is_escaped_and_english_is_marked() -> None:
    files, _ = render_fixture()
    afval = files["afdeling-afval.html"]
    assert "Een zin &lt; met &amp; tekens &gt; die te lang is." in afval
    assert '<span lang="en">Bulky waste</span>' in afval
    assert '<td lang="en"><span class="zin">You can utilise the bulky waste service.</span></td>' in afval
    assert '<h3 id="p-content-en-afval-grofvuil-md-kop" lang="en">Bulky waste</h3>' in afval


def test_history_record_is_added_with_this_runs_counts() -> None:
    _, records = render_fixture()
    assert len(records) == 4
    last = records[-1]
    result = fixture_run()
    assert last["pages"] == len(result.pages)
    assert sum(last["kinds"].values()) == len(result.findings)
    assert last["departments"]["afval"]["reviews"]["overdue"] == 1
    assert set(last["kinds"]) == {k.key for k in Kind}
    assert history.parse(history.dumps(records)) == records


def test_charts_have_one_marker_per_run_and_gaps_for_missing_values() -> None:
    files, records = render_fixture()
    index = files["index.html"]
    chart = re.search(r'<svg class="chart"[^>]*aria-labelledby="grafiek-soorten-t[^"]*".*?</svg>', index, re.S)
    assert chart is not None
    series = re.findall(r'<g class="series" data-series="([^"]+)">(.*?)</g>', chart.group(0), re.S)
    assert [name for name, _ in series] == [k.label for k in Kind]
    for _, body in series:
        assert body.count("<circle") + body.count("<rect") + body.count("<polygon") + body.count('<path d="M') >= 1
    # Burgerzaken is missing from the third of four runs: three markers, and the line
    # joins only the first two (no line across the gap).
    small = re.search(r'aria-labelledby="grafiek-afdeling-burgerzaken-t.*?</svg>', index, re.S)
    assert small is not None
    assert small.group(0).count("<circle") == 3
    lines = re.findall(r'<path d="M([^"]+)"', small.group(0))
    assert len(lines) == 1 and lines[0].count("L") == 1
    # Every run is a row in the table under the chart.
    table = index.split('id="grafiek-soorten-tabel"')[1].split("</table>")[0]
    assert table.count('<th scope="row">') == len(records)


def test_digest_gives_reviews_and_translations() -> None:
    digest = {
        "version": 1,
        "departments": [
            {
                "id": "parkeren",
                "overdue": [
                    {
                        "path": "content/nl/parkeren/index.md",
                        "title": "Parkeren",
                        "lang": "nl",
                        "reviewed": "2025-01-01",
                        "due": "2026-01-01",
                    }
                ],
                "upcoming": [],
                "missing_translations": [
                    {
                        "path": "content/nl/parkeren/vergunning.md",
                        "title": "Parkeervergunning aanvragen",
                        "expected": "content/en/parkeren/vergunning.md",
                    }
                ],
                "stale_translations": [],
            }
        ],
    }
    files, records = render_fixture(digest=digest)
    parkeren = files["afdeling-parkeren.html"]
    assert "content/en/parkeren/vergunning.md" in parkeren
    assert "1 januari 2026" in parkeren
    assert records[-1]["departments"]["parkeren"]["reviews"]["overdue"] == 1
    # With the digest, dates guessed from findings are not used.
    assert records[-1]["departments"]["afval"]["reviews"]["overdue"] == 0


def _big_run(pages: int, per_page: int) -> RunResult:
    summaries = []
    findings = []
    for i in range(pages):
        path = f"content/nl/afval/pagina-{i:04}.md"
        summaries.append(PageSummary(path, "nl", path[11:], "afval", f"Pagina {i}", {"readability_index": 60.0}))
        for line in range(per_page):
            findings.append(
                Finding(
                    "B1001",
                    "long-sentence",
                    Severity.WARNING,
                    Message("Deze zin is te lang. " * 3, "long"),
                    SourceSpan(path, line + 1),
                    "",
                    owner="afval",
                    context="Een lange zin over grofvuil en de afvalpas. " * 4,
                )
            )
    return RunResult(findings, summaries)


def test_a_large_department_is_split_into_parts_under_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "PART_BUDGET", 200_000)
    files, _ = render_dashboard(_big_run(120, 20), DEPARTMENTS, [], today=TODAY, now=NOW)
    parts = sorted(n for n in files if n.startswith("afdeling-afval"))
    assert len(parts) > 2
    for name in parts:
        assert len(files[name].encode("utf-8")) < 200_000 + 100_000  # the summary part carries the overview too
    check_structure(files)
    # Every page's section is in exactly one part, and the page table links to it.
    anchors = [a for n in parts for a in outline(files[n]).ids if a.startswith("p-content")]
    assert len([a for a in anchors if not a.endswith(("-kop", "-tabel"))]) == 120


def test_a_page_with_very_many_findings_shows_the_first_and_counts_the_rest() -> None:
    files, _ = render_dashboard(_big_run(1, html.MAX_ROWS_PER_PAGE + 7), DEPARTMENTS, [], today=TODAY, now=NOW)
    assert "En nog 7 meldingen." in files["afdeling-afval.html"]


def test_reading_a_report_that_is_not_one_is_a_clear_error(tmp_path: Path) -> None:
    from linters.report.dashboard.load import ReportInputError

    bad = tmp_path / "check.json"
    for text, expected in [
        ("{not json", "geen geldige JSON"),
        (json.dumps({"tool": "other"}), "geen rapport van webredactie"),
        (json.dumps({"tool": "webredactie", "version": 99}), "versie 99"),
        (json.dumps({"tool": "webredactie", "version": 1, "findings": [{"code": "X"}]}), "onvolledig"),
    ]:
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ReportInputError, match=expected):
            read([bad], ["check.json"])
    with pytest.raises(ReportInputError, match="bestaat niet"):
        read([tmp_path / "missing.json"], ["missing.json"])


SCRIPT = "<script>alert('x')</script>"


def test_every_value_from_content_statute_and_reports_is_escaped() -> None:
    """Titles, department facts, messages, quoted text, built pages, the digest, the notice: all stay text."""
    path = "content/nl/afval/x.md"
    findings = [
        Finding(
            "B1001",
            "long-sentence",
            Severity.ERROR,
            Message(f"Bericht {SCRIPT}", f"Message {SCRIPT}"),
            SourceSpan(path, 3),
            "",
            owner="afval",
            context=f"Zin {SCRIPT}",
            replacements=(SCRIPT,),
        ),
        Finding(
            "image-alt",
            "image-alt",
            Severity.WARNING,
            Message(f"Plaatje {SCRIPT}", "image"),
            PageTarget(f"/afval/{SCRIPT}/", f"img[alt='{SCRIPT}']", f"<img src=x onerror=alert(1)>{SCRIPT}"),
            "",
            owner="afval",
            wcag=("1.1.1",),
        ),
        Finding("TR001", "missing-translation", Severity.WARNING, Message(SCRIPT, SCRIPT), SourceSpan(path, 1), ""),
    ]
    run = RunResult(findings, [PageSummary(path, "nl", "afval/x.md", "afval", f"Titel {SCRIPT}", {})])
    departments = [DepartmentInfo("afval", f"Afval {SCRIPT}", '"><script>@diemen.nl', SCRIPT, (SCRIPT,))]
    digest = {
        "version": 1,
        "departments": [
            {
                "id": "afval",
                "overdue": [],
                "upcoming": [],
                "missing_translations": [{"path": path, "title": f"Digest {SCRIPT}", "expected": SCRIPT}],
                "stale_translations": [],
            }
        ],
    }
    for digest_or_not in (digest, None):
        files, _ = render_dashboard(
            run,
            departments,
            [],
            today=TODAY,
            now=NOW,
            sources=[SCRIPT],
            notice=f"Let op {SCRIPT}",
            digest=digest_or_not,
        )
        for name, text in files.items():
            assert "<script" not in text and "onerror=alert" not in text.replace("onerror=alert(1)&gt;", ""), name
        page = files["afdeling-afval.html"]
        for shown in (
            "<h1>Afval &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</h1>",
            ">Titel &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</h3>",
            "Bericht &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>",
            "Zin &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</span></td>",
            "<code>&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;",
            'href="mailto:&quot;&gt;&lt;script&gt;@diemen.nl"',
        ):
            assert shown in page
        if digest_or_not:
            assert "<td>Digest &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>" in page
        assert "Let op:</strong> Let op &lt;script&gt;" in files["index.html"]
        check_structure(files)


def test_hardest_sentences_come_from_the_page_metric_and_are_shown() -> None:
    result = fixture_run()
    hard = {
        "line": 7,
        "column": 1,
        "words": 31,
        "difficulty": 48.2,
        "readability_index": 5.4,
        "reasons": ["long", "officialese"],
        "text": "Indien u <b>bezwaar</b> wilt maken ...",
        "reasons_nl": ["lang: 31 woorden", "ambtelijk woord: indien"],
        "reasons_en": ["long: 31 words", "officialese: indien"],
    }
    first = result.pages[0]
    pages = [replace(first, metrics={**first.metrics, "hardest_sentences": [hard, {"line": "broken"}]})]
    result = RunResult(result.findings, pages + result.pages[1:])
    view = model.build(result, DEPARTMENTS, today=TODAY, generated=NOW)
    page = next(p for d in view.departments for p in d.pages if p.path == first.path)
    assert [(h.line, h.readability, h.reasons_nl) for h in page.hardest] == [
        (7, 5.4, ("lang: 31 woorden", "ambtelijk woord: indien"))
    ]
    dep = next(d for d in view.departments if page in d.pages)
    files, _ = render_dashboard(result, DEPARTMENTS, fixture_records(), today=TODAY, now=NOW, run_id="t", sources=[])
    department = files[html.department_file(dep.info.id)]
    assert '<h2 id="moeilijkste-zinnen">Moeilijkste zinnen</h2>' in department
    assert "Regel 7, leesbaarheid 5,4: lang: 31 woorden; ambtelijk woord: indien" in department
    assert "&lt;b&gt;bezwaar&lt;/b&gt;" in department and "<b>bezwaar" not in department
