"""key.py: a chart's key lists what its colours and marks mean, read from the drawing; one meaning per colour."""

from __future__ import annotations

import matplotlib.pyplot as plt

from assad_collapse.analyses import advisers, funding, funding_charts, manpower
from assad_collapse.presentation import charts, key, marks, style


def _keys(chart, layout=style.DESKTOP) -> list[str]:
    fig = chart.figure(layout)
    items = [k for k, _ in key.key_items(fig)]
    plt.close(fig)
    return items


def test_every_meaning_has_its_own_colour_and_the_hypothesis_colours_reuse_none():
    assert len(set(c.upper() for c in style.MEANINGS)) == len(style.MEANINGS)
    assert {style.SUPPORTS, style.AGAINST, style.SIMULATED}.isdisjoint({style.STATED, style.DERIVED, style.ASSUMED})
    assert set(style.RATING_FILLS) == {"CC", "C", "N", "I", "II", "NA"}


def test_the_key_lists_the_colours_a_chart_draws_and_no_others():
    fig, ax = plt.subplots()
    ax.barh(0, 1, color=style.STATED)
    ax.barh(1, 1, color="white", edgecolor=style.ASSUMED, hatch=style.ASSUMED_HATCH)
    items = dict(key.key_items(fig))
    plt.close(fig)
    # Black spines and white backgrounds are frames, not a "turning point" or anything else.
    assert list(items) == [style.STATED, style.ASSUMED]


def test_marks_of_uncertainty_are_in_the_key_of_the_chart_that_draws_them():
    distribution = _keys(advisers.chart_distribution(advisers.parameters()))
    assert {style.STATED, style.DERIVED, style.GAP, "range", "about"} <= set(distribution)
    assert style.TURNING not in distribution and style.ASSUMED not in distribution
    assumed = _keys(manpower.chart_foreign(manpower.parameters(approximate_spread_percent=10.0)))
    assert "margin" in assumed and "about" not in assumed
    phone = _keys(funding_charts.chart_levels(funding.parameters()), style.PHONE)
    assert "open_start" in phone and style.TURNING in phone


def test_the_key_is_html_under_the_subtitle_in_the_sets_order():
    chart = funding_charts.chart_logistics()
    page = charts.html_figure(chart)
    assert page.index('class="chart-subtitle"') < page.index('class="chart-key"') < page.index("<picture>")
    merged = key.merge([("about", "b")], [(style.DERIVED, "d"), ("about", "b")], [(style.STATED, "s")])
    assert [k for k, _ in merged] == [style.STATED, style.DERIVED, "about"]
    assert key.key_html([]) == ""


def test_a_chart_without_marks_has_a_key_of_colours_only():
    rows = [marks.Row("A", 3, 3, 3, "as_stated", style.STATED)]
    fig = marks.rows_figure(rows, "persons", style.DESKTOP)
    assert [k for k, _ in key.key_items(fig)] == [style.STATED]
    plt.close(fig)
