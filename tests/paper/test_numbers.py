"""numbers.py: one reader of numbers, so validation and loading can never disagree."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, strategies as st
from helpers import DATA, rows

from assad_collapse.paper import datasets
from assad_collapse.paper.numbers import parse_number, to_numbers, valid


@pytest.mark.parametrize("text, value", [("2.5", 2.5), ("671", 671.0), (" 30 ", 30.0), ("-3", -3.0), (".5", 0.5), ("7.", 7.0)])
def test_decimals_in_ascii_digits_are_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["NaN", "nan", "inf", "-Infinity", "1e309", "1e3", "2_5", "２５", "٣", "0x10", "", " ",
                                  "1,000", "2.5.1", "+-1", "1" * 41, "3 000"])
def test_anything_else_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.text(alphabet="0123456789.+-_eEaNnIif ٣２\t", max_size=12))
def test_validation_and_loading_read_every_cell_alike(text):
    series = pd.Series([text], dtype=object)
    accepted = bool(valid(series).iloc[0])
    loaded = to_numbers(series).iloc[0]
    assert accepted == (not math.isnan(loaded))
    if accepted:
        assert math.isfinite(loaded) and loaded == parse_number(text)


def test_the_loader_reads_the_shipped_figures_as_validation_read_them():
    raw = {r["id"]: r for r in rows(DATA / "figures.csv")}
    loaded = datasets.figures().set_index("id")
    for fid, record in raw.items():
        for column in ("value", "low", "high"):
            expected = parse_number(record[column]) if record[column].strip() else math.nan
            got = loaded.loc[fid, column]
            assert (math.isnan(expected) and math.isnan(got)) or got == expected, (fid, column)
