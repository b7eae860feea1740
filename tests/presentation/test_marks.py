"""marks.py: bars that draw what the paper allows — 'some' is no length, 'up to' is a range, 'about' is blurred."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from assad_collapse.analyses import advisers
from assad_collapse.presentation import marks, style


def _patches(fig):
    return [p for ax in fig.axes for p in ax.patches]


@pytest.mark.parametrize("layout", style.LAYOUTS, ids=lambda layout: layout.name)
def test_a_posting_with_no_number_is_a_short_stub_not_a_band_across_the_axis(layout):
    fig = advisers.chart_distribution(advisers.parameters()).figure(layout)
    ax = fig.axes[0]
    stubs = [p for p in ax.patches if p.get_hatch() == style.GAP_HATCH]
    span = ax.get_xlim()[1] - ax.get_xlim()[0]
    plt.close(fig)
    assert len(stubs) == int((~advisers.by_unit(advisers.parameters())["quantified"]).sum())
    # A stub of at most 3% of the axis (the old band ran across all of it): it can never read as a long bar.
    assert all(p.get_x() == 0 and p.get_width() <= 0.03 * span for p in stubs)


def test_a_range_from_zero_has_no_solid_bar():
    rows = [marks.Row("Left over", 35, 0, 35, "approximate", style.DERIVED, text="up to ≈35")]
    fig = marks.rows_figure(rows, "persons", style.DESKTOP)
    solid = [p for p in _patches(fig) if p.get_alpha() in (None, 1) and p.get_width() > 0]
    ranges = [p for p in _patches(fig) if p.get_gid() == "range"]
    capped = [c for c in fig.axes[0].collections if len(c.get_segments()) == 2]
    plt.close(fig)
    assert solid == [] and len(ranges) == 1 and ranges[0].get_x() == 0 and ranges[0].get_width() == 35
    assert capped, "both ends of the range are capped"


def test_about_without_bounds_is_blurred_around_its_value_and_stated_is_not():
    rows = [marks.Row("About", 80, 80, 80, "approximate", style.STATED),
            marks.Row("Stated", 80, 80, 80, "as_stated", style.STATED)]
    fig = marks.rows_figure(rows, "persons", style.DESKTOP)
    blur = [p for p in _patches(fig) if p.get_gid() == "about"]
    plt.close(fig)
    assert blur and min(p.get_x() for p in blur) < 80 < max(p.get_x() + p.get_width() for p in blur)
    assert {round(p.get_y(), 3) for p in blur} == {round(blur[0].get_y(), 3)}, "only the 'about' row is blurred"


def test_a_long_value_label_goes_under_its_bar_rather_than_stretch_the_axis():
    rows = [marks.Row("Ministries and the presidency", 80, 80, 80, "approximate", style.STATED,
                      text="≈80 in all, no split given"), marks.Row("Air force", 19, 19, 19, "as_stated", style.STATED)]
    for layout in style.LAYOUTS:
        fig = marks.rows_figure(rows, "persons", layout)
        right = fig.axes[0].get_xlim()[1]
        plt.close(fig)
        assert right <= marks.STRETCH * 80 * (1 + marks.BLUR), layout.name


@pytest.mark.parametrize("top", [7, 20, 23, 671])
def test_a_count_axis_has_whole_number_ticks_labelled_with_their_own_value(top):
    rows = [marks.Row("Some", top, top, top, "as_stated", style.STATED), marks.Row("Few", 2, 2, 2, "as_stated", style.STATED)]
    fig = marks.rows_figure(rows, "figures", style.DESKTOP)
    fig.canvas.draw()
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    ticks = [(t.get_loc(), t.label1.get_text()) for t in ax.xaxis.get_major_ticks() if low <= t.get_loc() <= high]
    plt.close(fig)
    assert len(ticks) >= 2
    assert all(loc == round(loc) and label == f"{round(loc):,}" for loc, label in ticks), ticks


def test_a_tick_label_is_never_another_number():
    assert marks._tick(2.5, "figures") == "2.5" and marks._tick(2500, "persons") == "2.5k" and marks._tick(20, "figures") == "20"
