"""ach.scoring: PARC's weighted inconsistency pinned by hand, the Bayesian reading, NA, dependence, invariants."""

from __future__ import annotations

import math

import numpy as np
import pytest
from ach_examples import R2, M, _ranks, iraq, matrices, ranks, scores, settings
from hypothesis import given, settings as run
from hypothesis import strategies as st

from assad_collapse.analyses import ach
from assad_collapse.analyses.ach import scoring


def worked_example() -> ach.Matrix:
    return M(["H1", "H2", "H3"], [["I", "C", "II"], ["II", "I", "N"], ["NA", "CC", "I"]],
             credibility=["high", "low", "medium"], relevance=["high", "medium", "low"])


def test_parc_weighted_inconsistency_pinned_on_a_worked_example():
    # PARC ACH 2.0: weight = credibility x relevance (low 1/√2, medium 1, high √2); I counts 1, II 2,
    # CC C N NA count nothing. e1 weighs √2·√2 = 2, e2 (1/√2)·1 = 0.70711, e3 1·(1/√2) = 0.70711.
    # H1 = 2·1 + 0.70711·2 = 3.41421; H2 = 0.70711·1 = 0.70711; H3 = 2·2 + 0.70711·1 = 4.70711
    got = ach.score(worked_example())
    assert scores(got) == pytest.approx({"H1": 2 + R2, "H2": 1 / R2, "H3": 4 + 1 / R2}, abs=1e-12)
    assert ranks(got) == {"H2": 1, "H1": 2, "H3": 3} and list(got["hypothesis"]) == ["H2", "H1", "H3"]
    # the default settings are PARC's: nothing but inconsistency counts, so no hypothesis gains anything
    assert (got["for"] == 0).all() and got["score"].tolist() == pytest.approx((-got["against"]).tolist())
    # unweighted: H1 = 1 + 2 = 3; H2 = 1; H3 = 2 + 1 = 3
    assert scores(ach.score(worked_example(), weighted=False)) == pytest.approx({"H1": 3.0, "H2": 1.0, "H3": 3.0})
    # a II counted as three: H1 = 2 + 0.70711·3; H3 = 2·3 + 0.70711
    assert scores(ach.score(worked_example(), ii_weight=3)) == pytest.approx({"H1": 2 + 3 / R2, "H2": 1 / R2, "H3": 6 + 1 / R2})


@pytest.mark.parametrize("scheme", ach.SCHEMES)
def test_heuer_iraq_example_ranks_as_published(scheme):
    got = ach.score(iraq(), scheme)
    # heuer: H1 = 1 + 1 + 2 = 4, H2 = 0, H3 = 1 + 1 = 2 -> H2, H3, H1
    assert list(got["hypothesis"]) == ["H2_minor_terrorism", "H3_major_attack", "H1_no_retaliation"]
    assert list(got["rank"]) == [1, 2, 3]
    if scheme == "heuer":
        assert scores(got) == pytest.approx({"H1_no_retaliation": 4.0, "H2_minor_terrorism": 0.0, "H3_major_attack": 2.0})


def test_bayes_by_hand_is_a_mixture_toward_uninformative():
    m = M(["H1", "H2"], [["C", "I"], ["N", "II"]], credibility=["medium", "high"], relevance=["medium", "high"])
    # reliability q = weight / 2: e1 0.5, e2 1. Heuer ladder: C 1, I 1/2, II 1/4.
    # H1: (0.5·1 + 0.5)·1 = 1; H2: (0.5·0.5 + 0.5)·(1·0.25) = 0.1875 -> P(H2) = 0.1875 / 1.1875
    got = ach.score(m, "bayes").set_index("hypothesis")
    assert got.loc["H2", "posterior"] == pytest.approx(0.1875 / 1.1875)
    assert got.loc["H2", "score"] == pytest.approx(math.log(0.1875)) and got.loc["H1", "score"] == pytest.approx(0.0)
    # symmetric ladder: C 2 -> H1: 0.5·2 + 0.5 = 1.5; H2 as before -> P(H1) = 1.5 / 1.6875
    sym = ach.score(m, "bayes", ladder="symmetric").set_index("hypothesis")
    assert sym.loc["H1", "posterior"] == pytest.approx(1.5 / 1.6875)
    # prior 1:3 -> H1 1.5·0.25 = 0.375, H2 0.1875·0.75 = 0.140625
    primed = ach.score(m, "bayes", ladder="symmetric", prior=[1, 3]).set_index("hypothesis")
    assert primed.loc["H1", "posterior"] == pytest.approx(0.375 / 0.515625)
    assert ach.score(m, "bayes", ladder="symmetric", prior={"H2": 3, "H1": 1})["posterior"].tolist() == \
        pytest.approx(ach.score(m, "bayes", ladder="symmetric", prior=[1, 3])["posterior"].tolist())


