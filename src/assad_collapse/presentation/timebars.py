"""Events on a time axis: each drawn as the span its date allows and labelled in full on the chart.

A date known to the year is a year-long bar, one known to the day a diamond. A turning
point in the paper's account is a black bar tagged "turning point" on the bar itself;
an event whose start the paper leaves open ("no later than 2020") fades in before its
bar, at every width; a bar that runs on beyond the panel's edge ends in an arrowhead
there. Each label sits on its own line above its bar, wrapped to the room it has, so
nothing overlaps at phone width.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import pandas as pd
from matplotlib.axes import Axes

from .marks import fade, register
from .style import EVENT, INK, MUTED, TURNING, Layout

CHAR_EM = 0.56  # average character width, in ems, of the house font
BAR_IN = 0.17
GAP_IN = 0.12


@dataclass(frozen=True)
class Span:
    """An event to draw: its first and last possible day, its label and date in words, and how to mark it."""

    start: pd.Timestamp
    end: pd.Timestamp
    label: str
    when: str
    turning: bool = False
    day: bool = False
    open_start: bool = False


def _chars(width_in: float, font: float) -> int:
    return max(8, int(width_in / (CHAR_EM * font / 72)))


def _chars_in(text: str, layout: Layout) -> float:
    return len(text) * CHAR_EM * layout.small / 72


def _lines(span: Span, room_in: float, layout: Layout) -> list[str]:
    return textwrap.wrap(f"{span.label} ({span.when})", _chars(room_in, layout.small))


def layout_rows(spans: list[Span], axes_width_in: float, layout: Layout) -> list[tuple[float, list[str]]]:
    """Each span's label lines and the height (inches) its row takes."""
    line_in = layout.small * 1.4 / 72
    return [(len(lines) * line_in + BAR_IN + GAP_IN, lines)
            for lines in (_lines(s, axes_width_in, layout) for s in spans)]


def panel_height(spans: list[Span], axes_width_in: float, layout: Layout) -> float:
    """The height in inches an event panel needs."""
    return sum(h for h, _ in layout_rows(spans, axes_width_in, layout)) + 0.1


def draw_events(ax: Axes, spans: list[Span], layout: Layout, start: pd.Timestamp, end: pd.Timestamp,
                axes_width_in: float) -> None:
    """Draw the spans top to bottom on ``ax`` (x: dates from ``start`` to ``end``; y: inches from the top)."""
    register(ax, "events")
    x0, x1 = mdates.date2num(start), mdates.date2num(end)
    per_in = (x1 - x0) / axes_width_in
    line_in = layout.small * 1.4 / 72
    rows = layout_rows(spans, axes_width_in, layout)
    y = 0.05
    for span, (height, lines) in zip(spans, rows):
        s = max(mdates.date2num(span.start), x0)
        e = min(mdates.date2num(span.end + pd.Timedelta(days=1)), x1)
        text_in = max(len(line) for line in lines) * CHAR_EM * layout.small / 72
        if s + text_in * per_in <= x1:
            tx, ha = s, "left"
        elif e - text_in * per_in >= x0:
            tx, ha = e, "right"
        else:
            tx, ha = x0, "left"
        ax.text(tx, y, "\n".join(lines), ha=ha, va="top", fontsize=layout.small, color=INK, linespacing=1.15)
        bar_y = y + len(lines) * line_in + BAR_IN / 2 + 0.02
        color = TURNING if span.turning else EVENT
        if span.day or e - s < 4 * per_in * 0.02:
            ax.plot([s + (e - s) / 2], [bar_y], marker="D", color=color, markersize=layout.small * 0.8, linestyle="none")
        else:
            ax.barh(bar_y, e - s, left=s, height=BAR_IN, color=color, linewidth=0)
        if span.open_start and s > x0:
            _fade_in(ax, s, bar_y, min(per_in * 0.55, s - x0), color, layout, x0, per_in)
        _continues(ax, span, bar_y, x0, x1, color, layout)
        if span.turning:
            tag = "turning point"
            tag_in = len(tag) * CHAR_EM * layout.small / 72
            inside = (e - s) >= (tag_in + 0.08) * per_in
            right = e + (tag_in + 0.08) * per_in <= x1
            x, ha = (s + (e - s) / 2, "center") if inside else (e + 0.04 * per_in, "left") if right else (s - 0.04 * per_in, "right")
            ax.text(x, bar_y, tag, ha=ha, va="center", fontsize=layout.small, fontweight="bold",
                    color="white" if inside else TURNING)
        y += height
    ax.set_ylim(y, 0)
    ax.set_xlim(x0, x1)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="x", color="#e6e6e6")
    ax.grid(False, axis="y")
    ax.set_axisbelow(True)


def _fade_in(ax: Axes, start: float, y: float, width: float, color: str, layout: Layout, x0: float, per_in: float) -> None:
    """A gradient before ``start``: the event may have begun earlier than its bar. The words "perhaps earlier"
    go before it where there is room; the label's "no later than" says it at every width."""
    fade(ax, y, start, start - width, BAR_IN, color, horizontal=True, gid="open_start", steps=12)
    if start - width - _chars_in("perhaps earlier ", layout) * per_in >= x0:
        ax.text(start - width, y, "perhaps earlier ", ha="right", va="center", fontsize=layout.small, color=MUTED)


def _continues(ax: Axes, span: Span, y: float, x0: float, x1: float, color: str, layout: Layout) -> None:
    """An arrowhead at each panel edge a bar runs on beyond (its label gives the whole date)."""
    size = layout.small * 0.9
    if mdates.date2num(span.start) < x0:
        ax.plot([x0], [y], marker="<", color=color, markersize=size, linestyle="none", clip_on=False, gid="continues")
    if mdates.date2num(span.end + pd.Timedelta(days=1)) > x1:
        ax.plot([x1], [y], marker=">", color=color, markersize=size, linestyle="none", clip_on=False, gid="continues")


def year_axis(ax: Axes, layout: Layout, first: int, last: int) -> None:
    """Year boundaries as ticks and grid lines, and the years ``first`` to ``last`` labelled in the middle of
    each year (every other year, as "'16", on a phone when they crowd)."""
    years = last - first + 1
    step = 1 if years <= (6 if layout.phone else 12) else 2
    ax.xaxis.set_major_locator(mdates.YearLocator(1))
    ax.xaxis.set_major_formatter(mticker.NullFormatter())
    ax.xaxis.set_minor_locator(mticker.FixedLocator(
        [mdates.date2num(pd.Timestamp(year=y, month=7, day=1)) for y in range(first, last + 1, step)]))
    short = layout.phone and years > 5
    ax.xaxis.set_minor_formatter(mdates.DateFormatter("'%y" if short else "%Y"))
    ax.tick_params(axis="x", which="minor", length=0, labelsize=layout.small)
    ax.tick_params(axis="x", which="major", length=4)


def month_axis(ax: Axes, layout: Layout) -> None:
    """Month ticks for a zoomed panel: 'Sep', 'Dec', 'Mar'... with the year at January."""
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10) if layout.phone else range(1, 13, 2)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.tick_params(axis="x", labelsize=layout.small)
