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
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]])
    mc = ach.monte_carlo(m, draws=100, p_step=0.0, weight_noise=0.0)
    # b and a tie first in every draw: neither leads alone
    assert mc.table["p_first"].tolist() == [0.0, 0.0, 0.0] and mc.p_tie == 1.0
    assert mc.table["p_shared"].tolist() == [1.0, 1.0, 0.0] and mc.table["mean_rank"].tolist() == [1, 1, 3]


def test_monte_carlo_is_reproducible_and_seeded():
    m = ach.build_matrix("collapse")
    for scheme in ach.SCHEMES:
        a = ach.monte_carlo(m, scheme, draws=2_000, seed=7).table
        pd.testing.assert_frame_equal(a, ach.monte_carlo(m, scheme, draws=2_000, seed=7).table, check_exact=True)
        other = ach.monte_carlo(m, scheme, draws=2_000, seed=8).table
        assert not np.array_equal(a.iloc[:, 2:].to_numpy(), other.iloc[:, 2:].to_numpy())


def test_the_standard_error_of_a_difference():
    m = M(["A", "B"], [["C", "I"]])
    mc = ach.monte_carlo(m, draws=400, p_step=0.0, weight_noise=0.0)
    assert mc.p("A") == 1.0 and mc.difference_se("A", "B") == 0.0


def test_blocks_do_not_change_the_stream_contract():
    m = M(["A", "B"], [["C", "I"], ["N", "II"]])
    big = ach.monte_carlo(m, "bayes", draws=montecarlo._MC_CHUNK + 3, seed=1)
    assert big.table["p_first"].sum() + big.p_tie == pytest.approx(1.0) and big.draws == montecarlo._MC_CHUNK + 3
