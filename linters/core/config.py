"""Configuration problems: collected, never raised one by one.

A maintainer who breaks `redactiestatuut.yml` should see every mistake in one
run, each with file, line, the path inside the file, what was expected and an
example, so loaders append to a `Problems` list and raise once at the end.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq


class ConfigCode(enum.Enum):
    """Stable codes for configuration errors, so a message can be looked up."""

    FILE_MISSING = ("CFG001", "Het bestand bestaat niet.", "The file does not exist.")
    YAML_SYNTAX = ("CFG002", "De YAML klopt niet.", "The YAML does not parse.")
    UNKNOWN_KEY = ("CFG003", "Onbekende sleutel.", "Unknown key.")
    MISSING_KEY = ("CFG004", "Verplichte sleutel ontbreekt.", "Required key is missing.")
    WRONG_TYPE = ("CFG005", "Verkeerd soort waarde.", "Wrong kind of value.")
    DUPLICATE_ID = ("CFG006", "Deze id komt twee keer voor.", "Duplicate id.")
    UNDEFINED_REFERENCE = ("CFG007", "Verwijzing naar iets dat niet bestaat.", "Undefined reference.")
    INVALID_VALUE = ("CFG008", "Ongeldige waarde.", "Invalid value.")
    CONFLICT = ("CFG009", "Tegenstrijdige instellingen.", "Conflicting settings.")

    @property
    def code(self) -> str:
        """The stable code, for example CFG003."""
        return self.value[0]


@dataclass(frozen=True)
class ConfigProblem:
    """One mistake in a configuration file."""

    code: ConfigCode
    file: str
    line: int
    path: str
    message_nl: str
    message_en: str
    expected: str = ""
    example: str = ""

    def render(self, lang: str = "nl") -> str:
        """Format as `file:line: CFGxxx path: message (expected; example)`."""
        message = self.message_en if lang == "en" else self.message_nl
        parts = [f"{self.file}:{self.line}: {self.code.code} {self.path}: {message}"]
        if self.expected:
            parts.append(("expected: " if lang == "en" else "verwacht: ") + self.expected)
        if self.example:
            parts.append(("example: " if lang == "en" else "voorbeeld: ") + self.example)
        return "\n    ".join(parts)


class ConfigError(Exception):
    """Raised once, after loading, when any problem was found."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__(f"{len(problems)} configuration problem(s)")
        self.problems = problems


@dataclass
class Problems:
    """Collects problems while a loader walks a YAML document."""

    file: str
    items: list[ConfigProblem] = field(default_factory=list)

    def add(
        self,
        code: ConfigCode,
        line: int,
        path: str,
        nl: str,
        en: str,
        expected: str = "",
        example: str = "",
    ) -> None:
        """Record one problem."""
        self.items.append(ConfigProblem(code, self.file, line, path, nl, en, expected, example))

    def raise_if_any(self) -> None:
        """Stop the load with every problem, in file order."""
        if self.items:
            raise ConfigError(sorted(self.items, key=lambda p: (p.file, p.line, p.path)))


def key_line(node: Any, key: Any, default: int = 1) -> int:
    """Return the 1-based line of `key` in a ruamel mapping, or `default`."""
    if isinstance(node, CommentedMap):
        try:
            return int(node.lc.key(key)[0]) + 1
        except (KeyError, TypeError):
            pass
    return default


def item_line(node: Any, index: int, default: int = 1) -> int:
    """Return the 1-based line of item `index` in a ruamel sequence, or `default`."""
    if isinstance(node, CommentedSeq):
        try:
            return int(node.lc.item(index)[0]) + 1
        except (KeyError, TypeError, IndexError):
            pass
    return default


def node_line(node: Any, default: int = 1) -> int:
    """Return the 1-based line where a ruamel mapping or sequence starts."""
    if isinstance(node, CommentedMap | CommentedSeq):
        return int(node.lc.line) + 1
    return default


def display_path(path: Path) -> str:
    """Show a path relative to the working folder when it lies inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
