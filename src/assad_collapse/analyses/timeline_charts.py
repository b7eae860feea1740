"""The timeline's charts: the story's events over money and advisers on one time axis, and a zoom on the last months."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..paper import datasets
from ..presentation import charts, labels, marks, prose, style, timebars
from ..presentation.charts import Chart
from ..presentation.style import Layout
from . import funding, funding_charts, timeline

ADVISERS = ("advisers_peak_2017", "advisers_total_2024_10")


def spans(events: pd.DataFrame) -> list[timebars.Span]:
    """Events as spans to draw, labelled with their titles and dates in words."""
    return [timebars.Span(e.date_start, e.date_end, labels.typeset(e.title), labels.event_when(e.id),
                          e.turning_point == "yes", e.date_precision == "day", e.open_ended == "start")
            for e in events.itertuples()]


def _advisers(ax: plt.Axes, layout: Layout, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """Russian advisers as columns over the periods the paper gives, in persons, labelled directly."""
    marks.register(ax, "persons")
    figures = datasets.figures().set_index("id")
    top = figures.loc[list(ADVISERS), "central"].max()
    for i in ADVISERS:
        row = figures.loc[i]
        x0, x1 = mdates.date2num(row["period_start"]), mdates.date2num(row["period_end"] + pd.Timedelta(days=1))
        x1 = max(x1, x0 + 45)  # a month-long column would be invisible; keep it a visible sliver
        ax.bar(x0, row["central"], width=x1 - x0, align="edge", color=style.STATED, linewidth=0)
        value = marks.value_text(row["central"], row["low"], row["high"], row["precision"], "persons")
        text = f"{value} in {labels.date_span(row['period_start'], row['period_end'])}"
        if x1 <= mdates.date2num(start):
            continue
        x0 = max(x0, mdates.date2num(start))
        x_text, ha = (x0, "left") if x0 + (end - start).days * 0.35 < mdates.date2num(end) else (x1, "right")
        ax.text(x_text, row["central"] + top * 0.06, text, ha=ha, va="bottom", fontsize=layout.small, color=style.INK)
    ax.set_ylim(0, top * 1.45)
    marks.whole_ticks(ax.yaxis, "persons", bins=3)
    ax.tick_params(axis="y", labelsize=layout.small)


def _panel_title(fig: plt.Figure, x: float, y: float, text: str, layout: Layout, note: str = "") -> None:
    fig.text(x, y, text, fontsize=layout.font, fontweight="bold", color=style.INK, va="bottom")
    if note:
        fig.text(x, y - 0.01, note, fontsize=layout.small, color=style.MUTED, va="top")


def chart(params: dict) -> Chart:
    """The story's events (turning points marked on their bars), then Russian funding and Russian advisers,
    each in its own panel and unit, on one time axis."""
    ev = spans(timeline.story(params))
    start = pd.Timestamp(f"{params['start_year']}-01-01")
    last = params["end_year"]
    levels = funding.spans(funding.parameters())

    def draw(layout: Layout) -> plt.Figure:
        style.use_house_style(layout)
        end = pd.Timestamp(f"{last + 1}-01-01") + pd.Timedelta(days=420 if layout.phone else 120)
        left_in, right_in = (0.62, 0.08) if layout.phone else (0.75, 0.15)
        width = layout.width_in
        axes_w = width - left_in - right_in
        events_h = max(timebars.panel_height(ev, axes_w, layout), 0.4)
        money_h, people_h, title_h, gap = (1.9, 1.3, 0.3, 0.42) if layout.phone else (1.7, 1.2, 0.3, 0.4)
        height = title_h + events_h + gap + title_h + money_h + gap + title_h + people_h + 0.35
        fig = plt.figure(figsize=(width, height))
        x = left_in / width

        def axes(top_in: float, h: float) -> plt.Axes:
            return fig.add_axes((x, (height - top_in - h) / height, axes_w / width, h / height))

        y = title_h
        _panel_title(fig, x, (height - y + 0.05) / height, "What happened", layout)
        events_ax = axes(y, events_h)
        if ev:
            timebars.draw_events(events_ax, ev, layout, start, end, axes_w)
        else:
            events_ax.text(0.5, 0.5, "none of the story's events matches this version's filters", ha="center",
                           va="center", transform=events_ax.transAxes, fontsize=layout.small, color=style.MUTED)
            events_ax.set_axis_off()
        y += events_h + gap + title_h
        _panel_title(fig, x, (height - y + 0.05) / height, "Russian funding, $ billion a year", layout)
        money = axes(y, money_h)
        funding_charts.draw_levels(money, levels, layout, start, end, compact=True)
        y += money_h + gap + title_h
        _panel_title(fig, x, (height - y + 0.05) / height, "Russian advisers in Syria, people", layout)
        people = axes(y, people_h)
        _advisers(people, layout, start, end)
        for ax in (events_ax, money, people):
            ax.set_xlim(mdates.date2num(start), mdates.date2num(end))
            timebars.year_axis(ax, layout, params["start_year"], last)
        return fig

    brk = f"a break in {labels.event_when(timeline.break_event())}"
    title = (f"The falling-out came in steps: early friction and distrust, support drifting down from {labels.event_when(timeline.TREND)}, "
             f"then {brk}, and in {labels.event_when(timeline.COLLAPSE)} the collapse"
             if not timeline.filtered(params) else
             f"The story's events from {params['start_year']} to {last}, as this version filters them")
    alt = (title + ". Events in order: " + "; ".join(f"{e.label} ({e.when})" + (", a turning point" if e.turning else "")
                                                   for e in ev) + ". " + _series_alt(levels))
    ids = [e for e in timeline.story(params)["id"]] + [funding.PEAK, funding.TOTAL, funding.CUT, *ADVISERS]
    return Chart(title, draw, alt, charts.source_words(ids, "Every event's place in the paper is in the table below."),
                 subtitle="Each event is drawn over every day its date allows, the paper's turning point in black. "
                          "Funding and advisers each have their own panel and unit.")


def _series_alt(levels: pd.DataFrame) -> str:
    figures = datasets.figures().set_index("id")
    money = "; ".join(f"{r.start.year}" + (f"–{r.end.year}" if r.end.year != r.start.year else "") + ": "
                      + ("about " if r.approximate else "") + prose.number(r.central, funding.USD_YEAR, r.approximate)
                      for r in levels.itertuples())
    people = "; ".join(f"{labels.date_span(figures.loc[i, 'period_start'], figures.loc[i, 'period_end'])}: "
                       f"{prose.stated_value(i)}" for i in ADVISERS)
    return f"Russian funding: {money}. Russian advisers: {people}."


def chart_zoom(params: dict) -> Chart:
    """The last stretch, month by month: the story's events from the earliest turning point to the end of 2024."""
    first, last = timeline.zoom_window()
    chosen = timeline.story(params)
    chosen = chosen[(chosen["date_end"] >= first) & (chosen["date_start"] <= last)]
    ev = spans(chosen)
    start, end = first - pd.Timedelta(days=20), last + pd.Timedelta(days=20)

    def draw(layout: Layout) -> plt.Figure:
        style.use_house_style(layout)
        left_in, right_in = (0.1, 0.1) if layout.phone else (0.2, 0.2)
        axes_w = layout.width_in - left_in - right_in
        h = max(timebars.panel_height(ev, axes_w, layout), 0.5)
        height = h + 0.55
        fig = plt.figure(figsize=(layout.width_in, height))
        ax = fig.add_axes((left_in / layout.width_in, 0.5 / height, axes_w / layout.width_in, h / height))
        if ev:
            timebars.draw_events(ax, ev, layout, start, end, axes_w)
        else:
            ax.text(0.5, 0.5, "no event of the story falls in these months in this version", ha="center", va="center",
                    transform=ax.transAxes, fontsize=layout.small, color=style.MUTED)
        timebars.month_axis(ax, layout)
        ax.set_xlim(mdates.date2num(start), mdates.date2num(end))
        return fig

    window = f"{labels.date_span(first, first + pd.offsets.MonthEnd(0))} to {labels.date_span(last - pd.offsets.MonthBegin(1), last)}"
    title = (f"From {window}: the regime's purge of Russia's men, Russia's deep cuts, and within a year the collapse"
             if not timeline.filtered(params) else f"The story's events from {window}, as this version filters them")
    alt = title + ". " + "; ".join(f"{e.label} ({e.when})" + (", a turning point" if e.turning else "") for e in ev) + "."
    return Chart(title, draw, alt, charts.source_words(list(chosen["id"]) or list(timeline.STORY[-1:])),
                 subtitle="The same events, zoomed in month by month")
