"""ACH scoring: two schemes behind one interface, source dependence, ranks with ties, contributions, diagnosticity.

Every cell becomes a signed value ``v_ih`` — negative counts against the hypothesis, positive for it:

* ``"heuer"`` (the default) — PARC ACH 2.0's weighted inconsistency (Heuer, *Psychology of
  Intelligence Analysis*, CIA 1999, ch. 8; the PARC ACH 2.0 technical description):
  ``v_ih = -w_i * p(r_ih)`` with ``p(I) = 1``, ``p(II) = 2``, and 0 for CC, C, N and NA, so
  consistent evidence never counts. The score is the inconsistency ``S_h = -sum_i v_ih``; lower is better.
* ``"bayes"`` — a Bayesian reading with unreliable sources. Each rating stands for a likelihood
  ratio against N (:func:`.settings.likelihood_ratios`); a source of reliability ``q_i``
  (:func:`.matrix.reliability`, from 0 to 1) reports what it saw with probability ``q_i`` and
  something uninformative otherwise, so the ratio it conveys is the mixture
  ``L_ih = q_i * lambda_ih + (1 - q_i)``, always between 1 and ``lambda_ih`` (the partially reliable
  witness of Bovens and Hartmann, *Bayesian Epistemology*, 2003, ch. 3). ``v_ih = log L_ih`` and
  ``log P(h | E) = log pi_h + sum_i v_ih - log Z`` with a stated prior ``pi`` (uniform by default).

With ``na="average"`` an NA cell takes the mean value of the item's other cells (not neutral: where every
value is zero or against, it can only count against; see :mod:`.settings`). With
``dependence = d > 0`` the items of one ``source_group`` are combined per hypothesis: the source's
strongest value against the hypothesis counts in full and its other values against it at ``1 - d``
(likewise for values for it), so an item with value 0 cannot lower what a decisive item counts.
Each item's **contribution** is its value times that coefficient; contributions add up to the totals.

**Ranks and ties.** Hypotheses whose scores differ by less than 1e-9 tie; tied hypotheses share the
best rank of the tie (1, 1, 3) and are listed by hypothesis id. The exact rank 1 is not the report's "top",
which is the set within the practical margin of the best (:mod:`.ties`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .matrix import _NA_STEP, Matrix, _reliability, _weights
from .settings import SCHEMES, Settings, check_prior

_TOL = 1e-9


def settings_of(scheme: str | Settings = "heuer", **switches) -> Settings:
    """Settings from a scheme name or a :class:`Settings`, with any switches changed."""
    return scheme.but(**switches) if isinstance(scheme, Settings) else Settings(scheme=scheme, **switches)


def effective_factor(m: Matrix, s: Settings) -> np.ndarray:
    """The items' discount factors, with the author's own judgements set to 0 when ``author`` is off."""
    if s.author:
        return m.factor
    return np.where(np.array(m.source_kind, dtype=str) == "author", 0.0, m.factor) if m.items else m.factor


def cell_values(m: Matrix, s: Settings, steps: np.ndarray | None = None, factor: np.ndarray | None = None,
                credibility: np.ndarray | None = None, relevance: np.ndarray | None = None) -> np.ndarray:
    """Signed cell values ``v_ih`` (negative against), for the matrix or a batch (leading axes) of steps/levels."""
    steps = m.steps if steps is None else steps
    factor = effective_factor(m, s) if factor is None else factor
    w = _weights(m, factor, s.weighted, credibility, relevance)
    table = s.cell_table()
    if s.scheme == "heuer":
        values = -w[..., None] * table[steps]
    else:
        q = _reliability(w)[..., None]
        values = np.log(q * table[steps] + (1.0 - q))
    if s.na == "average":
        values = _na_average(values, steps == _NA_STEP)
    return values


def _na_average(values: np.ndarray, na: np.ndarray) -> np.ndarray:
    na = np.broadcast_to(na, values.shape)
    rated = (~na).sum(axis=-1, keepdims=True)
    mean = np.where(na, 0.0, values).sum(axis=-1, keepdims=True) / np.maximum(rated, 1)
    return np.where(na, mean, values)


def totals(m: Matrix, s: Settings, values: np.ndarray) -> np.ndarray:
    """Per hypothesis, the sum of the cells' contributions (with source dependence), for one or a batch."""
    if s.dependence == 0 or not m.items:
        return values.sum(axis=-2)
    out = np.zeros(values.shape[:-2] + values.shape[-1:])
    for rows in _groups(m):
        block = values[..., rows, :]
        for part, strongest in ((np.maximum(block, 0), np.max), (np.minimum(block, 0), np.min)):
            total = part.sum(axis=-2)
            out += total - s.dependence * (total - strongest(part, axis=-2))
    return out


def _groups(m: Matrix) -> list[np.ndarray]:
    return [np.flatnonzero(m.group_index == g) for g in range(int(m.group_index.max()) + 1)]


def coefficients(m: Matrix, s: Settings, values: np.ndarray) -> np.ndarray:
    """How much of each cell counts (1, or ``1 - dependence`` below its source's strongest), one matrix."""
    coef = np.ones_like(values)
    if s.dependence == 0:
        return coef
    for rows in _groups(m):
        block = values[rows]
        for strongest, side in ((np.argmax, block > 0), (np.argmin, block < 0)):
            keep = strongest(np.where(side, block, 0.0), axis=0)
            lowered = np.where(side, 1.0 - s.dependence, 1.0)
            lowered[keep, np.arange(block.shape[1])] = 1.0
            coef[rows] = np.minimum(coef[rows], lowered)
    return coef


