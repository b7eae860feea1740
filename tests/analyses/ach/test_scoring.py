"""ach.scoring: both schemes by hand, a published worked example, invariants."""

from __future__ import annotations

import math

import pytest
from ach_examples import R2, M, _ranks, iraq, matrices, ranks, scores
from hypothesis import given, settings
from hypothesis import strategies as st

from assad_collapse.analyses import ach


def test_heuer_weighted_unweighted_and_grouped_by_hand():
    m = M(["H1", "H2", "H3"], [["I", "C", "II"], ["II", "I", "N"]],
          credibility=["high", "low"], relevance=["high", "medium"])
    # weights: e1 = sqrt2*sqrt2 = 2; e2 = (1/sqrt2)*1 = 0.70711
    # H1 = 2*1 + 0.70711*2 = 3.41421; H2 = 0 + 0.70711*1 = 0.70711; H3 = 2*2 + 0 = 4
    got = ach.score(m, "heuer")
    assert scores(got) == pytest.approx({"H1": 2 + R2, "H2": 1 / R2, "H3": 4.0})
    assert ranks(got) == {"H2": 1, "H1": 2, "H3": 3}
    assert list(got["hypothesis"]) == ["H2", "H1", "H3"]
    # unweighted: H1 = 1 + 2 = 3; H2 = 1; H3 = 2 -> the weights swap H1 and H3
    plain = ach.score(m, "heuer", weighted=False)
    assert scores(plain) == pytest.approx({"H1": 3.0, "H2": 1.0, "H3": 2.0})
    assert ranks(plain) == {"H2": 1, "H3": 2, "H1": 3}
    # one source: each weight halves -> H1 = 1.70711, H2 = 0.35355, H3 = 2
    grouped = ach.score(ach.Matrix.from_lists(["H1", "H2", "H3"], [["I", "C", "II"], ["II", "I", "N"]],
                                              credibility=["high", "low"], relevance=["high", "medium"],
                                              source_group=["g", "g"]), "heuer")
    assert scores(grouped) == pytest.approx({"H1": 1 + 1 / R2, "H2": 1 / (2 * R2), "H3": 2.0})
    off = ach.score(ach.Matrix.from_lists(["H1", "H2", "H3"], [["I", "C", "II"], ["II", "I", "N"]],
                                          credibility=["high", "low"], relevance=["high", "medium"],
                                          source_group=["g", "g"]), "heuer", group_sources=False)
    assert scores(off) == pytest.approx(scores(got))


def test_heuer_ignores_consistent_neutral_and_na():
    m = M(["A", "B"], [["CC", "NA"], ["C", "N"], ["NA", "II"]])
    # only the II counts: A = 0, B = 2
    assert scores(ach.score(m, "heuer")) == pytest.approx({"A": 0.0, "B": 2.0})


def test_bayes_by_hand():
    m = M(["H1", "H2"], [["C", "I"], ["N", "CC"]])
    # likelihood ratios against N: C 1.4, I 0.6, N 1, CC 1.8
    # H1 = 1.4 * 1 = 1.4; H2 = 0.6 * 1.8 = 1.08; posterior H1 = 1.4 / 2.48 = 0.564516
    got = ach.score(m, "bayes").set_index("hypothesis")
    assert got.loc["H1", "posterior"] == pytest.approx(1.4 / 2.48)
    assert got.loc["H2", "posterior"] == pytest.approx(1.08 / 2.48)
    assert got.loc["H1", "score"] == pytest.approx(math.log(1.4))
    assert got.loc["H2", "score"] == pytest.approx(math.log(1.08))
    assert (got.loc["H1", "rank"], got.loc["H2", "rank"]) == (1, 2)
    # e1 high/high weighs 2 (a tempering exponent): H1 = 1.4^2 = 1.96; H2 = 0.6^2 * 1.8 = 0.648
    heavy = M(["H1", "H2"], [["C", "I"], ["N", "CC"]], credibility=["high", "medium"], relevance=["high", "medium"])
    assert ach.score(heavy, "bayes").set_index("hypothesis").loc["H1", "posterior"] == pytest.approx(1.96 / 2.608)
    # prior 1:3 -> H1 = 1.4 * 0.25 = 0.35; H2 = 1.08 * 0.75 = 0.81; H1 = 0.35 / 1.16 = 0.301724
    primed = ach.score(m, "bayes", prior=[1, 3]).set_index("hypothesis")
    assert primed.loc["H1", "posterior"] == pytest.approx(0.35 / 1.16)
    assert (primed.loc["H1", "rank"], primed.loc["H2", "rank"]) == (2, 1)
    assert ach.score(m, "bayes", prior={"H2": 3, "H1": 1})["posterior"].tolist() == pytest.approx(primed["posterior"].tolist())


