"""ACH scoring: two schemes behind one interface, ranks with ties, and each item's diagnosticity.

* ``"heuer"`` — the weighted inconsistency count of Heuer (1999, ch. 8) as implemented in
  PARC ACH 2.0; lower is better.
* ``"bayes"`` — each rating read as a likelihood, weights as tempering exponents, a stated
  prior; the posterior ranks the hypotheses.

**Ranks and ties.** Hypotheses whose scores differ by less than 1e-9 tie; tied hypotheses share
the best rank of the tie (1, 1, 3) and are listed by hypothesis id. "The top" is the set of
hypotheses with rank 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from ...errors import ParameterError
from ...paper.vocabulary import SCHEMES
from .matrix import SCALE, Matrix, _weights


HEUER_PENALTY = {"CC": 0.0, "C": 0.0, "N": 0.0, "I": 1.0, "II": 2.0, "NA": 0.0}
"""Inconsistency per rating (Heuer 1999, ch. 8; PARC ACH 2.0): only I and II count."""

LIKELIHOOD = {"CC": 0.9, "C": 0.7, "N": 0.5, "I": 0.3, "II": 0.1}
"""P(item | hypothesis) read from the rating. NA is scored as N (see :func:`score`)."""

_TOL = 1e-9
_PENALTY = np.array([HEUER_PENALTY[r] for r in SCALE] + [0.0])
_LOG_LR = np.array([math.log(LIKELIHOOD[r] / LIKELIHOOD["N"]) for r in SCALE] + [0.0])


@dataclass(frozen=True)
class _Setup:
    scheme: str
    weighted: bool
    group_sources: bool
    log_prior: np.ndarray  # zeros for heuer (unused)

    @property
    def table(self) -> np.ndarray:
        """Per-step cell value: inconsistency (heuer) or log likelihood ratio against N (bayes)."""
        return _PENALTY if self.scheme == "heuer" else _LOG_LR

    def badness(self, totals: np.ndarray) -> np.ndarray:
        """Lower is better: inconsistency (heuer) or minus the unnormalised log posterior (bayes)."""
        return totals if self.scheme == "heuer" else -(self.log_prior + totals)


def _setup(matrix: Matrix, scheme: str, weighted: bool, group_sources: bool, prior) -> _Setup:
    if scheme not in SCHEMES:
        raise ParameterError("scheme", scheme, "one of " + ", ".join(map(repr, SCHEMES)))
    for name, value in (("weighted", weighted), ("group_sources", group_sources)):
        if not isinstance(value, (bool, np.bool_)):
            raise ParameterError(name, value, "True or False")
    if prior is not None and scheme != "bayes":
        raise ParameterError("prior", prior, "None unless scheme='bayes'")
    log_prior = np.log(check_prior(prior, matrix.hypotheses)) if scheme == "bayes" else np.zeros(len(matrix.hypotheses))
    return _Setup(scheme, bool(weighted), bool(group_sources), log_prior)


def check_prior(prior, hypotheses: Sequence[str]) -> np.ndarray:
    """The prior as a normalised array in hypothesis order; ``None`` means uniform.

    Accepts a sequence (one positive finite number per hypothesis, in order) or a mapping from
    every hypothesis id to a positive finite number; raises :class:`ParameterError` otherwise.
    """
    n = len(hypotheses)
    if prior is None:
        return np.full(n, 1.0 / n)
    allowed = f"None, or {n} positive finite numbers (a list in hypothesis order or a dict by id: {', '.join(hypotheses)})"
    if isinstance(prior, Mapping):
        if set(prior) != set(hypotheses):
            raise ParameterError("prior", prior, allowed)
        values = [prior[h] for h in hypotheses]
    elif isinstance(prior, (list, tuple, np.ndarray)):
        values = list(np.asarray(prior).ravel()) if isinstance(prior, np.ndarray) else list(prior)
    else:
        raise ParameterError("prior", prior, allowed)
    if len(values) != n or not all(_positive_number(v) for v in values):
        raise ParameterError("prior", prior, allowed)
    array = np.array(values, dtype=float)
    array = array / array.max()  # guards the sum against overflow
    return array / array.sum()


def _positive_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def _totals(steps: np.ndarray, weights: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Sum over items of weight x cell value, for one matrix or batches (leading axes)."""
    return np.einsum("...i,...ih->...h", weights, table[steps])


def _ranks(badness: np.ndarray) -> np.ndarray:
    """Competition ranks (1, 1, 3) along the last axis; lower badness is better; ties within 1e-9."""
    better = badness[..., None, :] < badness[..., :, None] - _TOL  # [..., h, k]: k beats h
    return 1 + better.sum(axis=-1)


def _log_posterior(setup: _Setup, totals: np.ndarray) -> np.ndarray:
    unnormalised = setup.log_prior + totals
    top = unnormalised.max(axis=-1, keepdims=True)
    return unnormalised - (top + np.log(np.exp(unnormalised - top).sum(axis=-1, keepdims=True)))


