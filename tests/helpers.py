"""Paths to the repository and small tools to read and edit a copy of a data file."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCE = ROOT.parent / "shared" / "source" / "russia-and-the-collapse-of-the-assad-regime.md"


def rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, records: list[dict], columns: list[str] | None = None) -> None:
    columns = columns or list(records[0].keys())
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)


def set_cell(path: Path, row_id: str, column: str, value: str, key: str = "id") -> int:
    """Set one cell of the row whose ``key`` is ``row_id``; return that row's line in the file."""
    records = rows(path)
    for n, record in enumerate(records):
        if record[key] == row_id:
            record[column] = value
            write_rows(path, records)
            return n + 2
    raise KeyError(row_id)
