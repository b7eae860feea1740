"""Drawing helpers that carry uncertainty and units: labelled bar rows, value labels, one unit per axis.

Every helper that draws data registers the unit of what it draws on its axes
(:func:`register`); drawing a second unit on the same axes raises, so no chart can
put two units on one axis. Bars show what the paper allows: a range as a solid bar to
its low end and a lighter, capped stretch to its high end (a range from zero has no
solid part at all, so "up to 35" never reads as 35), "about" as "≈" in the label and
a blurred end, "at least" as an open-ended arrow, and "not quantified" as a short
hatched stub with words, never a bar of any length. Each mark tags its artists with
the gid the chart's key reads (:mod:`.key`).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.ticker import MaxNLocator

from . import prose
from .style import ASSUMED, ASSUMED_HATCH, GAP, GAP_HATCH, INK, MUTED, Layout, use_house_style

UNITS_ATTRIBUTE = "assad_units"
UNIT_WORDS = {"persons": "people", "usd_bn": "$ billion", "usd_bn_per_year": "$ billion a year",
              "percent": "%", "aircraft": "aircraft", "interviews": "interviews", "figures": "figures in the paper",
              "time": "time", "events": "events"}
COUNTS = frozenset({"persons", "aircraft", "interviews", "figures", "events"})  # units counted in whole things


def register(ax: Axes, unit: str) -> Axes:
    """Record that ``ax`` draws values in ``unit``; refuse a second unit on the same axes."""
    units = getattr(ax, UNITS_ATTRIBUTE, set())
    if units and unit not in units:
        raise ValueError(f"two units on one axis: {sorted(units)[0]} and {unit}")
    setattr(ax, UNITS_ATTRIBUTE, units | {unit})
    return ax


def whole_ticks(axis: Axis, unit: str, bins: int | str = "auto") -> None:
    """Ticks at whole numbers on an axis that counts things (people, figures, events): never a tick at 2.5."""
    if unit in COUNTS:
        axis.set_major_locator(MaxNLocator(nbins=bins, integer=True, steps=[1, 2, 5, 10]))


def units_of(ax: Axes) -> set[str]:
    """The units drawn on ``ax``."""
    return set(getattr(ax, UNITS_ATTRIBUTE, set()))


def value_text(central: float, low: float, high: float, precision: str, unit: str) -> str:
    """A value as a chart label: '150,000', '≈13,000', '20,000–25,000', 'at least 5', 'not quantified'."""
    if precision == "unspecified" or central != central:
        return "not quantified"
    approximate = precision == "approximate"
    if high > low:
        text = prose.quantity(_Q(central, low, high), unit)
    else:
        text = prose.number(central, unit, approximate)
    text = text.removesuffix(" a year")
    if precision == "at_least":
        return "at least " + text
    return ("≈" if approximate else "") + text


@dataclass(frozen=True)
class _Q:
    value: float
    low: float
    high: float

    @property
    def is_point(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class Row:
    """One labelled bar: what it is, a detail line (when, who gave it), its value with bounds and precision.

    ``segments`` splits a bar into labelled parts [(label, value)]; ``assumed`` draws it as assumed.
    """

    label: str
    central: float
    low: float
    high: float
    precision: str
    color: str
    detail: str = ""
    group: str = ""
    segments: tuple[tuple[str, float], ...] = ()
    assumed: bool = False
    text: str = ""  # replaces the value label when given
    assumed_range: bool = False  # the low-high stretch is a margin assumed by the reader, not the paper's


LINE = 1.45  # line height, in multiples of the font size
STUB_IN = 0.1  # a 'not quantified' stub is 0.1 inch (10 CSS px) wide at any scale
BLUR = 0.06  # an 'about' bar blurs from 6% below its value to 6% above it
STRETCH = 1.25  # a value label goes under its bar rather than stretch the axis beyond 1.25 × the data
BAR_IN = {"desktop": 0.26, "phone": 0.24}


def _label(row: Row, unit: str) -> str:
    """The value label at a bar's end."""
    if row.precision == "unspecified" or row.central != row.central:
        return row.text or "not quantified in the paper"
    if row.assumed_range and not row.text:
        return f"≈{prose.number(row.central, unit)} (±, assumed)"
    return row.text or value_text(row.central, row.low, row.high, row.precision, unit)


def text_width_in(text: str, size: float, bold: bool = False) -> float:
    """An estimate of a one-line text's width in inches (DejaVu Sans averages ~0.56 em a character, bold ~0.62)."""
    return len(text) * (0.62 if bold else 0.56) * size / 72


