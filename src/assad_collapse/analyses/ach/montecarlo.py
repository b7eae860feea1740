"""Monte Carlo over the ACH matrix: how often each hypothesis leads alone, and how often the top is tied, when ratings and weights are perturbed.

**The perturbation is symmetric on the scale the scoring distinguishes.** A rating error moves a cell one
step, up or down with equal chance, on the scale of values the chosen scoring tells apart, so that no
hypothesis gains or loses in the draws merely from how many consistent, neutral or not-applicable cells
it has when the scoring itself does not count them:

* where only inconsistency counts (PARC's scoring, and the Bayesian reading with Heuer's ladder), the scale
  is the inconsistency a cell counts: none (CC, C, N and NA alike), one (I), two (II). Every cell that
  counts nothing has the same chance of becoming an I, whatever its rating, and an I the same chance of
  counting nothing or becoming a II;
* where consistency counts too (the symmetric ladder), the scale is CC-C-N-I-II, and NA, which counts as
  N, moves as N does.

A cell that does not move keeps its rating (an unmoved NA stays NA). **Each draw is called with the
verdict's own tie rule** (:mod:`.ties`): a hypothesis leads a draw alone only when it is ahead of every
other by more than the practical margin; otherwise the draw is a tie among the hypotheses within the
margin of the best, never split between them. ``p_first`` is the share of draws a hypothesis leads alone,
``p_shared`` the share in which it is among the tied leaders, and ``p_tie`` the share of draws with a tie
at the top, so ``sum(p_first) + p_tie = 1``. The verdict then calls shares within Monte Carlo error or
five points a tie.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...errors import ParameterError
from .matrix import Matrix
from .scoring import badness, cell_values, effective_factor, evaluate, log_posterior, ranks, settings_of, totals
from .settings import Settings, _is_number
from .ties import leader_set

_MC_CHUNK = 25_000  # draws per vectorised block (bounds memory; fixed, so results do not depend on it)
Z95 = 1.959964


@dataclass(frozen=True)
class MonteCarlo:
    """The result of :func:`monte_carlo`: one row per hypothesis, the share of tied draws, the number of draws."""

    table: pd.DataFrame
    p_tie: float
    draws: int

    def p(self, hypothesis: str) -> float:
        """The share of draws in which ``hypothesis`` leads alone."""
        return float(self.table.set_index("hypothesis").loc[hypothesis, "p_first"])

    def difference_se(self, a: str, b: str) -> float:
        """Standard error of ``p(a) - p(b)`` (two shares of one multinomial sample)."""
        pa, pb = self.p(a), self.p(b)
        return math.sqrt(max(pa + pb - (pa - pb) ** 2, 0.0) / self.draws)


_N, _I, _II = 2, 3, 4  # steps of N, I and II on SCALE (CC C N I II)
_INCONSISTENCY = np.array([0, 0, 0, 1, 2, 0], dtype=np.int8)  # per step CC C N I II NA: the inconsistency it counts
_FROM_INCONSISTENCY = np.array([_N, _I, _II], dtype=np.int8)  # a moved cell's new rating: none -> N, one -> I, two -> II
_FULL = np.array([0, 1, 2, 3, 4, _N], dtype=np.int8)  # per step: its place on CC-C-N-I-II, NA at N


def perturbation_scale(s: Settings) -> str:
    """``"inconsistency"`` when only inconsistency counts under ``s``, else ``"full"`` (see the module docstring)."""
    return "inconsistency" if s.scheme == "heuer" or s.ladder == "heuer" else "full"


def perturb_ratings(steps: np.ndarray, s: Settings, p: float, u: np.ndarray) -> np.ndarray:
    """Steps after one rating error per cell with probability ``p`` (half up, half down) on the scale ``s`` distinguishes.

    ``steps`` is (items x hypotheses); ``u`` uniform draws of shape (draws, items, hypotheses). Returns
    (draws, items, hypotheses) steps; a cell whose place on the scale does not change keeps its rating.
    """
    if perturbation_scale(s) == "inconsistency":
        place, top, back = _INCONSISTENCY[steps], 2, _FROM_INCONSISTENCY
    else:
        place, top, back = _FULL[steps], 4, np.arange(5, dtype=np.int8)
    moved = _perturb(place[None], p, top, u)
    return np.where(moved == place[None], steps[None], back[moved])


def _perturb(levels: np.ndarray, p: float, top: int, u: np.ndarray) -> np.ndarray:
    """Move each entry one step down with probability p/2, up with p/2, clipped to 0..top."""
    up, down = (u < p).view(np.int8), (u < p / 2).view(np.int8)  # down implies up: up - 2 down = -1
    moved = levels.astype(np.int8) + up - 2 * down
    return np.minimum(np.maximum(moved, 0, out=moved), top, out=moved)


def _check_unit(name: str, value) -> float:
    if not _is_number(value) or not 0.0 <= value <= 1.0:
        raise ParameterError(name, value, "a number from 0 to 1")
    return float(value)


def _check_int(name: str, value, minimum: int) -> int:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < minimum:
        raise ParameterError(name, value, f"a whole number >= {minimum}")
    return int(value)


def wilson(p: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The 95% Wilson interval of a share ``p`` observed in ``n`` draws."""
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 * np.sqrt(p * (1 - p) / n + Z95**2 / (4 * n**2)) / (1 + Z95**2 / n)
    return np.clip(np.minimum(centre - half, p), 0.0, 1.0), np.clip(np.maximum(centre + half, p), 0.0, 1.0)


