"""The timeline: dated events 2015-2024 on one axis, with the funding and adviser series above them.

A date known only to the month, season or year is drawn as the span of its
possible days, never as a single day; the paper's turning points are marked.
"""

from __future__ import annotations

import html
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..paper import datasets
from . import funding
from ..presentation import charts, citations, prose, style
from ..presentation.charts import short_locator
from ..paper.schemas import EVENT_CATEGORIES
from ..reportparams import FIRST, LAST, TIMELINE  # noqa: F401 (the window's bounds, public here too)

PARAMETERS = TIMELINE.specs
CATEGORY_COLORS = dict(zip(EVENT_CATEGORIES, style.OKABE_ITO))


def parameters(**values) -> dict:
    """Check the parameters; the window must not end before it starts, and must keep some actor and category."""
    return TIMELINE.check(values)


def select(params: dict) -> pd.DataFrame:
    """Events overlapping the window that involve a chosen actor and belong to a chosen category."""
    ev = datasets.events()
    start, end = pd.Timestamp(f"{params['start_year']}-01-01"), pd.Timestamp(f"{params['end_year']}-12-31")
    keep = (ev["date_end"] >= start) & (ev["date_start"] <= end)
    keep &= ev["actor_list"].apply(lambda actors: bool(set(actors) & set(params["actors"])))
    keep &= ev["category"].isin(params["categories"])
    return ev[keep].reset_index(drop=True)


def _series_panel(ax: plt.Axes) -> list[str]:
    """Funding ($bn a year, the paper's figures) and advisers (share of the 2017 peak) on the time axis."""
    levels = funding.yearly_levels(funding.parameters())
    known = levels[levels["basis"] != "no figure"]
    x = pd.to_datetime(known["year"].astype(str) + "-07-01")
    ax.plot(x, known["central"], "o", color=style.OKABE_ITO[0], label="Russian funding, $bn a year")
    advisers = datasets.figures().set_index("id").loc[["advisers_peak_2017", "advisers_total_2024_10"]]
    scale = known["central"].max() / advisers["central"].max()
    ax.plot(advisers["period_start"] + (advisers["period_end"] - advisers["period_start"]) / 2, advisers["central"] * scale,
            "s", color=style.OKABE_ITO[3], label="Russian advisers (scaled to the 2017 peak)")
    ax.set_ylim(0, known["high"].max() * 1.3)
    ax.set_ylabel("$bn a year")
    ax.legend(loc="lower left", bbox_to_anchor=(-0.9, 0.0), fontsize=8, frameon=False)
    ax.set_title("Russian support fell while the falling-out deepened", loc="right")
    return [s for cell in known["sources"] for s in cell.split(";") if s] + list(advisers.index)


def chart(params: dict) -> charts.Chart:
    """One row per event, as the span of its possible dates, coloured by category; turning points starred."""
    style.use_house_style()
    ev = select(params).iloc[::-1].reset_index(drop=True)
    rows_in = 0.26 * max(len(ev), 1)
    height = 2.4 + rows_in
    fig, (top, ax) = plt.subplots(2, 1, sharex=True, figsize=(style.WIDTH_IN, height),
                                  gridspec_kw={"height_ratios": [1.8, rows_in]})
    fig.subplots_adjust(left=0.47, right=0.98, top=1 - 0.45 / height, bottom=1.1 / height, hspace=0.08)
    series_ids = _series_panel(top)
    start, end = pd.Timestamp(f"{params['start_year']}-01-01"), pd.Timestamp(f"{params['end_year'] + 1}-01-01")
    for y, e in enumerate(ev.itertuples()):
        color = CATEGORY_COLORS[e.category]
        if e.date_precision == "day":
            ax.plot(e.date_start, y, "D", color=color, markersize=5)
        else:
            ax.barh(y, e.date_end + pd.Timedelta(days=1) - e.date_start, left=e.date_start, height=0.62, color=color)
    labels = [("★ " if e.turning_point == "yes" else "") + textwrap.shorten(e.title, 62, placeholder="…") for e in ev.itertuples()]
    ax.set_yticks(range(len(ev)), labels, fontsize=8)
    ax.set_ylim(-0.7, len(ev) - 0.3)
    ax.set_xlim(start, end)
    years = params["end_year"] - params["start_year"] + 1
    ax.xaxis.set_major_locator(mdates.YearLocator(1 if years <= 5 else 2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(True, axis="x")
    ax.grid(False, axis="y")
    ax.tick_params(axis="y", length=0)
    handles = [plt.Rectangle((0, 0), 1, 1, color=CATEGORY_COLORS[c]) for c in params["categories"]]
    fig.legend(handles, params["categories"], loc="lower left", bbox_to_anchor=(0.02, 0.0), ncol=4, fontsize=9,
               title="category", title_fontsize=9, alignment="left")
    ids = series_ids + list(ev["id"])
    turning = ev[ev["turning_point"] == "yes"]
    description = (f"{len(ev)} events from {params['start_year']} to {params['end_year']}. Turning points: "
                   + "; ".join(f"{t.title} ({t.date_start:%b %Y})" for t in turning.itertuples()) + ".")
    source = ("Source: Giustozzi (RUSI, 2025); each event's paragraph is in the table below.\nBars span every day the paper's "
              "date allows; diamonds are events dated to the day; ★ marks a turning point in the paper's account.")
    return charts.finish(fig, ids, description=description, source=source, tight=False)


def findings(params: dict) -> str:
    """Counts and turning points, computed."""
    ev = select(params)
    precision = ev["date_precision"].value_counts()
    turning = ev[ev["turning_point"] == "yes"]
    return "\n".join([
        f"- **{len(ev)} events** in {params['start_year']}–{params['end_year']} match the chosen actors and categories.",
        "- **How precisely the paper dates them:** " + ", ".join(f"{n} to the {p}" for p, n in precision.items()) + ".",
        "- **Turning points** in the paper's account: " + "; ".join(
            f"{prose.esc(t.title)} ({t.date_start:%b %Y}–{t.date_end:%b %Y}) {citations.cite(t.id)}" for t in turning.itertuples()
        ) + "." if len(turning) else "- No turning point falls in the chosen window.",
    ])


def events_table(params: dict) -> str:
    """HTML table of the selected events with dates as spans and their locators."""
    rows = []
    for e in select(params).itertuples():
        when = f"{e.date_start:%Y-%m-%d}" if e.date_start == e.date_end else f"{e.date_start:%Y-%m-%d} to {e.date_end:%Y-%m-%d}"
        where = "; ".join(html.escape(short_locator(l)) for l in e.locator.split(";"))
        rows.append((f"src-{e.id}", [f"{when}<br><small>to the {html.escape(e.date_precision)}</small>",
                                      ("★ " if e.turning_point == "yes" else "") + html.escape(e.title),
                                      html.escape(e.actors.replace(";", ", ").replace("_", " ")), html.escape(e.category), where]))
    return citations.html_table(["When", "What", "Actors", "Category", "Where"], rows)
