"""ach.matrix: the paper's matrices from data/."""

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
    author = frame[frame["source_group"] == "author_reporting"]
    # each author_reporting item: credibility x relevance / the group's size
    expected = author["credibility_weight"] * author["relevance_weight"] / len(author)
    assert author["weight"].to_numpy() == pytest.approx(expected.to_numpy())
    assert (m.paper_hypothesis is not None) == (question == "collapse")