def badness(s: Settings, total: np.ndarray, log_prior: np.ndarray) -> np.ndarray:
    """Lower is better: the inconsistency (heuer) or minus the unnormalised log posterior (bayes)."""
    return -total if s.scheme == "heuer" else -(log_prior + total)


def log_posterior(total: np.ndarray, log_prior: np.ndarray) -> np.ndarray:
    """Normalised log posterior from the evidence totals and the log prior (last axis: hypotheses)."""
    unnormalised = log_prior + total
    top = unnormalised.max(axis=-1, keepdims=True)
    return unnormalised - (top + np.log(np.exp(unnormalised - top).sum(axis=-1, keepdims=True)))


def ranks(bad: np.ndarray) -> np.ndarray:
    """Competition ranks (1, 1, 3) along the last axis; lower badness is better; ties within 1e-9."""
    better = bad[..., None, :] < bad[..., :, None] - _TOL  # [..., h, k]: k beats h
    return 1 + better.sum(axis=-1)


@dataclass(frozen=True)
class Scored:
    """One matrix scored under one setting: cell values, coefficients, totals, badness and ranks."""

    settings: Settings
    values: np.ndarray
    coefficients: np.ndarray
    totals: np.ndarray
    badness: np.ndarray
    ranks: np.ndarray
    log_prior: np.ndarray

    @property
    def contributions(self) -> np.ndarray:
        return self.values * self.coefficients

    @property
    def posterior(self) -> np.ndarray:
        return np.exp(log_posterior(self.totals, self.log_prior))


def evaluate(m: Matrix, s: Settings) -> Scored:
    """Score one matrix under one setting."""
    log_prior = np.log(check_prior(s.prior, m.hypotheses)) if s.scheme == "bayes" else np.zeros(len(m.hypotheses))
    values = cell_values(m, s)
    total = totals(m, s, values)
    bad = badness(s, total, log_prior)
    return Scored(s, values, coefficients(m, s, values), total, bad, ranks(bad), log_prior)


def top_ids(m: Matrix, top: np.ndarray) -> tuple[str, ...]:
    return tuple(h for h, t in zip(m.hypotheses, top) if t)


def score(matrix: Matrix, scheme: str | Settings = "heuer", **switches) -> pd.DataFrame:
    """Score and rank the hypotheses; one row per hypothesis, by rank then hypothesis id.

    ``score`` is the weighted inconsistency (heuer; lower is better) or the evidence term
    ``sum_i v_ih`` in log odds (bayes; higher is better); ``posterior`` (bayes) includes the prior.
    ``against`` and ``for`` are the totals of the negative and positive contributions.
    """
    scored = evaluate(matrix, settings_of(scheme, **switches))
    c = scored.contributions
    out = pd.DataFrame({
        "hypothesis": matrix.hypotheses,
        "label": matrix.labels,
        "score": -scored.totals if scored.settings.scheme == "heuer" else scored.totals,
        "rank": scored.ranks,
        "against": np.minimum(c, 0).sum(axis=0),
        "for": np.maximum(c, 0).sum(axis=0),
    })
    if scored.settings.scheme == "bayes":
        out["posterior"] = scored.posterior
    return out.sort_values(["rank", "hypothesis"], kind="stable").reset_index(drop=True)


def top(matrix: Matrix, scheme: str | Settings = "heuer", **switches) -> tuple[str, ...]:
    """The hypotheses ranked first (several on a tie), in matrix order."""
    return top_ids(matrix, evaluate(matrix, settings_of(scheme, **switches)).ranks == 1)


def contributions(matrix: Matrix, scheme: str | Settings = "heuer", **switches) -> pd.DataFrame:
    """Each item's contribution to each hypothesis's total: one row per item, one column per hypothesis.

    Negative counts against the hypothesis (an inconsistency under heuer, a likelihood ratio below 1
    under bayes), positive for it. Rows are in matrix order; the columns add up to the totals.
    """
    scored = evaluate(matrix, settings_of(scheme, **switches))
    return pd.DataFrame(scored.contributions, index=pd.Index(matrix.items, name="item"), columns=list(matrix.hypotheses))


def diagnosticity(matrix: Matrix, scheme: str | Settings = "heuer", **switches) -> pd.DataFrame:
    """How well each item separates the hypotheses under the chosen setting.

    ``diagnosticity_i = max_h c_ih - min_h c_ih`` over the item's contributions: the largest change it
    makes to the gap between any two hypotheses. An item that counts alike for every hypothesis scores 0
    and is flagged ``non_diagnostic`` (Heuer's step 3); under PARC's scoring that is every item without
    an I or II. One row per item, most diagnostic first (then matrix order).
    """
    scored = evaluate(matrix, settings_of(scheme, **switches))
    c = scored.contributions
    spread = c.max(axis=1) - c.min(axis=1) if len(matrix.items) else np.zeros(0)
    out = pd.DataFrame({
        "item": matrix.items,
        "summary": matrix.summaries,
        "diagnosticity": spread,
        "non_diagnostic": spread <= _TOL,
        "order": np.arange(len(matrix.items)),
    })
    return out.sort_values(["diagnosticity", "order"], ascending=[False, True], kind="stable").drop(columns="order").reset_index(drop=True)


__all__ = ["SCHEMES", "Scored", "cell_values", "contributions", "diagnosticity", "evaluate", "ranks", "score", "settings_of",
           "top", "totals"]
