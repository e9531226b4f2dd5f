"""The floor plan of `linters/`: core is the ground, families stand on it, commands on top.

An import scan of the source, so a wrong-way import fails here instead of
being found by a maintainer later.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

LINTERS = Path(__file__).resolve().parents[1] / "linters"
FAMILIES = {"b1", "ownership", "wcag", "report", "feedback"}


def _package(module: str) -> str:
    """The package of `linters` a module belongs to: core, b1, ..., commands, or registry."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "linters"


def _imports() -> dict[str, set[str]]:
    """Every `linters.*` module each package imports, from the source (also imports inside functions)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in LINTERS.rglob("*.py"):
        rel = path.relative_to(LINTERS.parent).with_suffix("")
        module = ".".join(rel.parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("linters"):
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names if alias.name.startswith("linters")]
            else:
                continue
            for target in targets:
                found[module].add(target)
    return found


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, targets in _imports().items():
        source = _package(module)
        for target in targets:
            if target == "linters":
                continue
            dest = _package(target)
            if dest != source:
                graph[source].add(dest)
    return graph


def test_core_imports_only_core() -> None:
    wrong = sorted(
        f"{module} -> {target}"
        for module, targets in _imports().items()
        if _package(module) == "core"
        for target in targets
        if _package(target) != "core"
    )
    assert not wrong, wrong


def test_families_never_import_commands_or_the_registry() -> None:
    wrong = sorted(
        f"{module} -> {target}"
        for module, targets in _imports().items()
        if _package(module) in FAMILIES
        for target in targets
        if _package(target) in {"commands", "registry"}
    )
    assert not wrong, wrong


def test_only_the_entry_point_imports_commands() -> None:
    wrong = sorted(
        f"{module} -> {target}"
        for module, targets in _imports().items()
        if _package(module) not in {"commands", "__main__"}
        for target in targets
        if _package(target) == "commands"
    )
    assert not wrong, wrong


def test_no_cycle_between_packages() -> None:
    graph = _package_graph()
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in trail:
                cycles.append([*trail[trail.index(nxt) :], nxt])
            elif len(trail) < len(graph) + 1:
                visit(nxt, [*trail, nxt])

    for start in sorted(graph):
        visit(start, [start])
    assert not cycles, cycles


def test_the_scan_sees_real_imports() -> None:
    # Guards the scan itself: if it found nothing, every test above would pass.
    graph = _package_graph()
    assert "core" in graph["b1"] and "core" in graph["commands"]
