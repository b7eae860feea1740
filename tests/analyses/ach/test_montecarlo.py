"""ach.montecarlo: ties counted as ties, shares with their intervals, seeded and reproducible."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from ach_examples import M, matrices, settings
from hypothesis import given, settings as run
from hypothesis import strategies as st

from assad_collapse.analyses import ach
from assad_collapse.analyses.ach import montecarlo


@run(max_examples=25, deadline=None)
@given(matrices(), settings(), st.floats(0, 1), st.integers(0, 2**32))
def test_first_places_and_ties_sum_to_one(m, s, p_step, seed):
    mc = ach.monte_carlo(m, s, draws=200, p_step=p_step, seed=seed)
    assert mc.table["p_first"].sum() + mc.p_tie == pytest.approx(1.0)
    t = mc.table
    assert ((t["p_first_low"] <= t["p_first"]) & (t["p_first"] <= t["p_first_high"])).all()


def test_a_tie_in_every_draw_is_counted_as_a_tie_not_split():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"], ["N", "N", "I"]])
    mc = ach.monte_carlo(m, draws=100, p_step=0.0, weight_noise=0.0)
    # b and a tie first in every draw: neither leads alone
    assert mc.table["p_first"].tolist() == [0.0, 0.0, 0.0] and mc.p_tie == 1.0
    assert mc.table["p_shared"].tolist() == [1.0, 1.0, 0.0] and mc.table["mean_rank"].tolist() == [1, 1, 3]


def test_a_lead_within_the_margin_in_every_draw_is_a_tie_in_every_draw():
    # A's only inconsistency is on a low-credibility, low-relevance item (0.5); moved one level each at most, it weighs
    # at most 1.0, the practical margin, so A and B are within the margin in every draw although B has the better score
    # in every draw (the exact first place would give B 100%). C, with two very inconsistent ratings, is always behind.
    m = M(["A", "B", "C"], [["I", "N", "II"], ["C", "C", "II"]], credibility=["low", "high"], relevance=["low", "high"])
    mc = ach.monte_carlo(m, draws=4_000, p_step=0.0, weight_noise=0.6, seed=5)
    assert mc.p_tie == 1.0 and mc.table["p_first"].tolist() == [0.0, 0.0, 0.0]
    assert mc.table["p_shared"].tolist() == [1.0, 1.0, 0.0]
    assert (mc.table["mean_rank"] > 1).tolist() == [True, False, True]  # B is exactly first in every draw, yet never alone


@run(max_examples=40, deadline=None)
@given(matrices(), settings())
def test_without_noise_every_draw_gives_the_verdicts_leaders(m, s):
    # the same tie rule as the call: with nothing moved, each draw's leaders are the scores' leaders
    mc = ach.monte_carlo(m, s, draws=20, p_step=0.0, weight_noise=0.0)
    lead = ach.leader_set(ach.evaluate(m, s).badness, s)
    if lead.sum() == 1:
        assert mc.table["p_first"].tolist() == lead.astype(float).tolist() and mc.p_tie == 0.0
    else:
        assert mc.p_tie == 1.0 and mc.table["p_shared"].tolist() == lead.astype(float).tolist()


def test_monte_carlo_is_reproducible_and_seeded():
    m = ach.build_matrix("collapse")
    for scheme in ach.SCHEMES:
        a = ach.monte_carlo(m, scheme, draws=2_000, seed=7).table
        pd.testing.assert_frame_equal(a, ach.monte_carlo(m, scheme, draws=2_000, seed=7).table, check_exact=True)
        other = ach.monte_carlo(m, scheme, draws=2_000, seed=8).table
        assert not np.array_equal(a.iloc[:, 2:].to_numpy(), other.iloc[:, 2:].to_numpy())


def test_the_standard_error_of_a_difference():
    m = M(["A", "B"], [["C", "II"]])
    mc = ach.monte_carlo(m, draws=400, p_step=0.0, weight_noise=0.0)
    assert mc.p("A") == 1.0 and mc.difference_se("A", "B") == 0.0


def test_blocks_do_not_change_the_stream_contract():
    m = M(["A", "B"], [["C", "I"], ["N", "II"]])
    big = ach.monte_carlo(m, "bayes", draws=montecarlo._MC_CHUNK + 3, seed=1)
    assert big.table["p_first"].sum() + big.p_tie == pytest.approx(1.0) and big.draws == montecarlo._MC_CHUNK + 3


def test_under_parc_a_rating_that_counts_nothing_moves_like_any_other():
    # A, B and C face no inconsistency at all; A's cells are N, B's C (or CC), C's not applicable. PARC counts none
    # of them, so the draws must not favour any: each cell has the same chance of becoming an I. (A step model on
    # CC-C-N-I-II with NA fixed would make A lose far more often than B, and C never lose.)
    # (high credibility and relevance: one I weighs 2, beyond the practical margin, so a single I decides a draw)
    m = M(["A", "B", "C"], [["N", "CC" if k % 3 == 0 else "C", "NA"] for k in range(12)], credibility="high", relevance="high")
    mc = ach.monte_carlo(m, draws=20_000, weight_noise=0.0, seed=3)
    p = [mc.p(h) for h in "ABC"]
    assert min(p) > 0.15  # each leads alone in a fair share of draws (a step model with NA fixed: none ever does)
    assert max(p) - min(p) < 3 * max(mc.difference_se(a, b) for a in "ABC" for b in "ABC")


def test_where_consistency_counts_the_full_scale_moves_and_na_moves_as_n():
    s = ach.Settings(scheme="bayes", ladder="symmetric")
    assert ach.perturbation_scale(s) == "full" and ach.perturbation_scale(ach.Settings()) == "inconsistency"
    assert ach.perturbation_scale(ach.Settings(scheme="bayes")) == "inconsistency"
    steps = ach.build_matrix("intent").steps[:1, :1] * 0 + np.array([[0, 1, 2, 3, 4, 5]], dtype=np.int8)  # CC C N I II NA
    down, up, stay = (np.full((1, *steps.shape), u, dtype=np.float32) for u in (0.05, 0.15, 0.9))
    # full scale: one step along CC-C-N-I-II, clipped; NA sits at N
    assert montecarlo.perturb_ratings(steps, s, 0.2, down)[0].tolist() == [[0, 0, 1, 2, 3, 1]]
    assert montecarlo.perturb_ratings(steps, s, 0.2, up)[0].tolist() == [[1, 2, 3, 4, 4, 3]]
    assert montecarlo.perturb_ratings(steps, s, 0.2, stay)[0].tolist() == steps.tolist()
    # inconsistency scale: CC, C, N and NA count nothing alike: up makes any of them an I, down leaves them as they are
    parc = ach.Settings()
    assert montecarlo.perturb_ratings(steps, parc, 0.2, down)[0].tolist() == [[0, 1, 2, 2, 3, 5]]
    assert montecarlo.perturb_ratings(steps, parc, 0.2, up)[0].tolist() == [[3, 3, 3, 4, 4, 3]]
