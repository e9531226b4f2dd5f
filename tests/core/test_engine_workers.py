"""Worker processes: a large run split over processes gives exactly the result of one process."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from linters.b1.metrics import b1_metrics
from linters.core import engine as engine_module
from linters.core.engine import Engine, RunResult, basic_metrics, chunks
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import Page, language_of
from linters.core.rules import CheckContext, Rule, rule
from linters.registry import ALL_RULES, load_statute
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from generate_site import generate_site  # noqa: E402

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = generate_site(tmp_path_factory.mktemp("workers") / "site", 48, seed=5)
    # Cross-page findings: a link to a page in another chunk, and one to a page that does not exist.
    first = sorted((root / "content" / "nl").rglob("*.md"))[0].relative_to(root / "content" / "nl")
    (root / "content" / "nl" / "zz-links.md").write_text(
        "---\ntitle: Links\ndescription: Links naar andere pagina's.\nowner: communicatie\n"
        f"reviewed: 2026-10-01\n---\n\nLees [de eerste pagina](../nl/{first.as_posix()}) "
        "of [een pagina die er niet is](bestaat-niet.md).\n",
        encoding="utf-8",
    )
    return root


def run(site: Path, jobs: int, rules: tuple[Rule, ...] = ALL_RULES) -> RunResult:
    statute = load_statute(site / "redactiestatuut.yml")
    engine = Engine(
        rules,
        statute,
        today=TODAY,
        content_root=site / "content",
        metric_providers=(basic_metrics, b1_metrics),
        jobs=jobs,
    )
    return engine.run([site / "content"])


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Thresholds made small so a test site of 97 pages is split over workers in many chunks.
    monkeypatch.setattr(engine_module, "MIN_PAGES_PER_JOB", 10)
    monkeypatch.setattr(engine_module, "CHUNK_PAGES", 7)
    yield


def test_workers_give_the_same_result_as_one_process(site: Path, small_chunks: None) -> None:
    alone = run(site, jobs=1)
    shared = run(site, jobs=2)
    assert shared.findings == alone.findings
    assert shared.pages == alone.pages
    codes = {f.code for f in alone.findings}
    # The run holds findings of rules that read other pages, so chunking could have changed them.
    assert {"LNK001", "TR003"} <= codes, codes
    assert any(p.metrics.get("readability_index") is not None for p in alone.pages)


def test_a_page_and_its_translation_share_a_chunk(site: Path, small_chunks: None) -> None:
    files = sorted((site / "content").rglob("*.md"))
    split = chunks(files, site / "content")
    assert sorted(f for chunk in split for f in chunk) == files
    assert len(split) > 5
    where = {}
    for number, chunk in enumerate(split):
        for file in chunk:
            where.setdefault(language_of(file, site / "content")[1], set()).add(number)
    assert all(len(numbers) == 1 for numbers in where.values())


@rule(
    "ZZ901",
    "stops-worker",
    Severity.SUGGESTION,
    "Test: stopt een hulpproces.",
    "Test: kills a worker process.",
)
def kills_worker(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Wat het controleert

    Niets: deze testregel laat een hulpproces echt stoppen, zoals het
    besturingssysteem dat doet bij te weinig geheugen.
    """
    if os.getpid() != PARENT:
        os.kill(os.getpid(), 9)
    yield Detection(SourceSpan(page.display, 1, 1), Message("Gezien.", "Seen."))


PARENT = os.getpid()


def test_a_worker_that_dies_means_checking_here(
    site: Path, small_chunks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = (*ALL_RULES, kills_worker)
    shared = run(site, jobs=2, rules=rules)
    assert "stopte onverwacht" in capsys.readouterr().err
    alone = run(site, jobs=1, rules=rules)
    assert shared.findings == alone.findings
    assert sum(1 for f in shared.findings if f.code == "ZZ901") == len(shared.pages)
