"""Validation accepts exactly what loading and the reports can use: the probes of issue 12, each a test.

Each case edits a copy of data/ the way a hand edit could, and checks that
``validate-data`` names file, line, column and value (and what was expected),
and that the loaders never see data validation let through.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import rows, set_cell, write_rows

from assad_collapse.paper.validate import find_problems


def problems_of(data_dir, file=None):
    found = find_problems(data_dir)[1]
    return [p for p in found if file is None or p.file == file]


def validate_cli(data_dir, timeout=60):
    return subprocess.run([sys.executable, "-m", "assad_collapse.cli", "validate-data", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("text", ["NaN", "inf", "1e309", "2_5", "２.５", "-2.5", "2.5e0"])
@pytest.mark.parametrize("column", ["value", "low", "high"])
def test_numbers_that_are_not_finite_ascii_decimals_or_are_negative(data_copy, column, text):
    line = set_cell(data_copy / "figures.csv", "fund_peak_2016_17", column, text)
    found = problems_of(data_copy, "figures.csv")
    assert any(p.line == line and p.column == column and p.value == text and p.expected for p in found), found
    run = validate_cli(data_copy)
    assert run.returncode == 2 and "data OK" not in run.stdout and "Traceback" not in run.stderr


def test_a_part_of_itself_or_a_loop_of_parts(data_copy):
    path = data_copy / "figures.csv"
    own = set_cell(path, "militia_ndf_2024", "part_of", "militia_ndf_2024")
    set_cell(path, "militia_total_2024", "part_of", "militia_ldf_2024")  # total -> LDF -> total
    found = problems_of(data_copy, "figures.csv")
    loops = [p for p in found if "loop" in p.message]
    assert any(p.line == own and p.column == "part_of" for p in loops), found
    assert any("militia_total_2024 -> militia_ldf_2024 -> militia_total_2024" in p.expected for p in loops), loops


def test_a_part_in_another_unit_than_its_total(data_copy):
    line = set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "part_of", "militia_total_2024")
    found = problems_of(data_copy, "figures.csv")
    assert any(p.line == line and p.column == "unit" and "a part in 'usd_bn_per_year' of a total in 'persons'" in p.message
               for p in found), found


@pytest.mark.parametrize("cells, says", [
    ({"value": "", "low": "2", "high": "3"}, "is not one stated number"),
    ({"value": "2.5", "low": "2.5", "high": "2.5"}, "not a whole number"),
    ({"value": "", "low": "", "high": "", "precision": "unspecified"}, "has no number"),
])
def test_interview_counts_are_one_whole_stated_number(data_copy, cells, says):
    for column, value in cells.items():
        set_cell(data_copy / "figures.csv", "interviews_russian", column, value)
    found = problems_of(data_copy)
    assert any(p.file == "interviews.csv" and p.column == "figure_id" and p.value == "interviews_russian"
               and says in p.message for p in found), found


def test_a_count_is_whole_wherever_it_is(data_copy):
    line = set_cell(data_copy / "figures.csv", "advisers_peak_2017", "high", "671.5")
    found = problems_of(data_copy, "figures.csv")
    assert any(p.line == line and p.column == "high" and "whole" in p.expected for p in found), found


@pytest.mark.parametrize("locator", [";", " ; ; ", "  "])
def test_a_locator_of_only_separators(data_copy, locator):
    line = set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "locator", locator)
    found = problems_of(data_copy, "figures.csv")
    assert any(p.line == line and p.column == "locator" for p in found), found


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "sneaky \u202eevil", "line\u2028break", "carriage,\rreturn"])
def test_control_characters_in_text(data_copy, text):
    path = data_copy / "figures.csv"
    line = set_cell(path, "fund_peak_2016_17", "note", text.replace("\r", "@CR@"))  # the comma makes csv quote it
    path.write_bytes(path.read_bytes().replace(b"@CR@", b"\r"))
    found = problems_of(data_copy, "figures.csv")
    assert any(p.line == line and p.column == "note" and "control character" in p.message for p in found), found


def test_tabs_and_line_breaks_are_text(data_copy):
    set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "note", "one\ttab\nand a second line")
    assert problems_of(data_copy) == []


def test_an_id_with_a_trailing_line_break_is_malformed(data_copy):
    line = set_cell(data_copy / "events.csv", "gaza_crisis_starts_2023_10", "id", "gaza_crisis_starts_2023_10\n")
    assert any(p.line == line and p.column == "id" and "malformed" in p.message for p in problems_of(data_copy, "events.csv"))


@pytest.mark.parametrize("expression, says", [
    ("militia_total_2024.real", "only figure ids"),
    ("sum(3)", "only figure ids"),
    ("sum(militia_ndf_2024 + militia_ldf_2024)", "only figure ids"),
    ("-" * 3000 + "militia_total_2024", "characters"),
    ("-" * 45 + "militia_total_2024", "nested"),
    ("+".join(["1"] * 200), "nested"),
    ("militia_total_2024 * 1e309", "not a number written"),
    ("militia_total_2024 * 2_5", "not a number written"),
    ("__import__('os')", "only figure ids"),
])
def test_check_expressions_are_checked_in_full_with_the_evaluators_whitelist(data_copy, expression, says):
    line = set_cell(data_copy / "checks.csv", "militias_shrank", "left", expression)
    found = problems_of(data_copy, "checks.csv")
    assert any(p.line == line and p.column == "left" and says in p.message for p in found), found
    run = validate_cli(data_copy)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "RecursionError" not in run.stderr


def test_a_sum_over_a_figure_without_parts_and_a_division_by_zero(data_copy):
    sums = set_cell(data_copy / "checks.csv", "militias_shrank", "left", "sum(militia_ndf_2024)")
    divides = set_cell(data_copy / "checks.csv", "advisers_much_rarer", "left", "advisers_total_2024_10 / (advisers_peak_2017 - 671)")
    found = problems_of(data_copy, "checks.csv")
    assert any(p.line == sums and "no quantified parts" in p.message for p in found), found
    assert any(p.line == divides and "cannot be computed" in p.message and "bounds include zero" in p.message for p in found), found


def test_a_derived_figure_that_cannot_be_computed(data_copy):
    path = data_copy / "figures.csv"
    for column, value in {"value": "", "low": "", "high": "", "precision": "unspecified"}.items():
        line = set_cell(path, "advisers_peak_2017", column, value)
    found = problems_of(data_copy, "figures.csv")
    assert any(p.line == line and "derived figure 'advisers_share_of_peak_2024' needs figure 'advisers_peak_2017'" in p.message
               for p in found), found
    for column in ("value", "low", "high"):
        set_cell(path, "advisers_peak_2017", column, "0")
    set_cell(path, "advisers_peak_2017", "precision", "as_stated")
    assert any("advisers_share_of_peak_2024" in p.message and "bounds include zero" in p.message for p in problems_of(data_copy))


def test_a_figure_may_not_take_a_derived_figures_id(data_copy):
    line = set_cell(data_copy / "figures.csv", "jets_upgraded_under_russian_command", "id", "fund_level_2024")
    assert any(p.line == line and p.column == "id" and "derived figure" in p.message for p in problems_of(data_copy, "figures.csv"))


def test_an_undecodable_file_comes_first_and_alone(data_copy):
    path = data_copy / "figures.csv"
    path.write_bytes(path.read_bytes().replace(b"Syrian regime", b"Syrian r\xe9gime", 1))
    found = problems_of(data_copy)
    assert [p.file for p in found] == ["figures.csv"] and "UTF-8" in found[0].message, found


@pytest.mark.parametrize("make, says", [
    (lambda p: (p.unlink(), p.mkdir()), "is a directory"),
    (lambda p: (p.unlink(), os.mkfifo(p)), "not a regular file"),
    (lambda p: (p.unlink(), p.symlink_to("/dev/zero")), "not a regular file"),
    (lambda p: p.write_bytes(b"x" * 20_000_001), "more than the 20,000,000"),
])
def test_a_data_file_that_is_no_regular_file_of_bounded_size(data_copy, make, says):
    make(data_copy / "figures.csv")
    run = validate_cli(data_copy, timeout=30)  # a FIFO once hung the reader; /dev/zero exhausted the machine
    assert run.returncode == 2 and says in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert "dangling reference" not in run.stderr


def test_every_probe_in_one_run(data_copy):
    path = data_copy / "figures.csv"
    set_cell(path, "fund_peak_2016_17", "value", "NaN")
    set_cell(path, "militia_ndf_2024", "part_of", "militia_ndf_2024")
    set_cell(path, "interviews_russian", "value", "2.5")
    set_cell(data_copy / "checks.csv", "militias_shrank", "left", "militia_total_2024.real")
    records = rows(data_copy / "events.csv")
    records[0]["note"] = "nul\x00"
    write_rows(data_copy / "events.csv", records)
    run = validate_cli(data_copy)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    for says in ("'NaN'", "loop", "interview count", "only figure ids", "control character"):
        assert says in run.stderr, says
