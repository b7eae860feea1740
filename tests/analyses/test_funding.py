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
    levels = funding.yearly_levels(funding.parameters()).set_index("year")
    peak, total, cut = (datasets.figure(i).value for i in (funding.PEAK, funding.TOTAL, funding.CUT))
    assert levels.loc[2016, "central"] == peak and levels.loc[2017, "basis"] == "stated"
    assert levels.loc[2022, "central"] + levels.loc[2023, "central"] == pytest.approx(total)
    assert levels.loc[2024, "central"] == pytest.approx(peak * (1 - cut / 100))
    assert levels.loc[2019, "basis"] == "no figure" and levels.loc[2019, "central"] != levels.loc[2019, "central"]


@settings(max_examples=25, deadline=None)
@given(st.floats(0, 1), st.floats(0.5, 10), st.floats(0, 100))
def test_shortfall_is_the_sum_of_yearly_gaps_and_ignores_the_split(share, peak, cut):
    params = funding.parameters(share_2022=share, peak_bn_per_year=peak, cut_percent=cut)
    levels = funding.yearly_levels(params).set_index("year")
    gaps = sum(peak - levels.loc[y, "central"] for y in (2022, 2023, 2024))
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
    text = funding.findings(funding.parameters())
    assert "about $4bn a year" in text and "$1.2bn a year" in text  # 4 × (1 − 70%)
