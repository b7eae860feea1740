"""Make an executed notebook reproducible before export: drop everything that changes from run to run.

Papermill records run metadata (times, absolute paths) and gives its injected
parameters cell a random id; nbclient records per-cell times; the kernel numbers
executions. None of it belongs in a report. Warnings written to stderr are taken
out of the report too (they carry absolute paths) and handed back to be logged.
"""

from __future__ import annotations

INJECTED = "injected-parameters"


def stabilise(nb, original_ids: set[str]) -> list[str]:
    """Strip volatile metadata and stderr in place; return the stderr texts that were removed."""
    nb.metadata.pop("papermill", None)
    stderr: list[str] = []
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if INJECTED in cell.metadata.get("tags", []):
            cell["id"] = INJECTED
        elif cell.get("id") not in original_ids:
            cell["id"] = f"cell-{index}"
        if cell.get("cell_type") != "code":
            continue
        cell.execution_count = None
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                stderr.append("".join(output.get("text", "")))
                continue
            if "execution_count" in output:
                output["execution_count"] = None
            kept.append(output)
        cell.outputs = kept
    return stderr


def original_cell_index(cell_index: int, parameters_index: int | None, injected: bool) -> int | None:
    """Map a cell index of the executed notebook back to the notebook file (None: the injected cell)."""
    if not injected or parameters_index is None or cell_index <= parameters_index:
        return cell_index
    if cell_index == parameters_index + 1:
        return None
    return cell_index - 1
