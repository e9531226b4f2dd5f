"""A small reader over ruamel.yaml nodes that records problems instead of raising.

Pydantic and jsonschema lose the line numbers that ruamel keeps; a maintainer
needs `redactiestatuut.yml:42`, so validation walks the nodes itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from linters.core.config import ConfigCode, Problems, item_line, key_line, node_line

T = TypeVar("T")

_KIND_NAMES = {
    str: ("tekst", "text"),
    int: ("een geheel getal", "a whole number"),
    float: ("een getal", "a number"),
    bool: ("true of false", "true or false"),
    list: ("een lijst", "a list"),
    dict: ("een lijst van sleutels en waarden", "a mapping"),
}


def kind_name(kind: type, lang: str = "nl") -> str:
    """Name a YAML kind in words an editor knows."""
    nl, en = _KIND_NAMES.get(kind, (kind.__name__, kind.__name__))
    return en if lang == "en" else nl


def _is_kind(value: Any, kind: type) -> bool:
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is dict:
        return isinstance(value, dict)
    if kind is list:
        return isinstance(value, list)
    return isinstance(value, kind)


class MapReader:
    """Reads keys from one mapping, and reports unknown keys when done."""

    def __init__(self, node: Any, path: str, problems: Problems, line: int = 1) -> None:
        self.node: CommentedMap | dict[str, Any] = node if isinstance(node, dict) else {}
        self.path = path
        self.problems = problems
        self.line = node_line(node, line)
        self.seen: set[str] = set()
        self.ok = isinstance(node, dict)
        if not self.ok:
            problems.add(
                ConfigCode.WRONG_TYPE,
                line,
                path or "(bestand)",
                "Hier hoort een lijst van sleutels en waarden.",
                "A mapping is expected here.",
                "sleutel: waarde",
            )

    def sub(self, key: str) -> str:
        """Return the dotted path of a key below this mapping."""
        return f"{self.path}.{key}" if self.path else key

    def line_of(self, key: str) -> int:
        """Return the line of a key, or of the mapping when the key is absent."""
        return key_line(self.node, key, self.line)

    def get(
        self,
        key: str,
        kind: type[T],
        *,
        required: bool = False,
        default: T | None = None,
        example: str = "",
        check: Callable[[T], str | None] | None = None,
    ) -> T | None:
        """Read `key` as `kind`; record a problem and return `default` when it is wrong.

        `check` returns a Dutch reason when the value is of the right kind but
        not allowed (a negative cycle, an unknown address form).
        """
        self.seen.add(key)
        if key not in self.node:
            if required and self.ok:
                self.problems.add(
                    ConfigCode.MISSING_KEY,
                    self.line,
                    self.sub(key),
                    f"De sleutel '{key}' ontbreekt.",
                    f"The key '{key}' is missing.",
                    kind_name(kind),
                    f"{key}: {example}" if example else "",
                )
            return default
        value = self.node[key]
        if not _is_kind(value, kind):
            self.problems.add(
                ConfigCode.WRONG_TYPE,
                self.line_of(key),
                self.sub(key),
                f"Hier hoort {kind_name(kind)}, maar er staat {value!r}.",
                f"Expected {kind_name(kind, 'en')}, found {value!r}.",
                kind_name(kind),
                f"{key}: {example}" if example else "",
            )
            return default
        if kind is float and isinstance(value, int):
            value = float(value)
        if check is not None:
            reason = check(value)
            if reason:
                self.problems.add(
                    ConfigCode.INVALID_VALUE,
                    self.line_of(key),
                    self.sub(key),
                    f"{reason} Er staat nu: {value!r}.",
                    f"Invalid value {value!r}: {reason}",
                    "",
                    f"{key}: {example}" if example else "",
                )
                return default
        return value  # type: ignore[no-any-return]

    def items(self, key: str, *, required: bool = False) -> Iterator[tuple[int, int, Any]]:
        """Yield (index, line, item) for each item of a list under `key`."""
        seq = self.get(key, list, required=required, example="[...]")
        if not seq:
            return
        for index, item in enumerate(seq):
            yield index, item_line(seq, index, self.line_of(key)), item

    def finish(self, allowed_extra: tuple[str, ...] = ()) -> None:
        """Report every key nobody asked for, with the closest known key as a hint."""
        if not self.ok:
            return
        known = sorted(self.seen | set(allowed_extra))
        for key in self.node:
            if key in self.seen or key in allowed_extra:
                continue
            close = difflib.get_close_matches(str(key), known, n=1)
            hint_nl = f" Bedoelt u '{close[0]}'?" if close else ""
            hint_en = f" Did you mean '{close[0]}'?" if close else ""
            self.problems.add(
                ConfigCode.UNKNOWN_KEY,
                key_line(self.node, key, self.line),
                self.sub(str(key)),
                f"De sleutel '{key}' is onbekend.{hint_nl}",
                f"Unknown key '{key}'.{hint_en}",
                "een van: " + ", ".join(known),
            )


def is_sequence(node: Any) -> bool:
    """Tell whether a node is a YAML list."""
    return isinstance(node, list | CommentedSeq)


def _timestamp_as_date_or_text(constructor: Any, node: Any) -> Any:
    """Read `2026-09-14` as a date, and `2026-02-30` as text instead of crashing.

    ruamel raises ValueError deep inside its constructor for an impossible
    date; an editor's typo must become a message, not a traceback.
    """
    import datetime

    value = constructor.construct_scalar(node)
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return str(value)


def make_yaml() -> Any:
    """A round-trip YAML loader (it keeps line numbers) that never crashes on dates."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_date_or_text)
    return yaml


def yaml_error_position(err: Any) -> tuple[int, str]:
    """The 0-based line an editor should look at, and the parser's reason.

    The context mark is where the broken construct began (an unclosed quote);
    the problem mark is often just the end of the block.
    """
    mark = err.context_mark or err.problem_mark
    reason = " ".join(x for x in (err.context, err.problem) if x).strip()
    return (mark.line if mark else 0), reason
