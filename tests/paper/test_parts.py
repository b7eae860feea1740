"""consistency.py: parts against totals, from the part_of relation in figures.csv."""

from __future__ import annotations

from helpers import DATA, rows, set_cell

from assad_collapse.paper.parts import parts_vs_total


def test_parts_come_from_the_part_of_column():
    expected = {r["id"] for r in rows(DATA / "figures.csv") if r["part_of"] == "foreign_militia_total_2024"}
    assert set(parts_vs_total("foreign_militia_total_2024").parts["id"]) == expected


def test_unquantified_parts_are_listed_not_counted():
    check = parts_vs_total("advisers_total_2024_10")
    raw = [r for r in rows(DATA / "figures.csv") if r["part_of"] == "advisers_total_2024_10"]
    assert set(check.unquantified) == {r["id"] for r in raw if r["precision"] == "unspecified"}
    assert check.parts_sum.value == sum(float(r["value"]) for r in raw if r["value"])
    assert check.status == "parts fall short"


def test_a_broken_part_is_detected(data_copy):
    for column in ("value", "low", "high"):
        set_cell(data_copy / "figures.csv", "militia_ndf_2024", column, "40000")
    check = parts_vs_total("militia_total_2024", data_copy)
    assert check.status == "parts exceed total" and check.gap.value == -1000


def test_a_spread_can_reconcile_approximate_figures(data_copy):
    for column in ("value", "low", "high"):
        set_cell(data_copy / "figures.csv", "foreign_militia_hizbollah_2024", column, "7500")
    assert parts_vs_total("foreign_militia_total_2024", data_copy).status == "parts exceed total"
    assert parts_vs_total("foreign_militia_total_2024", data_copy, approximate_spread=0.1).status == "within bounds"
