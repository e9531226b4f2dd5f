"""One shared set of findings, one golden file per format (refresh with --update-golden)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linters.report import FORMATS
from tests.conftest import FIXTURES, run_cli

GOLDEN = Path(__file__).parent / "golden"
SITE = FIXTURES / "bad-site"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_format_matches_golden(fmt: str, lang: str, capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    _, out, _ = run_cli(["--lang", lang, "check", "--format", fmt, "--today", "2026-11-22"], SITE, capsys)
    golden = GOLDEN / f"bad-site.{lang}.{fmt}"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_text_lines_follow_the_editor_format(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["check", "--today", "2026-11-22"], SITE, capsys)
    first = out.splitlines()[0]
    assert first.startswith("content/nl/afval/crlf.md:1:1: warning WR004 windows-line-endings: ")


def test_json_has_findings_and_page_metrics(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["check", "--format", "json", "--today", "2026-11-22"], SITE, capsys)
    report = json.loads(out)
    assert report["summary"] == {"pages": 12, "findings": 11, "errors": 9, "warnings": 2, "suggestions": 0}
    good = next(p for p in report["pages"] if p["path"].endswith("goed.md"))
    assert good["metrics"]["words"] == 5  # "Deze pagina is in orde."
    assert good["owner"] == "afval"
    unknown = next(f for f in report["findings"] if f["code"] == "OWN002")
    assert unknown["replacements"] == ["afval"]
    assert unknown["doc_url"] == "docs/regels.md#own002-unknown-owner"


def test_output_file_is_written_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "reports" / "check.json"
    args = ["check", "--format", "json", "--output", str(target), "--today", "2026-11-22"]
    code, out, _ = run_cli(args, SITE, capsys)
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["pages"] == 12
    assert [p.name for p in target.parent.iterdir()] == ["check.json"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit"])
def test_reports_name_the_engines_and_their_versions(fmt: str) -> None:
    from linters.core.engine import PageSummary, RunResult

    page = PageSummary("/afval/", "nl", None, None, "Afval", {})
    result = RunResult(pages=[page], tools={"axe-core": "4.14.1", "Chromium": "142.0"})
    out = FORMATS[fmt](result, {}, "nl")
    assert "axe-core" in out and "4.14.1" in out and "142.0" in out
    if fmt == "sarif":
        assert json.loads(out)["runs"][0]["tool"]["extensions"][0] == {"name": "axe-core", "version": "4.14.1"}


def test_text_report_shows_a_sentence_once_per_file() -> None:
    from linters.core.engine import RunResult
    from linters.core.finding import Finding, Message, Severity, SourceSpan
    from linters.registry import rules_by_code

    sentence = "Een zin van negenenveertig woorden die om drie redenen te moeilijk is voor veel lezers."

    def at(code: str, path: str) -> Finding:
        where = SourceSpan(path, 3, 1)
        return Finding(code, "x", Severity.WARNING, Message("Iets.", "Iets."), where, "", context=sentence)

    findings = [at("B1001", "a.md"), at("B1004", "a.md"), at("B1007", "a.md"), at("B1001", "b.md")]
    text = FORMATS["text"](RunResult(findings=findings), rules_by_code(), "nl")
    assert text.count(sentence) == 2  # once in a.md, once in b.md
    assert text.count("(dezelfde zin als hierboven)") == 2


def test_text_report_names_the_hardest_sentences_first(capsys: pytest.CaptureFixture[str]) -> None:
    from dataclasses import replace

    from linters.core.engine import PageSummary, RunResult
    from linters.report import text

    def page(path: str, index: float, line: int) -> PageSummary:
        hard = {
            "line": line,
            "column": 1,
            "readability_index": index,
            "text": "Indien u bezwaar wilt maken, dient u ...",
            "reasons_nl": ["ambtelijk woord: indien"],
            "reasons_en": ["officialese: indien"],
        }
        return replace(
            PageSummary(path, "nl", None, None, None, {}),
            metrics={"readability_index": index, "hardest_sentences": [hard]},
        )

    result = RunResult(
        [], [page("b.md", 60.0, 3), page("a.md", 40.0, 9), PageSummary("c.md", "nl", None, None, None, {})]
    )
    nl = text.render(result, {}, "nl").splitlines()
    assert nl[0] == "Moeilijkste zinnen (begin hier):"
    # The least readable page first; each sentence with its reason and its text.
    assert nl[1] == "a.md:9:1: leesbaarheid 40: ambtelijk woord: indien"
    assert nl[2].startswith("    zin: Indien u bezwaar")
    assert nl[3].startswith("b.md:3:1:")
    en = text.render(result, {}, "en").splitlines()
    assert en[0] == "Hardest sentences (start here):" and en[1].endswith("officialese: indien")
