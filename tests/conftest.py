"""Shared fixtures: a private copy of data/ that a test may break, and paths to the repository."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCE = ROOT.parent / "shared" / "source" / "russia-and-the-collapse-of-the-assad-regime.md"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary directory."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


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
