"""Analysis of Competing Hypotheses (ACH): scoring, diagnosticity and sensitivity of the paper's matrix.

A :class:`Matrix` holds one question's hypotheses, its evidence items and each item's rating
against each hypothesis (``CC C N I II``, or ``NA``). Two scoring schemes share one interface
(:func:`score`):

* ``"heuer"`` — the weighted inconsistency count of Heuer (1999, ch. 8) as implemented in
  PARC ACH 2.0; lower is better.
* ``"bayes"`` — each rating read as a likelihood, weights as tempering exponents, a stated
  prior; the posterior ranks the hypotheses.

Beyond the score, the module measures each item's diagnosticity, reruns the ranking without
each item (:func:`leave_one_out`), finds the fewest one-step rating changes that overturn the
result (:func:`linchpins`), perturbs ratings and weights at random (:func:`monte_carlo`),
discounts kinds of source (:func:`discount`, :func:`discount_each_kind`) and sums it all up as
plain data (:func:`verdict`).

**Item weight.** ``w_i = c_i * r_i * f_i / n_g(i)`` where ``c_i`` and ``r_i`` are the item's
credibility and relevance as numbers (:data:`LEVEL_WEIGHT`: low 1/√2, medium 1, high √2, the
values of PARC ACH 2.0, so that a high-high item weighs 2, a medium-medium one 1 and a low-low
one 1/2); ``f_i`` is a discount factor (1 unless :func:`discount` changed it); ``n_g(i)`` is,
when ``group_sources`` is on, the number of items with ``f > 0`` in the item's
``source_group`` — the items of one source share the weight of one item, so a source is not
counted once per thing it said. With ``weighted=False``, ``c_i = r_i = 1``.

**Ranks and ties.** Hypotheses whose scores differ by less than 1e-9 tie; tied hypotheses share
the best rank of the tie (1, 1, 3) and are listed by hypothesis id. "The top" is the set of
hypotheses with rank 1.

**Steps.** A one-step rating change moves along ``CC - C - N - I - II``; ``NA`` never moves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from . import datasets
from .errors import AssadCollapseError, ParameterError
from .params import Param, check_parameters
from .schemas import JUDGEMENTS, LEVELS, QUESTIONS, RATINGS, SOURCE_KINDS

SCHEMES = ("heuer", "bayes")
SCALE = ("CC", "C", "N", "I", "II")  # a one-step change moves one place along this scale
NA = "NA"
_NA_STEP = len(SCALE)  # steps index SCALE; NA is stored as this extra index

LEVEL_WEIGHT = {"low": 2**-0.5, "medium": 1.0, "high": 2**0.5}
"""Credibility and relevance as numbers (PARC ACH 2.0): an item weighs credibility x relevance."""

HEUER_PENALTY = {"CC": 0.0, "C": 0.0, "N": 0.0, "I": 1.0, "II": 2.0, "NA": 0.0}
"""Inconsistency per rating (Heuer 1999, ch. 8; PARC ACH 2.0): only I and II count."""

LIKELIHOOD = {"CC": 0.9, "C": 0.7, "N": 0.5, "I": 0.3, "II": 0.1}
"""P(item | hypothesis) read from the rating. NA is scored as N (see :func:`score`)."""

INTERVIEW_KINDS = ("syrian_official", "syrian_officer", "russian_official", "iranian_adviser", "unattributed", "author")
"""The source kinds :func:`discount_each_kind` drops in turn."""

PAPER_JUDGEMENT = "most_solid"
_TOL = 1e-9
_MC_CHUNK = 25_000  # draws per vectorised block (bounds memory; fixed, so results do not depend on it)
_MAX_TRIPLES = 2_000_000

_PENALTY = np.array([HEUER_PENALTY[r] for r in SCALE] + [0.0])
_LOG_LR = np.array([math.log(LIKELIHOOD[r] / LIKELIHOOD["N"]) for r in SCALE] + [0.0])
_LEVEL_VALUE = np.array([LEVEL_WEIGHT[level] for level in LEVELS])


# --------------------------------------------------------------------------- the matrix


@dataclass(frozen=True, eq=False)
class Matrix:
    """One question's ACH matrix: hypotheses (columns), evidence items (rows) and ratings.

    ``ratings`` is an (items x hypotheses) array of codes from ``CC C N I II NA``;
    ``credibility`` and ``relevance`` are levels (low/medium/high, numbers via
    :data:`LEVEL_WEIGHT`); ``factor`` is the per-item discount (1 by default).
    """

    question: str
    hypotheses: tuple[str, ...]
    labels: tuple[str, ...]
    judgements: tuple[str, ...]
    items: tuple[str, ...]
    ratings: np.ndarray
    credibility: tuple[str, ...]
    relevance: tuple[str, ...]
    source_kind: tuple[str, ...]
    source_group: tuple[str, ...]
    locator: tuple[str, ...]
    factor: np.ndarray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        n_items, n_hyp = len(self.items), len(self.hypotheses)
        ratings = np.asarray(self.ratings, dtype=object)
        if ratings.size == 0 and n_items == 0:
            ratings = np.empty((0, n_hyp), dtype=object)
        if ratings.shape != (n_items, n_hyp):
            raise ParameterError("ratings", ratings.shape, f"an array of {n_items} items x {n_hyp} hypotheses")
        factor = np.ones(n_items) if self.factor is None else np.array(self.factor, dtype=float)
        object.__setattr__(self, "ratings", _read_only(ratings.astype(str).astype(object)))
        object.__setattr__(self, "factor", _read_only(factor))
        _check_matrix(self)

    # ---- constructors

    @classmethod
    def from_lists(
        cls,
        hypotheses: Sequence[str],
        ratings: Sequence[Sequence[str]],
        *,
        items: Sequence[str] | None = None,
        credibility: Sequence[str] | str = "medium",
        relevance: Sequence[str] | str = "medium",
        source_kind: Sequence[str] | str = "unattributed",
        source_group: Sequence[str] | None = None,
        labels: Sequence[str] | None = None,
        judgements: Sequence[str] | None = None,
        locator: Sequence[str] | None = None,
        question: str = "hand",
    ) -> Matrix:
        """A matrix from plain lists: one row of rating codes per item, one code per hypothesis.

        Missing attributes default to: items ``e1, e2, ...``; medium credibility and relevance;
        source kind ``unattributed``; every item its own source group; labels = ids;
        judgements ``open``; empty locators. A single string applies to every item.
        """
        n = len(ratings)
        if any(isinstance(row, str) or len(row) != len(hypotheses) for row in ratings):
            raise ParameterError("ratings", ratings, f"one list of {len(hypotheses)} codes per item")
        items = list(items) if items is not None else [f"e{k + 1}" for k in range(n)]
        spread = lambda v: [v] * n if isinstance(v, str) else list(v)  # noqa: E731
        return cls(
            question=question,
            hypotheses=tuple(hypotheses),
            labels=tuple(labels) if labels is not None else tuple(hypotheses),
            judgements=tuple(judgements) if judgements is not None else ("open",) * len(hypotheses),
            items=tuple(items),
            ratings=np.array([list(row) for row in ratings], dtype=object).reshape(n, len(hypotheses)),
            credibility=tuple(spread(credibility)),
            relevance=tuple(spread(relevance)),
            source_kind=tuple(spread(source_kind)),
            source_group=tuple(source_group) if source_group is not None else tuple(items),
            locator=tuple(locator) if locator is not None else ("",) * n,
        )

    # ---- derived arrays

    @cached_property
    def steps(self) -> np.ndarray:
        """Ratings as positions on :data:`SCALE` (0 = CC ... 4 = II), NA as 5."""
        lookup = {code: k for k, code in enumerate(SCALE)} | {NA: _NA_STEP}
        flat = np.array([lookup[code] for code in self.ratings.ravel()], dtype=np.int8)
        return _read_only(flat.reshape(self.ratings.shape))

    @cached_property
    def credibility_level(self) -> np.ndarray:
        """Credibility as level index (0 low, 1 medium, 2 high)."""
        return _read_only(np.array([LEVELS.index(v) for v in self.credibility], dtype=np.int8))

    @cached_property
    def relevance_level(self) -> np.ndarray:
        """Relevance as level index (0 low, 1 medium, 2 high)."""
        return _read_only(np.array([LEVELS.index(v) for v in self.relevance], dtype=np.int8))

    @property
    def credibility_weight(self) -> np.ndarray:
        """Credibility as a number (:data:`LEVEL_WEIGHT`)."""
        return _LEVEL_VALUE[self.credibility_level]

    @property
    def relevance_weight(self) -> np.ndarray:
        """Relevance as a number (:data:`LEVEL_WEIGHT`)."""
        return _LEVEL_VALUE[self.relevance_level]

    @cached_property
    def group_index(self) -> np.ndarray:
        """Each item's source group as an index into the sorted distinct groups."""
        _, index = np.unique(np.array(self.source_group, dtype=str), return_inverse=True)
        return _read_only(index.reshape(-1))

    @property
    def paper_hypothesis(self) -> str | None:
        """The hypothesis the paper judges most solid, if the question has one."""
        chosen = [h for h, j in zip(self.hypotheses, self.judgements) if j == PAPER_JUDGEMENT]
        return chosen[0] if chosen else None

    # ---- views and edits

    def table(self) -> pd.DataFrame:
        """The ratings as a frame: one row per item, one column per hypothesis."""
        return pd.DataFrame(self.ratings, index=pd.Index(self.items, name="item"), columns=list(self.hypotheses))

    def frame(self, *, weighted: bool = True, group_sources: bool = True) -> pd.DataFrame:
        """One row per item: source, levels, their numbers, discount factor and final weight."""
        return pd.DataFrame({
            "item": self.items,
            "source_kind": self.source_kind,
            "source_group": self.source_group,
            "credibility": self.credibility,
            "relevance": self.relevance,
            "credibility_weight": self.credibility_weight,
            "relevance_weight": self.relevance_weight,
            "factor": self.factor,
            "weight": item_weights(self, weighted=weighted, group_sources=group_sources),
            "locator": self.locator,
        })

    def drop(self, items: Sequence[str]) -> Matrix:
        """The matrix without the given items."""
        unknown = sorted(set(items) - set(self.items))
        if unknown:
            raise ParameterError("items", unknown, "ids of the matrix's items")
        return self.take([k for k, i in enumerate(self.items) if i not in set(items)])

    def take(self, rows: Sequence[int]) -> Matrix:
        """The matrix with the given item rows, in that order."""
        rows = list(rows)
        pick = lambda values: tuple(values[k] for k in rows)  # noqa: E731
        return replace(
            self,
            items=pick(self.items),
            ratings=self.ratings[rows] if rows else np.empty((0, len(self.hypotheses)), object),
            credibility=pick(self.credibility),
            relevance=pick(self.relevance),
            source_kind=pick(self.source_kind),
            source_group=pick(self.source_group),
            locator=pick(self.locator),
            factor=self.factor[rows],
        )

    def with_ratings(self, ratings: np.ndarray) -> Matrix:
        """The same matrix with another (items x hypotheses) array of rating codes."""
        return replace(self, ratings=np.asarray(ratings, dtype=object), factor=self.factor)


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def _check_matrix(m: Matrix) -> None:
    n_items, n_hyp = len(m.items), len(m.hypotheses)
    if n_hyp < 2 or len(set(m.hypotheses)) != n_hyp:
        raise ParameterError("hypotheses", m.hypotheses, "at least two distinct hypothesis ids")
    if len(set(m.items)) != n_items:
        raise ParameterError("items", m.items, "distinct item ids")
    for name in ("labels", "judgements"):
        if len(getattr(m, name)) != n_hyp:
            raise ParameterError(name, getattr(m, name), f"one per hypothesis ({n_hyp})")
    for name in ("credibility", "relevance", "source_kind", "source_group", "locator"):
        if len(getattr(m, name)) != n_items:
            raise ParameterError(name, getattr(m, name), f"one per item ({n_items})")
    _check_codes(m)


