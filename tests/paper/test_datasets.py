"""datasets.py: typed loaders over validated data; ranges, unquantified figures and parts."""

from __future__ import annotations

import pytest
from helpers import DATA, rows, set_cell

from assad_collapse.errors import AssadCollapseError, DataValidationError
from assad_collapse.paper import datasets


def test_figures_are_typed_and_complete():
    df = datasets.figures()
    assert len(df) == len(rows(DATA / "figures.csv"))
    assert str(df["value"].dtype) == "float64"
    assert str(df["period_start"].dtype).startswith("datetime64")


def test_range_central_is_the_midpoint_and_flagged():
    df = datasets.figures().set_index("id")
    raw = {r["id"]: r for r in rows(DATA / "figures.csv")}
    ranged = [i for i, r in raw.items() if r["value"] == "" and r["low"] != "" and r["high"] != ""]
    assert ranged, "the paper has ranges (e.g. former rebels); figures.csv must keep them as ranges"
    for i in ranged:
        assert df.loc[i, "central_is_midpoint"]
        assert df.loc[i, "central"] == (float(raw[i]["low"]) + float(raw[i]["high"])) / 2


def test_unquantified_figures_stay_without_a_number():
    df = datasets.figures()
    some = df[~df["quantified"]]
    assert len(some) >= 2 and some["value"].isna().all() and some["low"].isna().all()
    with pytest.raises(AssadCollapseError, match="has no number"):
        datasets.figure(some["id"].iloc[0])


def test_interviews_come_from_figures_and_add_up_to_the_stated_total():
    interviews = datasets.interviews()
    total = datasets.figure("interviews_total")
    assert interviews["count"].sum() == total.value
    assert set(interviews["figure_id"]) == set(datasets.parts_of("interviews_total")["id"])


def test_loaders_refuse_invalid_data(data_copy):
    set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "value", "n/a")
    with pytest.raises(DataValidationError, match="figures.csv"):
        datasets.figures(data_copy)


def test_a_corrected_figure_flows_through(data_copy):
    set_cell(data_copy / "figures.csv", "advisers_peak_2017", "value", "600")
    set_cell(data_copy / "figures.csv", "advisers_peak_2017", "low", "600")
    set_cell(data_copy / "figures.csv", "advisers_peak_2017", "high", "600")
    assert datasets.figure("advisers_peak_2017", data_copy).value == 600


def test_events_sorted_with_actor_lists():
    ev = datasets.events()
    assert ev["date_start"].is_monotonic_increasing
    assert all(isinstance(a, list) and a for a in ev["actor_list"])


def test_unknown_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(AssadCollapseError, match="does not exist"):
        datasets.figures(tmp_path / "nowhere")
