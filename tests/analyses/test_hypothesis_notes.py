"""analyses.hypothesis_notes: the method states the likelihoods, prior and margins the engine uses; the overlap is stated."""

from __future__ import annotations

import re

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


def test_parc_is_said_in_words_where_the_page_first_names_it():
    # the key findings and the box never name it; the verdict, the first section that does, says what it is
    params = hr.parameters(draws=500)
    assert "PARC" not in " ".join(f.text for f in hr.key_findings(params)) + hr.variant_box(params)
    verdict = notes.verdict_text(params)
    first = verdict.index("PARC")
    assert verdict[first:].startswith("PARC ACH 2.0 (the Palo Alto Research Center's software for the analysis of competing "
                                      "hypotheses), which counts only the evidence against each explanation")
    assert "five points" not in verdict and "their own error" not in verdict  # the tie rule in words, not as code


def test_each_caveat_appears_only_where_it_applies():
    for question in ("collapse", "intent"):
        params = hr.parameters(question=question, draws=500)
        m, v = hr.matrix(params), hr.verdict(params)
        text = re.sub(r"\\(.)", r"\1", notes.limits(params))  # without Markdown escapes
        # the caveat on the reading the paper sets aside for lack of evidence: only where that reading is scored
        aside = [h for h in m.hypotheses if hr.tables.datasets.hypotheses().set_index("id").loc[h, "paper_judgement"] == "not_addressable"]
        assert ("for lack of evidence" in text) == bool(aside)
        assert all(m.label(h) in text for h in aside)
        # leaders with nothing against them: the method counts only contradiction, so that is not support
        clean = [h for h in v["contenders"] if not v["against"][h]]
        assert ("not that it supports" in text) == bool(clean)
    intent = hr.parameters(question="intent")
    assert "Russo-Turkish" not in notes.limits(intent) and "Nothing counts against" in notes.limits(intent)
    assert "opening summary" in notes.overlap_text(intent) and "introduction" not in notes.overlap_text(intent).lower()


def test_the_mixing_is_shown_where_it_acts_and_reliability_says_what_enters_it():
    for ladder in ("heuer", "symmetric"):
        text = notes.method_text(hr.parameters(scheme="bayes", ladder=ladder))
        # illustrated with ratios on both sides of 1 (C x2, I x1/2), so the unevenness shown is the mixing's, not the ladder's
        assert "a consistent rating (×2) conveys ×1.50 and an inconsistent one (×1/2) ×0.75" in text
        assert "×1.00 and an inconsistent" not in text
        assert "credibility times relevance" in text and "fully reliable, for high and high" in text
