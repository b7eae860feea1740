"""analyses.hypothesis_notes: the method states the likelihoods, prior and margins the engine uses; the overlap is stated."""

from __future__ import annotations

from assad_collapse.analyses import hypotheses as hr
from assad_collapse.analyses import hypothesis_notes as notes


def test_the_method_states_the_likelihoods_and_the_prior():
    text = notes.method_text(hr.parameters(scheme="bayes", ladder="symmetric"))
    assert "C ×2" in text and "I ×1/2" in text and "II ×1/4" in text and "equal for every explanation" in text
    primed = notes.method_text(hr.parameters(scheme="bayes", prior=[1, 1, 1, 1]))
    assert "25%" in primed



def test_the_overlap_and_what_the_scores_mean_are_stated():
    for question in ("collapse", "intent"):
        text = notes.overlap_text(hr.parameters(question=question))
        assert "relative support" in text