def _check_codes(m: Matrix) -> None:
    bad = sorted(set(m.ratings.ravel()) - set(RATINGS))
    if bad:
        raise ParameterError("ratings", bad, "codes from " + ", ".join(RATINGS))
    for name in ("credibility", "relevance"):
        wrong = sorted(set(getattr(m, name)) - set(LEVELS))
        if wrong:
            raise ParameterError(name, wrong, "levels from " + ", ".join(LEVELS))
    wrong_kinds = sorted(set(m.source_kind) - set(SOURCE_KINDS))
    if wrong_kinds:
        raise ParameterError("source_kind", wrong_kinds, "kinds from " + ", ".join(SOURCE_KINDS))
    wrong_judgements = sorted(set(m.judgements) - set(JUDGEMENTS))
    if wrong_judgements:
        raise ParameterError("judgements", wrong_judgements, "judgements from " + ", ".join(JUDGEMENTS))
    if m.factor.shape != (len(m.items),) or not np.all(np.isfinite(m.factor)) or np.any(m.factor < 0):
        raise ParameterError("factor", m.factor, "one finite number >= 0 per item")


def build_matrix(question: str, path=None) -> Matrix:
    """The paper's matrix for one question (``collapse`` or ``intent``) from data/.

    Hypotheses and items keep their file order; an item belongs to the question when it is
    rated against the question's hypotheses, and must then be rated against all of them.
    """
    if question not in QUESTIONS:
        raise ParameterError("question", question, "one of " + ", ".join(map(repr, QUESTIONS)))
    hyps = datasets.hypotheses(path)
    hyps = hyps[hyps["question"] == question]
    rated = datasets.ratings(path)
    rated = rated[rated["hypothesis_id"].isin(hyps["id"])]
    evidence = datasets.evidence(path)
    evidence = evidence[evidence["id"].isin(rated["evidence_id"])]
    grid = rated.pivot(index="evidence_id", columns="hypothesis_id", values="rating")
    grid = grid.reindex(index=list(evidence["id"]), columns=list(hyps["id"]))
    if grid.isna().any().any():
        missing = [f"{i}/{h}" for i, h in zip(*np.nonzero(grid.isna().to_numpy()))]
        raise AssadCollapseError(f"ratings.csv leaves cells of the {question!r} matrix unrated: {missing}")
    text = lambda column: tuple(str(v) for v in evidence[column])  # noqa: E731
    return Matrix(
        question=question,
        hypotheses=tuple(hyps["id"].astype(str)),
        labels=tuple(hyps["label"].astype(str)),
        judgements=tuple(hyps["paper_judgement"].astype(str)),
        items=text("id"),
        ratings=grid.astype(str).to_numpy(dtype=object),
        credibility=text("credibility"),
        relevance=text("relevance"),
        source_kind=text("source_kind"),
        source_group=text("source_group"),
        locator=text("locator"),
    )


