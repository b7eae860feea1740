"""Analysis of Competing Hypotheses (ACH): scoring, diagnosticity and sensitivity of the paper's matrix.

A :class:`Matrix` holds one question's hypotheses, its evidence items and each item's rating
against each hypothesis (``CC C N I II``, or ``NA``). Two scoring schemes share one interface
(:func:`score`): ``"heuer"``, the weighted inconsistency count of PARC ACH 2.0, and ``"bayes"``,
a Bayesian reading. Beyond the score, the engine measures each item's diagnosticity, reruns
the ranking without each item (:func:`leave_one_out`), finds the fewest one-step rating changes
that overturn the result (:func:`linchpins`), perturbs ratings and weights at random
(:func:`monte_carlo`), discounts kinds of source (:func:`discount`, :func:`discount_each_kind`)
and sums it all up as plain data (:func:`verdict`).

One job per module: :mod:`.matrix` (the matrix and item weights), :mod:`.scoring` (schemes,
scores, ranks, diagnosticity), :mod:`.sensitivity` (leave-one-out, discounting),
:mod:`.linchpins`, :mod:`.montecarlo` and :mod:`.verdict` (the report's summary and
parameters). This module gathers their public names, so callers write ``ach.score(...)``.
"""

from __future__ import annotations

from .linchpins import Linchpins, linchpins
from .matrix import (
    INTERVIEW_KINDS, LEVEL_WEIGHT, NA, PAPER_JUDGEMENT, SCALE, Matrix, build_matrix, item_weights,
)
from .montecarlo import monte_carlo
from .scoring import HEUER_PENALTY, LIKELIHOOD, SCHEMES, check_prior, diagnosticity, score, top
from .sensitivity import discount, discount_each_kind, leave_one_out
from .verdict import PARAMETERS, matrix_for, parameters, verdict

__all__ = [
    "HEUER_PENALTY", "INTERVIEW_KINDS", "LEVEL_WEIGHT", "LIKELIHOOD", "NA", "PAPER_JUDGEMENT", "PARAMETERS", "SCALE",
    "SCHEMES", "Linchpins", "Matrix", "build_matrix", "check_prior", "diagnosticity", "discount", "discount_each_kind",
    "item_weights", "leave_one_out", "linchpins", "matrix_for", "monte_carlo", "parameters", "score", "top", "verdict",
]
