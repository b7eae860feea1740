"""How the ACH ranking moves when evidence is taken away: leave-one-out and discounting kinds of source.

"The top" is the verdict's: the hypotheses within the practical margin of the best (:mod:`.ties`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np
import pandas as pd

from ...errors import ParameterError
from ...paper.vocabulary import SOURCE_KINDS
from .matrix import Matrix
from .scoring import badness, cell_values, effective_factor, evaluate, ranks, settings_of, top_ids, totals
from .settings import Settings, _is_number
from .ties import leader_set


def leave_one_out(matrix: Matrix, scheme: str | Settings = "heuer", **switches) -> pd.DataFrame:
    """The ranking without each item in turn (nothing else is re-weighted).

    One row per item: ``top`` (ids of the leaders without it, ';'-joined), ``changes_top`` (the set of
    leaders differs from the full matrix's), ``changes_rank`` (any rank differs), and one column per
    hypothesis id with its rank without the item. All items at once: a batch of factor vectors, each
    with one item's factor set to 0 (an item at 0 counts nothing, whatever the settings).
    """
    s = settings_of(scheme, **switches)
    base = evaluate(matrix, s)
    factors = effective_factor(matrix, s)[None, :] * (1.0 - np.eye(len(matrix.items)))
    bad = badness(s, totals(matrix, s, cell_values(matrix, s, factor=factors)), base.log_prior)
    return _ranking_frame(matrix, s, "item", list(matrix.items), bad, base)


def _ranking_frame(matrix: Matrix, s: Settings, key: str, keys: list, bad: np.ndarray, base) -> pd.DataFrame:
    batch = ranks(bad).reshape(len(keys), -1)
    tops = leader_set(bad, s).reshape(len(keys), -1)
    base_ranks = base.ranks
    out = pd.DataFrame({
        key: keys,
        "top": [";".join(top_ids(matrix, t)) for t in tops],
        "changes_top": (tops != leader_set(base.badness, s)).any(axis=1) if len(keys) else np.zeros(0, bool),
        "changes_rank": (batch != base_ranks).any(axis=1) if len(keys) else np.zeros(0, bool),
    })
    return pd.concat([out, pd.DataFrame(batch.reshape(len(keys), -1), columns=list(matrix.hypotheses))], axis=1)


def discount(matrix: Matrix, kinds: Sequence[str], factor: float) -> Matrix:
    """The matrix with the weight of every item whose ``source_kind`` is in ``kinds`` times ``factor`` (0 to 1).

    ``factor`` 0 drops those items: the result scores exactly like the matrix without them.
    """
    if isinstance(kinds, str) or not all(k in SOURCE_KINDS for k in kinds):
        raise ParameterError("kinds", kinds, "a list of any of " + ", ".join(SOURCE_KINDS))
    if not _is_number(factor) or not 0 <= factor <= 1:
        raise ParameterError("factor", factor, "a number from 0 to 1 (0 drops the items)")
    hit = np.isin(np.array(matrix.source_kind, dtype=str), list(kinds)) if matrix.items else np.zeros(0, bool)
    return replace(matrix, factor=np.where(hit, matrix.factor * float(factor), matrix.factor))


def discount_each_kind(matrix: Matrix, scheme: str | Settings = "heuer", *, kinds: Sequence[str] | None = None,
                       factor: float = 0.0, **switches) -> pd.DataFrame:
    """Rerun the ranking with each kind of source discounted in turn (dropped by default).

    ``kinds`` defaults to the kinds present in the matrix, in the vocabulary's order. One row per kind:
    ``items`` (how many items are of that kind), ``top`` (the leaders) after discounting, ``changes_top``,
    ``changes_rank`` and the rank of each hypothesis.
    """
    s = settings_of(scheme, **switches)
    kinds = [k for k in SOURCE_KINDS if k in set(matrix.source_kind)] if kinds is None else list(kinds)
    base = evaluate(matrix, s)
    bad = np.array([evaluate(discount(matrix, [k], factor), s).badness for k in kinds]).reshape(len(kinds), -1)
    out = _ranking_frame(matrix, s, "kind", kinds, bad, base)
    out.insert(1, "items", [sum(k == kind for kind in matrix.source_kind) for k in kinds])
    return out
