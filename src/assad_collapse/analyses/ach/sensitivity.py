"""How the ACH ranking moves when evidence is taken away: leave-one-out and discounting kinds of source."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np
import pandas as pd

from ...errors import ParameterError
from ...paper.vocabulary import SOURCE_KINDS
from .matrix import INTERVIEW_KINDS, Matrix, _weights
from .scoring import _base, _ranks, _setup, _top_ids, _totals
from .montecarlo import _is_number


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
