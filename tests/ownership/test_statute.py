"""The statute loads into typed objects, or lists every mistake with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from linters.b1.policy import LANGUAGE_POLICY
from linters.core.config import ConfigError
from linters.registry import load_statute, rule_names
from tests.conftest import FIXTURES, REPO, run_cli


def test_real_statute_loads() -> None:
    statute = load_statute(REPO / "redactiestatuut.yml", known_rules=rule_names())
    assert len(statute.departments) >= 8
    assert statute.address_form == "u"
    assert statute.section_for("afval/grofvuil.md").owner == "afval"
    assert statute.section_for("index.md").owner == "webredactie"
    assert statute.section_for("onbekend/pagina.md") is None
    english = {s.path for s in statute.sections if s.english_required}
    assert {"afval/", "parkeren/", "nieuw-in-diemen/"} <= english
    assert statute.review_cycle_months("burgerzaken/rijbewijs.md") == 6
    assert statute.review_cycle_months("afval/grofvuil.md") == 12
    assert statute.review_cycle_months("nieuws/x.md", "nieuws") == 24
    assert LANGUAGE_POLICY.threshold(statute, "nl", "max_woorden_per_zin") == 25
    assert statute.departments["afval"].partner is not None


def test_broken_statute_lists_every_problem_with_its_line() -> None:
    with pytest.raises(ConfigError) as caught:
        load_statute(FIXTURES / "statutes" / "broken.yml", known_rules=rule_names())
    got = {(p.line, p.code.code) for p in caught.value.problems}
    assert got == {
        (4, "CFG008"),  # aanspreekvorm jij
        (9, "CFG006"),  # duplicate department id
        (13, "CFG008"),  # contact is not an e-mail address
        (14, "CFG003"),  # unknown key kleur
        (18, "CFG005"),  # '12 maanden' is not a number
        (19, "CFG009"),  # afval/grofvuil/ inside afval/ with another owner
        (22, "CFG007"),  # owner verkeer is not a department
        (25, "CFG008"),  # cycle -3
        (28, "CFG008"),  # 500 words a sentence is out of range
        (30, "CFG007"),  # rule long-sentense does not exist
        (31, "CFG003"),  # unknown top-level key
    }


def test_problem_text_names_file_line_path_expected_and_example() -> None:
    with pytest.raises(ConfigError) as caught:
        load_statute(FIXTURES / "statutes" / "broken.yml", known_rules=rule_names())
    rendered = "\n".join(p.render() for p in caught.value.problems)
    assert "broken.yml:22: CFG007 secties[2].eigenaar: De afdeling 'verkeer' staat niet bij 'afdelingen'." in rendered
    assert "secties[0].reviewcyclus_maanden" in rendered
    assert "voorbeeld: reviewcyclus_maanden: 12" in rendered


def test_yaml_syntax_error_has_a_line() -> None:
    with pytest.raises(ConfigError) as caught:
        load_statute(FIXTURES / "statutes" / "syntax.yml")
    (problem,) = caught.value.problems
    assert problem.code.code == "CFG002"
    assert problem.line == 4


def test_missing_statute_file() -> None:
    with pytest.raises(ConfigError) as caught:
        load_statute(FIXTURES / "statutes" / "bestaat-niet.yml")
    assert caught.value.problems[0].code.code == "CFG001"


def test_cli_exits_2_and_checks_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(
        ["--statute", str(FIXTURES / "statutes" / "broken.yml"), "check", "--today", "2026-11-22"],
        FIXTURES / "bad-site",
        capsys,
    )
    assert code == 2
    assert out == ""
    assert "11 fout(en)" in err
    assert err.count("broken.yml:") == 11
    assert "Traceback" not in err
