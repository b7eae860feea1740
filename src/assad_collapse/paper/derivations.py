"""The figures the paper implies but does not state: each derivation as a small function of other figures.

This table is plain data (ids, what is measured, the computation over a figure
accessor); :mod:`.derived` runs it against the loaded figures. Validation reads
the ids from here without loading anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from .quantity import Quantity


class Figures(Protocol):
    """What a derivation may ask of the figures (implemented by :class:`.derived.FigureAccess`)."""

    def __getitem__(self, figure_id: str) -> Quantity: ...

    def years(self, figure_id: str) -> Quantity: ...

    def sum_of_parts(self, total_id: str) -> Quantity: ...


@dataclass(frozen=True)
class Derivation:
    id: str
    topic: str
    measure: str
    unit: str
    period_of: str  # the figure whose period the result describes
    compute: Callable[[Figures], Quantity]
    note: str


DERIVATIONS = (
    Derivation(
        "fund_level_2024", "funding", "Russian financial support in 2024 implied by the cut from the peak",
        "usd_bn_per_year", "fund_cut_2024_vs_peak",
        lambda f: f["fund_peak_2016_17"] * (1 - f["fund_cut_2024_vs_peak"] / 100),
        "Reads '70% off the peak' as a level 70% below the 2016-17 annual peak.",
    ),
    Derivation(
        "fund_avg_2022_23", "funding", "Average yearly Russian financial support over 2022-23",
        "usd_bn_per_year", "fund_total_2022_23",
        lambda f: f["fund_total_2022_23"] / f.years("fund_total_2022_23"),
        "The paper gives only the two-year total; the split between the years is unknown.",
    ),
    Derivation(
        "fund_share_of_peak_2024", "funding", "Russian financial support in 2024 as a share of the peak",
        "percent", "fund_cut_2024_vs_peak",
        lambda f: 100 - f["fund_cut_2024_vs_peak"],
        "What remains after the stated cut.",
    ),
    Derivation(
        "logistics_share_of_peak_2024", "funding", "Russian logistical support in 2024 as a share of its earlier level",
        "percent", "logistics_decline_2024",
        lambda f: 100 - f["logistics_decline_2024"],
        "What remains after the stated decline; its money value is not known.",
    ),
    Derivation(
        "advisers_share_of_peak_2024", "advisers", "Russian advisers in October 2024 as a share of the 2017 peak",
        "percent", "advisers_total_2024_10",
        lambda f: f["advisers_total_2024_10"] / f["advisers_peak_2017"] * 100,
        "The share of the 2017 peak that remained.",
    ),
    Derivation(
        "advisers_unallocated_2024", "advisers", "Russian advisers in 2024 not covered by the numbered postings",
        "persons", "advisers_total_2024_10",
        lambda f: f["advisers_total_2024_10"] - f.sum_of_parts("advisers_total_2024_10"),
        "Left for the postings the paper names without a number (ministries, presidency, Liwa al Quds, 25th Division).",
    ),
    Derivation(
        "militia_decline_2017_2024", "manpower", "Fall in the overall size of the militias, July 2017 to 2024",
        "percent", "militia_total_2024",
        lambda f: (1 - f["militia_total_2024"] / f["militia_total_2017_07"]) * 100,
        "Partly the result of militias being folded into the army.",
    ),
)
