"""The cleaned datasets (and derived figures) as CSV downloads for reports/data/."""

from __future__ import annotations

import csv
import io
from pathlib import Path

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


# The cleaned datasets published under reports/data/ (every report reads all of them).
DOWNLOADS = ("figures", "derived", "events", "interviews", "hypotheses", "evidence", "ratings", "checks")


def render(data_dir: Path) -> dict[str, bytes]:
    """File name -> CSV bytes for every download (loads pandas)."""
    from ..paper import datasets
    from ..paper.derived import derived_figures

    frames = {
        "figures": datasets.figures(data_dir),
        "derived": derived_figures(data_dir),
        "events": datasets.events(data_dir).drop(columns=["actor_list"]),
        "interviews": datasets.interviews(data_dir),
        "hypotheses": datasets.hypotheses(data_dir),
        "evidence": datasets.evidence(data_dir),
        "ratings": datasets.ratings(data_dir),
        "checks": datasets.checks(data_dir),
    }
    assert tuple(frames) == DOWNLOADS
    out = {}
    for name, frame in frames.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(frame.columns)
        text_columns = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) == "string"]
        for row in frame.itertuples(index=False):
            writer.writerow([
                neutralise(str(v)) if c in text_columns and isinstance(v, str) else _cell(v)
                for c, v in zip(frame.columns, row)
            ])
        out[f"{name}.csv"] = buffer.getvalue().encode("utf-8")
    return out


def _cell(value) -> str:
    import pandas as pd

    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""  # a missing number or date (never 'nan' or 'NaT')
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return number(value)
    return str(value)


def number(value: float) -> str:
    """A float as a spreadsheet should read it: 12 significant digits at most, so arithmetic noise such as
    0.7500000000000001 reads 0.75, and whole numbers without '.0'."""
    return f"{value:.12g}"