def rows_figure(rows: list[Row], unit: str, layout: Layout, *, xmax: float | None = None,
                axis_label: str | None = None, reference: tuple[float, str] | None = None,
                divide: bool = False) -> plt.Figure:
    """Labelled horizontal bars, one per row, each label on its own line above its bar and the value at the bar's end.

    Rows with the same ``group`` sit under one bold group heading; groups are separated by space, and with
    ``divide`` by a rule across the chart too (sides that fought each other, say).
    The whole width goes to the bars, so the chart reads at phone width; the axis leaves room for
    every value label, and a label too long to sit beside its bar goes on its own line under it.
    """
    use_house_style(layout)
    line_in = layout.font * LINE / 72
    bar_in = BAR_IN[layout.name]
    axes_in = 0.935 * layout.width_in
    wrap = int(0.92 * axes_in / text_width_in("x", layout.font))  # label lines as long as the chart is wide
    values = {id(r): _label(r, unit) for r in rows}
    ends = {id(r): _end(r) for r in rows}
    data_end = max([*ends.values(), 1e-9])

    def beside(r: Row) -> float:
        """The axis length needed to fit the row's value label beside its bar."""
        return ends[id(r)] / (1 - 0.03 - text_width_in(values[id(r)], layout.font, True) / axes_in)

    unspecified = {id(r) for r in rows if r.precision == "unspecified" or r.central != r.central}
    below = {id(r) for r in rows if id(r) not in unspecified
             and (text_width_in(values[id(r)], layout.font, True) > 0.45 * axes_in
                  or beside(r) > STRETCH * max(data_end, xmax or 0.0))}
    placed, y, group = [], 0.12 + (line_in + 0.05 if reference else 0), None
    for row in rows:
        if row.group and row.group != group:
            if group is not None and divide:
                placed.append(("rule", y + 0.08, "", row))
                y += 0.16
            y += 0.12 if group is not None else 0
            heading = textwrap.wrap(row.group, wrap)
            placed.append(("group", y, "\n".join(heading), row))
            y += line_in * len(heading) + 0.02
            group = row.group
        label = textwrap.wrap(row.label + (f" · {row.detail}" if row.detail else ""), wrap)
        placed.append(("label", y, "\n".join(label), row))
        y += line_in * len(label) + 0.02
        placed.append(("bar", y + bar_in / 2, values[id(row)], row))
        y += bar_in + 0.16
        if id(row) in below:
            placed.append(("value", y - 0.12, values[id(row)], row))
            y += line_in + 0.04
    axis_in = 0.45 if axis_label else 0.3
    height = y + axis_in
    fig = plt.figure(figsize=(layout.width_in, height))
    ax = fig.add_axes((0.045, axis_in / height, 0.935, 1 - axis_in / height))
    register(ax, unit)
    needed = [data_end * 1.04] + [beside(r) for r in rows if id(r) not in below]
    xmax = max(xmax or 0.0, *needed)
    ax.set_xlim(0, xmax)
    ax.set_ylim(y, 0)
    for kind, yy, text, row in placed:
        if kind == "rule":
            ax.axhline(yy, color=MUTED, linewidth=0.9)
        elif kind == "group":
            ax.text(0, yy, text, va="top", ha="left", fontsize=layout.font, fontweight="bold", color=INK)
        elif kind == "label":
            ax.text(0, yy, text, va="top", ha="left", fontsize=layout.font, color=INK)
        elif kind == "value":
            ax.text(0, yy, text, va="top", ha="left", fontsize=layout.font, fontweight="bold", color=INK)
        else:
            _bar(ax, yy, row, bar_in, unit, layout, xmax, "" if id(row) in below else text)
    if reference:
        ax.axvline(reference[0], color=MUTED, linestyle=(0, (4, 3)), linewidth=1)
        ax.text(reference[0], 0.02, reference[1] + " ", ha="right", va="top", fontsize=layout.small, color=MUTED)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(True, axis="x")
    ax.grid(False, axis="y")
    ax.set_axisbelow(True)
    whole_ticks(ax.xaxis, unit)
    ax.xaxis.set_major_formatter(lambda x, _: _tick(x, unit))
    ax.tick_params(axis="x", labelsize=layout.small)
    if axis_label:
        ax.set_xlabel(axis_label, fontsize=layout.small, color=MUTED, loc="left")
    return fig


def _end(row: Row) -> float:
    """Where a row's drawing ends on the value axis (0 for a row with no number)."""
    if row.precision == "unspecified" or row.central != row.central:
        return 0.0
    end = max(v for v in (row.high, row.central, 0.0) if v == v)
    if row.precision == "at_least":
        return end * 1.1
    return end * (1 + BLUR) if _blurred(row) else end