# --------------------------------------------------------------------------- weights and settings


def item_weights(matrix: Matrix, *, weighted: bool = True, group_sources: bool = True) -> np.ndarray:
    """Each item's weight ``c_i * r_i * f_i / n_g(i)`` (see the module docstring)."""
    return _weights(matrix, matrix.factor, weighted, group_sources)


def _weights(m: Matrix, factor: np.ndarray, weighted: bool, group_sources: bool,
             credibility: np.ndarray | None = None, relevance: np.ndarray | None = None) -> np.ndarray:
    """Weights for one or a batch (leading axes) of factor / level arrays over the items."""
    w = np.asarray(factor, dtype=float)
    if weighted:
        c = m.credibility_weight if credibility is None else _LEVEL_VALUE[credibility]
        r = m.relevance_weight if relevance is None else _LEVEL_VALUE[relevance]
        w = c * r * w
    return w / _group_sizes(m, factor) if group_sources else w


def _group_sizes(m: Matrix, factor: np.ndarray) -> np.ndarray:
    """For each item, how many items with factor > 0 share its source group (at least 1)."""
    n_groups = int(m.group_index.max()) + 1 if len(m.items) else 0
    onehot = np.eye(n_groups)[m.group_index]  # (items, groups)
    counts = (np.asarray(factor) > 0).astype(float) @ onehot  # (..., groups)
    return np.maximum(counts[..., m.group_index], 1.0)


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


