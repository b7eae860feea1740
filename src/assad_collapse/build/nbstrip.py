"""Strip outputs and execution counts from notebooks, so they are stored as code and prose only.

``python -m assad_collapse.nbstrip [--check] FILE...``: strips in place (exit 0), or with
``--check`` only lists the notebooks that carry outputs (exit 1 if any). The git
pre-commit hook in .githooks/ runs it on staged notebooks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def has_outputs(nb) -> bool:
    """True if any code cell carries outputs or an execution count, or metadata from a run."""
    return any(
        cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None or "execution" in cell.metadata)
        for cell in nb.cells
    ) or "papermill" in nb.metadata


def strip(nb):
    """Remove outputs, execution counts and run metadata, in place; return the notebook."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    dirty = []
    for name in (a for a in args if a != "--check"):
        path = Path(name)
        nb = nbformat.read(path, as_version=4)
        if has_outputs(nb):
            dirty.append(name)
            if not check:
                nbformat.write(strip(nb), path)
    for name in dirty:
        print(f"{name}: {'has outputs' if check else 'outputs stripped'}", file=sys.stderr)
    return 1 if (check and dirty) else 0


if __name__ == "__main__":
    sys.exit(main())
