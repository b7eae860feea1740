"""The tie rule: which hypotheses count as first, one definition for the verdict, the multiverse and every sensitivity.

A hypothesis counts as first (a *leader*) when its badness is within the practical margin of the best
(:func:`practical_margin`: what one inconsistent rating on a medium-credibility, medium-relevance item
counts). One leader leads; several tie. "What would change the top" (:mod:`.linchpins`), leave-one-out
and discounting (:mod:`.sensitivity`) and the multiverse all ask whether this set changes.
"""

from __future__ import annotations

import math

import numpy as np

from .matrix import LEVEL_WEIGHT, MAX_WEIGHT
from .scoring import _TOL
from .settings import LADDER_BASE, Settings


def practical_margin(settings: Settings) -> float:
    """What one inconsistent rating on a medium-credibility, medium-relevance item counts.

    A lead no larger than this is called a tie: one ordinary rating more or less would undo or
    reverse it. Under PARC's scoring that is one inconsistency; under the Bayesian reading the
    log-odds such an item's I removes (its reliability is its weight over the heaviest possible, 1/2,
    whether or not items are weighted: unweighted, every item counts as a medium one).
    """
    w = LEVEL_WEIGHT["medium"] ** 2
    if settings.scheme == "heuer":
        return w
    q = w / MAX_WEIGHT
    return abs(math.log(q * LADDER_BASE[settings.ladder]["I"] + 1 - q))


def leaders(bad: np.ndarray, margin: float) -> np.ndarray:
    """Which hypotheses are within ``margin`` of the best (lowest) badness, along the last axis."""
    return bad <= bad.min(axis=-1, keepdims=True) + margin + _TOL


def leader_set(bad: np.ndarray, settings: Settings) -> np.ndarray:
    """The leaders under the settings' own practical margin (the verdict's tie rule)."""
    return leaders(bad, practical_margin(settings))
