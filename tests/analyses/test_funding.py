"""funding.py: yearly levels, how far they sit below the peak, parameters checked on entry, notebook defaults."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assad_collapse.analyses import funding, funding_charts
from assad_collapse.errors import ParameterError
from assad_collapse.paper import datasets

DEFAULTS = {p.name: p.default for p in funding.PARAMETERS}


def test_levels_follow_the_papers_figures():
    levels = funding.spans(funding.parameters()).set_index("what")
    peak, total, cut = (datasets.figure(i).value for i in (funding.PEAK, funding.TOTAL, funding.CUT))
    assert levels.loc["peak", "central"] == peak and levels.loc["peak", "basis"] == "stated"
    assert levels.loc["average", "central"] * 2 == pytest.approx(total) and levels.loc["average", "basis"] == "derived"
    assert levels.loc["2024", "central"] == pytest.approx(peak * (1 - cut / 100)) and levels.loc["2024", "basis"] == "derived"
    assert levels.loc["2024", "approximate"]  # worked out from an approximate peak


def test_what_a_parameter_sets_is_assumed_never_stated():
    levels = funding.spans(funding.parameters(peak_bn_per_year=3.0, share_2022=0.6)).set_index("what")
    assert levels.loc["peak", "basis"] == "assumed" and levels.loc["2024", "basis"] == "assumed"
    assert levels.loc["first year", "basis"] == levels.loc["second year", "basis"] == "assumed"
    text = " ".join(f.text for f in funding.findings(funding.parameters(peak_bn_per_year=3.0)))
    assert "assumes a peak of $3bn a year" in text
    assert "the paper's figures" not in funding.comparison(funding.parameters(peak_bn_per_year=3.0))
    assert funding.comparison(funding.parameters()).startswith("On the paper's figures")


def test_the_comparison_makes_no_counterfactual_and_rounds_as_the_peak_allows():
    """The paper gives no baseline for what support 'would' have been: no shortfall against a sustained peak, and
    shares of an approximate peak read 'about', rounded."""
    text = funding.comparison(funding.parameters())
    assert "less over" not in text and "at the peak would" not in text and "$3.8bn" not in text
    levels = funding.spans(funding.parameters()).set_index("what")
    average_share = levels.loc["average", "central"] / levels.loc["peak", "central"] * 100
    assert f"averaged about {average_share:.0f}%" in text
    assert "no figure for 2018–21" in text


@settings(max_examples=25, deadline=None)
@given(st.floats(0.01, 1), st.floats(0.5, 10), st.floats(0, 99))
def test_the_comparison_follows_any_assumed_values(share, peak, cut):
    params = funding.parameters(share_2022=share, peak_bn_per_year=peak, cut_percent=cut)
    text = funding.comparison(params)
    assert text.startswith("On the values assumed in this version") and "nan" not in text
    assert f"it was {funding.prose.number(100 - cut, 'percent')} of that level" in text


@pytest.mark.parametrize(
    "values, name",
    [
        ({"share_2022": 1.2}, "share_2022"),
        ({"share_2022": "half"}, "share_2022"),
        ({"peak_bn_per_year": -1.0}, "peak_bn_per_year"),
        ({"cut_percent": 140}, "cut_percent"),
        ({"marked_events": ["no_such_event"]}, "marked_events"),
        ({"marked_events": "ukraine_war_starts_2022_02"}, "marked_events"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_are_rejected_before_any_work(values, name):
    with pytest.raises(ParameterError, match=f"parameter '{name}'"):
        funding.parameters(**values)


def test_prose_numbers_come_from_data(data_copy, monkeypatch):
    from helpers import set_cell

    for column in ("value", "low", "high"):
        set_cell(data_copy / "figures.csv", "fund_peak_2016_17", column, "4")
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(data_copy))
    text = " ".join(f.text for f in funding.findings(funding.parameters()))
    assert "about $4bn a year" in text and "about $1.2bn a year" in text  # 4 × (1 − 70%), approximate as the peak is


def test_every_event_the_chart_marks_is_cited_in_the_text():
    """A note listed under Sources but never cited has no way back to the text (the review's note 15)."""
    from assad_collapse.presentation import citations

    citations.reset()
    params = funding.parameters()
    _ = [f.text for f in funding.findings(params)], funding.comparison(params), funding.limits()
    uncited = [i for i in funding.SOURCE_IDS + params["marked_events"] if not citations.NOTES.uses.get(i)]
    citations.reset()
    assert uncited == []


def test_an_open_start_is_labelled_no_later_than():
    events = funding.marked_events(funding.parameters()["marked_events"]).set_index("id")
    assert events.loc[funding.TREND_STARTS, "when"] == "no later than 2020" and events.loc[funding.TREND_STARTS, "open_start"]


def test_the_index_headline_is_one_sentence():
    from assad_collapse.build.changes import plain

    headline = plain(funding.findings(funding.parameters())[0].text)
    assert headline.endswith(".") and headline.count(". ") == 0 and "no later than 2020" in headline


def test_the_chart_subtitle_names_assumed_levels_only_when_it_draws_one():
    assert "assumed" not in funding_charts.chart_levels(funding.parameters()).subtitle
    assert "stated" not in funding_charts.chart_levels(funding.parameters()).subtitle  # words, not codes
    assert "or it is assumed" in funding_charts.chart_levels(funding.parameters(share_2022=0.6)).subtitle
