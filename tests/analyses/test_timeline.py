"""timeline.py: window and filters checked, dates drawn as spans, turning points from data."""

from __future__ import annotations

import matplotlib.dates as mdates
import pytest

from assad_collapse.analyses import timeline
from assad_collapse.errors import ParameterError
from assad_collapse.paper import datasets
from assad_collapse.presentation import labels


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


def test_events_run_in_the_order_they_happened_as_far_as_their_dates_allow():
    """'February 2022' before '2022'; 'October 2023' and 'late 2023' before 'late 2023–early 2024'."""
    order = list(timeline.story(timeline.parameters())["id"])
    assert order.index("ukraine_war_starts_2022_02") < order.index("russia_cuts_syria_commitments_2022")
    assert order.index("gaza_crisis_starts_2023_10") < order.index("crackdown_pro_russian_officers_2023_2024")
    assert order.index("suhail_replaced_late_2023") < order.index("crackdown_pro_russian_officers_2023_2024")
    table = timeline.select(timeline.parameters())
    middle = table["date_start"] + (table["date_end"] - table["date_start"]) / 2
    assert middle.is_monotonic_increasing


def test_the_order_is_a_list_of_dated_lines_with_capitalised_dates():
    lines = timeline.narrative(timeline.parameters()).splitlines()
    assert len(lines) == len(timeline.story(timeline.parameters())) and all(line.startswith("- **") for line in lines)
    assert any(line.startswith("- **Late November 2024.**") for line in lines)
    assert any(line.startswith("- **No later than 2020.**") for line in lines)


def test_the_index_headline_is_one_sentence_and_the_findings_are_sentences_not_titles():
    from assad_collapse.build.changes import plain

    found = timeline.findings(timeline.parameters())
    headline = plain(found[0].text)
    assert headline.startswith("The falling-out came in steps") and headline.count(". ") == 0 and headline.endswith(".")
    text = " ".join(plain(f.text) for f in found)
    titles = datasets.events().set_index("id")["title"]
    assert not any(titles[i] in text for i in timeline.CLAUSES), "a finding quotes a data title instead of a sentence"
    assert "Türkiye" in text and "protégé" in text


def test_open_starts_fade_at_every_width_and_cut_bars_end_in_an_arrowhead():
    from assad_collapse.analyses import timeline_charts
    from assad_collapse.presentation import style

    for layout in style.LAYOUTS:
        fig = timeline_charts.chart(timeline.parameters()).figure(layout)
        assert any(p.get_gid() == "open_start" for p in fig.axes[0].patches), layout.name
        timeline_charts.plt.close(fig)
        fig = timeline_charts.chart_zoom(timeline.parameters()).figure(layout)
        arrows = [line for line in fig.axes[0].lines if line.get_gid() == "continues"]
        timeline_charts.plt.close(fig)
        first, _ = timeline.zoom_window()
        zoomed = timeline.story(timeline.parameters())
        cut = zoomed[(zoomed["date_start"] < first - timeline.pd.Timedelta(days=20)) & (zoomed["date_end"] >= first)]
        assert len(arrows) == len(cut) >= 1, layout.name


def test_every_event_filed_as_russian_support_involves_russia():
    """The kind 'support' reads 'Russian support': an Iranian mobilisation filed there was wrong."""
    ev = datasets.events()
    support = ev[ev["category"] == "support"]
    assert len(support) and labels.category("support") == "Russian support"
    assert [e.id for e in support.itertuples() if "russia" not in e.actor_list] == []


def test_the_early_stage_is_friction_then_distrust_as_the_paper_dates_it():
    """The paper first calls relations tense by mid-2017 and dates growing distrust to 2017–18, not 2016."""
    text = timeline.findings(timeline.parameters())[0].text
    assert "distrust from" not in text
    assert f"distrust growing in {labels.event_when(timeline.HANDOVER)}" in text
    assert "relations_tense_by_mid_2017" in timeline.EARLY
