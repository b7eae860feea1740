"""The hypothesis report's explanatory text: how the hypotheses were kept apart, how scores are computed, the limits.

Every number in it (likelihood ratios, prior, II weight, perturbation chances) comes from the
report's settings and parameters; the references describe what the engine does.
"""

from __future__ import annotations

import math

from . import ach
from .hypotheses import matrix, settings
from ..presentation import prose


def overlap_text(params: dict) -> str:
    """How the hypotheses were made to exclude one another, and what the scores therefore mean."""
    m = matrix(params)
    return (f"As the paper words them, these explanations overlap: a gamble on coercion and a costly, unhelpful client can both "
            f"be true. This report sharpens them so that at most one can hold, along lines the paper itself draws; the second "
            f"column says how. Even so, the scores rank these {prose.WORD_NUMBERS[len(m.hypotheses)]} readings against each other and nothing "
            f"else: they measure relative support, not the chance that any one of them is the whole truth."
            if params["question"] == "collapse" else
            "The introduction offers two readings; the conclusion adds a third, pressure for leverage, which this report "
            "weighs alongside them. The three are kept apart by what the squeeze was for; if Russia's demands included a "
            "settlement with Türkiye, the two deliberate readings would merge, and the paper does not say. The scores rank "
            "these readings against each other: relative support, not the chance that any one is the whole truth.")


def method_text(params: dict) -> str:
    """How the scores are computed, with the likelihoods, prior, margin and perturbations stated."""
    m, s = matrix(params), settings(params)
    lr = ach.likelihood_ratios(s.but(scheme="bayes", prior=None))
    ratios = ", ".join(f"{code} ×{_fraction(lr[code])}" for code in ("CC", "C", "N", "I", "II"))
    prior = ("equal for every explanation" if s.prior is None else
             ", ".join(f"{prose.esc(m.label(h))} {p:.0%}" for h, p in zip(m.hypotheses, ach.check_prior(s.prior, m.hypotheses))))
    return "\n".join([
        "- **PARC's weighted inconsistency** (the default; Heuer, *Psychology of Intelligence Analysis*, 1999, ch. 8, as PARC's "
        "ACH 2.0 computes it): each item weighs its credibility times its relevance (low 0.71, medium 1, high 1.41); an "
        f"inconsistent rating adds its weight to the explanation's score, a very inconsistent one {s.ii_weight:g} times its "
        "weight; consistent, neutral and not-applicable ratings add nothing. Lower is better: the method ranks explanations by "
        "the evidence against them.",
        "- **The Bayesian reading**: each rating stands for a likelihood ratio against a neutral one; under the ratios used here "
        f"({lab(s.ladder)}) they are {ratios}, and not-applicable counts 1. A source is treated as partly reliable (Bovens and "
        "Hartmann, *Bayesian Epistemology*, 2003): an item's reliability is its weight over the heaviest possible (from 0.25 "
        "to 1), and the ratio it conveys is reliability × ratio + (1 − reliability), so a report never counts for more than "
        f"the event would. The prior is {prior}.",
        "- **Monte Carlo**: in each draw every rating moves one step up or down with a chance of "
        f"{params['p_step']:.0%}, and each credibility and relevance level one level with a chance of {params['weight_noise']:.0%}; "
        "a draw whose first place is tied counts as a tie for none. Shares come with 95% (Wilson) intervals.",
        "- **Ties**: a lead within what one inconsistent item of medium credibility and relevance counts, or a difference in the "
        "share of draws within two standard errors or five points, is called a tie.",
    ])


def lab(ladder: str) -> str:
    return ach.settings.LADDER_WORDS[ladder]


def _fraction(x: float) -> str:
    for d in (1, 2, 4, 8, 16):
        if math.isclose(x * d, round(x * d)):
            return f"{round(x * d)}/{d}" if d > 1 else f"{round(x)}"
    return f"{x:.2f}"


def limits(params: dict) -> str:
    """What the analysis cannot tell."""
    return "\n".join([
        "- The ratings are this project's reading of the paper, not the author's: the paper weighs the explanations in prose. "
        "Each rating comes with its reason in the item-by-item table, and the Monte Carlo, the smallest changes and the "
        "settings above show how much they matter.",
        "- All evidence comes from one paper, mostly resting on anonymous interviews it cannot show; the methods here can weigh "
        "and discount sources, but cannot check them or detect sources that echo each other.",
        "- Heuer's method can only contradict: an explanation that little evidence bears on meets little contradiction. The "
        "Russo-Turkish deal is one the paper says it lacks the evidence to discuss; its place here reflects that, not support.",
        "- Credibility and relevance are three-level judgements; the Monte Carlo moves them too, but their scale is a convention "
        "(PARC's), not a measurement.",
    ])
