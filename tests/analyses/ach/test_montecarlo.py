"""ach.montecarlo: first places sum to one, seeded, reproducible."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from ach_examples import M, matrices
from hypothesis import given, settings
from hypothesis import strategies as st

from assad_collapse.analyses import ach
from assad_collapse.analyses.ach import montecarlo


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
    big = ach.monte_carlo(m, "bayes", draws=montecarlo._MC_CHUNK + 3, seed=1)
    assert big["p_first"].sum() == pytest.approx(1.0) and big["mean_posterior"].sum() == pytest.approx(1.0)
