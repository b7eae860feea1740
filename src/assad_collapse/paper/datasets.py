"""Load the validated data files as typed pandas frames: one function per cleaned dataset.

Every loader validates the whole data directory first (all files, all
cross-file checks) and raises :class:`DataValidationError` listing every problem,
so a notebook never sees half-valid data. Results are cached per directory and
file signature, so repeated calls in one notebook cost nothing.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import AssadCollapseError
from ..paths import DATA_DIR_ENV, data_directory as data_dir  # noqa: F401 (public names of this module)
from .numbers import to_numbers
from .quantity import Quantity
from .resource import Resource
from .schemas import RESOURCES
from .validate import validate_data_dir


def _signature(directory: Path) -> tuple:
    return tuple(
        (r.path, (directory / r.path).stat().st_mtime_ns if (directory / r.path).exists() else None)
        for r in RESOURCES.values()
    )


@lru_cache(maxsize=8)
def _typed_tables(directory: Path, signature: tuple) -> dict[str, pd.DataFrame]:
    tables = validate_data_dir(directory)
    return {name: _typed(table.frame, RESOURCES[name]) for name, table in tables.items()}


def _typed(frame: pd.DataFrame, resource: Resource) -> pd.DataFrame:
    out = frame.copy()
    for f in resource.fields:
        if f.type == "number":
            out[f.name] = to_numbers(out[f.name])  # the reader validation used: it accepted every cell
        elif f.type == "integer":
            out[f.name] = to_numbers(out[f.name]).astype("int64")
        elif f.type == "date":
            out[f.name] = pd.to_datetime(out[f.name], format="%Y-%m-%d")
        else:
            out[f.name] = out[f.name].astype("string").fillna("")
    return out.reset_index(drop=True)


def signature(path=None) -> tuple[Path, tuple]:
    """The data directory and its files' modification times: what anything computed from the data may be cached on."""
    directory = data_dir(path)
    return directory, _signature(directory)


def _load(name: str, path=None) -> pd.DataFrame:
    directory = data_dir(path)
    return _typed_tables(directory, _signature(directory))[name].copy()


def outline(path=None) -> pd.DataFrame:
    """The paper's outline: section, subsection, paragraphs."""
    return _load("outline", path)


def figures(path=None) -> pd.DataFrame:
    """Every figure of the paper, with ``central`` (value, or the midpoint of a range) added."""
    df = _load("figures", path)
    df["central"] = df["value"].fillna((df["low"] + df["high"]) / 2)
    df["central_is_midpoint"] = df["value"].isna() & df["low"].notna() & df["high"].notna()
    df["quantified"] = df["precision"] != "unspecified"
    return df


def events(path=None) -> pd.DataFrame:
    """Dated events, sorted by start date; ``actors`` split into a list."""
    df = _load("events", path)
    df["actor_list"] = df["actors"].str.split(";")
    return df.sort_values(["date_start", "id"], kind="stable").reset_index(drop=True)


def interviews(path=None) -> pd.DataFrame:
    """Interviews by category, with their count (validated as one whole number) and locator from figures.csv."""
    df = _load("interviews", path)
    figs = figures(path).set_index("id")
    df["count"] = df["figure_id"].map(figs["value"]).astype("int64")
    df["locator"] = df["figure_id"].map(figs["locator"])
    return df


def hypotheses(path=None) -> pd.DataFrame:
    """The competing hypotheses, by question."""
    return _load("hypotheses", path)


def evidence(path=None) -> pd.DataFrame:
    """Evidence items with their source, period, credibility and relevance."""
    return _load("evidence", path)


def ratings(path=None) -> pd.DataFrame:
    """Each evidence item's rating against each hypothesis of its question."""
    return _load("ratings", path)


def checks(path=None) -> pd.DataFrame:
    """The consistency checks of the paper's arithmetic (checks.csv)."""
    return _load("checks", path)


def figure(figure_id: str, path=None, approximate_spread: float = 0.0) -> Quantity:
    """One figure as a :class:`Quantity` (bounds, formula = its id, sources = its id).

    ``approximate_spread`` (a fraction, e.g. 0.1) widens a point figure the paper gives as
    approximate ("about", "some", "roughly") to ±that share, since the paper states no bounds.
    """
    df = figures(path).set_index("id")
    if figure_id not in df.index:
        raise AssadCollapseError(f"no figure with id {figure_id!r} in figures.csv")
    row = df.loc[figure_id]
    if not row["quantified"]:
        raise AssadCollapseError(f"figure {figure_id!r} has no number in the paper (precision 'unspecified')")
    low, high = float(row["low"]), float(row["high"]) if pd.notna(row["high"]) else float("inf")
    if approximate_spread and row["precision"] == "approximate" and low == high:
        low, high = low * (1 - approximate_spread), high * (1 + approximate_spread)
    return Quantity(float(row["central"]), low, high, figure_id, (figure_id,))


def parts_of(total_id: str, path=None) -> pd.DataFrame:
    """The figures whose ``part_of`` is ``total_id``, in file order."""
    df = figures(path)
    return df[df["part_of"] == total_id].reset_index(drop=True)
