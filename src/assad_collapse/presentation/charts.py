"""Charts as a reader gets them: the finding as a title, the chart drawn for desktop and for phone, sources in words.

A :class:`Chart` holds a title that states the finding, a subtitle (what is drawn and
in which unit), a drawing function called once per :data:`~.style.LAYOUTS` entry,
alternative text that states the finding with its numbers and uncertainty, and a
source line in words. :func:`show` embeds both renders as reproducible PNGs in one
``<picture>``: the phone render is chosen on narrow screens and shown unscaled, so
its text keeps the size it was drawn at. Title and source are HTML text, legible
and searchable at any width.

:class:`LegacyChart` and :func:`finish` keep the older single-render charts working.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .style import LAYOUTS, MUTED, PHONE, Layout  # first: it selects the Agg backend before pyplot loads

import matplotlib.pyplot as plt  # noqa: E402

from ..paper.outline import parse_locator, split_locators  # noqa: E402
from . import labels, prose, usage  # noqa: E402
from .key import key_html, key_items, merge  # noqa: E402

CITATION = "Giustozzi 2025"


def _paragraphs(numbers: list[int]) -> str:
    """[1, 2, 3, 5] as '¶1–3, 5'."""
    numbers = sorted(set(numbers))
    runs, start = [], numbers[0]
    for a, b in zip(numbers, numbers[1:] + [None]):
        if b != a + 1:
            runs.append(f"{start}–{a}" if a > start else f"{a}")
            start = b
    return "¶" + ", ".join(runs)


def places(locators: Iterable[str]) -> str:
    """Locators in words, paragraphs of one part of the paper merged: 'Deteriorating relations › Russia's … , ¶1–2'."""
    parts: dict[str, list[int]] = {}
    for cell in locators:
        for text in split_locators(cell):
            loc = parse_locator(text)
            parts.setdefault(labels.part_of_paper(loc), []).append(loc.paragraph)
    return "; ".join(f"{where}, {_paragraphs(numbers)}" for where, numbers in parts.items())


def source_words(ids: Iterable[str], note: str = "") -> str:
    """The source line under a chart, in words: 'Source: Giustozzi 2025, <part of the paper>, ¶1–2.'"""
    from ..paper.lookup import locators_of

    ids = list(dict.fromkeys(ids))
    usage.drew(ids)
    where = places(l for i in ids for l in locators_of(i))
    return f"Source: {CITATION}, {where}." + (f" {note}" if note else "")


@dataclass
class Chart:
    """A chart: finding as title, what is drawn as subtitle, a drawing per layout, alt text and a source line."""

    title: str
    draw: Callable[[Layout], plt.Figure]
    alt: str
    source: str
    subtitle: str = ""
    renders: dict = field(default_factory=dict, repr=False)

    def figure(self, layout: Layout) -> plt.Figure:
        """The chart drawn at ``layout`` (a new matplotlib figure; the caller closes it)."""
        return self.draw(layout)


def png_bytes(fig: plt.Figure, dpi: int = 150, bbox: str | None = "tight") -> bytes:
    """Render ``fig`` as a small, reproducible PNG and close it.

    The image is quantised to a 256-colour palette (charts use a handful of colours,
    so this is visually lossless and cuts the size by about half) and carries no
    software or date metadata.
    """
    from PIL import Image

    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches=bbox)
    plt.close(fig)
    image = Image.open(io.BytesIO(raw.getvalue())).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def render(chart: Chart, layout: Layout) -> tuple[bytes, int, int, list[tuple[str, str]]]:
    """The PNG of one layout, the CSS width and height it is shown at, and its key (what its colours and marks mean)."""
    fig = chart.figure(layout)
    width_in, height_in = fig.get_size_inches()
    items = key_items(fig)
    data = png_bytes(fig, dpi=layout.dpi, bbox=None)
    return data, round(width_in * 100), round(height_in * 100), items


def _data_uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def html_figure(chart: Chart) -> str:
    """The chart as HTML: title, subtitle, the key to its colours and marks, a <picture> with the desktop and phone
    renders, and the source line."""
    (desk, dw, dh, items), (phone, pw, ph, phone_items) = (render(chart, layout) for layout in LAYOUTS)
    e = html.escape
    subtitle = f'<p class="chart-subtitle">{e(chart.subtitle)}</p>' if chart.subtitle else ""
    key = key_html(merge(items, phone_items))
    return (
        f'<figure class="chart"><p class="chart-title">{e(chart.title)}</p>{subtitle}{key}'
        f'<picture><source media="(max-width: {PHONE.css_width + 240}px)" srcset="{_data_uri(phone)}" width="{pw}" height="{ph}">'
        f'<img src="{_data_uri(desk)}" width="{dw}" height="{dh}" alt="{e(chart.alt, quote=True)}"></picture>'
        f'<figcaption class="chart-source">{e(chart.source)}</figcaption></figure>'
    )


def show(chart) -> None:
    """Display a chart (or a legacy single-render chart) in the report, then close its figures."""
    from IPython.display import HTML, display

    if isinstance(chart, LegacyChart):
        fig, alt = chart.figure, chart.alt
        data = base64.b64encode(png_bytes(fig)).decode("ascii")
        width = int(fig.get_figwidth() * 100)
        display(HTML(f'<figure class="chart"><img src="data:image/png;base64,{data}" width="{width}" '
                     f'alt="{html.escape(alt, quote=True)}"></figure>'))
        return
    display(HTML(prose.reader_html(html_figure(chart))))


@dataclass
class LegacyChart:
    """A finished single-render figure and its alternative text (the hypothesis report's charts)."""

    figure: plt.Figure
    description: str

    @property
    def alt(self) -> str:
        titles = [ax.get_title(loc) for ax in self.figure.axes for loc in ("left", "center", "right")]
        return ". ".join([t for t in titles if t] + [self.description])


def finish(fig: plt.Figure, ids: Iterable[str], key: Iterable[str] = (), description: str = "",
           source: str | None = None, tight: bool = True) -> LegacyChart:
    """Add an optional key and a source line in words under a single-render chart; return it with its alt text.

    ``source`` replaces the generated source line; ``tight=False`` keeps a layout the chart set itself.
    """
    if tight:
        fig.tight_layout()
    key = list(key)
    text = "\n".join(key)
    if text:
        fig.text(0.0, -0.02, text, ha="left", va="top", fontsize=10, color="#333333")
    if source is None:
        source = source_words(ids)
    fig.text(0.0, -0.04 - 0.045 * len(key), source, ha="left", va="top", fontsize=9, color=MUTED, wrap=True)
    return LegacyChart(fig, description)