# --------------------------------------------------------------------------- scoring core


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


# --------------------------------------------------------------------------- diagnosticity


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


# --------------------------------------------------------------------------- leave one out


def leave_one_out(matrix: Matrix, scheme: str = "heuer", *, weighted: bool = True, prior=None, group_sources: bool = True) -> pd.DataFrame:
    """The ranking without each item in turn (its source group shrinks by one).

    One row per item: ``top`` (ids ranked first without it, ';'-joined), ``changes_top`` (the
    set ranked first differs from the full matrix's), ``changes_rank`` (any rank differs), and
    one column per hypothesis id with its rank without the item. All items at once: a batch of
    weight vectors, each with one item's factor set to 0.
    """
    setup = _setup(matrix, scheme, weighted, group_sources, prior)
    base_ranks = _ranks(_base(matrix, setup)[1])
    factors = matrix.factor[None, :] * (1.0 - np.eye(len(matrix.items)))
    weights = _weights(matrix, factors, setup.weighted, setup.group_sources)
    ranks = _ranks(setup.badness(_totals(matrix.steps, weights, setup.table)))
    return _ranking_frame(matrix, "item", list(matrix.items), ranks, base_ranks)


def _ranking_frame(matrix: Matrix, key: str, keys: list, ranks: np.ndarray, base_ranks: np.ndarray) -> pd.DataFrame:
    tops = ranks == 1
    out = pd.DataFrame({
        key: keys,
        "top": [";".join(_top_ids(matrix, t)) for t in tops],
        "changes_top": (tops != (base_ranks == 1)).any(axis=1),
        "changes_rank": (ranks != base_ranks).any(axis=1),
    })
    return pd.concat([out, pd.DataFrame(ranks, columns=list(matrix.hypotheses))], axis=1)


