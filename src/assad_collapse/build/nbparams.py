"""A notebook's parameters, read from its cell tagged ``parameters`` with ``json`` and ``ast`` (no kernel, no papermill).

Used to check names given on the command line before anything runs, and to
record each report's effective parameters (defaults, then the catalogue, then
``-p``) in the manifest.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from typing import Any

from ..errors import ParameterError


@dataclass(frozen=True)
class Declared:
    """The parameters cell: its index among the notebook's cells, and each name with its default."""

    cell_index: int | None
    defaults: dict[str, Any]


def declared(notebook: bytes | str | dict) -> Declared:
    """Names and defaults assigned at the top level of the first cell tagged ``parameters``."""
    nb = notebook if isinstance(notebook, dict) else json.loads(notebook)
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            return Declared(index, _assignments(source))
    return Declared(None, {})


def _assignments(source: str) -> dict[str, Any]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    out: dict[str, Any] = {}
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
                except (ValueError, SyntaxError, TypeError):
                    out[target.id] = ast.unparse(value)  # not a literal: keep its source text
    return out


def effective(notebook_name: str, found: Declared, catalogue: dict, overrides: dict) -> tuple[dict, dict]:
    """``(injected, effective)``: what papermill injects (catalogue, then ``-p``) and the full set with defaults.

    Raises :class:`ParameterError` for a name the notebook does not declare.
    """
    injected = {**catalogue, **overrides}
    for name, value in injected.items():
        if name not in found.defaults:
            known = ", ".join(found.defaults) or "none (no cell tagged 'parameters')"
            raise ParameterError(name, value, f"a parameter of {notebook_name}: {known}")
    return dict(sorted(injected.items())), {**found.defaults, **injected}