def _base(matrix: Matrix, setup: _Setup) -> tuple[np.ndarray, np.ndarray]:
    """The matrix's totals and badness under ``setup``."""
    totals = _totals(matrix.steps, _weights(matrix, matrix.factor, setup.weighted, setup.group_sources), setup.table)
    return totals, setup.badness(totals)


def _top_ids(matrix: Matrix, top: np.ndarray) -> tuple[str, ...]:
    return tuple(h for h, t in zip(matrix.hypotheses, top) if t)


def score(matrix: Matrix, scheme: str = "heuer", *, weighted: bool = True, prior=None, group_sources: bool = True) -> pd.DataFrame:
    """Score and rank the hypotheses; one row per hypothesis, by rank then hypothesis id.

    ``heuer`` — weighted inconsistency (Heuer, *Psychology of Intelligence Analysis*, CIA 1999,
    ch. 8, step 5; PARC ACH 2.0's "weighted inconsistency score")::

        S_h = sum_i w_i * p(r_ih),   p(I) = 1, p(II) = 2, p(CC) = p(C) = p(N) = p(NA) = 0

    lower is better: ACH ranks by the evidence against a hypothesis, not for it.

    ``bayes`` — each rating is a likelihood P(e_i | h) (:data:`LIKELIHOOD`: CC .9, C .7, N .5,
    I .3, II .1) and each weight a tempering exponent, as in Bayesian readings of ACH (Pope &
    Jøsang, "Analysis of Competing Hypotheses using Subjective Logic", 10th ICCRTS, 2005;
    Karvetski et al., "Structuring and analyzing competing hypotheses with Bayesian networks
    for intelligence analysis", EURO J. Decision Processes, 2013)::

        log P(h | E) = log pi_h + sum_i w_i * log(L(r_ih) / L(N)) - log Z

    computed in log space; ``score`` is the evidence term ``sum_i w_i log(L/L(N))`` (higher is
    better), ``posterior`` includes the prior (uniform unless ``prior`` is given as a list in
    hypothesis order or a dict by id) and sets the rank. The table is symmetric around N (no
    information, ratio 1) with equal steps in probability, so in log terms one step towards
    inconsistency weighs more than one towards consistency (C/N = 1.4, I/N = 0.6, II/N = 0.2):
    disconfirming evidence counts most, as Heuer asks, but consistent evidence is not thrown
    away. NA is scored like N: it neither helps nor hurts its hypothesis.
    """
    setup = _setup(matrix, scheme, weighted, group_sources, prior)
    totals, badness = _base(matrix, setup)
    out = pd.DataFrame({
        "hypothesis": matrix.hypotheses,
        "label": matrix.labels,
        "score": totals,
        "rank": _ranks(badness),
    })
    if scheme == "bayes":
        out["posterior"] = np.exp(_log_posterior(setup, totals))
    return out.sort_values(["rank", "hypothesis"], kind="stable").reset_index(drop=True)


def top(matrix: Matrix, scheme: str = "heuer", *, weighted: bool = True, prior=None, group_sources: bool = True) -> tuple[str, ...]:
    """The hypotheses ranked first (several on a tie), in matrix order."""
    setup = _setup(matrix, scheme, weighted, group_sources, prior)
    return _top_ids(matrix, _ranks(_base(matrix, setup)[1]) == 1)


def diagnosticity(matrix: Matrix, scheme: str = "bayes", *, weighted: bool = True, group_sources: bool = True) -> pd.DataFrame:
    """How well each item separates the hypotheses: the spread of its weighted cell values.

    ``diagnosticity_i = max_h w_i v(r_ih) - min_h w_i v(r_ih)`` with ``v`` the scheme's cell
    value (log likelihood ratio for ``bayes``, inconsistency for ``heuer``): the largest change
    the item makes to the log odds (or the inconsistency gap) between any two hypotheses. An
    item rated alike against every hypothesis scores 0 and is flagged ``non_diagnostic``
    (Heuer's step 3); under ``heuer`` so is any item without I or II. One row per item, most
    diagnostic first (then matrix order).
    """
    setup = _setup(matrix, scheme, weighted, group_sources, None)
    w = _weights(matrix, matrix.factor, setup.weighted, setup.group_sources)
    cells = w[:, None] * setup.table[matrix.steps]
    spread = cells.max(axis=1) - cells.min(axis=1) if len(matrix.items) else np.zeros(0)
    out = pd.DataFrame({
        "item": matrix.items,
        "weight": w,
        "diagnosticity": spread,
        "non_diagnostic": spread <= _TOL,
        "order": np.arange(len(matrix.items)),
    })
    return out.sort_values(["diagnosticity", "order"], ascending=[False, True], kind="stable").drop(columns="order").reset_index(drop=True)