def monte_carlo(matrix: Matrix, scheme: str | Settings = "heuer", *, draws: int = 10_000, p_step: float = 0.2,
                weight_noise: float = 0.2, seed: int = 0, **switches) -> MonteCarlo:
    """How often each hypothesis leads alone, and how often the top is tied, when ratings and weights are perturbed at random.

    Each draw's leaders are the hypotheses within the practical margin of its best score (the verdict's tie
    rule, :func:`.ties.leader_set`): one leader leads the draw alone, several tie. In each draw every cell moves one step down with probability ``p_step/2`` and one step up with
    ``p_step/2`` on the scale the scoring distinguishes (clipped at the ends; see the module docstring),
    and every item's credibility and relevance each move one level down or up with probability
    ``weight_noise/2`` each (clipped at low/high). Columns: hypothesis, label, p_first with its 95% Wilson interval (p_first_low,
    p_first_high), p_shared, mean_rank, and the 5th, 50th and 95th percentiles of the inconsistency
    (heuer) or of the posterior (bayes). Draws use ``numpy.random.default_rng(seed)`` in fixed blocks
    of 25,000, vectorised: the same seed gives the same numbers bit for bit.
    """
    s = settings_of(scheme, **switches)
    draws, seed = _check_int("draws", draws, 1), _check_int("seed", seed, 0)
    p_step, weight_noise = _check_unit("p_step", p_step), _check_unit("weight_noise", weight_noise)
    log_prior = evaluate(matrix, s).log_prior
    rng = np.random.default_rng(seed)
    blocks = [_block(matrix, s, log_prior, rng, n, p_step, weight_noise) for n in _block_sizes(draws)]
    first, rank, values = (np.concatenate([b[k] for b in blocks]) for k in range(3))
    alone = first & (first.sum(axis=1, keepdims=True) == 1)
    shared = first & ~alone
    out = pd.DataFrame({"hypothesis": matrix.hypotheses, "label": matrix.labels})
    out["p_first"] = alone.mean(axis=0)
    out["p_first_low"], out["p_first_high"] = wilson(out["p_first"].to_numpy(), draws)
    out["p_shared"] = shared.mean(axis=0)
    out["mean_rank"] = rank.mean(axis=0)
    name = "posterior" if s.scheme == "bayes" else "inconsistency"
    for q, column in ((0.05, "p05"), (0.5, "p50"), (0.95, "p95")):
        out[f"{name}_{column}"] = np.quantile(values, q, axis=0)
    return MonteCarlo(out, float((first.sum(axis=1) > 1).mean()), draws)


def _block_sizes(draws: int) -> list[int]:
    return [min(_MC_CHUNK, draws - start) for start in range(0, draws, _MC_CHUNK)]


def _block(m: Matrix, s: Settings, log_prior: np.ndarray, rng: np.random.Generator, n: int, p_step: float, weight_noise: float):
    """One block of draws: (leaders under the tie rule, ranks, inconsistency or posterior), each (n, hypotheses)."""
    steps = perturb_ratings(m.steps.astype(np.int8), s, p_step, rng.random((n, *m.steps.shape), dtype=np.float32))
    u = rng.random((n, len(m.items), 2), dtype=np.float32)
    credibility = _perturb(m.credibility_level[None], weight_noise, 2, u[..., 0])
    relevance = _perturb(m.relevance_level[None], weight_noise, 2, u[..., 1])
    values = cell_values(m, s, steps=steps, factor=effective_factor(m, s), credibility=credibility, relevance=relevance)
    total = totals(m, s, values)
    bad = badness(s, total, log_prior)
    shown = np.exp(log_posterior(total, log_prior)) if s.scheme == "bayes" else -total
    return leader_set(bad, s), ranks(bad), shown
