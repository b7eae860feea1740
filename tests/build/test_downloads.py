"""build.downloads: published CSVs without float noise, and spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from assad_collapse.build import downloads


@pytest.mark.parametrize("value, text", [(0.7500000000000001, "0.75"), (3.0, "3"), (2.5, "2.5"), (147000.0, "147000"),
                                         (62.585034013605444, "62.5850340136"), (float("nan"), "")])
def test_floats_carry_no_noise(value, text):
    assert downloads._cell(value) == text


def test_published_derived_figures_have_no_float_noise(tmp_path):
    from helpers import DATA

    files = downloads.render(DATA)
    for name, data in files.items():
        for row in csv.reader(io.StringIO(data.decode("utf-8"))):
            assert not any("00000000" in cell or "99999999" in cell for cell in row), (name, row)


def test_formula_cells_are_neutralised():
    assert downloads.neutralise("=1+1") == "'=1+1" and downloads.neutralise("plain") == "plain"
