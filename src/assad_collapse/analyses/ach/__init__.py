"""Analysis of Competing Hypotheses (ACH): scoring, diagnosticity and sensitivity of the paper's matrix.

A :class:`Matrix` holds one question's hypotheses, its evidence items and each item's rating
against each hypothesis (``CC C N I II``, or ``NA``). A :class:`Settings` says how it is scored: by
default PARC ACH 2.0's weighted inconsistency; optionally a Bayesian reading with unreliable sources,
source dependence, other weights for II and NA, with or without the author's own judgements
(:mod:`.settings`). Beyond the score, the engine gives each item's contribution and diagnosticity,
reruns the ranking without each item (:func:`leave_one_out`), finds the fewest one-step rating
changes that change the top (:func:`linchpins`), perturbs ratings and weights at random
(:func:`monte_carlo`), scores every combination of the scoring choices (:func:`multiverse`),
discounts kinds of source (:func:`discount`, :func:`discount_each_kind`) and sums it all up as
plain data (:func:`verdict`).

One job per module: :mod:`.settings` (the switches), :mod:`.matrix` (the matrix, weights and
reliabilities), :mod:`.scoring` (values, dependence, totals, ranks, contributions, diagnosticity),
:mod:`.sensitivity` (leave-one-out, discounting), :mod:`.linchpins`, :mod:`.montecarlo`,
:mod:`.multiverse`, :mod:`.ties` (the tie rule all of them share) and :mod:`.verdict` (the report's summary and
parameters). This module gathers
their public names, so callers write ``ach.score(...)``.
"""

from __future__ import annotations

from .linchpins import Linchpins, linchpins
from .matrix import LEVEL_WEIGHT, NA, SCALE, Matrix, build_matrix, item_weights, reliability
from .montecarlo import MonteCarlo, monte_carlo, perturbation_scale
from .multiverse import SWITCHES, Multiverse, multiverse
from .multiverse import rests_on as multiverse_rests_on
from .scoring import contributions, diagnosticity, evaluate, score, settings_of, top
from .sensitivity import discount, discount_each_kind, leave_one_out
from .settings import LADDERS, NA_MODES, SCHEMES, Settings, check_prior, likelihood_ratios
from .ties import leader_set, leaders, practical_margin
from .verdict import PARAMETERS, matrix_for, parameters, settings_for, verdict

__all__ = [
    "LADDERS", "LEVEL_WEIGHT", "NA", "NA_MODES", "PARAMETERS", "SCALE", "SCHEMES", "SWITCHES", "Linchpins", "Matrix",
    "MonteCarlo", "Multiverse", "Settings", "build_matrix", "check_prior", "contributions", "diagnosticity", "discount",
    "discount_each_kind", "evaluate", "item_weights", "leader_set", "leaders", "leave_one_out", "likelihood_ratios", "linchpins",
    "matrix_for", "monte_carlo", "multiverse", "multiverse_rests_on", "parameters", "perturbation_scale", "practical_margin", "reliability", "score", "settings_for",
    "settings_of", "top", "verdict",
]
