"""funding.py: yearly levels, the 2022-24 shortfall, parameters checked on entry, notebook defaults."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assad_collapse.analyses import funding
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
    assert "the paper's figures" not in funding.scenario(funding.parameters(peak_bn_per_year=3.0))
    assert funding.scenario(funding.parameters()).startswith("On the paper's figures")


@settings(max_examples=25, deadline=None)
@given(st.floats(0, 1), st.floats(0.5, 10), st.floats(0, 100))
def test_shortfall_is_the_sum_of_yearly_gaps_and_ignores_the_split(share, peak, cut):
    params = funding.parameters(share_2022=share, peak_bn_per_year=peak, cut_percent=cut)
    levels = funding.spans(params).set_index("what")
    gaps = sum(peak - levels.loc[w, "central"] for w in ("first year", "second year", "2024"))
    assert funding.shortfall_2022_24(params).value == pytest.approx(gaps)
    other = funding.parameters(share_2022=1 - share, peak_bn_per_year=peak, cut_percent=cut)
    assert funding.shortfall_2022_24(other).value == pytest.approx(gaps)


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