# --------------------------------------------------------------------------- linchpins


@dataclass(frozen=True)
class Linchpins:
    """The fewest one-step rating changes that overturn the result.

    ``size`` is the number of changes (None if none within ``max_changes``); ``exact`` says the
    search at every size tried was exhaustive (so ``size`` is the true minimum, or no solution
    of at most ``max_changes`` exists); ``changes`` lists every solution found (up to ``limit``)
    as one row per change: solution, item, hypothesis, from, to, score_change, top_after.
    """

    size: int | None
    exact: bool
    n_solutions: int
    baseline_top: tuple[str, ...]
    target: str | None
    changes: pd.DataFrame

    def solutions(self) -> list[list[dict]]:
        """The solutions as lists of {item, hypothesis, from, to} records."""
        cols = ["item", "hypothesis", "from", "to"]
        return [group[cols].to_dict("records") for _, group in self.changes.groupby("solution", sort=True)]


@dataclass(frozen=True)
class _Candidates:
    item: np.ndarray  # row of the changed cell
    hyp: np.ndarray  # column of the changed cell
    new_step: np.ndarray
    delta: np.ndarray  # change in badness of column ``hyp``

    @property
    def cell(self) -> np.ndarray:
        return self.item * 1_000_003 + self.hyp

    def subset(self, keep: np.ndarray) -> _Candidates:
        return _Candidates(self.item[keep], self.hyp[keep], self.new_step[keep], self.delta[keep])


