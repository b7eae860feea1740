"""ach.matrix: the paper's matrices from data/, PARC weights and reliabilities."""

from __future__ import annotations

import numpy as np
import pytest

from assad_collapse.analyses import ach
from assad_collapse.paper.vocabulary import QUESTIONS, RATINGS


@pytest.mark.parametrize("question", QUESTIONS)
def test_matrix_from_data(question):
    m = ach.build_matrix(question)
    assert m.question == question and m.ratings.shape == (len(m.items), len(m.hypotheses))
    assert set(np.unique(m.ratings)) <= set(RATINGS)
    frame = m.frame()
    # each item weighs credibility x relevance, whatever its source: no source shares its weight
    assert frame["weight"].to_numpy() == pytest.approx((frame["credibility_weight"] * frame["relevance_weight"]).to_numpy())
    assert frame["reliability"].to_numpy() == pytest.approx(frame["weight"].to_numpy() / 2)
    assert all(s and s != i for s, i in zip(m.summaries, m.items))
    # the paper judges the third collapse reading the most solid; on intent it leaves the question open (the third
    # intent reading is this project's split of the conclusion's lean to leverage, not the paper's answer)
    assert m.paper_hypothesis == {"collapse": "h3_survival_without_serving_russia", "intent": None}[question]


def test_factor_must_be_a_discount():
    with pytest.raises(Exception):
        ach.Matrix.from_lists(["A", "B"], [["C", "I"]]).__class__(**{**ach.Matrix.from_lists(["A", "B"], [["C", "I"]]).__dict__,
                                                                     "factor": np.array([1.5])})
