"""manpower.py: findings from data, parameters checked, charts carry their sources."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest
from helpers import set_cell

from assad_collapse.analyses import manpower
from assad_collapse.errors import ParameterError
from assad_collapse.paper import datasets
from assad_collapse.presentation import style


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


def _headline(params) -> str:
    from assad_collapse.build.changes import plain

    return plain(manpower.findings(params)[0].text)


def test_the_index_headline_is_the_militias_fall_in_one_sentence():
    headline = _headline(manpower.parameters())
    assert headline.startswith("The pro-regime militias shrank by nearly two-thirds")
    assert "147,000" in headline and "55,000" in headline
    assert headline.endswith(".") and headline.count(". ") == 0, headline


def test_no_longer_active_not_reservists_and_no_false_precision():
    """The paper gives the reserve role to the NDF only; 147,000 to 55,000 is not '62.6%' fewer."""
    params = manpower.parameters()
    words = " ".join([_text(params), manpower.chart_militias(params).title, manpower.chart_militias(params).alt,
                      manpower.chart_forces(params).alt])
    assert "reservist" not in words and "62.6" not in words
    assert "no longer active" in words and "nearly two-thirds" in words


def test_the_foreign_subtitle_says_only_the_total_is_approximate():
    subtitle = manpower.chart_foreign(manpower.parameters()).subtitle
    assert "every figure is approximate" not in subtitle and "total as approximate" in subtitle


def test_an_undated_figure_is_charted_and_said_to_be_undated_never_nan(data_copy, monkeypatch):
    """The paper gives no date for the former rebels' count: with no period in the data, every place says so."""
    from assad_collapse.presentation import style

    for column in ("period_start", "period_end"):
        set_cell(data_copy / "figures.csv", manpower.REBELS, column, "")
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(data_copy))
    params = manpower.parameters()
    chart = manpower.chart_forces(params)
    words = " ".join([chart.title, chart.alt, _text(params), manpower.limits(params)])
    assert "no date given in the paper" in chart.alt and "a count the paper does not date" in _text(params)
    assert "does not say when it was counted" in manpower.limits(params)
    assert not re.search(r"\b(nan|NaN|NaT|None)\b", words)
    for layout in style.LAYOUTS:
        fig = chart.figure(layout)
        texts = " ".join(t.get_text() for t in fig.axes[0].texts)
        assert "no date given in the paper" in texts.replace("\n", " ") and not re.search(r"\bnan\b", texts)
        manpower.plt.close(fig)


def test_the_former_rebels_are_set_apart_from_the_regimes_forces_by_a_rule():
    from assad_collapse.presentation import style

    fig = manpower.chart_forces(manpower.parameters()).figure(style.DESKTOP)
    rules = [line for line in fig.axes[0].lines if list(line.get_xdata()) == [0, 1]]
    heads = [t.get_text() for t in fig.axes[0].texts if t.get_fontweight() == "bold" and t.get_text().startswith(("For", "Against"))]
    manpower.plt.close(fig)
    assert len(rules) == 2 and heads[0].startswith("For the regime") and heads[-1].startswith("Against the regime")


def test_the_fall_has_one_wording_everywhere_with_its_share():
    params = manpower.parameters()
    wording = manpower._decline_words()
    assert re.fullmatch(r"nearly two-thirds \(about \d+%\)", wording), wording
    assert wording in _headline(params) and wording in manpower.chart_militias(params).title


@pytest.mark.parametrize("layout", style.LAYOUTS, ids=lambda layout: layout.name)
def test_the_sum_of_the_foreign_groups_has_its_value_at_the_bars_end(layout):
    check = manpower.checks(manpower.parameters())[manpower.FOREIGN]
    fig = manpower.chart_foreign(manpower.parameters()).figure(layout)
    values = [t for t in fig.axes[0].texts if t.get_text() == f"{check.parts_sum.value:,.0f}"]
    plt.close(fig)
    assert values and all(t.get_position()[0] > 0 for t in values)  # beside the bar, not on a line of its own under it
