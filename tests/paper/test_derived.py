"""derived.py: implied figures computed from figures.csv, with formula, sources and bounds."""

from __future__ import annotations

import pytest
from helpers import DATA, rows, set_cell

from assad_collapse.paper import datasets
from assad_collapse.paper.derived import derived_figures


def raw(figure_id, column="value"):
    return float(next(r for r in rows(DATA / "figures.csv") if r["id"] == figure_id)[column])


def derived(path=None):
    return derived_figures(path).set_index("id")


def test_2024_funding_level_from_the_cut():
    row = derived().loc["fund_level_2024"]
    assert row["value"] == pytest.approx(raw("fund_peak_2016_17") * (1 - raw("fund_cut_2024_vs_peak") / 100))
    assert row["sources"] == "fund_peak_2016_17;fund_cut_2024_vs_peak"
    assert "fund_peak_2016_17" in row["formula"] and "fund_cut_2024_vs_peak" in row["formula"]


def test_yearly_average_of_the_two_year_total():
    assert derived().loc["fund_avg_2022_23", "value"] == pytest.approx(raw("fund_total_2022_23") / 2)


def test_unallocated_advisers_are_the_total_less_the_numbered_postings():
    parts = [r for r in rows(DATA / "figures.csv") if r["part_of"] == "advisers_total_2024_10" and r["value"]]
    expected = raw("advisers_total_2024_10") - sum(float(r["value"]) for r in parts)
    row = derived().loc["advisers_unallocated_2024"]
    assert row["value"] == pytest.approx(expected)
    assert set(row["sources"].split(";")) == {"advisers_total_2024_10", *(r["id"] for r in parts)}


def test_share_of_the_adviser_peak():
    assert derived().loc["advisers_share_of_peak_2024", "value"] == pytest.approx(
        raw("advisers_total_2024_10") / raw("advisers_peak_2017") * 100
    )


def test_bounds_are_carried_through(data_copy):
    set_cell(data_copy / "figures.csv", "fund_cut_2024_vs_peak", "low", "60")
    set_cell(data_copy / "figures.csv", "fund_cut_2024_vs_peak", "high", "80")
    row = derived(data_copy).loc["fund_level_2024"]
    peak = raw("fund_peak_2016_17")
    assert (row["low"], row["high"]) == pytest.approx((peak * 0.2, peak * 0.4))


def test_every_derived_figure_names_its_formula_and_existing_sources():
    figures = set(datasets.figures()["id"])
    for _, row in derived().iterrows():
        assert row["formula"]
        assert set(row["sources"].split(";")) <= figures


def test_derived_figures_on_approximate_figures_are_approximate():
    d = derived()
    # built on "around $2.5 billion" and "roughly 80": approximate; on "$3 billion" and "70%" alone: as stated
    assert d.loc["fund_level_2024", "precision"] == "approximate"
    assert d.loc["advisers_share_of_peak_2024", "precision"] == "approximate"
    assert d.loc["advisers_unallocated_2024", "precision"] == "approximate"
    assert d.loc["fund_avg_2022_23", "precision"] == "as_stated"
    assert d.loc["fund_share_of_peak_2024", "precision"] == "as_stated"


def test_derived_figures_carry_the_margin_of_their_approximate_inputs():
    wide = derived_figures(approximate_spread=0.1).set_index("id")
    peak = raw("fund_peak_2016_17")
    cut = raw("fund_cut_2024_vs_peak") / 100
    assert (wide.loc["fund_level_2024", "low"], wide.loc["fund_level_2024", "high"]) == pytest.approx(
        (peak * 0.9 * (1 - cut), peak * 1.1 * (1 - cut)))
    assert wide.loc["fund_avg_2022_23", "low"] == wide.loc["fund_avg_2022_23", "high"]


def test_a_corrected_figure_reaches_the_derived_figures_at_once(data_copy):
    # derived figures are cached per state of the data: an edit must not leave a stale value behind
    before = derived(data_copy).loc["fund_level_2024", "value"]
    set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "value", "2.6")
    set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "low", "2.6")
    set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "high", "2.6")
    after = derived(data_copy).loc["fund_level_2024", "value"]
    assert after == pytest.approx(before * 2.6 / 2.5)
    mine = derived_figures(data_copy)
    mine.loc[mine["id"] == "fund_level_2024", "value"] = -1  # a caller's copy: changing it changes nothing cached
    assert derived(data_copy).loc["fund_level_2024", "value"] == pytest.approx(after)
