"""The funding report's charts: support levels over time with the marked events, and money against logistics."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..paper import datasets
from ..presentation import charts, marks, prose, style, timebars
from ..presentation.charts import Chart
from ..presentation.style import Layout
from . import funding

BASIS_COLOR = {"stated": style.STATED, "derived": style.DERIVED, "assumed": style.ASSUMED}
BASIS_WORDS = {"stated": "stated", "derived": "worked out", "assumed": "assumed"}
BASIS_CLAUSES = {"stated": "the paper states it", "derived": "it is worked out from the paper's figures",
                 "assumed": "it is assumed"}  # the subtitle names only the kinds a chart draws


def _years() -> tuple[int, int]:
    """The years the funding figures cover: from the peak's first year to the cut's last."""
    return funding._period(funding.PEAK)[0].year, funding._period(funding.CUT)[1].year


def _axis_range(layout: Layout) -> tuple[pd.Timestamp, pd.Timestamp]:
    return pd.Timestamp("2015-07-01"), pd.Timestamp("2027-01-01" if layout.phone else "2026-07-01")


def _level_text(row, what: str) -> str:
    value = prose.number(row.central, funding.USD_YEAR, row.approximate).removesuffix(" a year")
    if row.high > row.low:
        value = prose.quantity(row, funding.USD_YEAR, row.approximate).removesuffix(" a year")
    return f"{'≈' if row.approximate else ''}{value} a year {what} ({BASIS_WORDS[row.basis]})".replace("  ", " ")


WHAT = {"peak": "at the peak", "average": "on average", "first year": "in the first year",
        "second year": "in the second year", "2024": ""}



def draw_levels(ax: plt.Axes, levels: pd.DataFrame, layout: Layout, start: pd.Timestamp, end: pd.Timestamp,
                compact: bool = False) -> None:
    """Support levels as columns over their spans, each labelled directly; years without a figure as a labelled gap."""
    marks.register(ax, funding.USD_YEAR)
    top = float(levels["high"].max())
    x_end, ax_start = mdates.date2num(end), mdates.date2num(start)
    per_in = (x_end - mdates.date2num(start)) / (ax.get_position().width * ax.figure.get_figwidth())
    char_in = timebars.CHAR_EM * layout.small / 72
    chars = max(10, int((1.15 if layout.phone else 2.2) / char_in))
    for row in levels.itertuples():
        x0, x1 = mdates.date2num(row.start), mdates.date2num(row.end + pd.Timedelta(days=1))
        color = BASIS_COLOR[row.basis]
        hatch = style.ASSUMED_HATCH if row.basis == "assumed" else None
        face = "white" if row.basis == "assumed" else color
        if row.what == "average" and (levels["what"] == "first year").any():
            ax.plot([x0, x1], [row.central] * 2, color=color, linewidth=2, linestyle=(0, (3, 2)))
        elif row.approximate and row.high == row.low and row.basis != "assumed":
            ax.bar(x0, row.central * (1 - marks.BLUR), width=x1 - x0, align="edge", color=face, edgecolor=color, linewidth=0)
            marks.fade(ax, x0, row.central * (1 - marks.BLUR), row.central * (1 + marks.BLUR), x1 - x0, color, horizontal=False)
        else:
            ax.bar(x0, row.central, width=x1 - x0, align="edge", color=face, edgecolor=color, hatch=hatch, linewidth=1.2)
        if row.high > row.low:
            ax.bar(x0, row.high - row.low, bottom=row.low, width=x1 - x0, align="edge", color=color, alpha=0.3, linewidth=0,
                   gid="range")
        if row.what == "first year" or x1 <= ax_start or x0 >= x_end:
            continue
        x0 = max(x0, ax_start)
        text = _level_text(row, WHAT[row.what]) if not compact else (
            ("≈" if row.approximate else "") + prose.number(row.central, funding.USD_YEAR, row.approximate).removesuffix(" a year")
            + (" on average" if row.what == "average" else ""))
        if row.what == "second year":
            first = levels[levels["what"] == "first year"].iloc[0]
            text = (f"assumed split: {prose.number(first.central, funding.USD_YEAR)} in {first.start.year}, "
                    f"{prose.number(row.central, funding.USD_YEAR)} in {row.start.year}")
        room = min(chars, int(((x_end - x0) / per_in - 0.05) / char_in))
        y = max(row.high, row.central * (1 + marks.BLUR)) + top * 0.04
        if row.what == "second year":
            y = max(levels["high"].iloc[1:].max(), row.central) + top * 0.3
        width = max(room, max(len(w) for w in text.split()))
        ax.text(x0, y, textwrap.fill(text, width, break_long_words=False), ha="left", va="bottom", fontsize=layout.small,
                color=style.INK,
                linespacing=1.15)
    peak = levels[levels["what"] == "peak"].iloc[0]
    gap_start = peak.end + pd.Timedelta(days=1)
    gap_end = levels[levels["what"] == "average"].iloc[0].start
    g0, g1 = mdates.date2num(gap_start), mdates.date2num(gap_end)
    ax.bar(g0, top * 0.07, width=g1 - g0, align="edge", color="white", edgecolor=style.GAP, hatch=style.GAP_HATCH, linewidth=0.8)
    if ax_start <= g0 + (g1 - g0) / 2 - (g1 - g0) * 0.3:
        ax.text(g0 + (g1 - g0) / 2, top * 0.1, textwrap.fill("no figure in the paper", 14 if layout.phone else 30),
                ha="center", va="bottom", fontsize=layout.small, color=style.MUTED, style="italic")
    if not compact and g0 >= ax_start:
        last = levels[levels["what"] == "2024"].iloc[0]
        ax.plot([g0, mdates.date2num(last.end + pd.Timedelta(days=1))], [peak.central] * 2, color=style.MUTED,
                linestyle=(0, (2, 2)), linewidth=1)
        ax.text(g0 + (g1 - g0) * 0.04, peak.central - top * 0.03, textwrap.fill("peak level, the baseline of the 2024 cut", chars),
                ha="left", va="top", fontsize=layout.small, color=style.MUTED)
    ax.set_ylim(0, top * 1.35)
    ax.set_xlim(mdates.date2num(start), mdates.date2num(end))
    ax.yaxis.set_major_formatter(lambda v, _: f"${v:g}bn")
    ax.tick_params(axis="y", labelsize=layout.small)
    timebars.year_axis(ax, layout, *_years())


def _spans(events: pd.DataFrame) -> list[timebars.Span]:
    return [timebars.Span(r.start, r.end, r.label, r.when, r.turning, r.day, r.open_start) for r in events.itertuples()]


def chart_levels(params: dict) -> Chart:
    """Yearly support as spans, coloured by what the paper states, what is worked out and what is assumed,
    with the marked events below on the same time axis."""
    levels = funding.spans(params)
    events = _spans(funding.marked_events(params["marked_events"]))

    def draw(layout: Layout) -> plt.Figure:
        style.use_house_style(layout)
        start, end = _axis_range(layout)
        width = layout.width_in
        left_in, right_in = (0.55, 0.1) if layout.phone else (0.75, 0.15)
        axes_w = width - left_in - right_in
        money_h = 2.9 if layout.phone else 3.1
        strip_h = timebars.panel_height(events, axes_w, layout) if events else 0
        head = 0.3 if events else 0
        height = 0.15 + money_h + 0.35 + head + strip_h + 0.3
        fig = plt.figure(figsize=(width, height))
        money = fig.add_axes((left_in / width, (height - 0.15 - money_h) / height, axes_w / width, money_h / height))
        draw_levels(money, levels, layout, start, end)
        if events:
            strip = fig.add_axes((left_in / width, 0.3 / height, axes_w / width, strip_h / height), sharex=money)
            timebars.draw_events(strip, events, layout, start, end, axes_w)
            timebars.year_axis(strip, layout, *_years())
            fig.text(left_in / width, (0.3 + strip_h + 0.08) / height, "Events on the same time line", fontsize=layout.font,
                     fontweight="bold", color=style.INK, va="bottom")
        return fig

    peak, last = levels.iloc[0], levels[levels["what"] == "2024"].iloc[0]
    who = "on the values assumed in this version" if funding.assumed(params) else "on the paper's figures"
    title = (f"Russian support fell from {_about(peak)} a year at the {peak.start.year}–{str(peak.end.year)[2:]} peak "
             f"to {_about(last)} a year in {last.start.year}, {who}")
    alt = title + ". " + "; ".join(f"{r.start.year}" + (f"–{r.end.year}" if r.end.year != r.start.year else "")
                                   + f": {_about(r)} a year, {BASIS_WORDS[r.basis]}" for r in levels.itertuples()) + \
        f". No figure for {peak.end.year + 1}–{levels.iloc[1].start.year - 1}. Events: " + \
        "; ".join(f"{e.label} ({e.when})" + (", the paper's turning point" if e.turning else "") for e in events) + "."
    ids = [funding.PEAK, funding.TOTAL, funding.CUT] + list(params["marked_events"])
    return Chart(title, draw, alt, charts.source_words(ids, "The split of 2022–23 between the years, when shown, is assumed."
                                                       if "share" in funding.assumed(params) else ""),
                 subtitle="Russian financial support to the Assad regime, $ billion a year; each level says whether "
                          + prose.join([BASIS_CLAUSES[b] for b in BASIS_CLAUSES if b in set(levels["basis"])], "or") + ".")


def _about(row) -> str:
    return ("about " if row.approximate else "") + prose.number(row.central, funding.USD_YEAR, row.approximate).removesuffix(" a year")


def chart_logistics() -> Chart:
    """Money and logistics in 2024 as a share of their own earlier level, with each baseline named."""
    cut, decline = datasets.figure(funding.CUT), datasets.figure(funding.LOGISTICS)
    money, logistics = 100 - cut.value, 100 - decline.value
    peak = datasets.figures().set_index("id").loc[funding.PEAK]
    peak_when = f"{peak['period_start'].year}–{str(peak['period_end'].year)[2:]}"
    rows = [
        marks.Row("Logistical support", logistics, logistics, logistics, "as_stated", style.DERIVED,
                  detail=f"fell {prose.number(decline.value, 'percent')} from an earlier level the paper does not name",
                  text=f"{prose.number(logistics, 'percent')} left"),
        marks.Row("Direct financial support", money, money, money, "as_stated", style.DERIVED,
                  detail=f"cut {prose.number(cut.value, 'percent')} from the {peak_when} peak",
                  text=f"{prose.number(money, 'percent')} left"),
    ]

    def draw(layout: Layout) -> plt.Figure:
        return marks.rows_figure(rows, "percent", layout, xmax=118,
                                 axis_label="2024 level, % of its own earlier level", reference=(100, "earlier level"))

    title = (f"Logistics suffered less than money: {prose.number(logistics, 'percent')} of Russian logistical support "
             f"was left in 2024, against {prose.number(money, 'percent')} of the money")
    alt = (title + f". Logistical support fell {prose.number(decline.value, 'percent')} from an earlier level the paper does "
           f"not name; direct financial support was cut {prose.number(cut.value, 'percent')} from the {peak_when} peak. "
           "Both remainders are worked out from the stated falls.")
    return Chart(title, draw, alt, charts.source_words([funding.CUT, funding.LOGISTICS]),
                 subtitle="What was left in 2024, as a share of each kind of support's own earlier level (worked out from the stated falls)")