def _blurred(row: Row) -> bool:
    """An 'about' figure the paper gives without bounds: drawn with a blurred end."""
    return row.precision == "approximate" and row.high == row.low and not row.segments and not row.assumed


def _tick(x: float, unit: str) -> str:
    """A tick's label: the tick's own value, never rounded to another number ('2.5', not '2')."""
    if unit == "persons" and x >= 1000:
        return f"{x / 1000:,g}k"
    if unit in ("usd_bn", "usd_bn_per_year"):
        return f"${x:g}bn"
    if unit == "percent":
        return f"{x:g}%"
    return f"{x:,.0f}" if x == round(x) else f"{x:,g}"


def _bar(ax: Axes, y: float, row: Row, height: float, unit: str, layout: Layout, xmax: float, text: str) -> None:
    """One bar with its uncertainty and its value label."""
    if row.precision == "unspecified" or row.central != row.central:
        # Not a bar: the number could be anything, so a short hatched stub and the words, nothing with a length.
        stub = xmax * STUB_IN / (0.935 * layout.width_in)
        ax.barh(y, stub, height=height, color="white", edgecolor=GAP, hatch=GAP_HATCH, linewidth=0.8, gid="gap")
        ax.text(stub + xmax * 0.012, y, text, va="center", ha="left", fontsize=layout.font, color=MUTED, style="italic")
        return
    hatch = ASSUMED_HATCH if row.assumed else None
    face = "white" if row.assumed else row.color
    edge = ASSUMED if row.assumed else row.color
    if row.segments:
        left = 0.0
        for n, (name, v) in enumerate(row.segments):
            ax.barh(y, v, left=left, height=height, color=face, edgecolor="white" if not row.assumed else edge,
                    linewidth=1.5, hatch=hatch)
            if name and v / xmax > 0.012 * (len(name) + 2) * (layout.small / 9) * (3.66 / layout.width_in):
                ax.text(left + v / 2, y, name, va="center", ha="center", fontsize=layout.small, color="white")
            left += v
    elif _blurred(row):
        ax.barh(y, row.central * (1 - BLUR), height=height, color=face, edgecolor=edge, linewidth=0.8)
        fade(ax, y, row.central * (1 - BLUR), row.central * (1 + BLUR), height, face, horizontal=True)
    elif row.low > 0 or not row.high > row.low:
        solid = row.low if row.high > row.low else row.central
        ax.barh(y, solid, height=height, color=face, edgecolor=edge, hatch=hatch, linewidth=0.8)
    if row.high > row.low:
        if row.assumed_range:
            ax.barh(y, row.high - row.low, left=row.low, height=height * 0.55, color="white", edgecolor=ASSUMED,
                    hatch=ASSUMED_HATCH, linewidth=0.8, gid="margin")
        elif not row.segments:
            ax.barh(y, row.high - row.low, left=row.low, height=height * 0.6, color=row.color, alpha=0.35, linewidth=0,
                    gid="range")
            caps = [row.low, row.high] if row.low == 0 else [row.high]
            ax.vlines(caps, y - height / 2, y + height / 2, colors=row.color, linewidth=1.5)
            if row.low == 0:
                ax.hlines(y, row.low, row.high, colors=row.color, linewidth=1.5)
    end = _end(row) if row.precision != "at_least" else max(row.high, row.central)
    if row.precision == "at_least":
        ax.annotate("", xy=(end + xmax * 0.08, y), xytext=(end, y),
                    arrowprops={"arrowstyle": "->", "color": row.color, "lw": 1.5}).arrow_patch.set_gid("at_least")
        end += xmax * 0.08
    ax.text(end + xmax * 0.015, y, text, va="center", ha="left", fontsize=layout.font, fontweight="bold", color=INK)


def fade(ax: Axes, at: float, start: float, stop: float, width: float, color: str, horizontal: bool,
         gid: str = "about", steps: int = 24) -> None:
    """A stretch from ``start`` to ``stop`` whose opacity falls from full to none: a blurred end ('about')
    or, reversed (``start`` > ``stop``), a fading start ('no later than'). ``at`` and ``width`` place it across."""
    edges = [start + (stop - start) * k / steps for k in range(steps + 1)]
    for k, (a, b) in enumerate(zip(edges, edges[1:])):
        alpha = 1 - (k + 0.5) / steps
        lo, size = min(a, b), abs(b - a)
        if horizontal:
            ax.barh(at, size, left=lo, height=width, color=color, alpha=alpha, linewidth=0, gid=gid)
        else:
            ax.bar(at, size, bottom=lo, width=width, align="edge", color=color, alpha=alpha, linewidth=0, gid=gid)
