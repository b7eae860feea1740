"""Monte Carlo over the ACH matrix: how often each hypothesis ranks first when ratings and weights are perturbed."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ...errors import ParameterError
from .matrix import _NA_STEP, SCALE, Matrix, _weights
from .scoring import _log_posterior, _ranks, _setup, _Setup, _totals

_MC_CHUNK = 25_000  # draws per vectorised block (bounds memory; fixed, so results do not depend on it)


def _perturb(levels: np.ndarray, p: float, top: int, u: np.ndarray) -> np.ndarray:
    """Move each entry one step down with probability p/2, up with p/2, clipped to 0..top."""
    up, down = (u < p).view(np.int8), (u < p / 2).view(np.int8)  # down implies up: up - 2 down = -1
    moved = levels.astype(np.int8) + up - 2 * down
    return np.minimum(np.maximum(moved, 0, out=moved), top, out=moved)


def _check_unit(name: str, value) -> float:
    if not _is_number(value) or not 0.0 <= value <= 1.0:
        raise ParameterError(name, value, "a number from 0 to 1")
    return float(value)


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) and math.isfinite(value)


def _check_int(name: str, value, minimum: int) -> int:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < minimum:
        raise ParameterError(name, value, f"a whole number >= {minimum}")
    return int(value)


def monte_carlo(matrix: Matrix, scheme: str = "heuer", *, draws: int = 10_000, p_step: float = 0.2, weight_noise: float = 0.2,
                seed: int = 0, weighted: bool = True, prior=None, group_sources: bool = True) -> pd.DataFrame:
    """How often each hypothesis ranks first when ratings and weights are perturbed at random.

    In each draw every rated cell moves one step towards CC with probability ``p_step/2`` and
    one towards II with ``p_step/2`` (clipped at the ends; NA never moves), and every item's
    credibility and relevance each move one level down or up with probability
    ``weight_noise/2`` each (clipped at low/high). A draw's first place is shared equally
    among tied hypotheses, so ``p_first`` sums to 1. Columns: hypothesis, label, p_first, its
    Monte Carlo standard error, mean_rank, and mean_score (heuer) or mean_posterior with its
    5th and 95th percentiles (bayes). Draws use ``numpy.random.default_rng(seed)`` in fixed
    blocks of 25,000, vectorised: the same seed gives the same numbers bit for bit.
    """
    setup = _setup(matrix, scheme, weighted, group_sources, prior)
    draws, seed = _check_int("draws", draws, 1), _check_int("seed", seed, 0)
    p_step, weight_noise = _check_unit("p_step", p_step), _check_unit("weight_noise", weight_noise)
    rng = np.random.default_rng(seed)
    blocks = [_mc_block(matrix, setup, rng, n, p_step, weight_noise) for n in _block_sizes(draws)]
    first, ranks, values = (np.concatenate([b[k] for b in blocks]) for k in range(3))
    out = pd.DataFrame({"hypothesis": matrix.hypotheses, "label": matrix.labels})
    out["p_first"] = first.mean(axis=0)
    out["p_first_se"] = np.sqrt(out["p_first"] * (1 - out["p_first"]) / draws)
    out["mean_rank"] = ranks.mean(axis=0)
    if scheme == "bayes":
        out["mean_posterior"] = values.mean(axis=0)
        out["posterior_p05"], out["posterior_p95"] = np.quantile(values, [0.05, 0.95], axis=0)
    else:
        out["mean_score"] = values.mean(axis=0)
    return out


def _block_sizes(draws: int) -> list[int]:
    return [min(_MC_CHUNK, draws - start) for start in range(0, draws, _MC_CHUNK)]


def _mc_block(m: Matrix, setup: _Setup, rng: np.random.Generator, n: int, p_step: float, weight_noise: float):
    """One block of draws: (share of first place, ranks, score or posterior), each (n, hypotheses)."""
    steps = m.steps.astype(np.int8)
    moved = _perturb(steps[None], p_step, len(SCALE) - 1, rng.random((n, *steps.shape), dtype=np.float32))
    steps = np.where(steps[None] == _NA_STEP, _NA_STEP, moved)
    u = rng.random((n, len(m.items), 2), dtype=np.float32)
    credibility = _perturb(m.credibility_level[None], weight_noise, 2, u[..., 0])
    relevance = _perturb(m.relevance_level[None], weight_noise, 2, u[..., 1])
    weights = _weights(m, m.factor, setup.weighted, setup.group_sources, credibility, relevance)
    totals = _totals(steps, weights, setup.table)
    ranks = _ranks(setup.badness(totals))
    first = (ranks == 1) / (ranks == 1).sum(axis=1, keepdims=True)
    values = np.exp(_log_posterior(setup, totals)) if setup.scheme == "bayes" else totals
    return first, ranks, values
