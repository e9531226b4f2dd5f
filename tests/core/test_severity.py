"""One vocabulary of levels: labels for machines, words for people, the same everywhere."""

from __future__ import annotations

from linters.commands.options import FAIL_LEVELS
from linters.core.finding import LEVELS, Severity
from plugins.checks.config import ChecksConfig


def test_words_for_people_in_both_languages() -> None:
    assert [s.word("nl", 2) for s in sorted(Severity, reverse=True)] == ["fouten", "waarschuwingen", "suggesties"]
    assert [s.word("en") for s in sorted(Severity, reverse=True)] == ["error", "warning", "suggestion"]
    assert Severity.ERROR.word("nl", 1) == "fout"


def test_the_command_line_and_the_build_plugin_accept_the_same_levels() -> None:
    assert LEVELS == ("error", "warning", "suggestion")
    assert FAIL_LEVELS == (*LEVELS, "never")
    assert tuple(ChecksConfig.fail_on.choices) == FAIL_LEVELS