def _candidates(matrix: Matrix, setup: _Setup) -> _Candidates:
    """Every one-step change of a rated cell that changes its column's badness."""
    w = _weights(matrix, matrix.factor, setup.weighted, setup.group_sources)
    steps = matrix.steps.astype(int)
    rows, cols = np.nonzero(steps != _NA_STEP)
    old = steps[rows, cols]
    rows, cols, old = np.repeat(rows, 2), np.repeat(cols, 2), np.repeat(old, 2)
    new = old + np.tile([-1, 1], len(old) // 2)
    ok = (new >= 0) & (new < _NA_STEP)
    rows, cols, old, new = rows[ok], cols[ok], old[ok], new[ok]
    change = w[rows] * (setup.table[new] - setup.table[old])
    delta = change if setup.scheme == "heuer" else -change
    keep = np.abs(delta) > _TOL
    return _Candidates(rows[keep], cols[keep], new[keep], delta[keep])


def _helpful(c: _Candidates, base_top: np.ndarray, target: int | None) -> np.ndarray:
    """Moves that can be part of a minimal solution (the others can always be dropped).

    Overturning the top set needs a non-top hypothesis to improve or a top one to worsen (or,
    on a tie, a top one to improve); unseating ``target`` needs it to worsen or a rival to
    improve; crowning it needs it to improve or a rival to worsen.
    """
    is_top, better, worse = base_top[c.hyp], c.delta < 0, c.delta > 0
    if target is None:
        return (~is_top & better) | (is_top & worse) | (is_top & better & (base_top.sum() > 1))
    is_target = c.hyp == target
    if base_top[target]:
        return (is_target & worse) | (~is_target & better)
    return (is_target & better) | (~is_target & worse)


def _flipped(new_badness: np.ndarray, base_top: np.ndarray, target: int | None) -> tuple[np.ndarray, np.ndarray]:
    new_top = _ranks(new_badness) == 1
    if target is None:
        return (new_top != base_top).any(axis=-1), new_top
    return new_top[..., target] != base_top[target], new_top


def _evaluate(combos: np.ndarray, c: _Candidates, base: np.ndarray, base_top, target):
    """Solutions among ``combos`` (rows of candidate indices; those reusing a cell are skipped)."""
    cells = c.cell[combos]
    distinct = np.ones(len(combos), bool)
    for a in range(combos.shape[1]):
        for b in range(a + 1, combos.shape[1]):
            distinct &= cells[:, a] != cells[:, b]
    combos = combos[distinct]
    shift = np.zeros((len(c.delta), len(base)))
    shift[np.arange(len(c.delta)), c.hyp] = c.delta  # each candidate as a change of its column
    hit, new_top = _flipped(base + shift[combos].sum(axis=1), base_top, target)
    return combos[hit], new_top[hit]


def _combos(n: int, size: int):
    """Index combinations of ``size`` among ``n`` candidates, yielded in vectorised blocks."""
    if size == 1:
        yield np.arange(n)[:, None]
    elif size == 2:
        yield np.column_stack(np.triu_indices(n, 1))
    else:
        for first in range(n - 2):
            rest = np.column_stack(np.triu_indices(n - first - 1, 1)) + first + 1
            yield np.column_stack([np.full(len(rest), first), rest])


def linchpins(matrix: Matrix, scheme: str = "heuer", *, weighted: bool = True, prior=None, group_sources: bool = True,
              max_changes: int = 3, target: str | None = None, limit: int = 50) -> Linchpins:
    """The smallest sets of one-step rating changes that overturn the result.

    "Overturn" means the set of hypotheses ranked first changes (``target=None``), or, with a
    hypothesis id as ``target``, that it stops being (or becomes) one of those ranked first.
    Each change moves one rated cell one step along CC-C-N-I-II; a set changes distinct cells.

    Changes add up cell by cell, so every candidate set is scored as base scores plus its
    changes, all sets of one size at once. Only moves that can belong to a minimal solution
    are tried (see :func:`_helpful`; dropping the others never loses a minimal solution), and
    sets of 1 and 2 are enumerated exhaustively: exact. Sets of 3 are exhaustive too while
    they number at most 2 million; beyond that only the candidates with the largest score
    change are combined and ``exact`` is False. Solutions are listed by the total size of
    their score changes (largest first), then by matrix order.
    """
    if not isinstance(max_changes, int) or isinstance(max_changes, bool) or not 1 <= max_changes <= 3:
        raise ParameterError("max_changes", max_changes, "1, 2 or 3")
    if target is not None and target not in matrix.hypotheses:
        raise ParameterError("target", target, "None or one of " + ", ".join(matrix.hypotheses))
    setup = _setup(matrix, scheme, weighted, group_sources, prior)
    base = _base(matrix, setup)[1]
    base_top = _ranks(base) == 1
    t = matrix.hypotheses.index(target) if target is not None else None
    cands = _candidates(matrix, setup)
    cands = cands.subset(_helpful(cands, base_top, t))
    exact = True
    for size in range(1, max_changes + 1):
        pool = cands
        if size == 3 and math.comb(len(cands.delta), 3) > _MAX_TRIPLES:
            pool, exact = _largest(cands, _MAX_TRIPLES), False
        found = [_evaluate(block, pool, base, base_top, t) for block in _combos(len(pool.delta), size) if len(block)]
        hits = np.concatenate([f[0] for f in found]) if found else np.empty((0, size), int)
        if len(hits):
            tops = np.concatenate([f[1] for f in found])
            return _linchpin_result(matrix, setup, pool, hits, tops, size, exact, base_top, target, limit)
    return Linchpins(None, exact, 0, _top_ids(matrix, base_top), target, _linchpin_frame([]))


def _largest(c: _Candidates, budget: int) -> _Candidates:
    k = len(c.delta)
    while math.comb(k, 3) > budget:
        k -= 1
    order = np.argsort(-np.abs(c.delta), kind="stable")[:k]
    return c.subset(np.sort(order))


def _linchpin_result(matrix, setup, c: _Candidates, hits, tops, size, exact, base_top, target, limit) -> Linchpins:
    magnitude = np.abs(c.delta[hits]).sum(axis=1)
    order = np.lexsort((*[hits[:, k] for k in reversed(range(size))], -np.round(magnitude, 9)))
    rows = []
    for n, s in enumerate(order[:limit]):
        after = ";".join(_top_ids(matrix, tops[s]))
        for k in hits[s]:
            i, h = int(c.item[k]), int(c.hyp[k])
            sign = 1.0 if setup.scheme == "heuer" else -1.0
            rows.append({
                "solution": n + 1,
                "item": matrix.items[i],
                "hypothesis": matrix.hypotheses[h],
                "from": matrix.ratings[i, h],
                "to": SCALE[int(c.new_step[k])],
                "score_change": sign * float(c.delta[k]),
                "top_after": after,
            })
    return Linchpins(size, exact, len(hits), _top_ids(matrix, base_top), target, _linchpin_frame(rows))


def _linchpin_frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["solution", "item", "hypothesis", "from", "to", "score_change", "top_after"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- Monte Carlo


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


# --------------------------------------------------------------------------- discounting


def discount(matrix: Matrix, kinds: Sequence[str], factor: float) -> Matrix:
    """The matrix with the weight of every item whose ``source_kind`` is in ``kinds`` times ``factor``.

    ``factor`` 0 drops those items: they no longer count, nor count towards their source
    group's size, so the result scores exactly like the matrix without them.
    """
    if isinstance(kinds, str) or not all(k in SOURCE_KINDS for k in kinds):
        raise ParameterError("kinds", kinds, "a list of any of " + ", ".join(SOURCE_KINDS))
    if not _is_number(factor) or factor < 0:
        raise ParameterError("factor", factor, "a number >= 0 (0 drops the items)")
    hit = np.isin(np.array(matrix.source_kind, dtype=str), list(kinds)) if matrix.items else np.zeros(0, bool)
    return replace(matrix, factor=np.where(hit, matrix.factor * float(factor), matrix.factor))


def discount_each_kind(matrix: Matrix, scheme: str = "heuer", *, kinds: Sequence[str] = INTERVIEW_KINDS, factor: float = 0.0,
                       weighted: bool = True, prior=None, group_sources: bool = True) -> pd.DataFrame:
    """Rerun the ranking with each kind of source discounted in turn (dropped by default).

    One row per kind: ``items`` (how many items are of that kind), ``top`` after discounting,
    ``changes_top``, ``changes_rank`` and the rank of each hypothesis.
    """
    setup = _setup(matrix, scheme, weighted, group_sources, prior)
    base_ranks = _ranks(_base(matrix, setup)[1])
    ranks = np.array([_ranks(_base(discount(matrix, [k], factor), setup)[1]) for k in kinds]).reshape(len(kinds), -1)
    out = _ranking_frame(matrix, "kind", list(kinds), ranks, base_ranks)
    out.insert(1, "items", [sum(s == k for s in matrix.source_kind) for k in kinds])
    return out


# --------------------------------------------------------------------------- verdict


def verdict(matrix: Matrix, *, weighted: bool = True, group_sources: bool = True, prior=None, draws: int = 10_000,
            p_step: float = 0.2, weight_noise: float = 0.2, seed: int = 0, max_changes: int = 3, limit: int = 10) -> dict:
    """Everything the report says about the result, as plain data (no prose).

    The "judgement" tested is the paper's (the hypothesis whose paper_judgement is most_solid)
    being ranked first; for a question without one, the set ranked first. Per scheme: the
    top, the posterior (bayes), the Monte Carlo probability of ranking first, the items whose
    removal and the interview kinds whose dropping flip the judgement, and the linchpins.
    ``prior`` applies to the bayes scheme only.
    """
    paper = matrix.paper_hypothesis
    out = {
        "question": matrix.question,
        "paper_hypothesis": paper,
        "settings": {"weighted": weighted, "group_sources": group_sources, "prior": prior, "draws": draws,
                     "p_step": p_step, "weight_noise": weight_noise, "seed": seed, "max_changes": max_changes},
        "schemes": {},
    }
    for scheme in SCHEMES:
        options = {"weighted": weighted, "group_sources": group_sources, "prior": prior if scheme == "bayes" else None}
        out["schemes"][scheme] = _scheme_verdict(matrix, scheme, options, paper, draws, p_step, weight_noise, seed, max_changes, limit)
    return out


def _scheme_verdict(matrix, scheme, options, paper, draws, p_step, weight_noise, seed, max_changes, limit) -> dict:
    scores = score(matrix, scheme, **options)
    tops = tuple(h for h in matrix.hypotheses if h in set(scores.loc[scores["rank"] == 1, "hypothesis"]))
    mc = monte_carlo(matrix, scheme, draws=draws, p_step=p_step, weight_noise=weight_noise, seed=seed, **options)
    p_first = {h: float(p) for h, p in zip(mc["hypothesis"], mc["p_first"])}
    pins = linchpins(matrix, scheme, max_changes=max_changes, target=paper, limit=limit, **options)
    result = {
        "top": list(tops),
        "paper_is_top": None if paper is None else paper in tops,
        "p_first": p_first,
        "p_paper_first": None if paper is None else p_first[paper],
        "loo_flips": _flips(leave_one_out(matrix, scheme, **options), "item", paper, tops),
        "discount_flips": _flips(discount_each_kind(matrix, scheme, **options), "kind", paper, tops),
        "linchpins": {"size": pins.size, "exact": pins.exact, "n_solutions": pins.n_solutions, "solutions": pins.solutions()},
    }
    if scheme == "bayes":
        result["posterior"] = {h: float(p) for h, p in zip(scores["hypothesis"], scores["posterior"])}
    return result


def _flips(frame: pd.DataFrame, key: str, paper: str | None, tops: tuple[str, ...]) -> list[str]:
    if paper is None:
        return [str(k) for k in frame.loc[frame["changes_top"], key]]
    return [str(k) for k in frame.loc[(frame[paper] == 1) != (paper in tops), key]]


# --------------------------------------------------------------------------- report parameters

PARAMETERS = (
    Param("question", str, "collapse", "Which question's hypotheses to weigh.", choices=QUESTIONS),
    Param("scheme", str, "heuer", "Scoring: Heuer's weighted inconsistency or the Bayesian reading.", choices=SCHEMES),
    Param("weighted", bool, True, "Weight items by credibility x relevance (low 1/√2, medium 1, high √2)."),
    Param("group_sources", bool, True, "Let the items of one source share the weight of one item."),
    Param("prior", list, None, "Prior over the question's hypotheses (bayes only), in file order; None is uniform.", optional=True),
    Param("p_step", float, 0.2, "Monte Carlo: chance that a rating moves one step (half up, half down).", minimum=0.0, maximum=1.0),
    Param("weight_noise", float, 0.2, "Monte Carlo: chance that a credibility or relevance level moves one level.", minimum=0.0, maximum=1.0),
    Param("draws", int, 10_000, "Monte Carlo draws.", minimum=100, maximum=200_000),
    Param("seed", int, 0, "Monte Carlo seed (same seed, same result).", minimum=0),
    Param("discount_kinds", list, [], "Source kinds whose items are discounted.", choices=SOURCE_KINDS, many=True),
    Param("discount_factor", float, 0.5, "Weight multiplier for the discounted kinds (0 drops them).", minimum=0.0, maximum=1.0),
)


def parameters(**values) -> dict:
    """Check the report's parameters (the prior against the question's hypotheses) and fill defaults."""
    checked = check_parameters(PARAMETERS, values)
    if checked["prior"] is not None:
        if checked["scheme"] != "bayes":
            raise ParameterError("prior", checked["prior"], "None unless scheme='bayes'")
        hyps = datasets.hypotheses()
        check_prior(checked["prior"], tuple(hyps.loc[hyps["question"] == checked["question"], "id"]))
    return checked


def matrix_for(params: dict, path=None) -> Matrix:
    """The question's matrix with the parameters' discount applied."""
    matrix = build_matrix(params["question"], path)
    if params["discount_kinds"]:
        matrix = discount(matrix, params["discount_kinds"], params["discount_factor"])
    return matrix
