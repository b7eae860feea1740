"""Every chart of the reports: text legible at a 390 px phone width, never two units on one axis, nothing cut off.

Legibility is measured, not assumed: each text's size in points, the width in inches the
phone render is drawn at, and the CSS width it is shown at on a 390 px screen give its
size in CSS px, which must be at least 11.
"""

from __future__ import annotations

import inspect

import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text

from assad_collapse.analyses import (advisers, claims_audit, funding, funding_charts, hypotheses, manpower, timeline,
                                     timeline_charts)
from assad_collapse.presentation import charts, marks, style

MIN_CSS_PX = 11
PARAMS = {funding_charts: funding, timeline_charts: timeline, manpower: manpower, advisers: advisers,
          claims_audit: claims_audit, hypotheses: hypotheses}
VARIANTS = {funding: [{}, {"share_2022": 0.7, "cut_percent": 60.0}], timeline: [{}, {"start_year": 2022, "actors": ["israel"]}],
            manpower: [{}, {"approximate_spread_percent": 10.0}], advisers: [{}, {"approximate_spread_percent": 10.0}]}


def _cases():
    for module, pmod in PARAMS.items():
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("chart") or fn.__module__ != module.__name__:
                continue
            for n, values in enumerate(VARIANTS.get(pmod, [{}])):
                yield pytest.param(fn, pmod, values, id=f"{module.__name__.rsplit('.', 1)[1]}.{name}-{n}")


CASES = list(_cases())


def _chart(fn, pmod, values):
    return fn(pmod.parameters(**values)) if inspect.signature(fn).parameters else fn()


def _texts(fig):
    """Every text the figure draws (tick labels outside an axis's view are not drawn, so not counted)."""
    fig.canvas.draw()
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden |= {id(tick.label1), id(tick.label2)}
    return [t for t in fig.findobj(Text)
            if t.get_visible() and t.get_text().strip() and t.get_figure() is not None and id(t) not in hidden]


def test_there_are_charts_to_check():
    assert len(CASES) >= 10


@pytest.mark.parametrize("fn, pmod, values", CASES)
def test_chart_text_is_legible_at_390px(fn, pmod, values):
    chart = _chart(fn, pmod, values)
    assert isinstance(chart, charts.Chart), "a chart must have a phone layout"
    fig = chart.figure(style.PHONE)
    width_in = fig.get_figwidth()
    shown_px = min(style.PHONE_COLUMN_PX, width_in * style.CSS_PX_PER_INCH)
    scale = shown_px / (width_in * style.CSS_PX_PER_INCH)
    small = [(t.get_text()[:30], round(t.get_fontsize() / 72 * style.CSS_PX_PER_INCH * scale, 1)) for t in _texts(fig)
             if t.get_fontsize() / 72 * style.CSS_PX_PER_INCH * scale < MIN_CSS_PX]
    plt.close(fig)
    assert small == []


@pytest.mark.parametrize("fn, pmod, values", CASES)
def test_no_chart_text_is_cut_off(fn, pmod, values):
    chart = _chart(fn, pmod, values)
    for layout in style.LAYOUTS:
        fig = chart.figure(layout)
        texts = _texts(fig)
        renderer = fig.canvas.get_renderer()
        box = fig.bbox
        outside = [t.get_text()[:40] for t in texts
                   if (b := t.get_window_extent(renderer)).x0 < box.x0 - 2 or b.x1 > box.x1 + 2
                   or b.y0 < box.y0 - 2 or b.y1 > box.y1 + 2]
        plt.close(fig)
        assert outside == [], layout.name


@pytest.mark.parametrize("fn, pmod, values", CASES)
def test_no_axis_mixes_units(fn, pmod, values):
    chart = _chart(fn, pmod, values)
    for layout in style.LAYOUTS:
        fig = chart.figure(layout)
        for ax in fig.axes:
            if ax.patches or ax.lines or ax.collections:
                assert len(marks.units_of(ax)) == 1, (layout.name, marks.units_of(ax))
        plt.close(fig)


def test_a_second_unit_on_one_axis_is_refused():
    fig, ax = plt.subplots()
    marks.register(ax, "usd_bn_per_year")
    with pytest.raises(ValueError, match="two units on one axis"):
        marks.register(ax, "persons")
    plt.close(fig)


@pytest.mark.parametrize("fn, pmod, values", [c for c in CASES if c.values[1] is not hypotheses])
def test_alt_text_and_source_are_words(fn, pmod, values):
    chart = _chart(fn, pmod, values)
    assert len(chart.alt) > 60 and any(ch.isdigit() for ch in chart.alt), chart.alt
    assert chart.source.startswith("Source: Giustozzi 2025") and "_" not in chart.source


def test_an_assumed_split_is_drawn_as_assumed():
    chart = funding_charts.chart_levels(funding.parameters(share_2022=0.7))
    fig = chart.figure(style.DESKTOP)
    hatched = [p for p in fig.axes[0].patches if p.get_hatch() == style.ASSUMED_HATCH]
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    plt.close(fig)
    assert len(hatched) == 2 and "assumed split" in texts
    assert "assumed" in chart.title


def test_without_a_split_2022_23_is_one_two_year_span():
    levels = funding.spans(funding.parameters())
    average = levels[levels["what"] == "average"].iloc[0]
    assert (average.start.year, average.end.year) == (2022, 2023) and average.basis == "derived"
    assert "first year" not in set(levels["what"])
