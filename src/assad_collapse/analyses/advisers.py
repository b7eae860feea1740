"""Russian advisers: 671 at the 2017 peak against about 80 in October 2024, and their 2024 distribution.

The postings the paper numbers are shown as numbers; the ones it only says had
"some" advisers stay "some"; what the numbers leave of the total is shown as
unallocated, not dropped.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt

from ..paper import datasets
from ..presentation import charts, citations, prose, style
from ..paper.parts import PartsCheck, parts_vs_total
from ..reportparams import ADVISERS

PEAK, TOTAL = "advisers_peak_2017", "advisers_total_2024_10"

PARAMETERS = ADVISERS.specs


def parameters(**values) -> dict:
    """Check the report's parameters and fill defaults."""
    return ADVISERS.check(values, datasets.data_dir())


def distribution(params: dict) -> PartsCheck:
    """The 2024 postings against the October 2024 total."""
    return parts_vs_total(TOTAL, approximate_spread=params["approximate_spread_percent"] / 100)



def chart_drawdown(params: dict) -> charts.Chart:
    """The 2017 peak against October 2024, with the share that remained."""
    style.use_house_style()
    peak = datasets.figure(PEAK)
    now = datasets.figure(TOTAL, approximate_spread=params["approximate_spread_percent"] / 100)
    share = now / peak * 100
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 3.8))
    for x, q, color, label in ((0, peak, style.OKABE_ITO[0], f"{peak.value:,.0f}"), (1, now, style.OKABE_ITO[3], f"about {now.value:,.0f}")):
        ax.bar(x, q.value, color=color, width=0.5)
        if q.high > q.low:
            ax.errorbar(x, q.value, yerr=[[q.value - q.low], [q.high - q.value]], fmt="none", ecolor="#222222", capsize=5)
        ax.text(x, q.high, label, ha="center", va="bottom", fontsize=11)
    ax.set_xticks([0, 1], ["2017 peak", "October 2024"])
    ax.set_ylim(0, peak.value * 1.15)
    ax.set_ylabel("Russian advisers in Syria")
    ax.set_title(f"By October 2024 about {share.value:.0f}% of the 2017 peak of Russian advisers remained")
    ids = [PEAK, TOTAL]
    return charts.finish(fig, ids, description=f"{peak.value:,.0f} advisers in 2017; about {now.value:,.0f} in October 2024.")


def chart_distribution(params: dict) -> charts.Chart:
    """The 2024 postings: numbered ones as bars, 'some' as text, the unallocated remainder hatched."""
    style.use_house_style()
    check = distribution(params)
    parts = check.parts
    if params["order"] == "size":
        parts = parts.sort_values("central", ascending=False, kind="stable", na_position="last")
    gap = check.gap
    labels = [textwrap.fill(g, 28) for g in parts["group"]] + ["Left unallocated\nby the numbers"]
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 0.55 * len(labels) + 1.6))
    y = list(range(len(labels)))[::-1]
    ax.set_xlim(0, check.total.high * 1.1)
    for yi, row in zip(y, parts.itertuples()):
        if row.quantified:
            ax.barh(yi, row.central, color=style.OKABE_ITO[0], height=0.6)
            ax.text(row.central, yi, f"  {row.central:,.0f}", va="center", fontsize=10)
        else:
            ax.text(0, yi, "  some (the paper gives no number)", va="center", fontsize=10, color=style.MUTED, style="italic")
    ax.barh(y[-1], gap.value, color="white", edgecolor=style.OKABE_ITO[3], hatch="///", height=0.6)
    if gap.high > gap.low:
        ax.errorbar(gap.value, y[-1], xerr=[[gap.value - max(gap.low, 0)], [gap.high - gap.value]], fmt="none", ecolor="#222222", capsize=4)
    ax.text(gap.high, y[-1], f"  about {gap.value:,.0f} (derived)", va="center", fontsize=10)
    ax.set_yticks(y, labels)
    ax.grid(False)
    ax.grid(True, axis="x")
    ax.set_xlabel(f"advisers (total about {check.total.value:,.0f})")
    ax.set_title(f"The paper numbers {check.parts_sum.value:,.0f} of about {check.total.value:,.0f} advisers in 2024")
    ids = [TOTAL, *parts["id"]]
    description = "; ".join(
        f"{r.group}: {r.central:,.0f}" if r.quantified else f"{r.group}: some" for r in parts.itertuples()
    ) + f"; unallocated: about {gap.value:,.0f}."
    return charts.finish(fig, ids, description=description)


def findings(params: dict) -> str:
    """The report's findings in prose, every number formatted from data."""
    check = distribution(params)
    numbered = check.parts[check.parts["quantified"]]
    some = check.parts[~check.parts["quantified"]]
    return "\n".join([
        f"- **Drawdown.** At the peak of Russian engagement in 2017 there were {citations.stated(PEAK)} Russian advisers in Syria; "
        f"in October 2024 there were {citations.stated(TOTAL)}: {citations.derived('advisers_share_of_peak_2024')} of the peak.",
        "- **Where they were.** The paper numbers these postings: "
        + ", ".join(f"{prose.esc(r.group)} {r.central:,.0f}" for r in numbered.itertuples())
        + f" {citations.cite(*numbered['id'])}, {check.parts_sum.value:,.0f} in all.",
        "- **Postings without a number.** It says only that there were some advisers with "
        + ", ".join(prose.esc(g) for g in some["group"]) + f" {citations.cite(*some['id'])}.",
        f"- **What is left.** The numbered postings leave {citations.derived('advisers_unallocated_2024')} of the total for those "
        "postings; the paper does not say how they were split.",
    ])


def limits(params: dict) -> str:
    """What the data cannot tell."""
    spread = params["approximate_spread_percent"]
    return "\n".join([
        "- The paper says its sources differ somewhat on the distribution; the numbered postings are read as approximate.",
        "- The total is given for October 2024, the distribution for 2024 in general; the two may not describe the same month.",
        "- Advisers with the Liwa al Quds militia, the 25th Division and the ministries and presidency are not quantified: "
        "the unallocated remainder is an upper bound for all of them together, not a figure for any one.",
        "- Deployments were also shortened, so a head count understates how much less advice was being given."
        if spread == 0 else f"- Approximate figures are read here as ± {spread:g}% (a parameter of this report, not the paper's).",
    ])


def source_ids(params: dict) -> list[str]:
    """Every figure and derived figure this report cites."""
    return [PEAK, TOTAL, "advisers_share_of_peak_2024", *distribution(params).parts["id"], "advisers_unallocated_2024"]
