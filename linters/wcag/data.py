"""The word lists and the HTML allowlist of the accessibility rules, read once from YAML."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from ruamel.yaml import YAML


@functools.cache
def load(name: str) -> Any:
    """One data file of `linters/wcag/data/`, parsed (cached: rules read it per page)."""
    text = resources.files("linters.wcag").joinpath("data", f"{name}.yml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


def words(name: str, *keys: str) -> frozenset[str]:
    """A word list from a data file, in lower case."""
    node: Any = load(name)
    for key in keys:
        node = node[key]
    return frozenset(str(w).lower() for w in node)
