"""Sharding the audit: a stable share of the pages per part, and the merged parts equal to one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linters.core.engine import PageSummary, RunResult
from linters.core.finding import Finding, Message, PageTarget, Severity, SourceSpan
from linters.wcag.shard import ShardError, merge_results, parse_shard, part_of
from tests.conftest import REPO, run_cli


@pytest.mark.parametrize("value", ["0/2", "3/2", "1", "a/b", "1/0", "-1/2", "1/2/3"])
def test_a_wrong_shard_is_refused_with_an_example(value: str) -> None:
    with pytest.raises(ShardError) as raised:
        parse_shard(value)
    assert "--shard 1/4" in raised.value.message.nl


def test_every_page_is_in_exactly_one_part_and_stays_there_when_pages_come_and_go() -> None:
    pages = [f"/afdeling-{i}/pagina-{j}/" for i in range(20) for j in range(10)]
    parts = {page: part_of(page, 4) for page in pages}
    sizes = [sum(1 for p in parts.values() if p == k) for k in (1, 2, 3, 4)]
    assert sum(sizes) == 200 and min(sizes) >= 35  # roughly a quarter each
    more = pages + [f"/nieuw/{i}/" for i in range(50)]
    assert all(part_of(page, 4) == parts[page] for page in more if page in parts)


def _finding(url: str, code: str = "image-alt", source: str = "content/nl/a.md", pages: int | None = None) -> Finding:
    extras = {"pages": pages} if pages is not None else {}
    return Finding(
        code,
        code,
        Severity.ERROR,
        Message("Iets.", "Iets."),
        PageTarget(url, "img", "<img>", SourceSpan(source, 3, 1)),
        "",
        extras=extras,
    )


def test_merged_parts_equal_one_run_and_a_theme_finding_is_counted_over_all_parts() -> None:
    theme = "overrides/partials/diemen-page-footer.html"
    one = RunResult(
        findings=[_finding("/a/"), _finding("/b/", source="content/nl/b.md"), _finding("/a/", source=theme, pages=3)],
        pages=[PageSummary(p, "nl", None, None, None, {}) for p in ("/a/", "/b/", "/c/")],
    )
    first = RunResult(
        findings=[_finding("/b/", source="content/nl/b.md"), _finding("/b/", source=theme, pages=2)],
        pages=[PageSummary(p, "nl", None, None, None, {}) for p in ("/b/", "/c/")],
    )
    second = RunResult(
        findings=[_finding("/a/"), _finding("/a/", source=theme, pages=1)],
        pages=[PageSummary("/a/", "nl", None, None, None, {})],
    )
    merged = merge_results([first, second])
    assert merged.findings == merge_results([one]).findings
    assert [p.path for p in merged.pages] == ["/a/", "/b/", "/c/"]
    themed = [f for f in merged.findings if f.path == theme]
    assert len(themed) == 1 and themed[0].extras["pages"] == 3
    assert isinstance(themed[0].location, PageTarget) and themed[0].location.url == "/a/"


@pytest.mark.browser
def test_two_shards_merged_give_the_findings_of_one_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    theme = (
        '<section data-diemen-theme="partials/diemen-page-footer.html" aria-label="Over"><img src="l.png"></section>'
    )
    for folder in ("afval", "afval/grofvuil", "parkeren", "burgerzaken"):
        (site / folder).mkdir(parents=True, exist_ok=True)
        (site / folder / "index.html").write_text(
            f'<!doctype html><html lang="nl"><head><title>{folder}</title></head><body><main>'
            f'<article class="md-content__inner"><h1>{folder}</h1><img src="f.png">{theme}</article>'
            "</main></body></html>",
            encoding="utf-8",
        )
    common = ["--format", "json", "--quiet", "--fail-on", "never", "--today", "2026-11-22"]
    run_cli(["audit", str(site), *common, "--output", str(tmp_path / "all.json")], REPO, capsys)
    for part in (1, 2):
        code, _, err = run_cli(
            ["audit", str(site), "--shard", f"{part}/2", *common, "--output", str(tmp_path / f"{part}.json")],
            REPO,
            capsys,
        )
        assert code == 0, err
    code, _, err = run_cli(
        [
            "audit",
            "merge",
            str(tmp_path / "1.json"),
            str(tmp_path / "2.json"),
            "--format",
            "json",
            "--fail-on",
            "never",
            "--output",
            str(tmp_path / "merged.json"),
        ],
        REPO,
        capsys,
    )
    assert code == 0, err
    whole = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    merged = json.loads((tmp_path / "merged.json").read_text(encoding="utf-8"))
    parts = [json.loads((tmp_path / f"{k}.json").read_text(encoding="utf-8")) for k in (1, 2)]
    assert all(p["pages"] for p in parts), "each part audits some pages"
    assert merged["findings"] == whole["findings"]
    assert [p["path"] for p in merged["pages"]] == [p["path"] for p in whole["pages"]]
    assert merged["tools"] == whole["tools"]
