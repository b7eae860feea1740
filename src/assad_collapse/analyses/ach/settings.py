"""The scoring settings of the ACH engine: every switch the result can depend on, checked, in one place.

A :class:`Settings` says how a matrix is scored:

* ``scheme`` — ``"heuer"``: PARC ACH 2.0's weighted inconsistency (the default); ``"bayes"``: a Bayesian
  reading with unreliable sources (see :mod:`.scoring`).
* ``weighted`` — weigh items by credibility x relevance (PARC's levels low 1/√2, medium 1, high √2).
* ``ladder`` — the Bayesian likelihood ratios of the ratings against N: ``"heuer"`` lets only
  inconsistency move the odds (C and CC count 1, as in Heuer's method); ``"symmetric"`` gives C the
  inverse ratio of I, so consistency counts as much for a hypothesis as inconsistency counts against
  it *before* reliability: mixed toward "uninformative" (:mod:`.scoring`), a partly reliable C conveys
  more than its I takes away (at reliability 1/2: C x1.5, I x0.75).
* ``ii_weight`` — how many inconsistencies a II counts for (PARC: 2); in the Bayesian reading the II ratio
  is the I ratio to that power, and the CC ratio the C ratio to that same power, so this switch also sets
  what a CC counts wherever consistency counts.
* ``na`` — ``"zero"``: NA counts nothing, like N (PARC); ``"average"``: an NA cell takes the average of the
  item's other cells. This is not neutral: where only inconsistency counts (PARC, and the Bayesian reading with
  Heuer's ladder) every cell counts zero or against, so an NA cell can only add inconsistency, and a hypothesis
  with many NA cells is penalised for evidence that does not bear on it; where consistency counts too, it can
  add for or against.
* ``dependence`` — 0 (PARC): every item counts in full; 1: the items of one ``source_group`` count, for each
  hypothesis, as that source's strongest item against it (and, in the Bayesian reading, its strongest for
  it); in between, the source's other items count at ``1 - dependence``. An item that says nothing can
  therefore never dilute a decisive one.
* ``author`` — ``True``: keep the author's own judgements (source kind ``author``); ``False``: set them aside.
* ``prior`` — Bayesian only: one positive weight per hypothesis (``None``: uniform).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Mapping, Sequence

import numpy as np

from ...errors import ParameterError
from ...paper.vocabulary import LADDERS, NA_MODES, SCHEMES  # noqa: F401 (part of this module's names)
SCALE = ("CC", "C", "N", "I", "II")  # a one-step change moves one place along this scale
NA = "NA"

LADDER_BASE = {"heuer": {"C": 1.0, "I": 0.5}, "symmetric": {"C": 2.0, "I": 0.5}}
"""Likelihood ratio against N of one C and one I under each ladder; CC and II are their powers (``ii_weight``)."""

LADDER_WORDS = {"heuer": "only inconsistency counts", "symmetric": "consistency counts too"}


@dataclass(frozen=True)
class Settings:
    """How a matrix is scored (see the module docstring); the defaults are PARC ACH 2.0's."""

    scheme: str = "heuer"
    weighted: bool = True
    ladder: str = "heuer"
    ii_weight: float = 2.0
    na: str = "zero"
    dependence: float = 0.0
    author: bool = True
    prior: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        _choice("scheme", self.scheme, SCHEMES)
        _choice("ladder", self.ladder, LADDERS)
        _choice("na", self.na, NA_MODES)
        for name in ("weighted", "author"):
            if not isinstance(getattr(self, name), (bool, np.bool_)):
                raise ParameterError(name, getattr(self, name), "True or False")
        if not _is_number(self.ii_weight) or not 1 <= self.ii_weight <= 4:
            raise ParameterError("ii_weight", self.ii_weight, "a number from 1 to 4")
        if not _is_number(self.dependence) or not 0 <= self.dependence <= 1:
            raise ParameterError("dependence", self.dependence, "a number from 0 to 1")
        if self.prior is not None and self.scheme != "bayes":
            raise ParameterError("prior", self.prior, "None unless scheme='bayes'")
        object.__setattr__(self, "ii_weight", float(self.ii_weight))
        object.__setattr__(self, "dependence", float(self.dependence))
        if self.prior is not None and not isinstance(self.prior, Mapping):
            object.__setattr__(self, "prior", tuple(self.prior) if isinstance(self.prior, (list, tuple)) else self.prior)

    def but(self, **changes) -> Settings:
        """The same settings with some switches changed."""
        return replace(self, **changes)

    @property
    def additive(self) -> bool:
        """True when every cell counts on its own (no source dependence, NA counting nothing)."""
        return self.dependence == 0 and self.na == "zero"

    def as_dict(self) -> dict:
        """The settings as plain data."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def cell_table(self) -> np.ndarray:
        """Per scale step CC C N I II (then NA as 0): the inconsistency (heuer) or likelihood ratio against N (bayes)."""
        if self.scheme == "heuer":
            return np.array([0.0, 0.0, 0.0, 1.0, self.ii_weight, 0.0])
        c, i = LADDER_BASE[self.ladder]["C"], LADDER_BASE[self.ladder]["I"]
        return np.array([c**self.ii_weight, c, 1.0, i, i**self.ii_weight, 1.0])


def likelihood_ratios(settings: Settings) -> dict[str, float]:
    """The Bayesian reading's likelihood ratio against N of each rating (NA and N are 1)."""
    table = settings.but(scheme="bayes", prior=None).cell_table()
    return {code: float(v) for code, v in zip((*SCALE, NA), table)}


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
    if len(values) != n or not all(_is_number(v) and v > 0 for v in values):
        raise ParameterError("prior", prior, allowed)
    array = np.array(values, dtype=float)
    array = array / array.max()  # guards the sum against overflow
    return array / array.sum()


def _choice(name: str, value, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ParameterError(name, value, "one of " + ", ".join(map(repr, choices)))


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) and math.isfinite(value)
