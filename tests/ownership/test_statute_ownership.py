"""Bad ownership input in the statute: every problem listed with its line, exit 2, nothing checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from linters.core.config import ConfigError
from linters.registry import load_statute
from tests.conftest import FIXTURES, run_cli
from tests.ownership.helpers import page, write

STATUTES = FIXTURES / "ownership-statutes"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write(root, "nl/afval/grofvuil.md", page("Grofvuil"))
    write(root, "nl/parkeren/index.md", page("Parkeren", "parkeren"))
    return root


def test_every_bad_ownership_input_is_listed_with_its_line(content: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_statute(STATUTES / "bad-ownership.yml", content_root=content)
    got = {(p.line, p.code.code) for p in caught.value.problems}
    assert got == {
        (11, "CFG008"),  # reviewer without @
        (17, "CFG005"),  # '12 maanden' is not a number
        (19, "CFG009"),  # afval/grofvuil/ inside afval/ with another owner
        (22, "CFG007"),  # department verkeer does not exist
        (25, "CFG008"),  # cycle -3
        (28, "CFG007"),  # nieuw-in-diemen/ must be English, but content/nl/nieuw-in-diemen/ does not exist
        (31, "CFG007"),  # index.md must be English, but content/nl/index.md does not exist
    }


def test_missing_english_target_says_which_folder(content: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_statute(STATUTES / "bad-ownership.yml", content_root=content)
    rendered = "\n".join(p.render() for p in caught.value.problems)
    assert "De sectie 'nieuw-in-diemen/' moet in het Engels bestaan, maar de map" in rendered
    assert "content/nl/nieuw-in-diemen/ bestaat niet" in rendered
    assert "bad-ownership.yml:28: CFG007 secties (pad nieuw-in-diemen/).engels_verplicht" in rendered
    assert "@gemeente-diemen/afval" in rendered  # the reviewer message shows the right form


def test_without_content_the_targets_are_not_checked() -> None:
    with pytest.raises(ConfigError) as caught:
        load_statute(STATUTES / "bad-ownership.yml")
    assert all(p.line not in (28, 31) for p in caught.value.problems)


def test_good_statute_with_existing_targets(content: Path) -> None:
    write(content, "nl/index.md", page("Home", "webredactie"))
    statute = load_statute(STATUTES / "good.yml", content_root=content)
    assert statute.departments["webredactie"].reviewers == ("@gemeente-diemen/webredactie", "webredactie@diemen.nl")


def test_cli_stops_with_exit_2_and_lists_everything(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    statute = content.parent / "redactiestatuut.yml"
    statute.write_text((STATUTES / "bad-ownership.yml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run_cli(["check", "--today", "2026-11-22"], content.parent, capsys)
    assert code == 2 and out == ""
    assert "7 fout(en)" in err
    assert "Traceback" not in err
    for command in (["statute"], ["owners", "digest"], ["owners", "codeowners", "--stdout"]):
        code, _, err = run_cli(command, content.parent, capsys)
        assert code == 2, command
        assert "redactiestatuut.yml:28: CFG007" in err
