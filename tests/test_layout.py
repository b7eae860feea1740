"""The package's shape: subpackages by stage, one-way dependencies, no import cycle, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "assad_collapse"
MAX_LINES = 400
STAGES = ("paper", "analyses", "presentation", "build")
# What each stage may import from the package (besides the shared top-level modules and itself).
ALLOWED = {
    "paper": set(),
    "presentation": {"paper"},
    "analyses": {"paper", "presentation"},
    "build": {"paper"},
}
SHARED = {"errors", "params", "paths", "catalogue"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> set[str]:
    """Every package module ``path`` imports, at any depth of the file (function-level imports included)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in known}
    return found - {name}


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports(path, set(mods)) for name, path in mods.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_planted_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_the_import_graph_sees_relative_and_function_level_imports():
    edges = graph()
    assert "assad_collapse.paper.validate" in edges["assad_collapse.paper.datasets"]
    assert "assad_collapse.build.worker" in edges["assad_collapse.build.runner"]  # imported inside a function


def test_no_import_cycle():
    assert find_cycle(graph()) is None


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


@pytest.mark.parametrize("stage", STAGES)
def test_dependencies_run_one_way(stage):
    wrong = []
    for name, targets in graph().items():
        if stage_of(name) != stage:
            continue
        for target in targets:
            other = stage_of(target)
            if other and other != stage and other not in ALLOWED[stage]:
                wrong.append(f"{name} imports {target}")
    assert not wrong


def test_shared_modules_import_no_stage():
    for name, targets in graph().items():
        if name.split(".")[-1] in SHARED and name.count(".") == 1:
            assert not {t for t in targets if stage_of(t)}, name


def test_at_least_three_subpackages_and_every_module_small_with_a_docstring():
    assert all((PACKAGE / stage / "__init__.py").exists() for stage in STAGES)
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= MAX_LINES, f"{name}: {len(text.splitlines())} lines"
        assert ast.get_docstring(ast.parse(text)), f"{name} has no docstring saying its one job"
