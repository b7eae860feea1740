"""Russia's funding cuts: yearly support levels 2016-2024, the implied 2024 level and the shortfall.

The paper gives three funding figures: about $2.5bn a year at the 2016-17 peak,
$3bn in total over 2022-23, and a 2024 level 70% off the peak. The split of the
2022-23 total between the years, and the baseline the cut applies to, are left
open: they are this report's parameters.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..paper import datasets
from ..presentation import charts, citations, prose, style
from ..paper.quantity import Quantity
from ..reportparams import FUNDING, MARKED_EVENTS  # noqa: F401 (MARKED_EVENTS: the default, public here too)

PARAMETERS = FUNDING.specs

PEAK, TOTAL, CUT, LOGISTICS = "fund_peak_2016_17", "fund_total_2022_23", "fund_cut_2024_vs_peak", "logistics_decline_2024"


def parameters(**values) -> dict:
    """Check the report's parameters (including that marked events exist) and fill defaults."""
    return FUNDING.check(values, datasets.data_dir())


def _override(figure_id: str, value: float | None, label: str) -> Quantity:
    if value is None:
        return datasets.figure(figure_id)
    return Quantity(value, value, value, label)


def assumptions(params: dict) -> dict[str, Quantity]:
    """The three inputs after applying the parameters: peak, 2022-23 total and cut."""
    return {
        "peak": _override(PEAK, params["peak_bn_per_year"], "peak_bn_per_year"),
        "total": datasets.figure(TOTAL),
        "cut": _override(CUT, params["cut_percent"], "cut_percent"),
        "share_2022": Quantity.constant(params["share_2022"]).named("share_2022"),
    }


def yearly_levels(params: dict) -> pd.DataFrame:
    """Support per year 2016-2024 in $bn, with bounds, basis (stated, derived, none) and formula."""
    a = assumptions(params)
    levels = {
        2016: (a["peak"], "stated"),
        2017: (a["peak"], "stated"),
        2022: (a["total"] * a["share_2022"], "derived"),
        2023: (a["total"] * (1 - a["share_2022"]), "derived"),
        2024: (a["peak"] * (1 - a["cut"] / 100), "derived"),
    }
    rows = []
    for year in range(2016, 2025):
        q, basis = levels.get(year, (None, "no figure"))
        rows.append({
            "year": year,
            "central": q.value if q else float("nan"),
            "low": q.low if q else float("nan"),
            "high": q.high if q else float("nan"),
            "basis": basis,
            "formula": q.plain_formula if q else "the paper gives no figure for this year",
            "sources": ";".join(q.sources) if q else "",
        })
    return pd.DataFrame(rows)


def shortfall_2022_24(params: dict) -> Quantity:
    """Cumulative support missing over 2022-24 against sustaining the peak, in $bn.

    Σ(peak − level) over the three years simplifies to peak × (2 + cut/100) − total,
    so the split of the 2022-23 total does not matter; writing it that way also keeps
    the bounds honest (the peak enters once, not three times).
    """
    a = assumptions(params)
    return a["peak"] * (2 + a["cut"] / 100) - a["total"]


def logistics_index() -> pd.DataFrame:
    """Logistical support as a percentage of its earlier level: 100 before, the stated share in 2024."""
    decline = datasets.figure(LOGISTICS)
    remaining = 100 - decline
    return pd.DataFrame([
        {"label": "Earlier level", "central": 100.0, "low": 100.0, "high": 100.0, "formula": "index", "sources": ""},
        {"label": "2024", "central": remaining.value, "low": remaining.low, "high": remaining.high,
         "formula": remaining.plain_formula, "sources": ";".join(remaining.sources)},
    ])


def marked_events(ids: list[str]) -> pd.DataFrame:
    """The chosen events as spans with short labels, for the time axis."""
    ev = datasets.events().set_index("id").loc[ids]
    return pd.DataFrame({
        "id": ev.index,
        "start": ev["date_start"].values,
        "end": ev["date_end"].values + pd.Timedelta(days=1),
        "label": ev["title"].values,
        "when": [f"{a:%b %Y}" if a.to_period("M") == b.to_period("M") else f"{a:%b %Y}–{b:%b %Y}"
                 for a, b in zip(ev["date_start"], ev["date_end"])],
        "locator": ev["locator"].values,
    })


def chart_levels(params: dict) -> charts.Chart:
    """Yearly support with bounds: stated figures filled, derived ones hollow, missing years marked."""
    style.use_house_style()
    levels = yearly_levels(params)
    events = marked_events(params["marked_events"])
    fig, ax = plt.subplots()
    dates = pd.to_datetime(levels["year"].astype(str) + "-07-01")
    for basis, color, derived in (("stated", style.OKABE_ITO[0], False), ("derived", style.OKABE_ITO[3], True)):
        part = levels["basis"] == basis
        label = "stated in the paper" if basis == "stated" else "derived from the paper's figures"
        charts.range_plot(ax, dates[part], levels.loc[part, "central"], levels.loc[part, "low"], levels.loc[part, "high"],
                            color=color, label=label, derived=derived)
    gap = levels["basis"] == "no figure"
    top = float(levels["high"].max()) * 1.25
    ax.axvspan(dates[gap].min() - pd.Timedelta(days=182), dates[gap].max() + pd.Timedelta(days=182), color="#f2f2f2", lw=0)
    ax.text(dates[gap].min() - pd.Timedelta(days=150), top * 0.05, "no figure in the paper", color=style.MUTED, fontsize=10)
    key = charts.mark_events(ax, events, y=top * 0.97)
    ax.set_ylim(0, top)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_ylabel("$ billion per year")
    first, last = levels.loc[0], levels.loc[levels.index[-1]]
    ax.set_title(f"Russian support fell from about ${first.central:.1f}bn a year to about ${last.central:.2f}bn by 2024")
    ax.legend(loc="upper center", fontsize=10, bbox_to_anchor=(0.45, 0.9))
    sources = [s for cell in levels["sources"] for s in cell.split(";") if s] + list(events["id"])
    points = "; ".join(
        f"{r.year}: {prose.number(r.central, 'usd_bn_per_year')} ({r.basis})" if r.basis != "no figure" else f"{r.year}: no figure"
        for r in levels.itertuples()
    )
    return charts.finish(fig, sources, key, description=f"Yearly Russian support to the regime. {points}.")


