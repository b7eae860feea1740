"""analyses.hypotheses: parameters checked, verdict computed from the ACH results, variants differ."""

from __future__ import annotations

import pytest

from assad_collapse.analyses import ach
from assad_collapse.analyses import hypotheses as hr
from assad_collapse.errors import ParameterError
from assad_collapse.paper import datasets


@pytest.mark.parametrize(
    "values, name",
    [
        ({"scheme": "vote"}, "scheme"),
        ({"question": "why"}, "question"),
        ({"p_step": 1.5}, "p_step"),
        ({"draws": 10}, "draws"),
        ({"seed": -1}, "seed"),
        ({"discount_kinds": ["astrologer"]}, "discount_kinds"),
        ({"prior": [1, 1, 1, 1]}, "prior"),  # a prior needs the bayes scheme
        ({"scheme": "bayes", "prior": [1, 1]}, "prior"),  # wrong length for the collapse question
    ],
)
def test_bad_parameters(values, name):
    with pytest.raises(ParameterError, match=f"parameter '{name}'"):
        hr.parameters(**values)


def test_verdict_text_states_the_computed_probabilities():
    params = hr.parameters(draws=2000)
    v = hr.verdict(params)
    text = hr.verdict_text(params)
    p = v["schemes"]["heuer"]["p_paper_first"] * 100
    assert hr.prose.number(p, "percent") in text
    assert ("is among the top" in text) == v["schemes"]["heuer"]["paper_is_top"]


def test_the_paper_judgement_named_is_the_one_in_hypotheses_csv():
    hyp = datasets.hypotheses().set_index("id")
    v = hr.verdict(hr.parameters(draws=500))
    assert hyp.loc[v["paper_hypothesis"], "paper_judgement"] == "most_solid"


def test_discount_variant_drops_those_items():
    base = hr.matrix(hr.parameters())
    dropped = hr.matrix(hr.parameters(discount_kinds=["syrian_official"], discount_factor=0.0))
    weights = ach.item_weights(dropped)
    for kind, w in zip(dropped.source_kind, weights):
        assert (w == 0) == (kind == "syrian_official")
    assert base.items == dropped.items


def test_matrix_chart_has_a_row_per_item_with_its_paragraph():
    params = hr.parameters()
    chart = hr.chart_matrix(params)
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert len(labels) == len(hr.matrix(params).items) and all("¶" in l for l in labels)
