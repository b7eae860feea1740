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


def _text(params) -> str:
    return " ".join(f.text for f in manpower.findings(params))


def test_findings_state_the_checks_from_data(data_copy, monkeypatch):
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(data_copy))
    assert "add up exactly to the total" in _text(manpower.parameters())
    for column in ("value", "low", "high"):
        set_cell(data_copy / "figures.csv", "militia_ldf_2024", column, "15000")
    assert "NDF 39,000 and LDF 15,000) fall short of the total" in _text(manpower.parameters())


def test_each_bar_says_when_and_who_gave_it_and_forces_are_grouped_by_side():
    chart = manpower.chart_forces(manpower.parameters())
    assert "Source: Giustozzi 2025" in chart.source and "¶6" in chart.source
    assert "April 2024, per an unnamed source" in chart.alt and "August 2024, per a Syrian officer" in chart.alt
    assert "(against the regime: turned on it in december 2024)" in chart.alt.lower()


def test_an_assumed_margin_is_drawn_as_assumed():
    chart = manpower.chart_foreign(manpower.parameters(approximate_spread_percent=10.0))
    from assad_collapse.presentation import style

    fig = chart.figure(style.DESKTOP)
    assert any(p.get_hatch() == style.ASSUMED_HATCH for p in fig.axes[0].patches)
