"""Broken and extreme pages: no crash, a clear message, and the other pages are still checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from linters.b1 import analysis, rules
from tests.conftest import FIXTURES, run_cli

SITE = FIXTURES / "b1-bad-input"
FRONT = "---\ntitle: {title}\ndescription: Een test.\nowner: afval\nreviewed: 2026-10-01\n---\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    site = tmp_path_factory.mktemp("bad") / "site"
    shutil.copytree(SITE, site)
    pages = site / "content" / "nl" / "afval"
    # Generated here, not stored: a 5 MB page and one sentence of 2,000 words.
    paragraph = "Wij halen het afval op maandag op en u zet de container op tijd buiten. " * 6 + "\n\n"
    huge = FRONT.format(title="Heel groot") + paragraph * (5_000_000 // len(paragraph))
    (pages / "heel-groot.md").write_text(huge, encoding="utf-8")
    words = ("de gemeente haalt het afval op en u zet de bak buiten " * 200).split()[:2000]
    (pages / "een-zin.md").write_text(FRONT.format(title="Een zin") + " ".join(words) + "\n", encoding="utf-8")
    from contextlib import redirect_stdout
    from io import StringIO

    from linters.commands.cli import main
    from tests.conftest import chdir

    out = StringIO()
    with chdir(site), redirect_stdout(out):
        code = main(["check", "--format", "json", "--today", "2026-11-22", "--no-cache"])
    assert code == 1  # errors found (empty page, not UTF-8), but the run did not stop
    data = json.loads(out.getvalue())
    by_page: dict[str, list[dict[str, object]]] = {p["path"]: [] for p in data["pages"]}
    for finding in data["findings"]:
        by_page.setdefault(finding["location"]["path"], []).append(finding)
    by_page["__pages__"] = data["pages"]
    return by_page


def codes(report: dict[str, list[dict[str, object]]], name: str) -> list[str]:
    return [str(f["code"]) for f in report[f"content/nl/afval/{name}"]]


def test_no_check_crashed(report: dict[str, list[dict[str, object]]]) -> None:
    for path, findings in report.items():
        if path != "__pages__":
            assert "WR900" not in [f["code"] for f in findings], path


def test_every_page_is_in_the_report(report: dict[str, list[dict[str, object]]]) -> None:
    assert len(report["__pages__"]) == 8


def test_empty_page_has_one_clear_message(report: dict[str, list[dict[str, object]]]) -> None:
    assert codes(report, "leeg.md") == ["WR002"]


def test_non_utf8_page_is_reported_not_analysed(report: dict[str, list[dict[str, object]]]) -> None:
    assert codes(report, "geen-utf8.md") == ["WR001"]


def test_table_only_and_code_only_pages_are_fine(report: dict[str, list[dict[str, object]]]) -> None:
    assert [c for c in codes(report, "alleen-tabel.md") if c.startswith("B1")] == []
    assert [c for c in codes(report, "alleen-code.md") if c.startswith("B1")] == []
    pages = {p["path"]: p for p in report["__pages__"]}  # type: ignore[index]
    code_only = pages["content/nl/afval/alleen-code.md"]["metrics"]  # type: ignore[index]
    # Nothing to read is not "easy to read": such a page has no index and does not count as measured.
    assert code_only["sentences"] == 0 and "readability_index" not in code_only
    assert code_only["sentence_difficulty"] == [] and code_only["hardest_sentences"] == []


def test_page_in_the_wrong_language_folder(report: dict[str, list[dict[str, object]]]) -> None:
    findings = report["content/nl/afval/engelse-tekst.md"]
    b1 = [f for f in findings if str(f["code"]).startswith("B1")]
    assert [f["code"] for f in b1] == ["B1015"]
    assert "lijkt Engels" in str(b1[0]["message_nl"])


def test_one_sentence_of_2000_words(report: dict[str, list[dict[str, object]]]) -> None:
    long = [f for f in report["content/nl/afval/een-zin.md"] if f["code"] == "B1001"]
    assert len(long) == 1
    assert "2000 woorden" in str(long[0]["message_nl"])
    assert len(str(long[0]["context"])) <= rules.CONTEXT_CHARS


@pytest.mark.emits("B1016")
def test_5mb_page_is_cut_and_says_so(report: dict[str, list[dict[str, object]]]) -> None:
    found = report["content/nl/afval/heel-groot.md"]
    too_long = [f for f in found if f["code"] == "B1016"]
    assert len(too_long) == 1
    assert "50.000" in str(too_long[0]["message_nl"])


def test_good_page_next_to_broken_ones_is_still_checked(report: dict[str, list[dict[str, object]]]) -> None:
    assert [c for c in codes(report, "goed.md") if c.startswith(("B1", "WR"))] == []
    pages = {p["path"]: p for p in report["__pages__"]}  # type: ignore[index]
    assert pages["content/nl/afval/goed.md"]["metrics"]["sentences"] == 2  # type: ignore[index]


def test_rules_know_the_analysis_limit() -> None:
    assert rules.MAX_WORDS == analysis.MAX_WORDS


def test_a_file_outside_content_with_lang_en_is_checked_as_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loose = tmp_path / "concept.md"
    loose.write_text(
        "---\ntitle: Draft\nlang: en\n---\nWe will facilitate your registration in order to help you.\n",
        encoding="utf-8",
    )
    _, out, _ = run_cli(["check", str(loose), "--no-cache"], SITE, capsys)
    assert "B1101 words-to-avoid" in out