def test_bayes_scores_na_like_neutral():
    m = M(["H1", "H2"], [["C", "I"], ["N", "CC"], ["NA", "C"]])
    # H1 = 1.4 * 1 * 1 = 1.4; H2 = 0.6 * 1.8 * 1.4 = 1.512 -> H2 = 1.512 / 2.912 = 0.519231
    got = ach.score(m, "bayes").set_index("hypothesis")
    assert got.loc["H2", "posterior"] == pytest.approx(1.512 / 2.912)
    same = M(["H1", "H2"], [["C", "I"], ["N", "CC"], ["N", "C"]])
    assert ach.score(same, "bayes")["posterior"].tolist() == pytest.approx(got.sort_values("rank")["posterior"].tolist())


def test_ties_share_the_best_rank_and_list_by_id():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]])
    # b = 1, a = 1, c = 2
    got = ach.score(m, "heuer")
    assert list(got["hypothesis"]) == ["a", "b", "c"] and list(got["rank"]) == [1, 1, 3]
    assert ach.top(m, "heuer") == ("b", "a")


@pytest.mark.parametrize("scheme", ach.SCHEMES)
def test_heuer_iraq_example_ranks_as_published(scheme):
    got = ach.score(iraq(), scheme)
    # heuer: H1 = 1 + 1 + 2 = 4, H2 = 0, H3 = 1 + 1 = 2 -> H2, H3, H1
    assert list(got["hypothesis"]) == ["H2_minor_terrorism", "H3_major_attack", "H1_no_retaliation"]
    assert list(got["rank"]) == [1, 2, 3]
    if scheme == "heuer":
        assert scores(got) == pytest.approx({"H1_no_retaliation": 4.0, "H2_minor_terrorism": 0.0, "H3_major_attack": 2.0})


def test_iraq_e1_is_not_diagnostic():
    for scheme in ach.SCHEMES:
        d = ach.diagnosticity(iraq(), scheme).set_index("item")
        assert d.loc["e1", "non_diagnostic"] and d.loc["e1", "diagnosticity"] == 0
        assert not d.drop(index="e1")["non_diagnostic"].any()
    # bayes: e6 spreads from log 1.4 (C) to log 0.2 (II): log 7 = 1.94591, the most diagnostic
    d = ach.diagnosticity(iraq(), "bayes")
    assert d.iloc[0]["item"] == "e6" and d.iloc[0]["diagnosticity"] == pytest.approx(math.log(7))


@settings(max_examples=60, deadline=None)
@given(matrices(), st.sampled_from(["CC", "C", "N", "I", "II", "NA"]), st.sampled_from(ach.SCHEMES), st.booleans())
def test_an_item_rated_alike_everywhere_changes_no_ranking(m, code, scheme, weighted):
    n_hyp = len(m.hypotheses)
    rows = [list(r) for r in m.ratings] + [[code] * n_hyp]
    # its own source: grouping cannot reweigh the others
    added = M(m.hypotheses, rows, credibility=[*m.credibility, "high"], relevance=[*m.relevance, "high"],
              source_group=[*m.source_group, "fresh"])
    assert _ranks(added, scheme, weighted=weighted) == _ranks(m, scheme, weighted=weighted)
    # joining an existing source changes that source's share only when sources are grouped
    joined = M(m.hypotheses, rows, credibility=[*m.credibility, "high"], relevance=[*m.relevance, "high"],
               source_group=[*m.source_group, m.source_group[0]])
    assert _ranks(joined, scheme, group_sources=False) == _ranks(m, scheme, group_sources=False)


@settings(max_examples=60, deadline=None)
@given(matrices(), st.randoms(use_true_random=False), st.sampled_from(ach.SCHEMES))
def test_reordering_evidence_changes_nothing(m, random, scheme):
    order = list(range(len(m.items)))
    random.shuffle(order)
    a, b = ach.score(m, scheme), ach.score(m.take(order), scheme)
    assert ranks(a) == ranks(b)
    assert scores(b) == pytest.approx(scores(a))


@settings(max_examples=60, deadline=None)
@given(matrices(), st.floats(0.1, 10), st.sampled_from(ach.SCHEMES))
def test_scaling_every_weight_changes_no_ranking(m, factor, scheme):
    scaled = ach.discount(m, list(set(m.source_kind)), factor)
    assert _ranks(scaled, scheme) == _ranks(m, scheme)
    assert scores(ach.score(scaled, scheme)) == pytest.approx({h: factor * s for h, s in scores(ach.score(m, scheme)).items()})


@settings(max_examples=60, deadline=None)
@given(matrices(), st.data())
def test_posteriors_are_probabilities(m, data):
    prior = data.draw(st.none() | st.lists(st.floats(0.01, 100), min_size=len(m.hypotheses), max_size=len(m.hypotheses)))
    post = ach.score(m, "bayes", prior=prior)["posterior"]
    assert post.sum() == pytest.approx(1.0) and ((post >= 0) & (post <= 1)).all()
