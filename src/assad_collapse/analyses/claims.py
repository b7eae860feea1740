"""The claims audit: each relation of checks.csv evaluated on the paper's own figures, with bounds.

Outcomes:
- ``consistent``: the relation holds for the central values and for every value within the bounds;
- ``consistent at the central values``: it holds for the central values, but not across all bounds;
- ``inconsistent``: it fails for the central values (the difference says by how much);
- ``open question``: a side rests on a figure the paper never gives;
- ``tension``: statements of the paper that pull against each other, described in words, not computed.

Each check also says where it comes from (``basis``): the paper ``stated`` it, it is ``implied`` by what
the paper says, it is this project's ``inference``, or (every tension) this project ``noted`` it. Figures the paper gives as approximate can be
widened by ``approximate_spread``, and derived figures built on them carry the same margin.
"""

from __future__ import annotations

import pandas as pd

from ..paper import datasets
from ..paper.derived import derived_figure, derived_figures
from ..paper.parts import parts_vs_total
from ..paper.expression import evaluate, names
from ..paper.quantity import Quantity

CONSISTENT, CENTRAL_ONLY, INCONSISTENT, OPEN = "consistent", "consistent at the central values", "inconsistent", "open question"
TENSION = "tension"
BASIS_WORDS = {"stated": "stated in the paper", "implied": "implied by the paper", "inference": "this project's inference",
               "noted": "noted by this report"}


def _lookup(path, spread: float):
    derived = set(derived_figures(path)["id"])

    def lookup(name: str) -> Quantity:
        if name in derived:
            return derived_figure(name, path, spread).named(name)
        return datasets.figure(name, path, spread)

    return lookup


def _holds(relation: str, left: float, right: float) -> bool:
    return {
        "equal": abs(left - right) <= 1e-9 * max(1.0, abs(right)),
        "at_most": left <= right + 1e-9 * max(1.0, abs(right)),
        "less_than": left < right,
        "greater_than": left > right,
    }[relation]


def _judge(relation: str, left: Quantity, right: Quantity) -> str:
    if not _holds(relation, left.value, right.value):
        return INCONSISTENT
    if relation == "equal":
        robust = left.is_point and right.is_point or (left.low <= right.high and right.low <= left.high)
    elif relation in ("at_most", "less_than"):
        robust = _holds(relation, left.high, right.low)
    else:
        robust = _holds(relation, left.low, right.high)
    return CONSISTENT if robust else CENTRAL_ONLY


def _quantified(ids: set[str], path) -> bool:
    figures = datasets.figures(path).set_index("id")
    return all(figures.loc[i, "quantified"] for i in ids if i in figures.index)


def audit(path=None, approximate_spread: float = 0.0) -> pd.DataFrame:
    """Evaluate every check of checks.csv; one row per check with both sides, outcome and difference.

    ``approximate_spread`` widens figures the paper gives as approximate (see datasets.figure).
    """
    checks = datasets.checks(path)
    lookup = _lookup(path, approximate_spread)

    def parts_sum(name: str) -> Quantity:
        return parts_vs_total(name, path, approximate_spread).parts_sum.named(f"sum({name})")

    rows = []
    for check in checks.itertuples():
        used = set() if check.relation == "tension" else names(check.left) | names(check.right)
        row = {"id": check.id, "claim": check.claim, "relation": check.relation, "locator": check.locator, "note": check.note,
               "basis": check.basis, "basis_words": BASIS_WORDS[check.basis],
               "left_expression": check.left, "right_expression": check.right, "sources": ";".join(sorted(used))}
        if check.relation == "tension":
            rows.append({**row, "outcome": TENSION})
            continue
        if check.relation == "unknown" or not _quantified(used, path):
            rows.append({**row, "outcome": OPEN})
            continue
        left = evaluate(check.left, lookup, parts_sum)
        right = evaluate(check.right, lookup, parts_sum)
        rows.append({**row, "outcome": _judge(check.relation, left, right),
                     "left": left.value, "left_low": left.low, "left_high": left.high,
                     "right": right.value, "right_low": right.low, "right_high": right.high,
                     "difference": left.value - right.value})
    return pd.DataFrame(rows)


def rest_on(path=None) -> pd.DataFrame:
    """How many figures rest on each kind of source according to the paper, quantified or not."""
    figures = datasets.figures(path)
    table = figures.groupby(["source_kind", "quantified"]).size().unstack(fill_value=0)
    table = table.rename(columns={True: "quantified", False: "unquantified"})
    for column in ("quantified", "unquantified"):
        if column not in table:
            table[column] = 0
    table["total"] = table["quantified"] + table["unquantified"]
    return table.sort_values("total", ascending=False)[["quantified", "unquantified", "total"]]


def single_source(path=None) -> pd.DataFrame:
    """Figures the paper gives to one interviewee or to a source it does not name (not those the author states himself)."""
    figures = datasets.figures(path)
    own = figures["source_kind"].isin(["author", "unattributed"])
    return figures[~own][["id", "measure", "group", "source_kind", "locator"]]


def unquantified(path=None) -> pd.DataFrame:
    """What the paper leaves unquantified ('some', 'not known', figures it compares with but never gives)."""
    figures = datasets.figures(path)
    return figures[~figures["quantified"]][["id", "measure", "group", "locator", "note"]]