def chart_logistics() -> charts.Chart:
    """Logistics against funding in 2024, both as a share of their earlier level."""
    style.use_house_style()
    logistics = logistics_index().iloc[1]
    funding = 100 - datasets.figure(CUT)
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 3.2))
    names = ["Financial support", "Logistical support"]
    values = [funding.value, logistics.central]
    ax.barh(names, values, color=[style.OKABE_ITO[0], style.OKABE_ITO[2]], height=0.5)
    ax.barh(names, [100, 100], color="none", edgecolor=style.MUTED, height=0.5, linestyle="--")
    for y, v in enumerate(values):
        ax.text(v + 1.5, y, f"{v:.0f}% left", va="center", fontsize=11)
    ax.set_xlim(0, 110)
    ax.grid(False)
    ax.set_xlabel("2024 level as % of the earlier level (dashed outline = 100%)")
    ax.set_title("Logistics suffered less than money: what remained in 2024")
    ids = [CUT, LOGISTICS]
    description = f"In 2024 {values[0]:.0f}% of the earlier financial support and {values[1]:.0f}% of the logistical support remained."
    return charts.finish(fig, ids, description=description)


def findings(params: dict) -> str:
    """The report's findings in prose, every number formatted from data."""
    return "\n".join([
        f"- **At the peak**, in 2016-17, Russia spent {citations.stated(PEAK)} to support the regime.",
        f"- **In 2022-23** it still gave {citations.stated(TOTAL)} in total, {citations.derived('fund_avg_2022_23')} on average: "
        "high, but already below the peak.",
        f"- **By 2024** support was {citations.stated(CUT)} off the peak, which puts it at {citations.derived('fund_level_2024')}.",
        f"- **Logistics** suffered less: a decline of {citations.stated(LOGISTICS)}, leaving "
        f"{citations.derived('logistics_share_of_peak_2024')} of its earlier level. Its money value is "
        f"{prose.stated_value('logistics_value')} {citations.cite('logistics_value')}.",
    ])


def scenario(params: dict) -> str:
    """What the chosen assumptions imply: the year-by-year path and the 2022-24 shortfall."""
    a = assumptions(params)
    levels = yearly_levels(params).set_index("year")
    short = shortfall_2022_24(params)
    using_paper = params["peak_bn_per_year"] is None and params["cut_percent"] is None
    basis = "the paper's own figures" if using_paper else "the assumptions chosen for this run"
    unit = "usd_bn_per_year"
    rows = [
        f"With {basis} (peak {prose.quantity(a['peak'], unit)}, cut {prose.number(a['cut'].value, 'percent')}, "
        f"{prose.number(params['share_2022'] * 100, 'percent')} of the 2022-23 total in 2022):",
        "",
        f"- 2022: {prose.quantity(_row_q(levels, 2022), unit)}; 2023: {prose.quantity(_row_q(levels, 2023), unit)}; "
        f"2024: {prose.quantity(_row_q(levels, 2024), unit)}.",
        f"- Against sustaining the peak, the three years 2022-24 lacked {prose.quantity(short, 'usd_bn')} in total "
        f"(formula: {prose.esc(short.plain_formula)}). The split of the 2022-23 total changes the path, not this sum.",
    ]
    if levels.loc[2023, "central"] > levels.loc[2022, "central"]:
        rows.append("- Note: with this split, 2023 would be higher than 2022, which sits oddly with the paper's account "
                    "of cuts beginning in 2023.")
    return "\n".join(rows)


def _row_q(levels: pd.DataFrame, year: int) -> Quantity:
    row = levels.loc[year]
    return Quantity(row["central"], row["low"], row["high"], row["formula"])


def limits() -> str:
    """What the data cannot tell, stated from the data (unquantified figures and missing years)."""
    missing = yearly_levels(parameters())  # which years lack a figure does not depend on the parameters
    gap = missing.loc[missing["basis"] == "no figure", "year"]
    return "\n".join([
        f"- The paper gives no funding figure for {gap.min()}–{gap.max()}; the chart leaves those years empty rather than "
        "drawing a line through them.",
        "- The 2022-23 total is not split by year: the split is a parameter of this report.",
        f"- The cut to units deemed disloyal in 2023 is dated but {prose.stated_value('fund_disloyal_units_cut_2023')} "
        f"{citations.cite('fund_disloyal_units_cut_2023')}.",
        "- The peak figure is approximate and the paper gives no bounds for it, so the bounds shown only carry the "
        "ranges the paper states; a reader can vary the peak with the `peak_bn_per_year` parameter.",
        "- The baseline of the 20% logistics decline is not stated; it is read here as the earlier level.",
    ])


SOURCE_IDS = [PEAK, TOTAL, CUT, LOGISTICS, "logistics_value", "fund_disloyal_units_cut_2023",
              "fund_avg_2022_23", "fund_level_2024", "logistics_share_of_peak_2024"]
