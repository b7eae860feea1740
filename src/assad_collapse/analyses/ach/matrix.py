"""The ACH matrix of one question: hypotheses, evidence items, their ratings, and each item's weight.

**Item weight** (PARC ACH 2.0). ``w_i = c_i * r_i * f_i`` where ``c_i`` and ``r_i`` are the item's
credibility and relevance as numbers (:data:`LEVEL_WEIGHT`: low 1/√2, medium 1, high √2, so that a
high-high item weighs 2, a medium-medium one 1 and a low-low one 1/2) and ``f_i`` is a discount factor
from 0 to 1 (1 unless :func:`~.sensitivity.discount` changed it). With ``weighted=False``, ``c_i = r_i = 1``.

**Reliability** (the Bayesian reading). ``q_i = w_i / 2``, the weight as a share of the heaviest
possible item, so ``0 <= q_i <= 1``: a report is never treated as more telling than the event itself.
With ``weighted=False`` every item weighs what a medium-credibility, medium-relevance item does (1),
so its reliability is 1/2 under both schemes' reading of "every item weighs the same".

**Steps.** A one-step rating change moves along ``CC - C - N - I - II``; ``NA`` never moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Sequence

import numpy as np
import pandas as pd

from ...errors import AssadCollapseError, ParameterError
from ...paper import datasets
from ...paper.vocabulary import JUDGEMENTS, LEVELS, QUESTIONS, RATINGS, SOURCE_KINDS
from .settings import NA, SCALE

_NA_STEP = len(SCALE)  # steps index SCALE; NA is stored as this extra index

LEVEL_WEIGHT = {"low": 2**-0.5, "medium": 1.0, "high": 2**0.5}
"""Credibility and relevance as numbers (PARC ACH 2.0): an item weighs credibility x relevance."""

PAPER_JUDGEMENTS = ("most_solid", "probable")
"""The paper's own answer to a question: the hypothesis it judges most solid, else the one it calls probable."""

_LEVEL_VALUE = np.array([LEVEL_WEIGHT[level] for level in LEVELS])


@dataclass(frozen=True, eq=False)
class Matrix:
    """One question's ACH matrix: hypotheses (columns), evidence items (rows) and ratings.

    ``ratings`` is an (items x hypotheses) array of codes from ``CC C N I II NA``;
    ``credibility`` and ``relevance`` are levels (low/medium/high, numbers via
    :data:`LEVEL_WEIGHT`); ``factor`` is the per-item discount from 0 to 1 (1 by default);
    ``summaries`` are the items' one-line labels.
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
    summaries: tuple[str, ...] | None = None
    short_labels: tuple[str, ...] | None = None

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
        if self.summaries is None:
            object.__setattr__(self, "summaries", tuple(self.items))
        if self.short_labels is None:
            object.__setattr__(self, "short_labels", tuple(self.labels))
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
        summaries: Sequence[str] | None = None,
        question: str = "hand",
    ) -> Matrix:
        """A matrix from plain lists: one row of rating codes per item, one code per hypothesis.

        Missing attributes default to: items ``e1, e2, ...``; medium credibility and relevance;
        source kind ``unattributed``; every item its own source group; labels = ids;
        judgements ``open``; empty locators; summaries = ids. A single string applies to every item.
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
            summaries=tuple(summaries) if summaries is not None else None,
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
        """The paper's own answer: the hypothesis it judges most solid, else the one it calls probable, else None."""
        for judgement in PAPER_JUDGEMENTS:
            chosen = [h for h, j in zip(self.hypotheses, self.judgements) if j == judgement]
            if chosen:
                return chosen[0]
        return None

    def label(self, hypothesis: str) -> str:
        """The short label of a hypothesis."""
        return self.labels[self.hypotheses.index(hypothesis)]

    def summary(self, item: str) -> str:
        """The one-line summary of an evidence item."""
        return self.summaries[self.items.index(item)]

    # ---- views and edits

    def table(self) -> pd.DataFrame:
        """The ratings as a frame: one row per item, one column per hypothesis."""
        return pd.DataFrame(self.ratings, index=pd.Index(self.items, name="item"), columns=list(self.hypotheses))

    def frame(self, *, weighted: bool = True) -> pd.DataFrame:
        """One row per item: summary, source, levels, their numbers, discount factor, weight and reliability."""
        return pd.DataFrame({
            "item": self.items,
            "summary": self.summaries,
            "source_kind": self.source_kind,
            "source_group": self.source_group,
            "credibility": self.credibility,
            "relevance": self.relevance,
            "credibility_weight": self.credibility_weight,
            "relevance_weight": self.relevance_weight,
            "factor": self.factor,
            "weight": item_weights(self, weighted=weighted),
            "reliability": reliability(self, weighted=weighted),
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
            summaries=pick(self.summaries),
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
    for name in ("labels", "judgements", "short_labels"):
        if len(getattr(m, name)) != n_hyp:
            raise ParameterError(name, getattr(m, name), f"one per hypothesis ({n_hyp})")
    for name in ("credibility", "relevance", "source_kind", "source_group", "locator", "summaries"):
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
    if m.factor.shape != (len(m.items),) or not np.all(np.isfinite(m.factor)) or np.any((m.factor < 0) | (m.factor > 1)):
        raise ParameterError("factor", m.factor, "one number from 0 to 1 per item")


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
        summaries=text("summary"),
        short_labels=tuple(hyps["short_label"].astype(str)),
    )


def item_weights(matrix: Matrix, *, weighted: bool = True) -> np.ndarray:
    """Each item's PARC weight ``c_i * r_i * f_i`` (see the module docstring)."""
    return _weights(matrix, matrix.factor, weighted)


def reliability(matrix: Matrix, *, weighted: bool = True) -> np.ndarray:
    """Each item's reliability ``q_i = w_i / 2`` in the Bayesian reading: from 0 to 1, never more."""
    return _reliability(_weights(matrix, matrix.factor, weighted))


def _reliability(weights: np.ndarray) -> np.ndarray:
    """Weights over the heaviest possible: the same rule whether items are weighted or not."""
    return weights / MAX_WEIGHT


MAX_WEIGHT = LEVEL_WEIGHT["high"] ** 2
"""The weight of a high-credibility, high-relevance item (2): reliabilities are weights over this."""


def _weights(m: Matrix, factor: np.ndarray, weighted: bool,
             credibility: np.ndarray | None = None, relevance: np.ndarray | None = None) -> np.ndarray:
    """Weights for one or a batch (leading axes) of factor / level arrays over the items."""
    w = np.asarray(factor, dtype=float)
    if weighted:
        c = m.credibility_weight if credibility is None else _LEVEL_VALUE[credibility]
        r = m.relevance_weight if relevance is None else _LEVEL_VALUE[relevance]
        w = c * r * w
    return w
