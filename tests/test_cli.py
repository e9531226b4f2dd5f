"""Exit codes are the contract with CI: 0 clean, 1 findings at the failing level, 2 stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run_cli

SITE = FIXTURES / "bad-site"
GOOD = "content/nl/afval/goed.md"
BOM = "content/nl/afval/met-bom.md"  # one warning


def test_clean_page_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", GOOD, "--today", "2026-11-22"], SITE, capsys)
    assert code == 0
    assert out == "Geen problemen gevonden in 1 pagina.\n"


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("suggestion", 1), ("never", 0)])
def test_fail_on_level(fail_on: str, expected: int, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_cli(["check", BOM, "--fail-on", fail_on, "--today", "2026-11-22"], SITE, capsys)
    assert code == expected


def test_missing_path_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["check", "content/nl/bestaat-niet.md"], SITE, capsys)
    assert code == 2
    assert "bestaat niet" in err


def test_bad_today_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["check", GOOD, "--today", "22-11-2026"], SITE, capsys)
    assert code == 2
    assert "geen datum" in err


@pytest.mark.parametrize("jobs", ["0", "twee", "-1"])
def test_jobs_must_be_a_count(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run_cli(["check", GOOD, "--jobs", jobs], SITE, capsys)
    assert stopped.value.code == 2
    assert f"'{jobs}' is geen aantal" in capsys.readouterr().err


def test_file_outside_content_is_checked_without_ownership(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    loose = tmp_path / "concept.md"
    loose.write_text("---\ntitle: Concept\ndescription: Een los concept.\n---\nTekst.\n", encoding="utf-8")
    code, out, _ = run_cli(["check", str(loose)], SITE, capsys)
    assert code == 0, out


def test_rule_settings_in_the_statute_change_severity(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    statute = (
        (SITE / "redactiestatuut.yml")
        .read_text(encoding="utf-8")
        .replace("regels: {}", "regels:\n  byte-order-mark: error\n  WR004: false")
    )
    custom = tmp_path / "statuut.yml"
    custom.write_text(statute, encoding="utf-8")
    code, out, _ = run_cli(
        ["--statute", str(custom), "check", BOM, "content/nl/afval/crlf.md", "--today", "2026-11-22"], SITE, capsys
    )
    assert code == 1
    assert "error WR003" in out
    assert "WR004" not in out


@pytest.mark.emits("WR900")
def test_a_crashing_rule_is_reported_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A crash in our own code cannot be caused by a page, so the rule is replaced.
    from dataclasses import replace

    import linters.commands.check
    from linters.registry import ALL_RULES

    def explode(page: object, ctx: object) -> list[object]:
        raise IndexError("kapot")

    broken = tuple(replace(r, check_page=explode) if r.code == "FM003" else r for r in ALL_RULES)
    monkeypatch.setattr(linters.commands.check, "ALL_RULES", broken)
    code, out, _ = run_cli(["check", GOOD, BOM, "--today", "2026-11-22"], SITE, capsys)
    assert code == 2
    assert out.count("WR900 check-crashed") == 2
    assert "WR003" in out


def test_rules_command_documents_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["rules", "unknown-owner"], SITE, capsys)
    assert code == 0
    assert "### Waarom is dit een probleem?" in out


def test_statute_command_summarises(capsys: pytest.CaptureFixture[str]) -> None:
    # The real statute: the broken-pages fixture requires no English section.
    code, out, _ = run_cli(["statute"], REPO, capsys)
    assert code == 0
    assert "afval/" in out and "Engels verplicht" in out