def test_the_ladders_state_their_likelihood_ratios():
    assert ach.likelihood_ratios(ach.Settings()) == {"CC": 1.0, "C": 1.0, "N": 1.0, "I": 0.5, "II": 0.25, "NA": 1.0}
    assert ach.likelihood_ratios(ach.Settings(ladder="symmetric", ii_weight=3)) == \
        {"CC": 8.0, "C": 2.0, "N": 1.0, "I": 0.5, "II": 0.125, "NA": 1.0}


@run(max_examples=80, deadline=None)
@given(matrices(), settings(), st.floats(0, 1))
def test_reliability_never_amplifies_a_report(m, s, factor):
    # the weights used as reliabilities (the exponents of the old reading) never exceed 1, and each
    # cell's ratio lies between 1 and the ladder's ratio: a report never tells more than the event
    m = ach.discount(m, list(set(m.source_kind)), factor)
    q = ach.reliability(m, weighted=s.weighted)
    assert ((q >= 0) & (q <= 1 + 1e-12)).all()
    s = s.but(scheme="bayes", na="zero")
    values = scoring.cell_values(m, s)
    base = np.log(s.cell_table()[m.steps])
    assert (np.abs(values) <= np.abs(base) + 1e-12).all() and (values * base >= -1e-15).all()


def test_na_counts_nothing_by_default_and_the_average_on_request():
    m = M(["A", "B", "C"], [["I", "II", "NA"], ["N", "N", "I"]])
    assert scores(ach.score(m)) == pytest.approx({"A": 1.0, "B": 2.0, "C": 1.0})
    # e1/C takes the mean of e1's other cells: (1 + 2) / 2 = 1.5
    assert scores(ach.score(m, na="average")) == pytest.approx({"A": 1.0, "B": 2.0, "C": 2.5})


def test_dependence_counts_a_source_by_its_strongest_item():
    m = M(["A", "B"], [["I", "N"], ["II", "N"], ["N", "I"]], source_group=["g", "g", "h"])
    assert scores(ach.score(m)) == pytest.approx({"A": 3.0, "B": 1.0})
    # full dependence: g counts its strongest against A (2), h its only item against B (1)
    assert scores(ach.score(m, dependence=1.0)) == pytest.approx({"A": 2.0, "B": 1.0})
    # half: the weaker item of g counts half: 2 + 0.5
    assert scores(ach.score(m, dependence=0.5)) == pytest.approx({"A": 2.5, "B": 1.0})
    c = ach.contributions(m, dependence=0.5)
    assert c.loc["e1", "A"] == pytest.approx(-0.5) and c.loc["e2", "A"] == pytest.approx(-2.0)


@run(max_examples=100, deadline=None)
@given(matrices(), settings(), st.sampled_from(["N", "NA"]), st.data())
def test_adding_a_neutral_item_to_a_source_cannot_lower_its_decisive_item(m, s, code, data):
    # a new item of an existing source, rated N (or NA) everywhere, leaves every contribution as it was:
    # the source's decisive item keeps its full weight, whatever the dependence setting
    group = data.draw(st.sampled_from(sorted(set(m.source_group))))
    added = M(m.hypotheses, [list(r) for r in m.ratings] + [[code] * len(m.hypotheses)],
              credibility=[*m.credibility, "high"], relevance=[*m.relevance, "high"], source_group=[*m.source_group, group],
              source_kind=[*m.source_kind, "unattributed"])
    before, after = ach.contributions(m, s), ach.contributions(added, s)
    np.testing.assert_allclose(after.iloc[:-1].to_numpy(), before.to_numpy(), atol=1e-12)
    assert (after.iloc[-1] == 0).all()
    assert _ranks(added, s) == _ranks(m, s)


