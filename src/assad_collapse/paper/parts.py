"""Internal consistency of the paper's figures: do the parts it gives add up to the total it states?

Relations come from data (``part_of`` in figures.csv), never from code per claim.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import datasets
from .quantity import Quantity


@dataclass(frozen=True)
class PartsCheck:
    """Parts of a total against the total: sums with bounds, and the parts the paper leaves unquantified."""

    total_id: str
    total: Quantity
    parts: pd.DataFrame  # id, group, central, low, high, quantified
    parts_sum: Quantity
    unquantified: list[str]

    @property
    def gap(self) -> Quantity:
        """Total minus the sum of the quantified parts (what the paper leaves unallocated)."""
        return self.total - self.parts_sum

    @property
    def status(self) -> str:
        """'adds up', 'within bounds', 'parts exceed total' or 'parts fall short'."""
        gap = self.gap
        if self.total.value == self.parts_sum.value:
            return "adds up"
        if gap.low <= 0 <= gap.high:
            return "within bounds"
        return "parts exceed total" if gap.high < 0 else "parts fall short"


def parts_vs_total(total_id: str, path=None, approximate_spread: float = 0.0) -> PartsCheck:
    """Compare the figures that are ``part_of`` ``total_id`` with that total."""
    total = datasets.figure(total_id, path, approximate_spread)
    parts = datasets.parts_of(total_id, path)
    quantities = {
        i: datasets.figure(i, path, approximate_spread) for i in parts.loc[parts["quantified"], "id"]
    }
    frame = pd.DataFrame({
        "id": parts["id"],
        "group": parts["group"],
        "central": [quantities[i].value if i in quantities else float("nan") for i in parts["id"]],
        "low": [quantities[i].low if i in quantities else float("nan") for i in parts["id"]],
        "high": [quantities[i].high if i in quantities else float("nan") for i in parts["id"]],
        "quantified": parts["quantified"].to_numpy(),
    })
    values = list(quantities.values())
    parts_sum = sum(values[1:], values[0]).named(f"Σ parts of {total_id}") if values else Quantity.constant(0)
    unquantified = list(parts.loc[~parts["quantified"], "id"])
    return PartsCheck(total_id, total, frame, parts_sum, unquantified)
