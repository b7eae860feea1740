"""A notebook's parameters, read from its cell tagged ``parameters`` with ``json`` and ``ast`` (no kernel, no papermill).

Read to find a notebook's parameters before anything runs (see
:mod:`.parameters`), and by ``assad-collapse params`` for notebooks without declared specs.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any



@dataclass(frozen=True)
class Declared:
    """The parameters cell: its index among the notebook's cells, each name with its default and its comment."""

    cell_index: int | None
    defaults: dict[str, Any]
    comments: dict[str, str] = field(default_factory=dict)
    not_literal: frozenset[str] = frozenset()  # names whose default is an expression (kept as its source text)


def declared(notebook: bytes | str | dict) -> Declared:
    """Names and defaults assigned at the top level of the first cell tagged ``parameters``."""
    nb = notebook if isinstance(notebook, dict) else json.loads(notebook)
    cells = nb.get("cells", []) if isinstance(nb, dict) else []
    for index, cell in enumerate(cells):
        if isinstance(cell, dict) and cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            defaults, not_literal = _assignments(source)
            return Declared(index, defaults, _comments(source), frozenset(not_literal))
    return Declared(None, {})


_COMMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=]*)?=.*#\s*(.+?)\s*$")


def _comments(source: str) -> dict[str, str]:
    """The comment at the end of each assignment line (``share = 0.5  # share of the total``)."""
    return {m.group(1): m.group(2) for m in map(_COMMENT.match, source.splitlines()) if m}


def _assignments(source: str) -> tuple[dict[str, Any], set[str]]:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}, set()
    out: dict[str, Any] = {}
    not_literal = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    out[target.id] = ast.literal_eval(value)
                except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
                    out[target.id] = ast.unparse(value)  # not a literal: keep its source text
                    not_literal.add(target.id)
    return out, not_literal