@run(max_examples=60, deadline=None)
@given(matrices(), settings())
def test_contributions_add_up_to_the_totals(m, s):
    c = ach.contributions(m, s)
    got = ach.score(m, s).set_index("hypothesis")
    total = c.sum(axis=0)
    expected = -got["score"] if s.scheme == "heuer" else got["score"]
    assert total.to_numpy() == pytest.approx(expected.reindex(m.hypotheses).to_numpy(), abs=1e-9)


def test_ties_share_the_best_rank_and_list_by_id():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]])
    got = ach.score(m, "heuer")
    assert list(got["hypothesis"]) == ["a", "b", "c"] and list(got["rank"]) == [1, 1, 3]
    assert ach.top(m, "heuer") == ("b", "a")


def test_diagnosticity_uses_the_chosen_scheme():
    d = ach.diagnosticity(iraq()).set_index("item")
    assert d.loc["e1", "non_diagnostic"] and not d.drop(index="e1")["non_diagnostic"].any()
    assert d["diagnosticity"].max() == pytest.approx(2.0)  # e6: II against H1 only
    # under PARC's scoring an item with no I or II separates nothing, even if it mixes CC and N
    assert ach.diagnosticity(M(["A", "B"], [["CC", "N"]]))["non_diagnostic"].all()
    assert not ach.diagnosticity(M(["A", "B"], [["CC", "N"]]), "bayes", ladder="symmetric")["non_diagnostic"].any()


def test_the_author_switch_sets_the_authors_own_judgements_aside():
    m = M(["A", "B"], [["II", "N"], ["N", "I"]], source_kind=["author", "unattributed"])
    assert scores(ach.score(m, author=False)) == pytest.approx({"A": 0.0, "B": 1.0})


@run(max_examples=60, deadline=None)
@given(matrices(), st.randoms(use_true_random=False), settings())
def test_reordering_evidence_changes_nothing(m, random, s):
    order = list(range(len(m.items)))
    random.shuffle(order)
    assert ranks(ach.score(m, s)) == ranks(ach.score(m.take(order), s))
    assert scores(ach.score(m.take(order), s)) == pytest.approx(scores(ach.score(m, s)))


@run(max_examples=60, deadline=None)
@given(matrices(), st.floats(0.05, 1))
def test_scaling_every_weight_changes_no_parc_ranking(m, factor):
    scaled = ach.discount(m, list(set(m.source_kind)), factor)
    assert _ranks(scaled, "heuer") == _ranks(m, "heuer")
    assert scores(ach.score(scaled)) == pytest.approx({h: factor * v for h, v in scores(ach.score(m)).items()})


@run(max_examples=60, deadline=None)
@given(matrices(), st.data())
def test_posteriors_are_probabilities(m, data):
    prior = data.draw(st.none() | st.lists(st.floats(0.01, 100), min_size=len(m.hypotheses), max_size=len(m.hypotheses)))
    post = ach.score(m, "bayes", prior=prior)["posterior"]
    assert post.sum() == pytest.approx(1.0) and ((post >= 0) & (post <= 1)).all()


@run(max_examples=40, deadline=None)
@given(matrices(), settings())
def test_every_item_weighing_the_same_means_every_item_counts_as_a_medium_one(m, s):
    # unweighted, an item weighs 1 under PARC and is half reliable in the Bayesian reading, like a medium-medium item
    medium = M(m.hypotheses, [list(r) for r in m.ratings], source_group=list(m.source_group), source_kind=list(m.source_kind))
    assert ach.reliability(m, weighted=False).tolist() == pytest.approx([0.5] * len(m.items))
    assert scores(ach.score(m, s.but(weighted=False))) == pytest.approx(scores(ach.score(medium, s.but(weighted=True))))
