"""`webredactie report` shows what visitors said: per page the share of "Ja", per department the open remarks."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from linters.feedback.store import NewRemark, Store
from tests.conftest import run_cli
from tests.report.test_dashboard import RUN, check_structure

SOURCE = "content/nl/afval/grofvuil.md"


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(RUN, target)
    return target


def fill(url: str) -> list[int]:
    store = Store(url)
    store.create()
    answers = [NewRemark("useful", "/afval/grofvuil/", "nl", "afval", SOURCE, "Grofvuil", useful=u)
               for u in (True, True, True, False)]  # fmt: skip
    ids = store.add_many(
        [
            *answers,
            NewRemark(
                "wrong",
                "/afval/grofvuil/",
                "nl",
                "afval",
                SOURCE,
                "Grofvuil",
                text="Tijd <script>alert(1)</script> klopt niet\ntweede regel",
                removed=("phone",),
            ),  # fmt: skip
            NewRemark(
                "kcc",
                "/parkeren/",
                "nl",
                "parkeren",
                "content/nl/parkeren/index.md",
                "Parkeren",
                category="moeilijk-te-begrijpen",
                text="Bewoner snapt het niet",
            ),  # fmt: skip
            NewRemark("wrong", "/afval/grofvuil/", "nl", "afval", SOURCE, "Grofvuil", text="al gedaan"),
        ],
        now=datetime(2026, 11, 20, 10, 0),
    )
    store.handle(ids[-1])
    store.dispose()
    return ids


def test_the_dashboard_shows_answers_and_open_remarks(
    run_dir: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = fill(db_url)
    code, out, err = run_cli(["report", "--today", "2026-11-22", "--feedback", db_url], run_dir, capsys)
    assert code == 0, err
    files = {p.name: p.read_text(encoding="utf-8") for p in (run_dir / "reports").glob("*.html")}
    check_structure(files)
    index = files["index.html"]
    assert '<h2 id="reacties">Reacties van bezoekers</h2>' in index
    row = re.search(r'afdeling-afval\.html#reacties">Afval en reiniging</a></th>(.*?)</tr>', index)
    assert row is not None
    assert re.findall(r'<td class="num">([^<]*)</td>', row.group(1)) == ["3", "1", "75%", "1"]
    assert 'afdeling-parkeren.html#reacties">Parkeren</a></th><td class="num">0</td><td class="num">0</td>' in index

    afval = files["afdeling-afval.html"]
    assert "Lees 1 reactie van bezoekers." in afval
    section = afval.split('<h2 id="reacties">', 1)[1].split("<h2", 1)[0]
    assert re.search(r"Grofvuil laten ophalen</span><br><span class=\"path\">content/nl/afval/grofvuil.md", section)
    assert f'<td class="num">{ids[4]}</td>' in section
    # Escaped wherever it is shown: the visitor's markup is text on the dashboard.
    assert "Tijd &lt;script&gt;alert(1)&lt;/script&gt; klopt niet<br>tweede regel" in section
    assert "<script>" not in afval
    assert "al gedaan" not in afval  # handled remarks are not open
    parkeren = files["afdeling-parkeren.html"]
    assert "KCC, moeilijk te begrijpen" in parkeren and "Bewoner snapt het niet" in parkeren


def test_without_a_feedback_database_the_dashboard_is_as_before(
    run_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WEBREDACTIE_FEEDBACK_DB", raising=False)
    code, _, err = run_cli(["report", "--today", "2026-11-22"], run_dir, capsys)
    assert code == 0, err
    assert "Reacties van bezoekers" not in (run_dir / "reports" / "index.html").read_text(encoding="utf-8")


def test_a_feedback_database_that_is_not_there_stops_the_report(
    run_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(["report", "--feedback", str(run_dir / "geen.sqlite3")], run_dir, capsys)
    assert code == 2 and "geen.sqlite3 bestaat niet" in err and "Traceback" not in err
