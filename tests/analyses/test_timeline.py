"""timeline.py: window and filters checked, dates drawn as spans, turning points from data."""

from __future__ import annotations

import matplotlib.dates as mdates
import pytest

from assad_collapse.analyses import timeline
from assad_collapse.errors import ParameterError
from assad_collapse.paper import datasets


@pytest.mark.parametrize(
    "values, name",
    [
        ({"start_year": 2020, "end_year": 2018}, "end_year"),
        ({"start_year": 2010}, "start_year"),
        ({"actors": ["martians"]}, "actors"),
        ({"actors": []}, "actors"),
        ({"categories": ["weather"]}, "categories"),
        ({"end_year": "2024"}, "end_year"),
    ],
)
def test_bad_parameters(values, name):
    with pytest.raises(ParameterError, match=f"parameter '{name}'"):
        timeline.parameters(**values)


def test_filters_select_by_window_actor_and_category():
    params = timeline.parameters(start_year=2023, end_year=2024, actors=["israel"], categories=["regional", "combat"])
    chosen = timeline.select(params)
    assert len(chosen) > 0
    assert all("israel" in a for a in chosen["actor_list"])
    assert set(chosen["category"]) <= {"regional", "combat"}
    assert (chosen["date_end"].dt.year >= 2023).all()


def test_year_only_dates_are_drawn_as_year_long_spans():
    from assad_collapse.analyses import timeline_charts
    from assad_collapse.presentation import style

    params = timeline.parameters()
    fig = timeline_charts.chart(params).figure(style.DESKTOP)
    bars = {(round(p.get_x(), 3), round(p.get_width(), 3)) for p in fig.axes[0].patches}
    years = timeline.story(params).query("date_precision == 'year'")
    assert len(years) >= 3
    for e in years.itertuples():
        start = mdates.date2num(e.date_start)
        assert (round(start, 3), round(mdates.date2num(e.date_end) + 1 - start, 3)) in bars, e.id


def test_turning_points_come_from_data_and_are_marked_on_their_bars():
    from assad_collapse.analyses import timeline_charts
    from assad_collapse.presentation import style

    turning = datasets.events().query("turning_point == 'yes'")
    found = timeline.findings(timeline.parameters())
    the_break = next(f for f in found if f.key == "timeline.break")
    assert set(turning["id"]) <= set(the_break.sources)
    assert the_break.text.count("turning point in the paper's account") == len(turning)
    fig = timeline_charts.chart(timeline.parameters()).figure(style.PHONE)
    black = [p for p in fig.axes[0].patches if p.get_facecolor()[:3] == (0.0, 0.0, 0.0)]
    tags = [t for t in fig.axes[0].texts if t.get_text() == "turning point"]
    assert len(black) == len(tags) == len(turning)


def test_story_has_twelve_to_fifteen_events_and_all_exist():
    assert set(timeline.STORY) <= set(datasets.events()["id"])
    assert 12 <= len(timeline.story(timeline.parameters())) <= 15


def test_dates_in_the_table_are_words_and_filters_apply():
    table = timeline.events_table(timeline.parameters())
    assert "Late November 2024" in table and "2016–17" in table and "No later than 2020" in table and "2024-" not in table
    narrow = timeline.parameters(start_year=2023, end_year=2024, actors=["israel"], categories=["regional", "combat"])
    assert timeline.events_table(narrow).count("<tr id=") == len(timeline.select(narrow))
    assert any(f.key == "timeline.selection" for f in timeline.findings(narrow))
