"""Review due dates: month arithmetic, which cycle applies, and where warning turns into error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linters.core.dates import dutch_date
from linters.core.page import read_page
from linters.ownership.reviews import ReviewState, add_months, review_status
from linters.registry import load_statute
from tests.conftest import REPO
from tests.ownership.helpers import STATUTE, write

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),
        (date(2026, 3, 1), 24, date(2028, 3, 1)),
        (date(2025, 12, 31), 6, date(2026, 6, 30)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_dutch_dates_for_people() -> None:
    assert dutch_date(date(2026, 3, 4)) == "4 maart 2026"


def status_of(tmp_path: Path, rel: str, front: str, today: date = TODAY) -> tuple[ReviewState, int, str]:
    content = tmp_path / "content"
    path = write(content, f"nl/{rel}", f"---\ntitle: T\n{front}---\nTekst.\n")
    statute = load_statute(STATUTE)
    status = review_status(read_page(path, content), statute, today)
    assert status is not None
    return status.state, status.cycle.months, status.cycle.source_nl


def test_cycle_order_type_then_page_then_section_then_default(tmp_path: Path) -> None:
    front = "reviewed: 2026-10-01\n"
    assert status_of(tmp_path, "nieuws/a.md", front + "type: nieuws\nreview_cycle_months: 3\n")[1:] == (
        24,
        "soort pagina 'nieuws'",
    )
    assert status_of(tmp_path, "burgerzaken/a.md", front + "review_cycle_months: 9\n")[1:] == (
        9,
        "'review_cycle_months' van de pagina",
    )
    assert status_of(tmp_path, "burgerzaken/trouwen/a.md", front)[1:] == (3, "sectie burgerzaken/trouwen/")
    assert status_of(tmp_path, "burgerzaken/a.md", front)[1:] == (6, "sectie burgerzaken/")
    assert status_of(tmp_path, "elders/a.md", front)[1:] == (12, "standaard uit het redactiestatuut")


def test_an_invalid_page_cycle_is_ignored_here(tmp_path: Path) -> None:
    """FM006 reports '6 maanden'; the due date then follows the section, not a guess."""
    assert status_of(tmp_path, "burgerzaken/a.md", "reviewed: 2026-10-01\nreview_cycle_months: 6 maanden\n")[1] == 6


@pytest.mark.parametrize(
    ("reviewed", "state", "days"),
    [
        ("2026-06-23", ReviewState.CURRENT, -31),  # due 2026-12-23 (burgerzaken: 6 months): not yet upcoming
        ("2026-06-22", ReviewState.UPCOMING, -30),  # due 2026-12-22: exactly 30 days ahead
        ("2026-05-22", ReviewState.UPCOMING, 0),  # due today: not late yet
        ("2026-05-21", ReviewState.OVERDUE, 1),
        ("2025-11-22", ReviewState.OVERDUE, 184),  # exactly twice the cycle: still a warning
        ("2025-11-21", ReviewState.LONG_OVERDUE, 185),
    ],
)
def test_states_at_their_edges(tmp_path: Path, reviewed: str, state: ReviewState, days: int) -> None:
    content = tmp_path / "content"
    path = write(content, "nl/burgerzaken/a.md", f"---\ntitle: T\nreviewed: {reviewed}\n---\nTekst.\n")
    status = review_status(read_page(path, content), load_statute(STATUTE), TODAY)
    assert status is not None
    assert (status.state, status.days) == (state, days)


def test_missing_or_future_dates_have_no_status(tmp_path: Path) -> None:
    content = tmp_path / "content"
    statute = load_statute(STATUTE)
    for front in ("", "reviewed: 2027-01-01\n", "reviewed: 14-09-2026\n"):
        path = write(content, "nl/afval/a.md", f"---\ntitle: T\n{front}---\nTekst.\n")
        assert review_status(read_page(path, content), statute, TODAY) is None


def test_real_statute_cycles() -> None:
    statute = load_statute(REPO / "redactiestatuut.yml")
    assert statute.review_cycle_months("burgerzaken/rijbewijs.md", None, 3) == 3
    assert statute.review_cycle_months("nieuws/x.md", "nieuws", 3) == 24
