"""manpower.py: findings from data, parameters checked, charts carry their sources."""

from __future__ import annotations

import pytest
from helpers import set_cell

from assad_collapse.analyses import manpower
from assad_collapse.errors import ParameterError
from assad_collapse.paper import datasets


@pytest.mark.parametrize("value", [-1.0, 60.0, "ten", None])
def test_bad_spread_is_rejected(value):
    with pytest.raises(ParameterError, match="approximate_spread_percent"):
        manpower.parameters(approximate_spread_percent=value)


def test_findings_state_the_checks_from_data(data_copy, monkeypatch):
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(data_copy))
    assert "the parts add up exactly" in manpower.findings(manpower.parameters())
    for column in ("value", "low", "high"):
        set_cell(data_copy / "figures.csv", "militia_ldf_2024", column, "15000")
    text = manpower.findings(manpower.parameters())
    assert "NDF 39,000 + LDF 15,000 = 54,000 against 55,000 stated; the parts fall short of the total by 1,000" in text


def test_charts_name_their_sources():
    params = manpower.parameters()
    for chart in (manpower.chart_forces(params), manpower.chart_militias(params), manpower.chart_foreign(params)):
        caption = " ".join(t.get_text() for t in chart.figure.texts)
        assert "Source: Giustozzi" in caption and "¶6" in caption
        assert chart.alt and chart.description
