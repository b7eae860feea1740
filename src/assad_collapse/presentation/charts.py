"""Chart helpers in the house style (:mod:`.style`): bounds drawn, events marked, a source line under every chart.

Every chart function takes the figure ids it draws and writes a source line
under the chart; :func:`show` embeds it as a reproducible PNG with alt text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Iterable

from .style import MUTED  # first: it selects the Agg backend before pyplot loads

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from ..paper.outline import parse_locator, split_locators  # noqa: E402

def short_locator(locator: str) -> str:
    """``Section › Subsection › ¶n`` shortened to ``Subsection ¶n`` (or ``Section ¶n``)."""
    loc = parse_locator(locator)
    return f"{loc.subsection or loc.section} ¶{loc.paragraph}"


def source_line(ids: Iterable[str], locators: Iterable[str]) -> str:
    """The text under a chart: the figure ids and the paper's paragraphs they come from."""
    ids = list(dict.fromkeys(ids))
    places = list(dict.fromkeys(short_locator(l) for cell in locators for l in split_locators(cell)))
    return "Source: Giustozzi (RUSI, 2025), " + "; ".join(places) + ".\nFigures: " + ", ".join(ids) + "."


def range_plot(ax: plt.Axes, x, central, low, high, *, color: str, label: str, derived: bool = False, approximate: bool = False) -> None:
    """Points with their bounds as error bars; derived values hollow, approximate values marked in the legend."""
    central, low, high = (pd.Series(v, dtype="float64") for v in (central, low, high))
    yerr = [(central - low).clip(lower=0), (high - central).clip(lower=0)]
    ax.errorbar(
        x, central, yerr=yerr, fmt="o", color=color, ecolor=color, elinewidth=2, capsize=5, markersize=8,
        markerfacecolor="white" if derived else color, markeredgewidth=2,
        label=label + (" (approximate)" if approximate else ""),
    )


def mark_events(ax: plt.Axes, events: pd.DataFrame, *, y: float, color: str = MUTED) -> list[str]:
    """Shade each event's date span (a year-only date is a span, not a day) with a numbered marker.

    Returns the key lines ('1  label (dates)') for the caption, so labels never collide on the chart.
    """
    key = []
    for n, event in enumerate(events.itertuples(), 1):
        ax.axvspan(event.start, event.end, color=color, alpha=0.13, lw=0)
        middle = event.start + (event.end - event.start) / 2
        ax.annotate(str(n), (middle, y), ha="center", va="top", fontsize=10, fontweight="bold", color="white",
                    bbox={"boxstyle": "circle,pad=0.25", "fc": "#444444", "ec": "none"})
        key.append(f"{n}  {event.label} ({event.when})")
    return key


def finish(fig: plt.Figure, ids: Iterable[str], key: Iterable[str] = (), description: str = "",
           source: str | None = None, tight: bool = True) -> Chart:
    """Add an optional key and the source line under the chart; return it with its alt-text description.

    The source line names the figure, event or derived ids drawn and the paper's paragraphs behind them.

    ``source`` replaces the generated source line when a chart draws on too many figures to list;
    ``tight=False`` keeps a layout the chart set itself (e.g. a margin reserved for labels).
    """
    if tight:
        fig.tight_layout()
    text = "\n".join(key)
    if text:
        fig.text(0.0, -0.02, text, ha="left", va="top", fontsize=10, color="#333333")
    lines = len(list(key)) if text else 0
    if source is None:
        from ..paper.lookup import locators_of

        ids = list(dict.fromkeys(ids))
        source = source_line(ids, [l for i in ids for l in locators_of(i)])
    fig.text(0.0, -0.04 - 0.045 * lines, source, ha="left", va="top", fontsize=9, color=MUTED, wrap=True)
    return Chart(fig, description)


def png_bytes(fig: plt.Figure, dpi: int = 150) -> bytes:
    """Render ``fig`` as a small, reproducible PNG and close it.

    The image is quantised to a 256-colour palette (charts use a handful of colours,
    so this is visually lossless and cuts the size by about half) and carries no
    software or date metadata.
    """
    from PIL import Image

    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(fig)
    image = Image.open(io.BytesIO(raw.getvalue())).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass
class Chart:
    """A finished figure and its alternative text: the finding, then what the chart shows in words."""

    figure: plt.Figure
    description: str

    @property
    def alt(self) -> str:
        titles = [ax.get_title(loc) for ax in self.figure.axes for loc in ("left", "center", "right")]
        return ". ".join([t for t in titles if t] + [self.description])


def show(chart: Chart) -> None:
    """Display a chart as an embedded PNG with alternative text, then close its figure.

    The PNG is rendered here rather than by the inline backend so that its bytes
    are reproducible (no software or date metadata) and it carries alt text.
    """
    import base64
    import html

    from IPython.display import HTML, display

    fig, alt = chart.figure, chart.alt
    data = base64.b64encode(png_bytes(fig)).decode("ascii")
    width = int(fig.get_figwidth() * 100)
    display(HTML(
        f'<figure class="chart"><img src="data:image/png;base64,{data}" width="{width}" '
        f'alt="{html.escape(alt, quote=True)}"></figure>'
    ))


def hbars(ax: plt.Axes, labels: list[str], central, low, high, *, colors: list[str], unit_format) -> None:
    """Horizontal bars with whiskers for bounds; a row with no number is labelled, not drawn."""
    y = list(range(len(labels)))[::-1]
    for yi, label, c, lo, hi, color in zip(y, labels, central, low, high, colors):
        if pd.isna(c):
            ax.text(0, yi, "  not quantified in the paper", va="center", fontsize=10, color=MUTED, style="italic")
            continue
        ax.barh(yi, c, color=color, height=0.6)
        if hi > lo:
            ax.errorbar(c, yi, xerr=[[c - lo], [hi - c]], fmt="none", ecolor="#222222", elinewidth=1.5, capsize=4)
        ax.text(hi + ax.get_xlim()[1] * 0.01 if hi > lo else c, yi, "  " + unit_format(c, lo, hi), va="center", fontsize=10)
    ax.set_yticks(y, labels)
    ax.grid(False)
    ax.grid(True, axis="x")
