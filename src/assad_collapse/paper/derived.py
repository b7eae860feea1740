"""Figures the paper implies but does not state, computed from figures.csv with bounds carried through.

Each derivation (:mod:`.derivations`) is a small function of other figures; the
result keeps the formula and the ids it came from (see
:class:`~.quantity.Quantity`). A derived figure is ``approximate`` when any figure it
rests on is approximate or a range, else ``as_stated``; with ``approximate_spread`` it
carries the same margin the reports draw around those figures.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import datasets
from .derivations import DERIVATIONS
from ..errors import AssadCollapseError
from .parts import parts_vs_total
from .quantity import Quantity


class FigureAccess:
    """Access to figures as quantities, for derivations."""

    def __init__(self, path, approximate_spread: float = 0.0):
        self.path = path
        self.spread = approximate_spread
        self.frame = datasets.figures(path).set_index("id")

    def __getitem__(self, figure_id: str) -> Quantity:
        return datasets.figure(figure_id, self.path, self.spread)

    def years(self, figure_id: str) -> Quantity:
        row = self.frame.loc[figure_id]
        years = row["period_end"].year - row["period_start"].year + 1
        return Quantity.constant(years).named(f"years({figure_id})")

    def sum_of_parts(self, total_id: str) -> Quantity:
        """The sum of the quantified parts of ``total_id`` (parts with no number are left out)."""
        return parts_vs_total(total_id, self.path, self.spread).parts_sum.named(f"Σ parts({total_id})")

    def precision(self, sources) -> str:
        """'approximate' if any source figure is approximate or a range, else 'as_stated'."""
        rows = self.frame.loc[list(sources)]
        return "approximate" if ((rows["precision"] == "approximate") | rows["central_is_midpoint"]).any() else "as_stated"


def derived_figures(path=None, approximate_spread: float = 0.0) -> pd.DataFrame:
    """Figures the paper implies but does not state: every derivation computed, one row each with value,
    bounds, precision, formula and source ids (``approximate_spread`` as in :func:`.datasets.figure`)."""
    return _derived_figures(*datasets.signature(path), float(approximate_spread)).copy()


@lru_cache(maxsize=16)
def _derived_figures(directory, signature: tuple, approximate_spread: float) -> pd.DataFrame:
    """Computed once per state of the data (reports ask for derived figures many times over)."""
    figs = FigureAccess(directory, approximate_spread)
    rows = []
    for d in DERIVATIONS:
        q = d.compute(figs)
        period = figs.frame.loc[d.period_of]
        rows.append({
            "id": d.id, "topic": d.topic, "measure": d.measure, "unit": d.unit,
            "value": q.value, "low": q.low, "high": q.high, "precision": figs.precision(q.sources),
            "period_start": period["period_start"], "period_end": period["period_end"],
            "formula": q.plain_formula, "sources": ";".join(q.sources), "note": d.note,
        })
    return pd.DataFrame(rows)


def derived_figure(derived_id: str, path=None, approximate_spread: float = 0.0) -> Quantity:
    """One derived figure as a :class:`Quantity` carrying its formula and source ids."""
    derived = derived_figures(path, approximate_spread).set_index("id")
    if derived_id not in derived.index:
        raise AssadCollapseError(f"no derived figure with id {derived_id!r}")
    row = derived.loc[derived_id]
    return Quantity(row["value"], row["low"], row["high"], row["formula"], tuple(row["sources"].split(";")))
