"""`inhoud_van_derden` in the statute: reviewed third-party hosts, each with a reason, validated with CFG messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from linters.core.config import ConfigError
from linters.core.statute import Statute
from linters.registry import load_statute
from linters.wcag.policy import reviewed_hosts
from tests.conftest import REPO

# The real statute without its own (empty) `inhoud_van_derden`, so each test writes its own.
BASE = (REPO / "redactiestatuut.yml").read_text(encoding="utf-8").split("\n# Inhoud van andere websites")[0] + "\n"


def _load(tmp_path: Path, extra: str) -> Statute:
    path = tmp_path / "redactiestatuut.yml"
    path.write_text(BASE + extra, encoding="utf-8")
    return load_statute(path)


def test_the_real_statute_allows_no_third_party() -> None:
    assert reviewed_hosts(load_statute(REPO / "redactiestatuut.yml")) == frozenset()


def test_a_reviewed_host_with_a_reason(tmp_path: Path) -> None:
    statute = _load(
        tmp_path,
        "inhoud_van_derden:\n  toegestaan:\n    - host: Video.Example.nl\n      reden: nagekeken\n",
    )
    assert reviewed_hosts(statute) == frozenset({"video.example.nl"})


@pytest.mark.parametrize(
    ("entry", "code", "text"),
    [
        ("    - host: https://video.example.nl/x\n      reden: x\n", "CFG008", "zonder https://"),
        ("    - host: '*.example.nl'\n      reden: x\n", "CFG008", "zonder pad of *"),
        ("    - host: 192.0.2.1\n      reden: x\n", "CFG008", "naam van de host"),
        ("    - host: video.example.nl\n", "CFG004", "'reden' ontbreekt"),
        ("    - host: video.example.nl\n      reden: ''\n", "CFG008", "'reden' is leeg"),
        ("    - host: video.example.nl\n      reden: x\n      door: iemand\n", "CFG003", "'door' is onbekend"),
        (
            "    - host: video.example.nl\n      reden: x\n    - host: VIDEO.example.nl\n      reden: y\n",
            "CFG006",
            "staat er al",
        ),
    ],
)
def test_mistakes_are_reported_with_their_line(tmp_path: Path, entry: str, code: str, text: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, "inhoud_van_derden:\n  toegestaan:\n" + entry)
    rendered = [problem.render("nl") for problem in caught.value.problems]
    assert any(code in line and text in line and "inhoud_van_derden.toegestaan[" in line for line in rendered), rendered
    first_entry_line = BASE.count("\n") + 3
    assert all(problem.line >= first_entry_line for problem in caught.value.problems)
