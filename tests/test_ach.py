"""ach.py: scoring by hand, a published worked example, invariants, sensitivity, the real matrices."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assad_collapse import ach
from assad_collapse.errors import ParameterError
from assad_collapse.params import check_parameters
from assad_collapse.schemas import LEVELS, RATINGS

M = ach.Matrix.from_lists
R2 = math.sqrt(2)


def ranks(frame: pd.DataFrame) -> dict[str, int]:
    return dict(zip(frame["hypothesis"], frame["rank"]))


def scores(frame: pd.DataFrame) -> dict[str, float]:
    return dict(zip(frame["hypothesis"], frame["score"]))


# --------------------------------------------------------------------------- hand-computed matrices


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


# --------------------------------------------------------------------------- a published worked example


def iraq() -> ach.Matrix:
    """Heuer (1999), *Psychology of Intelligence Analysis*, ch. 8, Figure 15: "Will Iraq retaliate
    for US bombing of its intelligence headquarters?" (a hypothetical matrix; + read as C, - as I,
    -- as II). H1 Iraq will not retaliate; H2 it will sponsor some minor terrorist actions; H3 it
    is planning a major terrorist attack, perhaps against CIA installations. The signs are our
    reconstruction of the figure; the ranking it yields is the one the source reports (also
    restated in US Army TC 2-33.4, 2009, para 2-55: H2 most likely, then H3, then H1).
    """
    return M(
        ["H1_no_retaliation", "H2_minor_terrorism", "H3_major_attack"],
        [
            ["C", "C", "C"],  # E1 Saddam's public statement that he will not retaliate
            ["C", "C", "I"],  # E2 no terrorist offensive during the 1991 Gulf War
            ["C", "C", "I"],  # E3 assumption: Iraq would not want to provoke another US attack
            ["I", "C", "C"],  # E4 more and longer monitored Iraqi agent radio broadcasts
            ["I", "C", "C"],  # E5 Iraqi embassies told to tighten security
            ["II", "C", "C"],  # E6 assumption: not retaliating would be an unacceptable loss of face
        ],
    )


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


# --------------------------------------------------------------------------- invariants (property tests)


@st.composite
def matrices(draw, min_items=1):
    n_hyp = draw(st.integers(2, 4))
    n_items = draw(st.integers(min_items, 6))
    codes = st.sampled_from(RATINGS)
    ratings = [[draw(codes) for _ in range(n_hyp)] for _ in range(n_items)]
    levels = st.lists(st.sampled_from(LEVELS), min_size=n_items, max_size=n_items)
    groups = draw(st.lists(st.sampled_from(["g1", "g2", "g3"]), min_size=n_items, max_size=n_items))
    return M([f"h{k}" for k in range(n_hyp)], ratings, credibility=draw(levels), relevance=draw(levels), source_group=groups)


def _ranks(m: ach.Matrix, scheme: str, **options) -> dict[str, int]:
    return ranks(ach.score(m, scheme, **options))


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


@settings(max_examples=25, deadline=None)
@given(matrices(), st.sampled_from(ach.SCHEMES), st.floats(0, 1), st.integers(0, 2**32))
def test_monte_carlo_first_place_sums_to_one(m, scheme, p_step, seed):
    mc = ach.monte_carlo(m, scheme, draws=200, p_step=p_step, seed=seed)
    assert mc["p_first"].sum() == pytest.approx(1.0)
    assert ((mc["p_first"] >= 0) & (mc["p_first"] <= 1)).all()


def test_monte_carlo_is_reproducible_and_seeded():
    m = ach.build_matrix("collapse")
    for scheme in ach.SCHEMES:
        a = ach.monte_carlo(m, scheme, draws=2_000, seed=7)
        pd.testing.assert_frame_equal(a, ach.monte_carlo(m, scheme, draws=2_000, seed=7), check_exact=True)
        other = ach.monte_carlo(m, scheme, draws=2_000, seed=8)
        assert not np.array_equal(a.iloc[:, 2:].to_numpy(), other.iloc[:, 2:].to_numpy())


def test_monte_carlo_without_noise_is_the_base_ranking():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]])
    mc = ach.monte_carlo(m, "heuer", draws=100, p_step=0.0, weight_noise=0.0)
    # b and a tie first in every draw: each gets half
    assert mc["p_first"].tolist() == [0.5, 0.5, 0.0] and mc["mean_rank"].tolist() == [1, 1, 3]


def test_monte_carlo_blocks_do_not_change_the_stream_contract():
    m = M(["A", "B"], [["C", "I"], ["N", "II"]])
    big = ach.monte_carlo(m, "bayes", draws=ach._MC_CHUNK + 3, seed=1)
    assert big["p_first"].sum() == pytest.approx(1.0) and big["mean_posterior"].sum() == pytest.approx(1.0)


# --------------------------------------------------------------------------- sensitivity on matrices with known answers


def test_leave_one_out_finds_the_one_decisive_item():
    m = M(["A", "B"], [["I", "C"], ["C", "I"], ["II", "C"]])
    # full: A = 1 + 2 = 3, B = 1 -> B. Without e3: A = 1, B = 1 -> tie; without e1 or e2 B stays first alone
    loo = ach.leave_one_out(m, "heuer").set_index("item")
    assert loo["changes_top"].to_dict() == {"e1": False, "e2": False, "e3": True}
    assert loo["changes_rank"].to_dict() == {"e1": False, "e2": False, "e3": True}
    assert loo.loc["e3", "top"] == "A;B" and loo.loc["e1", "top"] == "B"


@pytest.mark.parametrize("scheme", ach.SCHEMES)
def test_leave_one_out_equals_dropping_the_item(scheme):
    m = ach.build_matrix("collapse")
    loo = ach.leave_one_out(m, scheme).set_index("item")
    for item in m.items[::5]:
        assert {h: loo.loc[item, h] for h in m.hypotheses} == _ranks(m.drop([item]), scheme)


def test_linchpins_of_size_two():
    m = M(["A", "B"], [["N", "II"], ["C", "C"]])
    # A = 0, B = 2. One step closes at most 1 of the gap; the one pair that ties them:
    # e1/A N->I (A = 1) and e1/B II->I (B = 1)
    lp = ach.linchpins(m, "heuer")
    assert lp.size == 2 and lp.exact and lp.n_solutions == 1 and lp.baseline_top == ("A",)
    assert lp.solutions() == [[{"item": "e1", "hypothesis": "A", "from": "N", "to": "I"},
                               {"item": "e1", "hypothesis": "B", "from": "II", "to": "I"}]]
    assert set(lp.changes["top_after"]) == {"A;B"}
    assert ach.linchpins(m, "heuer", max_changes=1).size is None


def test_linchpins_of_size_three():
    m = M(["A", "B"], [["N", "II"], ["N", "I"], ["C", "C"]])
    # A = 0, B = 3; helpful moves: e1/A, e2/A N->I (+1 each), e1/B II->I, e2/B I->N (-1 each);
    # any three close the gap exactly: C(4, 3) = 4 solutions; no pair does
    lp = ach.linchpins(m, "heuer")
    assert lp.size == 3 and lp.exact and lp.n_solutions == 4
    assert ach.linchpins(m, "heuer", max_changes=2).size is None


def test_linchpin_target():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]])
    # b = 1 and a = 1 tie first, c = 2. Unseating b: e1/b I->II (b = 2) or e2/a I->N (a = 0);
    # e3/c II->I only brings c level with both (b stays first)
    lp = ach.linchpins(m, "heuer", target="b")
    assert lp.size == 1 and {tuple(s[0].values()) for s in lp.solutions()} == {("e1", "b", "I", "II"), ("e2", "a", "I", "N")}
    # crowning c: e3/c II->I makes a three-way tie at 1, so c is first (shared) after one change
    crown = ach.linchpins(m, "heuer", target="c")
    assert crown.size == 1 and crown.solutions() == [[{"item": "e3", "hypothesis": "c", "from": "II", "to": "I"}]]
    assert crown.changes["top_after"].tolist() == ["b;a;c"]


@pytest.mark.parametrize("scheme", ach.SCHEMES)
@pytest.mark.parametrize("question", ach.QUESTIONS)
def test_linchpin_solutions_really_overturn_the_result(question, scheme):
    m = ach.build_matrix(question)
    lp = ach.linchpins(m, scheme, limit=10)
    base = set(ach.top(m, scheme))
    for solution in lp.solutions():
        ratings = m.ratings.copy()
        for change in solution:
            i, h = m.items.index(change["item"]), m.hypotheses.index(change["hypothesis"])
            assert ratings[i, h] == change["from"]
            ratings[i, h] = change["to"]
        assert set(ach.top(m.with_ratings(ratings), scheme)) != base


def test_discount_to_zero_equals_removing_the_items():
    m = M(["A", "B", "C"], [["I", "C", "C"], ["C", "II", "C"], ["N", "I", "I"]],
          source_kind=["author", "unattributed", "author"], source_group=["g", "g", "h"],
          credibility=["high", "low", "medium"])
    dropped, removed = ach.discount(m, ["unattributed"], 0.0), m.drop(["e2"])
    for scheme in ach.SCHEMES:
        a, b = ach.score(dropped, scheme), ach.score(removed, scheme)
        pd.testing.assert_frame_equal(a, b)
    half = ach.discount(m, ["author"], 0.5)
    assert half.factor.tolist() == [0.5, 1.0, 0.5]


@pytest.mark.parametrize("scheme", ach.SCHEMES)
def test_discounting_a_kind_to_zero_on_the_real_data(scheme):
    m = ach.build_matrix("collapse")
    unattributed = [i for i, k in zip(m.items, m.source_kind) if k == "unattributed"]
    pd.testing.assert_frame_equal(ach.score(ach.discount(m, ["unattributed"], 0), scheme), ach.score(m.drop(unattributed), scheme))
    each = ach.discount_each_kind(m, scheme).set_index("kind")
    assert list(each.index) == list(ach.INTERVIEW_KINDS)
    assert each.loc["iranian_adviser", "items"] == 0 and not each.loc["iranian_adviser", "changes_top"]


# --------------------------------------------------------------------------- the real matrices


@pytest.mark.parametrize("question", ach.QUESTIONS)
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


@pytest.mark.parametrize("scheme", ach.SCHEMES)
@pytest.mark.parametrize("question", ach.QUESTIONS)
def test_every_function_runs_on_the_real_data(question, scheme):
    m = ach.build_matrix(question)
    s = ach.score(m, scheme)
    assert len(s) == len(m.hypotheses) and s["rank"].min() == 1
    d = ach.diagnosticity(m, scheme)
    assert len(d) == len(m.items) and (d["diagnosticity"] >= 0).all()
    assert len(ach.leave_one_out(m, scheme)) == len(m.items)
    lp = ach.linchpins(m, scheme)
    assert lp.size is None or 1 <= lp.size <= 3
    mc = ach.monte_carlo(m, scheme, draws=1_000)
    assert mc["p_first"].sum() == pytest.approx(1.0)
    assert len(ach.discount_each_kind(m, scheme)) == len(ach.INTERVIEW_KINDS)


@pytest.mark.parametrize("question", ach.QUESTIONS)
def test_verdict_is_plain_data(question):
    v = ach.verdict(ach.build_matrix(question), draws=1_000)
    assert set(v["schemes"]) == set(ach.SCHEMES)
    for result in v["schemes"].values():
        assert sum(result["p_first"].values()) == pytest.approx(1.0)
        assert isinstance(result["loo_flips"], list) and isinstance(result["discount_flips"], list)
        assert all(isinstance(c["item"], str) for s in result["linchpins"]["solutions"] for c in s)
    if question == "collapse":
        assert v["paper_hypothesis"] == "h3_survival_without_serving_russia"
        assert v["schemes"]["heuer"]["p_paper_first"] == v["schemes"]["heuer"]["p_first"][v["paper_hypothesis"]]
    else:
        assert v["paper_hypothesis"] is None and v["schemes"]["bayes"]["p_paper_first"] is None


# --------------------------------------------------------------------------- parameters and bad arguments


def test_parameter_defaults_check_and_prior_is_validated():
    defaults = {p.name: p.default for p in ach.PARAMETERS}
    assert check_parameters(ach.PARAMETERS, {}) == defaults
    assert ach.parameters(scheme="bayes", prior=[1, 1, 2, 4])["prior"] == [1, 1, 2, 4]
    assert ach.parameters(question="intent", scheme="bayes", prior=[1, 3])["question"] == "intent"
    assert ach.parameters(discount_kinds=["syrian_officer", "author"])["discount_kinds"] == ["author", "syrian_officer"]
    for bad in ({"scheme": "bayes", "prior": [1, 2]}, {"scheme": "bayes", "prior": [1, 0, 1, 1]},
                {"prior": [1, 1, 1, 1]}, {"draws": 50}, {"p_step": 1.5}, {"question": "why"},
                {"discount_kinds": ["pundit"]}, {"seed": -1}, {"scheme": "parc"}):
        with pytest.raises(ParameterError):
            ach.parameters(**bad)
    m = ach.build_matrix("intent")
    assert ach.matrix_for(ach.parameters(question="intent", discount_kinds=["author"], discount_factor=0.0)).factor.tolist() == \
        [0.0 if k == "author" else 1.0 for k in m.source_kind]


@pytest.mark.parametrize(
    "call",
    [
        lambda m: ach.score(m, "parc"),
        lambda m: ach.score(m, "heuer", prior=[1, 1]),
        lambda m: ach.score(m, "bayes", prior=[1, 1, 1]),
        lambda m: ach.score(m, "bayes", prior=[1, -1]),
        lambda m: ach.score(m, "bayes", prior=[1, float("nan")]),
        lambda m: ach.score(m, "bayes", prior=[True, 1]),
        lambda m: ach.score(m, "bayes", prior={"A": 1}),
        lambda m: ach.score(m, "bayes", prior="flat"),
        lambda m: ach.score(m, "heuer", weighted="yes"),
        lambda m: ach.monte_carlo(m, draws=0),
        lambda m: ach.monte_carlo(m, seed=-1),
        lambda m: ach.monte_carlo(m, p_step=2),
        lambda m: ach.monte_carlo(m, weight_noise=-0.1),
        lambda m: ach.linchpins(m, max_changes=4),
        lambda m: ach.linchpins(m, target="Z"),
        lambda m: ach.discount(m, ["pundit"], 0.5),
        lambda m: ach.discount(m, "author", 0.5),
        lambda m: ach.discount(m, ["author"], -1),
        lambda m: m.drop(["e9"]),
        lambda m: ach.build_matrix("why"),
        lambda m: M(["A", "B"], [["C", "X"]]),
        lambda m: M(["A", "B"], [["C"]]),
        lambda m: M(["A", "A"], [["C", "C"]]),
        lambda m: M(["A", "B"], [["C", "C"]], credibility="very high"),
    ],
)
def test_bad_arguments_raise_parameter_error(call):
    with pytest.raises(ParameterError):
        call(M(["A", "B"], [["C", "I"]]))
