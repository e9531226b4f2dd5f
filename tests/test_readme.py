"""The README keeps its promises: short, the two commands first, CI runs exactly the test command."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    block = re.search(r"## The two commands.*?```sh\n(.*?)```", README, re.S)
    assert block is not None, "the README has no two-commands block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_is_short() -> None:
    assert len(README.encode("utf-8")) < 20_000


def test_the_two_commands_come_first_and_ci_runs_the_test_command() -> None:
    assert README.index("## The two commands") < README.index("## For editors")
    build, tests = _commands()
    assert build.endswith(" build") and tests.endswith(" tests")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1].strip() == tests


def test_the_editor_section_starts_with_the_install_command() -> None:
    editors = README[README.index("## For editors") :]
    first_block = re.search(r"```sh\n(.*?)```", editors, re.S)
    assert first_block is not None and "pip" in first_block.group(1) and "install" in first_block.group(1)


def test_every_guide_the_readme_links_exists() -> None:
    for target in re.findall(r"\]\(((?:docs/)[^)#]+)\)", README):
        assert (REPO / target).is_file(), target
