"""advisers.py: 'some' stays some, the remainder is shown, parameters are checked."""

from __future__ import annotations

import pytest

from assad_collapse.analyses import advisers
from assad_collapse.errors import ParameterError
from assad_collapse.paper import datasets
from assad_collapse.paper.derived import derived_figures
from assad_collapse.presentation import prose


@pytest.mark.parametrize("values", [{"order": "alphabetical"}, {"approximate_spread_percent": 99.0}, {"order": 1}])
def test_bad_parameters(values):
    with pytest.raises(ParameterError):
        advisers.parameters(**values)


def test_some_stays_some_and_remainder_is_derived():
    params = advisers.parameters()
    chart = advisers.chart_distribution(params)
    some = datasets.figures().query("part_of == 'advisers_total_2024_10' and not quantified")
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert sum("some (the paper gives no number)" in t for t in texts) == len(some)
    remainder = derived_figures().set_index("id").loc["advisers_unallocated_2024", "value"]
    assert any(f"about {remainder:,.0f} (derived)" in t for t in texts)
    findings = advisers.findings(params)
    assert all(prose.esc(g) in findings for g in some["group"])
