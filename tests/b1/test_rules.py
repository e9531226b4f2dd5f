"""Golden fixtures: each B1 rule brings pages whose offending lines carry `<!-- expect: CODE -->`.

The markers are HTML comments, which are not prose, so they do not change what
the rules see. Every B1 finding must sit on a line that expects it, and every
expected finding must appear: passing examples are the lines without markers.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from linters.b1.rules import B1_RULES
from tests.conftest import FIXTURES, run_cli

SITE = FIXTURES / "b1-rules"
PAGES = sorted((SITE / "content").rglob("*.md"))
MARKER = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ]+?)\s*-->")


def expected(path: Path) -> Counter[tuple[int, str]]:
    found: Counter[tuple[int, str]] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for match in MARKER.finditer(line):
            for code in match.group(1).split():
                found[(number, code)] += 1
    return found


@pytest.fixture(scope="module")
def report() -> dict[str, Counter[tuple[int, str]]]:
    from contextlib import redirect_stdout
    from io import StringIO

    from linters.commands.cli import main
    from tests.conftest import chdir

    out = StringIO()
    with chdir(SITE), redirect_stdout(out):
        main(["check", "--format", "json", "--today", "2026-11-22", "--fail-on", "never", "--no-cache"])
    data = json.loads(out.getvalue())
    actual: dict[str, Counter[tuple[int, str]]] = {}
    for finding in data["findings"]:
        if finding["code"].startswith("B1"):
            key = finding["location"]["path"]
            actual.setdefault(key, Counter())[(finding["location"]["line"], finding["code"])] += 1
    return actual


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(SITE).as_posix())
def test_findings_match_the_markers(page: Path, report: dict[str, Counter[tuple[int, str]]]) -> None:
    rel = page.relative_to(SITE).as_posix()
    assert report.get(rel, Counter()) == expected(page)


def test_every_rule_has_a_failing_and_a_passing_example() -> None:
    codes_with_pages = {p.name.split("-")[0].upper() for p in PAGES}
    for rule in B1_RULES:
        if rule.code == "B1016":
            continue  # needs a page of 50,000 words: tests/b1/test_bad_input.py builds one
        assert rule.code in codes_with_pages, f"{rule.code} has no fixture page"
    for page in PAGES:
        code = page.name.split("-")[0].upper()
        assert any(c == code for _, c in expected(page)), f"{page.name} never expects its own rule"


def test_messages_are_dutch_and_point_at_the_word(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(
        ["check", "content/nl/afval/b1003-officialese.md", "--today", "2026-11-22", "--no-cache"], SITE, capsys
    )
    assert (
        "content/nl/afval/b1003-officialese.md:7:1: warning B1003 officialese-word: "
        "'Indien' is ambtelijke taal. Schrijf liever 'als'." in out
    )
    assert "probeer: als" in out
    assert "content/nl/afval/b1003-officialese.md:9:5: warning B1003 officialese-word: 'verstrekten'" in out


def test_messages_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(
        ["--lang", "en", "check", "content/nl/afval/b1001-long-sentence.md", "--today", "2026-11-22", "--no-cache"],
        SITE,
        capsys,
    )
    assert "This sentence has 35 words. Split it into sentences of at most 25 words." in out


def test_thresholds_come_from_the_statute(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    statute = (SITE / "redactiestatuut.yml").read_text(encoding="utf-8")
    stricter = statute.replace(
        "max_woorden_per_zin: 25\n    max_gemiddelde_zinslengte: 15\n    max_aandeel",
        "max_woorden_per_zin: 5\n    max_gemiddelde_zinslengte: 15\n    max_aandeel",
    )
    assert stricter != statute
    custom = tmp_path / "statuut.yml"
    custom.write_text(stricter, encoding="utf-8")
    _, out, _ = run_cli(
        [
            "--statute",
            str(custom),
            "check",
            "content/nl/afval/b1005-passive-voice.md",
            "--today",
            "2026-11-22",
            "--no-cache",
        ],
        SITE,
        capsys,
    )
    assert "B1001 long-sentence: Deze zin heeft 7 woorden" in out


def test_address_form_follows_the_statute(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    statute = (
        (SITE / "redactiestatuut.yml").read_text(encoding="utf-8").replace("aanspreekvorm: u", "aanspreekvorm: je")
    )
    custom = tmp_path / "statuut.yml"
    custom.write_text(statute, encoding="utf-8")
    _, out, _ = run_cli(
        [
            "--statute",
            str(custom),
            "check",
            "content/nl/afval/b1012-wrong-address-form.md",
            "content/nl/afval/b1013-mixed-address-form.md",
            "--today",
            "2026-11-22",
            "--no-cache",
        ],
        SITE,
        capsys,
    )
    assert "B1012" not in out  # a je-page is right on a je-site
    assert "b1013-mixed-address-form.md:7:1: error B1013 mixed-address-form" in out  # now 'U' is the odd one


def test_english_passive_advice_names_english_subjects() -> None:
    from contextlib import redirect_stdout
    from io import StringIO

    from linters.commands.cli import main
    from tests.conftest import chdir

    out = StringIO()
    with chdir(SITE), redirect_stdout(out):
        main(
            ["check", "content/en/afval/b1005-passive-voice.md", "--format", "json", "--fail-on", "never", "--no-cache"]
        )
    (finding,) = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "B1005"]
    # The Dutch message about an English page suggests English words.
    assert "'we ...' of 'you ...'" in finding["message_nl"]
    assert "'wij" not in finding["message_nl"] and "'u ...'" not in finding["message_nl"]
