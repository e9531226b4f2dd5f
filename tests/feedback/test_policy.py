"""The statute's `feedback` section: defaults, values, and mistakes reported with their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from linters.core.config import ConfigError
from linters.feedback.policy import DAILY, PER_MESSAGE, delivery, digest_hour, retention_months
from linters.registry import load_statute

BASE = """\
versie: 1
organisatie:
  naam: Gemeente Diemen
afdelingen:
  - id: webredactie
    naam: Webredactie
    contact: webredactie@diemen.nl
secties:
  - pad: index.md
    eigenaar: webredactie
"""


def test_defaults_when_the_statute_is_silent(tmp_path: Path) -> None:
    path = tmp_path / "statuut.yml"
    path.write_text(BASE, encoding="utf-8")
    statute = load_statute(path)
    assert (retention_months(statute), delivery(statute), digest_hour(statute)) == (12, PER_MESSAGE, 8)


def test_values_from_the_statute(tmp_path: Path) -> None:
    path = tmp_path / "statuut.yml"
    path.write_text(BASE + "feedback:\n  bewaartermijn_maanden: 6\n  bezorging: dagelijks\n  overzicht_uur: 17\n")
    statute = load_statute(path)
    assert (retention_months(statute), delivery(statute), digest_hour(statute)) == (6, DAILY, 17)


def test_every_mistake_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "statuut.yml"
    path.write_text(
        BASE + "feedback:\n  bewaartermijn_maanden: 0\n  bezorging: wekelijks\n  overzicht_uur: acht\n  kleur: rood\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_statute(path)
    shown = "\n".join(p.render("nl") for p in caught.value.problems)
    assert len(caught.value.problems) == 4, shown
    assert ":12:" in shown and "tussen 1 en 60" in shown
    assert ":13:" in shown and "Kies een van: per-bericht, dagelijks" in shown
    assert ":14:" in shown
    assert ":15:" in shown and "kleur" in shown


def test_the_projects_statute_has_the_section() -> None:
    from tests.conftest import REPO

    statute = load_statute(REPO / "redactiestatuut.yml")
    assert retention_months(statute) == 12 and delivery(statute) == PER_MESSAGE
