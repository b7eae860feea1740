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
    params = timeline.parameters()
    chart = timeline.chart(params)
    ax = chart.figure.axes[1]
    events = timeline.select(params).iloc[::-1].reset_index(drop=True)
    year_rows = [i for i, e in events.iterrows() if e["date_precision"] == "year"]
    widths = {round(p.get_y() + p.get_height() / 2): p.get_width() for p in ax.patches}
    for row in year_rows:
        assert widths[row] == pytest.approx(mdates.date2num(events.loc[row, "date_end"]) + 1 - mdates.date2num(events.loc[row, "date_start"]))


def test_turning_points_come_from_data():
    turning = datasets.events().query("turning_point == 'yes'")
    text = timeline.findings(timeline.parameters())
    assert all(timeline.prose.esc(t) in text for t in turning["title"])
    assert f"**{len(datasets.events())} events**" in text
